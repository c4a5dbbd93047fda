"""Use cases of the citizen's GP panel: its settings (digital services, absence assistant, office
notices), the panel of an agreement on a date, and the warnings about the settings (HN-*)."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.absence.models import AbsenceAssistant, DigitalServices
from legetjeneste.absence.panel import queries as panel_queries
from legetjeneste.absence.panel.rules import panel
from legetjeneste.absence.panel.rules import settings as settings_rules
from legetjeneste.absence.panel.schemas import (
    AbsenceAssistantCreate,
    AbsenceAssistantRead,
    DigitalServicesRead,
    DigitalServicesUpdate,
    GpPanelRead,
    PanelWarningRead,
)
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import Period, today_oslo
from legetjeneste.errors import Forbidden, Problem, ValidationFailed
from legetjeneste.registry import queries as registry_queries
from legetjeneste.registry.models import Agreement, Doctor

_SETTINGS = ("offers_digital_services", *panel.SERVICES)


def agreement_in_scope(session: Session, actor: Actor, agreement_id: int) -> Agreement:
    """The agreement with its office and doctor periods, loaded in one select; the scope check then finds
    it in the session instead of selecting it again."""
    loaded = panel_queries.agreement(session, agreement_id)
    agreement = scope.agreement(session, actor, agreement_id)
    assert agreement is loaded
    return agreement


def require_office(actor: Actor, office_id: int) -> None:
    if not auth_rules.can_manage_office(actor, office_id):
        raise Forbidden("Du kan bare endre fastlegepanelet for ditt eget legekontor.")


def services_read(agreement: Agreement, row: DigitalServices | None, *, on: date) -> DigitalServicesRead:
    facts = panel_queries.settings_facts(agreement, row, on=on)
    return DigitalServicesRead.of(
        facts,
        is_default=row is None,
        panel_shown=not panel.hides_panel(facts.settings),
        warnings=settings_rules.switch_warnings(facts),
    )


def get_digital_services(session: Session, *, actor: Actor, agreement_id: int) -> DigitalServicesRead:
    auth_service.require(actor, "panel.read")
    with session.begin():
        agreement = agreement_in_scope(session, actor, agreement_id)
        row = panel_queries.digital_services(session, [agreement.id]).get(agreement.id)
        return services_read(agreement, row, on=today_oslo())


def update_digital_services(
    session: Session, *, actor: Actor, agreement_id: int, data: DigitalServicesUpdate
) -> DigitalServicesRead:
    """Switch services on or off; switching them off is allowed but warned about (HN-KEEP-ON, HN-MIN-ONE);
    a service left on while the GP offers no digital services contradicts it and is refused (HN-PANEL)."""
    auth_service.require(actor, "panel.write")
    with session.begin():
        agreement = agreement_in_scope(session, actor, agreement_id)
        require_office(actor, agreement.office_id)
        row = session.get(DigitalServices, agreement.id)
        if row is None:
            row = DigitalServices(agreement_id=agreement.id, **{f: True for f in _SETTINGS})
            session.add(row)
        changes = data.model_dump(exclude_unset=True, exclude_none=True)
        for field, value in changes.items():
            setattr(row, field, value)
        problems = settings_rules.contradiction_problems(panel_queries.settings_of(row))
        if problems:
            raise ValidationFailed(problems)
        session.flush()
        audit_service.record(
            session,
            actor=actor,
            action="update",
            entity="digital_services",
            record_ids=[agreement.id],
            municipality_number=agreement.municipality_number,
            detail=changes,
        )
        return services_read(agreement, row, on=today_oslo())


def list_assistants(session: Session, *, actor: Actor, agreement_id: int) -> list[AbsenceAssistantRead]:
    auth_service.require(actor, "panel.read")
    with session.begin():
        agreement = agreement_in_scope(session, actor, agreement_id)
        found = panel_queries.assistants(session, [agreement.id])
        return [AbsenceAssistantRead.of(e, agreement.office_id) for e in found]


def _assistant_problems(
    session: Session, agreement: Agreement, data: AbsenceAssistantCreate
) -> list[Problem]:
    colleague = session.get(Doctor, data.colleague_doctor_id)
    known = colleague is not None and colleague.municipality_number == agreement.municipality_number
    regular = [p for p in agreement.doctor_periods if p.role == "regular"]
    return settings_rules.assistant_problems(
        start=data.start,
        end=data.end,
        services=data.services,
        colleague_known=known,
        colleague_gp_periods=[p.period for p in regular if p.doctor_id == data.colleague_doctor_id],
        entries=[panel_queries.entry_of(e) for e in panel_queries.assistants(session, [agreement.id])],
        colleague_away=panel_queries.absence_periods(session, [data.colleague_doctor_id]).get(
            data.colleague_doctor_id, []
        ),
    )


def add_assistant(
    session: Session, *, actor: Actor, agreement_id: int, data: AbsenceAssistantCreate
) -> AbsenceAssistantRead:
    """HN-KEEP-ON — a colleague answers some of the GP's services in a period."""
    auth_service.require(actor, "panel.write")
    with session.begin():
        agreement = agreement_in_scope(session, actor, agreement_id)
        require_office(actor, agreement.office_id)
        problems = _assistant_problems(session, agreement, data)
        if problems:
            raise ValidationFailed(problems)
        entry = AbsenceAssistant(agreement_id=agreement.id, **data.model_dump())
        session.add(entry)
        session.flush()
        detail = {"agreement": agreement.id, "services": data.services, "period": f"{data.start}–{data.end}"}
        audit_service.record(
            session,
            actor=actor,
            action="create",
            entity="absence_assistant",
            record_ids=[entry.id],
            municipality_number=agreement.municipality_number,
            detail=detail,
        )
        return AbsenceAssistantRead.of(entry, agreement.office_id)


