"""Use cases of the SU's vacation overview (SU-VACATION, ASA 4310 § 4.2.3): the overview, its CSV, and the
iCalendar feeds of absences per office and per municipality.

Reading absences is reading personal data: every use case audits the absences it shows.
"""

import csv
import io
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.orm import Session

from legetjeneste.absence.models import Absence, AbsenceAssistant
from legetjeneste.absence.vacation import calendar
from legetjeneste.absence.vacation import queries as vacation_queries
from legetjeneste.absence.vacation import rules as vacation
from legetjeneste.absence.vacation.facts import (
    AbsenceFacts,
    AgreementFacts,
    AssistantFacts,
    MunicipalityFacts,
    OfficeFacts,
    ServiceFacts,
    VacationOverview,
    summer_of,
)
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import Period, today_oslo
from legetjeneste.errors import NotFound, Problem, ValidationFailed
from legetjeneste.registry import queries as registry_queries
from legetjeneste.registry.models import Municipality, Office

MAX_DAYS = 366
FEED_HISTORY_DAYS = 366
LAST_DAY = date(9999, 12, 31)
CSV_HEADER = ["Legekontor", "Uke", "Lege", "Fra", "Til", "Fravær", "Dekning", "Merknad"]


def requested_period(first: date | None, last: date | None, *, today: date | None = None) -> Period:
    """The period asked for; what is left out is taken from this year's summer (1 June–31 August)."""
    default_first, default_last = summer_of((today or today_oslo()).year)
    first, last = first or default_first, last or default_last
    if last < first:
        raise ValidationFailed([Problem("to", "til-datoen er før fra-datoen")])
    return Period(first, last)


def _bounds(period: Period) -> tuple[date, date]:
    if period.end is None:
        raise ValidationFailed([Problem("to", "oppgi til-datoen")])
    if (period.end - period.start).days + 1 > MAX_DAYS:
        raise ValidationFailed([Problem("to", f"ferieoversikten kan gjelde høyst {MAX_DAYS} dager")])
    return period.start, period.end


def _absence_facts(absence: Absence) -> AbsenceFacts:
    return AbsenceFacts(
        id=absence.id,
        agreement_id=absence.agreement_id,
        doctor_id=absence.doctor_id,
        doctor_name=absence.doctor.full_name,
        ground=absence.ground,
        start=absence.start,
        end=absence.end,
        cover=absence.cover,
        vikar_name=absence.vikar.full_name if absence.vikar else None,
    )


def _agreement_facts(session: Session, number: str) -> list[AgreementFacts]:
    periods: dict[int, list[ServiceFacts]] = defaultdict(list)
    for agreement_id, doctor_id, role, start, end in vacation_queries.doctor_period_rows(
        session, municipality_number=number
    ):
        periods[agreement_id].append(ServiceFacts(doctor_id, role, start, end))
    return [
        AgreementFacts(agreement_id, office_id, start, end, tuple(periods[agreement_id]))
        for agreement_id, office_id, start, end in vacation_queries.agreement_rows(
            session, municipality_number=number
        )
    ]


def _assistant_facts(found: list[AbsenceAssistant]) -> list[AssistantFacts]:
    return [AssistantFacts(a.agreement_id, a.colleague.full_name, a.start, a.end) for a in found]


def _office_facts(session: Session, number: str) -> list[OfficeFacts]:
    return [OfficeFacts(o.id, o.name) for o in registry_queries.offices(session, municipality_number=number)]


def _facts(session: Session, municipality: Municipality, first: date, last: date) -> MunicipalityFacts:
    number, window = municipality.number, (first, last)
    found = vacation_queries.absences(session, municipality_number=number, overlapping=window)
    helpers = vacation_queries.assistants(session, municipality_number=number, overlapping=window)
    return MunicipalityFacts(
        number=number,
        name=municipality.name,
        offices=_office_facts(session, number),
        agreements=_agreement_facts(session, number),
        absences=[_absence_facts(a) for a in found],
        assistants=_assistant_facts(helpers),
    )


def vacation_overview(
    session: Session, *, actor: Actor, municipality_number: str, period: Period
) -> VacationOverview:
    """SU-VACATION, ASA 4310 § 4.2.3 — per office and ISO week who is away and who covers, and every gap;
    the ground only as the actor may see it."""
    auth_service.require(actor, "vacation.read")
    first, last = _bounds(period)
    with session.begin():
        municipality = scope.municipality(session, actor, municipality_number)
        facts = _facts(session, municipality, first, last)
        detail = {"view": "vacation_overview", "from": first.isoformat(), "to": last.isoformat()}
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="absence",
            record_ids=[a.id for a in facts.absences],
            municipality_number=municipality_number,
            detail=detail,
        )
        return vacation.vacation_overview(
            facts,
            start=first,
            end=last,
            sees_grounds=lambda office_id: auth_rules.sees_absence_ground(actor, office_id),
        )


