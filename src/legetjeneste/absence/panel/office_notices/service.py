"""Use cases of the office notices: the message under «Informasjon fra legekontoret» in the GP panel."""

from sqlalchemy.orm import Session

from legetjeneste.absence.models import OfficeNotice
from legetjeneste.absence.panel import queries as panel_queries
from legetjeneste.absence.panel.rules import settings as settings_rules
from legetjeneste.absence.panel.schemas import OfficeNoticeCreate, OfficeNoticeRead, OfficeNoticeUpdate
from legetjeneste.absence.panel.service import require_office
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import today_oslo
from legetjeneste.errors import ValidationFailed


def can_change(actor: Actor, office_id: int) -> bool:
    return auth_rules.can(actor, "panel.write") and auth_rules.can_manage_office(actor, office_id)


def list_notices(session: Session, *, actor: Actor, office_id: int) -> list[OfficeNoticeRead]:
    auth_service.require(actor, "panel.read")
    with session.begin():
        office = scope.office(session, actor, office_id)
        return [OfficeNoticeRead.of(n) for n in panel_queries.notices(session, office.id)]


def office_notices(session: Session, *, actor: Actor, office_id: int) -> dict:
    """The office's notices and whether the actor may change them (Mitt kontor)."""
    notices = list_notices(session, actor=actor, office_id=office_id)
    return {"notices": notices, "can_edit": can_change(actor, office_id)}


def _check_notice(notice: OfficeNotice) -> None:
    problems = settings_rules.notice_problems(start=notice.start, end=notice.end)
    if problems:
        raise ValidationFailed(problems)


def add_notice(
    session: Session, *, actor: Actor, office_id: int, data: OfficeNoticeCreate
) -> OfficeNoticeRead:
    """HN-PANEL — the office's message under «Informasjon fra legekontoret», from today unless told."""
    auth_service.require(actor, "panel.write")
    with session.begin():
        office = scope.office(session, actor, office_id)
        require_office(actor, office.id)
        notice = OfficeNotice(office=office, text=data.text, start=data.start or today_oslo(), end=data.end)
        _check_notice(notice)
        session.add(notice)
        session.flush()
        audit_service.record(
            session,
            actor=actor,
            action="create",
            entity="office_notice",
            record_ids=[notice.id],
            municipality_number=office.municipality_number,
        )
        return OfficeNoticeRead.of(notice)


def _notice_in_scope(session: Session, actor: Actor, notice_id: int) -> OfficeNotice:
    notice = scope.row(
        session,
        actor,
        OfficeNotice,
        notice_id,
        missing=f"Meldingen {notice_id} finnes ikke.",
        municipality_of=lambda found: found.office.municipality_number,
    )
    require_office(actor, notice.office_id)
    return notice


def get_notice(session: Session, *, actor: Actor, notice_id: int) -> OfficeNoticeRead:
    """A notice the actor may change, as the question before deleting it shows it."""
    auth_service.require(actor, "panel.write")
    with session.begin():
        return OfficeNoticeRead.of(_notice_in_scope(session, actor, notice_id))


def update_notice(
    session: Session, *, actor: Actor, notice_id: int, data: OfficeNoticeUpdate
) -> OfficeNoticeRead:
    auth_service.require(actor, "panel.write")
    with session.begin():
        notice = _notice_in_scope(session, actor, notice_id)
        changes = data.model_dump(exclude_unset=True)
        for field, value in changes.items():
            if value is not None or field == "end":
                setattr(notice, field, value)
        _check_notice(notice)
        fields = {"fields": list(changes)}
        audit_service.record(
            session,
            actor=actor,
            action="update",
            entity="office_notice",
            record_ids=[notice.id],
            municipality_number=notice.office.municipality_number,
            detail=fields,
        )
        return OfficeNoticeRead.of(notice)


def remove_notice(session: Session, *, actor: Actor, notice_id: int) -> OfficeNoticeRead:
    auth_service.require(actor, "panel.write")
    with session.begin():
        notice = _notice_in_scope(session, actor, notice_id)
        removed = OfficeNoticeRead.of(notice)
        audit_service.record(
            session,
            actor=actor,
            action="delete",
            entity="office_notice",
            record_ids=[notice.id],
            municipality_number=notice.office.municipality_number,
        )
        session.delete(notice)
        return removed
