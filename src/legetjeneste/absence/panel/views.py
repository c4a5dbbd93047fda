"""The GP panel's rule inputs and read models, assembled from loaded rows."""

from datetime import date

from legetjeneste.absence.models import Absence, AbsenceAssistant, DigitalServices, OfficeNotice
from legetjeneste.absence.panel import checks as panel_checks
from legetjeneste.absence.panel import rules as panel
from legetjeneste.absence.panel.schemas import (
    AbsenceAssistantRead,
    DigitalServicesRead,
    OfficeNoticeRead,
    PanelWarningRead,
)
from legetjeneste.registry.models import Agreement


def settings_of(row: DigitalServices | None) -> panel.DigitalSettings:
    if row is None:
        return panel.DigitalSettings()
    return panel.DigitalSettings(
        offers_digital_services=row.offers_digital_services,
        booking=row.booking,
        e_consultation=row.e_consultation,
        prescription_renewal=row.prescription_renewal,
        e_contact=row.e_contact,
    )


def _gp_absences(agreement: Agreement, absences: list[Absence]) -> tuple[panel.GpAbsence, ...]:
    """The absences of whoever is the list's regular doctor then; the ground stays out (health data)."""
    regular = [p for p in agreement.doctor_periods if p.role == "regular"]
    return tuple(
        panel.GpAbsence(
            start=a.start,
            end=a.end,
            cover=a.cover,
            vikar_name=a.vikar.full_name if a.vikar else None,
            doctor_name=a.doctor.full_name,
        )
        for a in absences
        if a.agreement_id == agreement.id
        and any(p.doctor_id == a.doctor_id and p.period.overlaps(a.period) for p in regular)
    )


def gp_name_on(agreement: Agreement, on: date) -> str | None:
    regular = [p for p in agreement.doctor_periods if p.role == "regular" and p.period.contains(on)]
    return regular[0].doctor.full_name if regular else None


def facts_of(
    agreement: Agreement,
    *,
    on: date,
    row: DigitalServices | None,
    absences: list[Absence],
    assistants: list[AbsenceAssistant],
    notices: list[OfficeNotice],
) -> panel.PanelFacts:
    serving = [p for p in agreement.doctor_periods if p.period.contains(on)]
    return panel.PanelFacts(
        agreement_id=agreement.id,
        office_id=agreement.office_id,
        office_name=agreement.office.name,
        gp_name=gp_name_on(agreement, on),
        settings=settings_of(row),
        absences=_gp_absences(agreement, absences),
        assistants=tuple(
            panel.AssistantEntry(e.colleague.full_name, tuple(e.services), e.start, e.end)
            for e in assistants
            if e.agreement_id == agreement.id
        ),
        notices=tuple(
            panel.Notice(n.text, n.start, n.end) for n in notices if n.office_id == agreement.office_id
        ),
        list_vikar_names=tuple(p.doctor.full_name for p in serving if p.role == "vikar"),
    )


def warning_read(warning: panel_checks.SettingsWarning) -> PanelWarningRead:
    return PanelWarningRead.model_validate(warning)


def services_read(agreement: Agreement, row: DigitalServices | None, *, on: date) -> DigitalServicesRead:
    """The settings with what they do to the panel: hidden (HN-MIN-ONE), services off (HN-KEEP-ON)."""
    facts = panel.PanelFacts(
        agreement.id, agreement.office_id, agreement.office.name, gp_name_on(agreement, on), settings_of(row)
    )
    found = [panel_checks.hidden_panel_warning(facts), panel_checks.switched_off_warning(facts)]
    settings = facts.settings
    return DigitalServicesRead(
        agreement_id=agreement.id,
        office_id=agreement.office_id,
        offers_digital_services=settings.offers_digital_services,
        booking=settings.booking,
        e_consultation=settings.e_consultation,
        prescription_renewal=settings.prescription_renewal,
        e_contact=settings.e_contact,
        is_default=row is None,
        panel_shown=not panel.hides_panel(settings),
        warnings=[warning_read(w) for w in found if w is not None],
    )


def assistant_read(entry: AbsenceAssistant, office_id: int) -> AbsenceAssistantRead:
    return AbsenceAssistantRead(
        id=entry.id,
        agreement_id=entry.agreement_id,
        office_id=office_id,
        colleague_doctor_id=entry.colleague_doctor_id,
        colleague_name=entry.colleague.full_name,
        services=list(entry.services),
        services_label=panel.services_text(entry.services),
        start=entry.start,
        end=entry.end,
    )


def notice_read(notice: OfficeNotice) -> OfficeNoticeRead:
    return OfficeNoticeRead(
        id=notice.id,
        office_id=notice.office_id,
        office_name=notice.office.name,
        text=notice.text,
        start=notice.start,
        end=notice.end,
    )
