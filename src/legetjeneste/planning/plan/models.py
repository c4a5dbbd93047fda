"""The plan for legetjenesten (PLAN-*): goals, mandate areas, needs, measures with their priorities in
several series, linked plans and saved versions. One plan per municipality and title; the stated totals are
the plan's own words and are never replaced by what the measures add up to (PLAN-COST-TOTAL)."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legetjeneste.db import Base, ExactDecimal, Timestamp


class Plan(Base):
    __tablename__ = "plan"
    __table_args__ = (UniqueConstraint("municipality_number", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    adopted_on: Mapped[date | None] = mapped_column(Date)
    first_year: Mapped[int] = mapped_column(Integer)
    last_year: Mapped[int] = mapped_column(Integer)
    stated_yearly_total: Mapped[Decimal | None] = mapped_column(ExactDecimal(14, 2))
    stated_one_off_total: Mapped[Decimal | None] = mapped_column(ExactDecimal(14, 2))
    stated_total_text: Mapped[str] = mapped_column(Text, default="")
    revision_due: Mapped[date | None] = mapped_column(Date)
    revision_owner: Mapped[str] = mapped_column(String(200), default="")
    target_list_length: Mapped[int | None] = mapped_column(Integer)
    su_statement: Mapped[str] = mapped_column(Text, default="")
    su_statement_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)

    goals: Mapped[list["PlanGoal"]] = relationship(
        cascade="all, delete-orphan", order_by="PlanGoal.number", back_populates="plan"
    )
    mandate_areas: Mapped[list["PlanMandateArea"]] = relationship(
        cascade="all, delete-orphan", order_by="PlanMandateArea.position", back_populates="plan"
    )
    needs: Mapped[list["PlanNeed"]] = relationship(
        cascade="all, delete-orphan", order_by="PlanNeed.position", back_populates="plan"
    )
    linked_plans: Mapped[list["LinkedPlan"]] = relationship(
        cascade="all, delete-orphan", order_by="LinkedPlan.position", back_populates="plan"
    )
    versions: Mapped[list["PlanVersion"]] = relationship(
        cascade="all, delete-orphan", order_by="PlanVersion.number", back_populates="plan"
    )


class PlanGoal(Base):
    __tablename__ = "plan_goal"
    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    plan: Mapped[Plan] = relationship(back_populates="goals")


class PlanMandateArea(Base):
    """An area of the plan's mandate, with the goals (by number) its measures serve."""

    __tablename__ = "plan_mandate_area"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text, default="")
    goal_numbers: Mapped[list] = mapped_column(JSON, default=list)

    plan: Mapped[Plan] = relationship(back_populates="mandate_areas")


class PlanNeed(Base):
    __tablename__ = "plan_need"
    __table_args__ = (UniqueConstraint("plan_id", "letter"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    letter: Mapped[str] = mapped_column(String(3))
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text, default="")
    chapter: Mapped[str] = mapped_column(String(20), default="")
    mandate_area_id: Mapped[int | None] = mapped_column(ForeignKey("plan_mandate_area.id"))

    plan: Mapped[Plan] = relationship(back_populates="needs")
    mandate_area: Mapped[PlanMandateArea | None] = relationship()
    measures: Mapped[list["PlanMeasure"]] = relationship(
        cascade="all, delete-orphan", order_by="PlanMeasure.position", back_populates="need"
    )


class PlanMeasure(Base):
    __tablename__ = "plan_measure"

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("plan_need.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    first_year: Mapped[int | None] = mapped_column(Integer)
    last_year: Mapped[int | None] = mapped_column(Integer)
    period_text: Mapped[str] = mapped_column(String(100), default="")
    yearly_cost: Mapped[Decimal | None] = mapped_column(ExactDecimal(14, 2))
    one_off_cost: Mapped[Decimal | None] = mapped_column(ExactDecimal(14, 2))
    cost_text: Mapped[str] = mapped_column(Text, default="")
    social_costs_included: Mapped[bool | None] = mapped_column(Boolean)
    funding: Mapped[str] = mapped_column(String(30))
    owner: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default="planned")
    progress: Mapped[int] = mapped_column(Integer, default=0)
    concerns_gps: Mapped[bool] = mapped_column(Boolean, default=False)

    need: Mapped[PlanNeed] = relationship(back_populates="measures")
    priorities: Mapped[list["MeasurePriority"]] = relationship(
        cascade="all, delete-orphan", order_by="MeasurePriority.series", back_populates="measure"
    )


class MeasurePriority(Base):
    """A measure's place in one priority series (PLAN-PRIORITY-SERIES); rank None: in the series, unranked."""

    __tablename__ = "plan_measure_priority"

    measure_id: Mapped[int] = mapped_column(ForeignKey("plan_measure.id"), primary_key=True)
    series: Mapped[str] = mapped_column(String(30), primary_key=True)
    rank: Mapped[int | None] = mapped_column(Integer)

    measure: Mapped[PlanMeasure] = relationship(back_populates="priorities")


class LinkedPlan(Base):
    """A plan the service keeps beside this one, with its own revision date (PLAN-LINKED)."""

    __tablename__ = "plan_linked"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    revision_due: Mapped[date | None] = mapped_column(Date)
    owner: Mapped[str] = mapped_column(String(200), default="")

    plan: Mapped[Plan] = relationship(back_populates="linked_plans")


class PlanVersion(Base):
    """A saved version of the plan: what changed, by whom, and the measures as they stood then. A version sent
    to the SU (PLAN-DUTY) keeps the committee case it went as, and the statement's date and vote when it
    comes back."""

    __tablename__ = "plan_version"
    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    saved_at: Mapped[datetime] = mapped_column(Timestamp)
    saved_by: Mapped[str] = mapped_column(String(254))
    note: Mapped[str] = mapped_column(Text)
    snapshot: Mapped[dict] = mapped_column(JSON, default=dict)
    # committees' case id (no foreign key: the committees feature owns its table)
    su_case_id: Mapped[int | None] = mapped_column(Integer)
    su_committee: Mapped[str] = mapped_column(String(200), default="")
    su_sent_on: Mapped[date | None] = mapped_column(Date)
    su_statement: Mapped[str] = mapped_column(Text, default="")
    su_statement_on: Mapped[date | None] = mapped_column(Date)
    su_votes: Mapped[str] = mapped_column(String(20), default="")

    plan: Mapped[Plan] = relationship(back_populates="versions")