def _assistant_in_scope(
    session: Session, actor: Actor, assistant_id: int
) -> tuple[AbsenceAssistant, Agreement]:
    entry = scope.row(
        session,
        actor,
        AbsenceAssistant,
        assistant_id,
        missing=f"Fraværsassistent {assistant_id} finnes ikke.",
        municipality_of=lambda found: found.agreement.municipality_number,
    )
    agreement = agreement_in_scope(session, actor, entry.agreement_id)
    require_office(actor, agreement.office_id)
    return entry, agreement


def get_assistant(session: Session, *, actor: Actor, assistant_id: int) -> AbsenceAssistantRead:
    """An absence assistant the actor may remove, as the question before removing it shows it."""
    auth_service.require(actor, "panel.write")
    with session.begin():
        entry, agreement = _assistant_in_scope(session, actor, assistant_id)
        return AbsenceAssistantRead.of(entry, agreement.office_id)


def remove_assistant(session: Session, *, actor: Actor, assistant_id: int) -> AbsenceAssistantRead:
    auth_service.require(actor, "panel.write")
    with session.begin():
        entry, agreement = _assistant_in_scope(session, actor, assistant_id)
        removed = AbsenceAssistantRead.of(entry, agreement.office_id)
        detail = {"agreement": agreement.id, "colleague": entry.colleague_doctor_id}
        audit_service.record(
            session,
            actor=actor,
            action="delete",
            entity="absence_assistant",
            record_ids=[entry.id],
            municipality_number=agreement.municipality_number,
            detail=detail,
        )
        session.delete(entry)
        return removed


def gp_panel(session: Session, *, actor: Actor, agreement_id: int, on: date | None = None) -> GpPanelRead:
    """The panel a citizen on the list sees on the date (HN-PANEL, HN-MIN-ONE, HN-KEEP-ON, HN-NO-COVER)."""
    auth_service.require(actor, "panel.read")
    day = on or today_oslo()
    with session.begin():
        loaded, row = panel_queries.agreement_and_services(session, agreement_id)
        agreement = scope.agreement(session, actor, agreement_id)
        assert agreement is loaded
        rows = {agreement.id: row} if row is not None else {}
        [facts] = panel_queries.panel_facts(
            session, [agreement], on=day, office_id=agreement.office_id, rows=rows
        )
        detail = {"date": day.isoformat()}
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="gp_panel",
            record_ids=[agreement.id],
            municipality_number=agreement.municipality_number,
            detail=detail,
        )
        return GpPanelRead.model_validate(panel.gp_panel(facts, on=day))


def warnings_of(
    session: Session, agreements: list[Agreement], office_id: int, horizon: Period
) -> list[PanelWarningRead]:
    current = [a for a in agreements if a.period.overlaps(horizon)]
    return [
        PanelWarningRead.model_validate(w)
        for facts in panel_queries.panel_facts(session, current, on=horizon.start, office_id=office_id)
        for w in settings_rules.settings_warnings(facts, horizon=horizon)
    ]


def settings_warnings(
    session: Session,
    *,
    actor: Actor,
    office_id: int | None = None,
    agreement_id: int | None = None,
    horizon: Period | None = None,
) -> list[PanelWarningRead]:
    """What in the settings of an office's (or one agreement's) panels hides the panel (HN-MIN-ONE),
    leaves a service without cover during an absence (HN-NO-COVER) or switches a service off (HN-KEEP-ON)."""
    auth_service.require(actor, "panel.read")
    span = horizon or settings_rules.default_horizon(today_oslo())
    with session.begin():
        if agreement_id is not None:
            agreement = agreement_in_scope(session, actor, agreement_id)
            return warnings_of(session, [agreement], agreement.office_id, span)
        if office_id is None:
            raise ValidationFailed([Problem("office_id", "oppgi legekontor eller fastlegeavtale")])
        office = scope.office(session, actor, office_id)
        found = registry_queries.agreements(
            session, municipality_number=office.municipality_number, office_id=office.id
        )
        return warnings_of(session, found, office.id, span)