def _csv_date(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def _cell(value: str) -> str:
    """A name starting with = + - @ would be a formula in a spreadsheet; a leading ' keeps it text."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value


def overview_csv(overview: VacationOverview) -> str:
    """Semicolon-separated with a byte-order mark, as Excel in Norway opens it: the gaps first, then one row
    per office, week and absence."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    weeks = {week.start: week.label for week in overview.weeks}
    for gap in overview.gaps:
        week = weeks.get(gap.start - timedelta(gap.start.weekday()), "")
        cover = "ingen dekning" if gap.kind == vacation.UNCOVERED else ""
        row = [gap.office_name, week, ", ".join(gap.doctor_names), _csv_date(gap.start), _csv_date(gap.end)]
        writer.writerow([_cell(v) for v in [*row, f"HULL: {gap.kind_label}", cover, gap.explanation]])
    for office in overview.offices:
        for office_week in office.weeks:
            for away in office_week.away:
                note = f"hull i dekningen ({vacation.RULE_ID})" if away.cover == "none" else ""
                row = [office.office_name, office_week.week.label, away.doctor_name, _csv_date(away.start)]
                row += [_csv_date(away.end), away.ground_label, away.cover_text, note]
                writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def vacation_csv(session: Session, *, actor: Actor, municipality_number: str, period: Period) -> str:
    """The overview as CSV: Legekontor;Uke;Lege;Fra;Til;Fravær;Dekning;Merknad."""
    overview = vacation_overview(session, actor=actor, municipality_number=municipality_number, period=period)
    return overview_csv(overview)


def _feed(
    session: Session,
    actor: Actor,
    *,
    place: str,
    municipality_number: str,
    office_id: int | None,
    now: datetime | None,
) -> bytes:
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    window = (stamp.date() - timedelta(FEED_HISTORY_DAYS), LAST_DAY)
    found = vacation_queries.absences(
        session, municipality_number=municipality_number, overlapping=window, office_id=office_id
    )
    helpers: dict[int, list[AssistantFacts]] = defaultdict(list)
    for assistant in _assistant_facts(
        vacation_queries.assistants(
            session, municipality_number=municipality_number, overlapping=window, office_id=office_id
        )
    ):
        helpers[assistant.agreement_id].append(assistant)
    offices = {office.id: office for office in _office_facts(session, municipality_number)}
    office_of = {
        row.id: offices[row.office_id]
        for row in vacation_queries.agreement_rows(session, municipality_number=municipality_number)
    }
    entries = [
        vacation.away_of(
            _absence_facts(a),
            office_of[a.agreement_id],
            helpers[a.agreement_id],
            sees_grounds=auth_rules.sees_absence_ground(actor, office_of[a.agreement_id].id),
        )
        for a in found
    ]
    detail = {"view": "calendar", "office": office_id}
    audit_service.record(
        session,
        actor=actor,
        action="read",
        entity="absence",
        record_ids=[a.id for a in found],
        municipality_number=municipality_number,
        detail=detail,
    )
    return calendar.absence_calendar(place, entries, stamp=stamp)


def office_calendar(session: Session, *, actor: Actor, office_id: int, now: datetime | None = None) -> bytes:
    """The office's absences from a year back on, as an iCalendar feed «Fravær – <office>»."""
    auth_service.require(actor, "vacation.read")
    with session.begin():
        office = session.get(Office, office_id)
        if office is None:
            raise NotFound(f"Legekontor {office_id} finnes ikke.")
        scope.require_municipality(actor, office.municipality_number)
        return _feed(
            session,
            actor,
            place=office.name,
            municipality_number=office.municipality_number,
            office_id=office.id,
            now=now,
        )


def municipality_calendar(
    session: Session, *, actor: Actor, municipality_number: str, now: datetime | None = None
) -> bytes:
    """The municipality's absences from a year back on, as an iCalendar feed «Fravær – <name> kommune»."""
    auth_service.require(actor, "vacation.read")
    with session.begin():
        municipality = scope.municipality(session, actor, municipality_number)
        return _feed(
            session,
            actor,
            place=f"{municipality.name} kommune",
            municipality_number=municipality.number,
            office_id=None,
            now=now,
        )
