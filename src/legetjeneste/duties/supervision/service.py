"""Use cases of supervision agreements (DUTY-LIS1-AGREE): record one (term checked), list them, the hours
they take from what may be ordered (DUTY-SUPERVISION-DEDUCT; PAY-LIS1: 3 hours a week), and their clocks in
the deadlines overview (`Feature.clocks`)."""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import add_months
from legetjeneste.duties.supervision import queries, rules
from legetjeneste.duties.supervision.models import SupervisionAgreement
from legetjeneste.duties.supervision.schemas import SupervisionIn, SupervisionRead
from legetjeneste.errors import Problem, ValidationFailed
from legetjeneste.features import Clock
from legetjeneste.norwegian import day_text
from legetjeneste.registry import queries as registry_queries

KINDS = {"lis1": "LIS1", "alis": "ALIS"}
DEDUCTED_AS = {"lis1": "lis1_supervision", "alis": "alis_supervision"}


def weekly_hours(row: SupervisionAgreement) -> Decimal:
    """PAY-LIS1 — a LIS1 counts as a 3-hour-a-week post; an ALIS as the hours agreed (PAY-ALIS)."""
    if row.trainee_kind == "lis1":
        return Decimal(str(parameters.value("payments/lis1_weekly_hours", on=row.start)))
    return row.hours_per_week or Decimal(0)


def ends_on(row: SupervisionAgreement) -> date | None:
    """DUTY-LIS1-AGREE — when the agreement ends after notice; None while it runs on."""
    if row.notice_on is None:
        return None
    months = int(parameters.value("duties/lis1_notice_months", on=row.notice_on))
    return rules.end_after_notice(
        notice_on=row.notice_on,
        term_end=row.term_end,
        notice_months=months,
        supervision_until=row.supervision_until,
    )


def read(row: SupervisionAgreement) -> SupervisionRead:
    return SupervisionRead(
        id=row.id,
        doctor_id=row.doctor_id,
        doctor_name=row.doctor.full_name,
        trainee_kind=row.trainee_kind,
        trainee_name=row.trainee_name,
        hours_per_week=weekly_hours(row),
        start=row.start,
        term_end=row.term_end,
        renewal=row.renewal,
        notice_on=row.notice_on,
        ends_on=ends_on(row),
    )


def held_hours(
    session: Session, *, municipality_number: str, on: date
) -> dict[int, list[tuple[str, Decimal]]]:
    """DUTY-SUPERVISION-DEDUCT — per GP, the supervision hours of agreements running on the day."""
    found: dict[int, list[tuple[str, Decimal]]] = defaultdict(list)
    for row in queries.agreements(session, municipality_number=municipality_number):
        end = ends_on(row)
        if row.start <= on and (end is None or on <= end):
            found[row.doctor_id].append((DEDUCTED_AS[row.trainee_kind], weekly_hours(row)))
    return found


def store(
    session: Session, number: str, data: SupervisionIn, prefix: str = ""
) -> tuple[SupervisionAgreement, bool]:
    """Check the term (DUTY-LIS1-AGREE) and add or update the agreement (in the caller's transaction)."""
    doctor = registry_queries.doctor_by_hpr(session, municipality_number=number, hpr_number=data.doctor)
    if doctor is None:
        raise ValidationFailed([Problem(f"{prefix}doctor", f"lege {data.doctor} finnes ikke i kommunen")])
    rules.check_term(
        start=data.start,
        term_end=data.term_end,
        renewal=data.renewal,
        min_years=int(parameters.value("duties/lis1_agreement_min_years", on=data.start)),
        renewal_min_years=int(parameters.value("duties/lis1_renewal_min_years", on=data.start)),
    )
    existing = next(
        (
            row
            for row in queries.agreements(session, municipality_number=number)
            if (row.doctor_id, row.trainee_kind, row.start) == (doctor.id, data.trainee_kind, data.start)
        ),
        None,
    )
    row = existing or SupervisionAgreement(municipality_number=number, doctor_id=doctor.id)
    for name, value in data.model_dump(exclude={"doctor"}).items():
        setattr(row, name, value)
    session.add(row)
    session.flush()
    session.refresh(row, ["doctor"])
    return row, existing is not None


def save_agreement(
    session: Session, *, actor: Actor, municipality_number: str, data: SupervisionIn
) -> SupervisionRead:
    """DUTY-LIS1-AGREE — an agreement to receive and supervise a LIS1 or ALIS, at least three years (renewals
    two); notice recorded with it."""
    auth_service.require(actor, "duties.write")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        row, existed = store(session, municipality_number, data)
        audit_service.record(
            session,
            actor=actor,
            action="update" if existed else "create",
            entity="duty_supervision_agreement",
            record_ids=[row.id],
            municipality_number=municipality_number,
        )
        return read(row)


def list_agreements(session: Session, *, actor: Actor, municipality_number: str) -> list[SupervisionRead]:
    auth_service.require(actor, "duties.read")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        return [read(row) for row in queries.agreements(session, municipality_number=municipality_number)]


def clocks(session: Session, *, municipality_number: str, on: date) -> list[Clock]:
    """DUTY-LIS1-AGREE — the open clocks for the deadlines overview: a term running out (open its last six
    months: renew for at least two years or give six months' notice), and an agreement ending after notice
    (open from the notice to the end)."""
    found = []
    for row in queries.agreements(session, municipality_number=municipality_number):
        end = ends_on(row)
        kind = KINDS[row.trainee_kind]
        who = f"{row.doctor.full_name} ({kind}{': ' + row.trainee_name if row.trainee_name else ''})"
        if end is None and add_months(row.term_end, -6) <= on <= row.term_end:
            found.append(
                _clock(
                    row,
                    "term",
                    row.term_end,
                    add_months(row.term_end, -6),
                    municipality_number,
                    f"Avtaleperioden for veiledning av {kind} går ut {day_text(row.term_end)}",
                    who,
                    "forny avtalen for minst to år eller si den opp med seks måneders frist",
                )
            )
        elif end is not None and row.notice_on is not None and row.notice_on <= on <= end:
            found.append(
                _clock(
                    row,
                    "notice",
                    end,
                    row.notice_on or row.start,
                    municipality_number,
                    f"Avtalen om veiledning av {kind} er sagt opp og opphører {day_text(end)}",
                    who,
                    "sørg for at påbegynt veiledning fullføres",
                )
            )
    return found


def _clock(row, code: str, due: date, start: date, number: str, text: str, who: str, action: str) -> Clock:
    return Clock(
        key=f"supervision-{row.id}-{code}",
        code=f"supervision_{code}",
        due=due,
        start=start,
        rule_id=rules.AGREE.id,
        citation=rules.AGREE.citation,
        text=text,
        title=f"Veiledningsavtale: {who}",
        link=f"/kommuner/{number}/kommunale-oppgaver#veiledning",
        responsible_label="Kommuneoverlegen",
        link_permission="duties.read",
        action=action,
        doctor_name=row.doctor.full_name,
    )
