"""LV-EXEMPT-RIGHT, LV-EXEMPT-DISCRETION, NN-EXEMPT — impact before deciding, as pure functions: per scheme
and office, the participants and the shifts per participant per month with the granted exemptions only
(before) and with the pending applications granted as applied (after).

Shifts per participant = the month's shifts of the scheme (nødnett: those on the office's weekdays,
NN-OFFICE-DAYS) ÷ the participants available; a participant counts by the share of the month's days
in the scheme without a full exemption. No solver is needed. The functions take the stored rows.
"""

from datetime import date
from typing import Any

from legetjeneste.dates import Period, add_months, format_month
from legetjeneste.legevakt.exemptions import rules
from legetjeneste.legevakt.schemes import rules as scheme_rules
from legetjeneste.norwegian import month_text, open_period_text

MAX_MONTHS = 12
#: An application without an end (a right from the 60th birthday) is shown for at least half a year.
OPEN_END_MONTHS = 6


def impact_months(pending: list, *, first_month: date | None, count: int | None, today: date) -> list[date]:
    """The months the impact shows: from the first month asked for (else the earliest application's, else
    this month) through the last application's end, at least half a year when one has no end, at most a
    year."""
    if first_month is None:
        first_month = min((e.start for e in pending), default=today).replace(day=1)
    if count is None:
        ends = [e.end for e in pending if e.end is not None]
        last = max(ends, default=first_month)
        count = (last.year - first_month.year) * 12 + last.month - first_month.month + 1
        if any(e.end is None for e in pending):
            count = max(count, OPEN_END_MONTHS)
    return [add_months(first_month, n) for n in range(max(1, min(count, MAX_MONTHS)))]


def application_item(exemption, *, full: bool) -> dict:
    """A pending application as the impact lists it; its ground (health data) only when `full`."""
    item = {
        "view": "full" if full else "redacted",
        "id": exemption.id,
        "scheme_id": exemption.scheme_id,
        "doctor_hpr": exemption.doctor.hpr_number,
        "doctor_name": exemption.doctor.full_name,
        "extent": exemption.extent,
        "extent_text": rules.EXTENTS[exemption.extent],
        "start": exemption.start.isoformat(),
        "end": exemption.end.isoformat() if exemption.end else None,
        "period_text": open_period_text(exemption.start, exemption.end),
    }
    if full:
        item |= {"ground": exemption.ground, "ground_text": rules.GROUNDS[exemption.ground]}
    return item


def scheme_impact(scheme, *, months: list[date], granted: list, pending: list, vikars: set[int]) -> dict:
    """One scheme (a stored `Scheme`) month by month, per nødnett office: the participants and shifts per
    participant with the granted exemptions only and with the pending applications granted as applied;
    `vikars`: the participants who serve a list as vikar in the months."""
    granted = [e for e in granted if e.scheme_id == scheme.id]
    pending = [e for e in pending if e.scheme_id == scheme.id]
    if scheme.kind == scheme_rules.NODNETT:
        groups = _office_groups(scheme)
    else:
        day_kinds = [t.day_kind for t in scheme.shift_templates if not t.is_alternative]
        groups = [
            (
                None,
                None,
                [],
                list(scheme.participants),
                lambda m, k=day_kinds: scheme_rules.legevakt_shift_count(m, k),
            )
        ]
    return {
        "scheme_id": scheme.id,
        "code": scheme.code,
        "name": scheme.name,
        "kind": scheme.kind,
        "groups": [
            {
                "office": office,
                "office_name": office_name,
                "weekdays": weekdays,
                "months": [
                    _month(month, count(month), participants, granted, pending, vikars) for month in months
                ],
            }
            for office, office_name, weekdays, participants, count in groups
        ],
    }


def _office_groups(scheme) -> list[tuple]:
    offices: dict[str, tuple[str, list[str]]] = {}
    for row in scheme.office_days:
        offices.setdefault(row.office.organisation_number, (row.office.name, []))[1].append(row.weekday)
    return [
        (
            orgnr,
            name,
            weekdays,
            [p for p in scheme.participants if p.office and p.office.organisation_number == orgnr],
            lambda m, w=weekdays: scheme_rules.nodnett_shift_count(m, w),
        )
        for orgnr, (name, weekdays) in offices.items()
    ]


def _month(
    month: date,
    shifts: int,
    participants: list,
    granted: list,
    pending: list,
    vikars: set[int],
) -> dict:
    return {
        "month": format_month(month),
        "month_label": month_text(month),
        "shifts": shifts,
        "before": _availability(month, shifts, participants, granted, vikars),
        "after": _availability(month, shifts, participants, granted + pending, vikars),
    }


def _availability(
    month: date,
    shifts: int,
    participants: list,
    exemptions: list,
    vikars: set[int],
) -> dict:
    doctors: list[dict[str, Any]] = []
    for participant in participants:
        exempt = [_full_period(e) for e in exemptions if e.doctor_id == participant.doctor_id]
        share = rules.available_share(
            month=month, participation=participant.period, exempt=[p for p in exempt if p is not None]
        )
        if share > 0:
            doctors.append(
                {
                    "hpr": participant.doctor.hpr_number,
                    "name": participant.doctor.full_name,
                    "share": round(share, 2),
                    "is_vikar": participant.doctor_id in vikars,
                }
            )
    count = round(sum(d["share"] for d in doctors), 2)
    return {
        "participants": count,
        "vikars": sum(1 for d in doctors if d["is_vikar"]),
        "shifts_per_participant": rules.shifts_per_participant(shifts, count),
        "doctors": doctors,
    }


def _full_period(exemption) -> Period | None:
    """The days a full exemption covers: the granted period, or for an application the applied one."""
    if exemption.extent != rules.FULL:
        return None
    if exemption.status == rules.GRANTED:
        return exemption.granted_period
    return exemption.period
