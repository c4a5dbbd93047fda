"""Selects for the GP panel and its settings, and the rules' input assembled from the rows; never commits.

The panel of one agreement is asked for often (by every citizen on the list who opens Helsenorge), and
its target is under 5 ms (docs/benchmarks.md). So each select loads what the panel needs in one statement,
the many-to-one sides and an agreement's few doctor periods joined rather than selected afterwards by id,
and the statements are built once, here, with bound parameters: building a select with its loader options
costs about 0.2 ms each time, as much as running it.
"""

from datetime import date

from sqlalchemy import BindParameter, bindparam, select
from sqlalchemy.orm import Session, joinedload

from legetjeneste.absence.models import Absence, AbsenceAssistant, DigitalServices, OfficeNotice
from legetjeneste.absence.panel.rules import panel
from legetjeneste.dates import Period
from legetjeneste.registry.models import Agreement, DoctorPeriod

_IDS: BindParameter[list[int]] = bindparam("ids", expanding=True)
_AGREEMENT = (
    select(Agreement)
    .options(
        joinedload(Agreement.office, innerjoin=True),
        joinedload(Agreement.doctor_periods).joinedload(DoctorPeriod.doctor),
    )
    .where(Agreement.id == bindparam("agreement_id"))
)
_AGREEMENT_AND_SERVICES = _AGREEMENT.add_columns(DigitalServices).outerjoin(
    DigitalServices, DigitalServices.agreement_id == Agreement.id
)
_DIGITAL_SERVICES = select(DigitalServices).where(DigitalServices.agreement_id.in_(_IDS))
_ABSENCES = (
    select(Absence)
    .options(joinedload(Absence.doctor, innerjoin=True), joinedload(Absence.vikar))
    .where(Absence.agreement_id.in_(_IDS))
    .order_by(Absence.start, Absence.id)
)
_ASSISTANTS = (
    select(AbsenceAssistant)
    .options(joinedload(AbsenceAssistant.colleague, innerjoin=True))
    .where(AbsenceAssistant.agreement_id.in_(_IDS))
    .order_by(AbsenceAssistant.start, AbsenceAssistant.id)
)
_NOTICES = (
    select(OfficeNotice)
    .options(joinedload(OfficeNotice.office, innerjoin=True))
    .where(OfficeNotice.office_id == bindparam("office_id"))
    .order_by(OfficeNotice.start, OfficeNotice.id)
)


def agreement(session: Session, agreement_id: int) -> Agreement | None:
    """The agreement with its office and its doctor periods with their doctors (periods in start order),
    as `registry.queries.agreement` loads it, in one select."""
    return session.scalars(_AGREEMENT, {"agreement_id": agreement_id}).unique().one_or_none()


def agreement_and_services(
    session: Session, agreement_id: int
) -> tuple[Agreement | None, DigitalServices | None]:
    """The agreement as `agreement` loads it and its saved digital settings (None: none saved), in one
    select; (None, None) when there is no such agreement."""
    row = session.execute(_AGREEMENT_AND_SERVICES, {"agreement_id": agreement_id}).unique().one_or_none()
    return (None, None) if row is None else (row[0], row[1])


def digital_services(session: Session, agreement_ids: list[int]) -> dict[int, DigitalServices]:
    if not agreement_ids:
        return {}
    return {row.agreement_id: row for row in session.scalars(_DIGITAL_SERVICES, {"ids": agreement_ids})}


def absences(session: Session, agreement_ids: list[int]) -> list[Absence]:
    """The agreements' absences with their doctor and vikar, in the order of `absence.queries.absences`."""
    if not agreement_ids:
        return []
    return list(session.scalars(_ABSENCES, {"ids": agreement_ids}))


def absence_periods(session: Session, doctor_ids: list[int]) -> dict[int, list[Period]]:
    """Each doctor's absences as periods, whichever list they are on: a colleague who is away cannot
    answer as absence assistant (HN-NO-COVER)."""
    if not doctor_ids:
        return {}
    found: dict[int, list[Period]] = {doctor_id: [] for doctor_id in doctor_ids}
    query = (
        select(Absence.doctor_id, Absence.start, Absence.end)
        .where(Absence.doctor_id.in_(doctor_ids))
        .order_by(Absence.start)
    )
    for doctor_id, start, end in session.execute(query):
        found[doctor_id].append(Period(start, end))
    return found


def assistants(session: Session, agreement_ids: list[int]) -> list[AbsenceAssistant]:
    if not agreement_ids:
        return []
    return list(session.scalars(_ASSISTANTS, {"ids": agreement_ids}))


def notices(session: Session, office_id: int) -> list[OfficeNotice]:
    return list(session.scalars(_NOTICES, {"office_id": office_id}))


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


def settings_facts(agreement: Agreement, row: DigitalServices | None, *, on: date) -> panel.PanelFacts:
    """What the panel's switches alone are checked on (HN-MIN-ONE, HN-KEEP-ON)."""
    return panel.PanelFacts(
        agreement.id, agreement.office_id, agreement.office.name, gp_name_on(agreement, on), settings_of(row)
    )


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
        assistants=tuple(entry_of(e) for e in assistants if e.agreement_id == agreement.id),
        notices=tuple(
            panel.Notice(n.text, n.start, n.end) for n in notices if n.office_id == agreement.office_id
        ),
        list_vikar_names=tuple(p.doctor.full_name for p in serving if p.role == "vikar"),
        vikar_periods=tuple(
            panel.VikarPeriod(p.doctor.full_name, p.start, p.end)
            for p in agreement.doctor_periods
            if p.role == "vikar"
        ),
    )


def entry_of(entry: AbsenceAssistant) -> panel.AssistantEntry:
    return panel.AssistantEntry(entry.colleague.full_name, tuple(entry.services), entry.start, entry.end)


def panel_facts(
    session: Session,
    agreements: list[Agreement],
    *,
    on: date,
    office_id: int,
    rows: dict[int, DigitalServices] | None = None,
) -> list[panel.PanelFacts]:
    """The rules' input for the agreements of one office; `rows`: their digital settings if already loaded."""
    ids = [a.id for a in agreements]
    rows = digital_services(session, ids) if rows is None else rows
    found_absences = absences(session, ids)
    found_assistants = assistants(session, ids)
    found_notices = notices(session, office_id)
    return [
        facts_of(
            a,
            on=on,
            row=rows.get(a.id),
            absences=found_absences,
            assistants=found_assistants,
            notices=found_notices,
        )
        for a in agreements
    ]
