"""Use cases of the office notices: the message under «Informasjon fra legekontoret» in the GP panel."""

from sqlalchemy.orm import Session

from legetjeneste.absence.models import OfficeNotice
from legetjeneste.absence.panel import queries as panel_queries
from legetjeneste.absence.panel import views as panel_views
from legetjeneste.absence.panel.schemas import OfficeNoticeCreate, OfficeNoticeRead, OfficeNoticeUpdate
from legetjeneste.absence.panel.service import require_office
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import today_oslo
from legetjeneste.errors import NotFound, Problem, ValidationFailed


def list_notices(session: Session, *, actor: Actor, office_id: int) -> list[OfficeNoticeRead]:
    auth_service.require(actor, "panel.read")
    with session.begin():
        office = scope.office(session, actor, office_id)
        return [panel_views.notice_read(n) for n in panel_queries.notices(session, office.id)]


def _check_notice(notice: OfficeNotice) -> None:
    if notice.end is not None and notice.end < notice.start:
        raise ValidationFailed([Problem("end", "sluttdatoen er før startdatoen")])


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
        return panel_views.notice_read(notice)


def _notice_in_scope(session: Session, actor: Actor, notice_id: int) -> OfficeNotice:
    notice = session.get(OfficeNotice, notice_id)
    if notice is None:
        raise NotFound(f"Meldingen {notice_id} finnes ikke.")
    scope.require_municipality(actor, notice.office.municipality_number)
    require_office(actor, notice.office_id)
    return notice


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
        return panel_views.notice_read(notice)


def remove_notice(session: Session, *, actor: Actor, notice_id: int) -> OfficeNoticeRead:
    auth_service.require(actor, "panel.write")
    with session.begin():
        notice = _notice_in_scope(session, actor, notice_id)
        removed = panel_views.notice_read(notice)
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
