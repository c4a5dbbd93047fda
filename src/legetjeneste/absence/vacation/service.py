"""Use cases of the SU's vacation overview (SU-VACATION, ASA 4310 § 4.2.3): the overview, its CSV, and the
iCalendar feeds of absences per office and per municipality.

Reading absences is reading personal data: every use case audits the absences it shows.
"""

import csv
import io
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.orm import Session

from legetjeneste.absence.vacation import calendar
from legetjeneste.absence.vacation import queries as vacation_queries
from legetjeneste.absence.vacation.rules import data as vacation_data
from legetjeneste.absence.vacation.rules import overview as vacation
from legetjeneste.absence.vacation.rules.data import AssistantFacts, Away, OfficeFacts, VacationOverview
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import Period, today_oslo
from legetjeneste.norwegian import date_text
from legetjeneste.registry.models import Municipality, Office

FEED_HISTORY_DAYS = 366
LAST_DAY = date(9999, 12, 31)
CSV_HEADER = ["Legekontor", "Uke", "Lege", "Fra", "Til", "Fravær", "Dekning", "Merknad"]


def requested_period(first: date | None, last: date | None, *, today: date | None = None) -> Period:
    """The period asked for; what is left out is taken from this year's summer (1 June–31 August)."""
    return vacation_data.requested_period(first=first, last=last, today=today or today_oslo())


def _overview(
    session: Session,
    actor: Actor,
    municipality: Municipality,
    period: tuple[date, date],
    office_id: int | None,
) -> VacationOverview:
    first, last = period
    facts = vacation_queries.municipality_facts(
        session, municipality, first=first, last=last, office_id=office_id
    )
    detail = {
        "view": "vacation_overview",
        "from": first.isoformat(),
        "to": last.isoformat(),
        "office": office_id,
    }
    audit_service.record(
        session,
        actor=actor,
        action="read",
        entity="absence",
        record_ids=[a.id for a in facts.absences],
        municipality_number=municipality.number,
        detail=detail,
    )
    return vacation.vacation_overview(
        facts,
        start=first,
        end=last,
        sees_grounds=lambda office_id: auth_rules.sees_absence_ground(actor, office_id),
    )


def vacation_overview(
    session: Session, *, actor: Actor, municipality_number: str, period: Period
) -> VacationOverview:
    """SU-VACATION, ASA 4310 § 4.2.3 — per office and ISO week who is away and who covers, and every gap;
    the ground only as the actor may see it."""
    auth_service.require(actor, "vacation.read")
    bounds = vacation_data.bounds(period)
    with session.begin():
        municipality = scope.municipality(session, actor, municipality_number)
        return _overview(session, actor, municipality, bounds, None)


def office_vacation(
    session: Session, *, actor: Actor, office_id: int, on: date | None = None
) -> VacationOverview:
    """SU-VACATION, ASA 4310 § 4.2.3 — the office's part of the overview of the coming summer: its doctors
    only, the weeks with who is away and who covers, and the office's gaps."""
    auth_service.require(actor, "vacation.read")
    summer = vacation_data.coming_summer(on or today_oslo())
    with session.begin():
        office = scope.office(session, actor, office_id)
        municipality = scope.municipality(session, actor, office.municipality_number)
        return _overview(session, actor, municipality, summer, office.id)


def _office_away(session: Session, actor: Actor, office: Office, day: date) -> tuple[list[int], list[Away]]:
    """The ids and the entries of the office's absences that end on the day or later."""
    number, window = office.municipality_number, (day, LAST_DAY)
    found = vacation_queries.absences(
        session, municipality_number=number, overlapping=window, office_id=office.id
    )
    helpers = vacation_queries.assistant_facts(
        vacation_queries.assistants(
            session, municipality_number=number, overlapping=window, office_id=office.id
        )
    )
    sees, place = auth_rules.sees_absence_ground(actor, office.id), OfficeFacts(office.id, office.name)
    entries = [
        vacation.away_of(vacation_queries.absence_facts(a), place, helpers, sees_grounds=sees) for a in found
    ]
    return [a.id for a in found], entries


def office_absences(session: Session, *, actor: Actor, office_id: int, on: date | None = None) -> dict:
    """ABS-TYPES, SU-VACATION — the absences of the office's doctors going on or coming, with who covers
    (the vikar, or the colleagues of the absence assistant); the ground only as the actor may see it."""
    auth_service.require(actor, "absence.read")
    day = on or today_oslo()
    with session.begin():
        office = scope.office(session, actor, office_id)
        ids, entries = _office_away(session, actor, office, day)
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="absence",
            record_ids=ids,
            municipality_number=office.municipality_number,
            detail={"view": "office_absences", "office": office.id},
        )
        return {
            "day": day,
            "current": [e for e in entries if e.start <= day],
            "coming": [e for e in entries if e.start > day],
            "can_register": auth_rules.can(actor, "absence.write")
            and auth_rules.can_manage_office(actor, office.id),
        }


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
        row = [
            gap.office_name,
            week,
            ", ".join(gap.doctor_names),
            date_text(gap.start, "short"),
            date_text(gap.end, "short"),
        ]
        writer.writerow([_cell(v) for v in [*row, f"HULL: {gap.kind_label}", cover, gap.explanation]])
    for office in overview.offices:
        for office_week in office.weeks:
            for away in office_week.away:
                note = f"hull i dekningen ({vacation_data.VACATION.id})" if away.cover == "none" else ""
                row = [
                    office.office_name,
                    office_week.week.label,
                    away.doctor_name,
                    date_text(away.start, "short"),
                ]
                row += [date_text(away.end, "short"), away.ground_label, away.cover_text, note]
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
    for assistant in vacation_queries.assistant_facts(
        vacation_queries.assistants(
            session, municipality_number=municipality_number, overlapping=window, office_id=office_id
        )
    ):
        helpers[assistant.agreement_id].append(assistant)
    offices = {
        office.id: office
        for office in vacation_queries.office_facts(session, municipality_number=municipality_number)
    }
    office_of = {
        row.id: offices[row.office_id]
        for row in vacation_queries.agreement_rows(session, municipality_number=municipality_number)
    }
    entries = [
        vacation.away_of(
            vacation_queries.absence_facts(a),
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
        office = scope.office(session, actor, office_id)
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
