"""Use cases of an office's GP panels on one page: every current agreement's digital services and absence
assistant beside the citizen's panel as it looks today, with the warnings about them (HN-*); the settings
page of an office and the office administrator's Mitt kontor both show it, and one agreement's part of it
is what a saved setting answers with."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.absence.models import AbsenceAssistant, DigitalServices
from legetjeneste.absence.panel import queries as panel_queries
from legetjeneste.absence.panel.rules import panel
from legetjeneste.absence.panel.rules import settings as settings_rules
from legetjeneste.absence.panel.schemas import (
    AbsenceAssistantRead,
    GpPanelRead,
    OfficeNoticeRead,
    PanelWarningRead,
)
from legetjeneste.absence.panel.service import agreement_in_scope, services_read
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import Period, today_oslo
from legetjeneste.registry import queries as registry_queries
from legetjeneste.registry.models import Agreement, Office
from legetjeneste.registry.schemas import OfficeRead


def _part(
    agreement: Agreement,
    facts: panel.PanelFacts,
    *,
    row: DigitalServices | None,
    assistants: list[AbsenceAssistant],
    away: dict[int, list[Period]],
    day: date,
    horizon: Period,
) -> dict:
    """One agreement: its settings, its absence assistant, its warnings and its panel today."""
    own = [e for e in assistants if e.agreement_id == agreement.id]
    warnings = settings_rules.settings_warnings(facts, horizon=horizon)
    warnings += settings_rules.absent_assistant_warnings(
        agreement.id,
        [(panel_queries.entry_of(e), away.get(e.colleague_doctor_id, [])) for e in own if e.end >= day],
    )
    return {
        "id": agreement.id,
        "gp_name": panel_queries.gp_name_on(agreement, day),
        "services": services_read(agreement, row, on=day),
        "assistants": [AbsenceAssistantRead.of(e, agreement.office_id) for e in own],
        "warnings": [PanelWarningRead.model_validate(w) for w in warnings],
        "preview": GpPanelRead.model_validate(panel.gp_panel(facts, on=day)),
    }


def _office_data(
    session: Session, actor: Actor, office: Office, agreements: list[Agreement], day: date
) -> dict:
    horizon = settings_rules.default_horizon(day)
    current = [a for a in agreements if a.period.overlaps(horizon)]
    ids = [a.id for a in current]
    rows = panel_queries.digital_services(session, ids)
    facts = panel_queries.panel_facts(session, current, on=day, office_id=office.id, rows=rows)
    assistants = panel_queries.assistants(session, ids)
    away = panel_queries.absence_periods(session, sorted({e.colleague_doctor_id for e in assistants}))
    doctors = registry_queries.doctors(session, municipality_number=office.municipality_number)
    audit_service.record(
        session,
        actor=actor,
        action="read",
        entity="doctor",
        record_ids=[d.id for d in doctors],
        municipality_number=office.municipality_number,
        detail={"view": "gp_panel_settings", "date": day.isoformat()},
    )
    parts = [
        _part(a, f, row=rows.get(a.id), assistants=assistants, away=away, day=day, horizon=horizon)
        for a, f in zip(current, facts, strict=True)
    ]
    return {
        "office": OfficeRead.model_validate(office),
        "on": day,
        "horizon": horizon,
        "agreements": parts,
        "warnings": [w for part in parts for w in part["warnings"]],
        "colleagues": [{"id": d.id, "name": d.full_name, "hpr_number": d.hpr_number} for d in doctors],
        "service_names": panel.SERVICE_NAMES,
        "can_edit": auth_rules.can(actor, "panel.write") and auth_rules.can_manage_office(actor, office.id),
    }


def office_panel_settings(session: Session, *, actor: Actor, office_id: int, on: date | None = None) -> dict:
    """Everything an office's panel settings show: each current agreement's services, absence assistant,
    warnings over the next twelve months and panel today; the office notices; the colleagues to pick."""
    auth_service.require(actor, "panel.read")
    day = on or today_oslo()
    with session.begin():
        office = scope.office(session, actor, office_id)
        found = registry_queries.agreements(
            session, municipality_number=office.municipality_number, office_id=office.id
        )
        data = _office_data(session, actor, office, found, day)
        data["notices"] = [OfficeNoticeRead.of(n) for n in panel_queries.notices(session, office.id)]
        return data


def agreement_part(session: Session, *, actor: Actor, agreement_id: int, on: date | None = None) -> dict:
    """One agreement's part of the office's panel settings, as `office_panel_settings` shows it."""
    auth_service.require(actor, "panel.read")
    day = on or today_oslo()
    with session.begin():
        agreement = agreement_in_scope(session, actor, agreement_id)
        data = _office_data(session, actor, agreement.office, [agreement], day)
        data["agreement"] = data["agreements"][0] if data["agreements"] else None
        return data
