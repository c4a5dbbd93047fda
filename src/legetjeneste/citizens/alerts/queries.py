"""Reads and writes of alerts; never commits."""

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from legetjeneste.citizens.alerts.models import AlertSent, AlertSubscription, ListOpening


def unconfirmed_count(session: Session, email: str) -> int:
    query = select(func.count()).where(
        AlertSubscription.email == email,
        AlertSubscription.confirmed_at.is_(None),
        AlertSubscription.ended_at.is_(None),
    )
    return session.scalar(query) or 0


def add_subscription(session: Session, subscription: AlertSubscription) -> AlertSubscription:
    session.add(subscription)
    session.flush()
    return subscription


def subscription(session: Session, subscription_id: int) -> AlertSubscription | None:
    return session.get(AlertSubscription, subscription_id)


def active_subscriptions(session: Session) -> list[AlertSubscription]:
    """Confirmed subscriptions that have not ended."""
    query = select(AlertSubscription).where(
        AlertSubscription.confirmed_at.is_not(None), AlertSubscription.ended_at.is_(None)
    )
    return list(session.scalars(query.order_by(AlertSubscription.id)))


def subscriptions_of_citizen(session: Session, citizen_id: int) -> list[dict]:
    """A citizen's own subscriptions, as their data download shows them."""
    query = select(AlertSubscription).where(AlertSubscription.citizen_id == citizen_id)
    return [
        {
            "email": s.email,
            "municipality_number": s.municipality_number,
            "office_id": s.office_id,
            "agreement_id": s.agreement_id,
            "created_at": s.created_at.isoformat(),
            "confirmed_at": s.confirmed_at.isoformat() if s.confirmed_at else None,
            "ended_at": s.ended_at.isoformat() if s.ended_at else None,
        }
        for s in session.scalars(query.order_by(AlertSubscription.id))
    ]


def open_openings(session: Session, agreement_ids: list[int]) -> dict[int, ListOpening]:
    """The openings not yet closed, per agreement."""
    if not agreement_ids:
        return {}
    query = select(ListOpening).where(
        ListOpening.closed_at.is_(None), ListOpening.agreement_id.in_(agreement_ids)
    )
    return {opening.agreement_id: opening for opening in session.scalars(query)}


def add_opening(session: Session, *, agreement_id: int, open_places: int, now: datetime) -> ListOpening:
    opening = ListOpening(agreement_id=agreement_id, open_places=open_places, opened_at=now)
    session.add(opening)
    session.flush()
    return opening


def sent_pairs(session: Session, opening_ids: list[int]) -> set[tuple[int, int]]:
    """(subscription, opening) pairs already told."""
    if not opening_ids:
        return set()
    query = select(AlertSent.subscription_id, AlertSent.opening_id).where(
        AlertSent.opening_id.in_(opening_ids)
    )
    return {(s, o) for s, o in session.execute(query)}


def add_sent(session: Session, *, subscription_id: int, opening_id: int, now: datetime) -> None:
    session.add(AlertSent(subscription_id=subscription_id, opening_id=opening_id, sent_at=now))
