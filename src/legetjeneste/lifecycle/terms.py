"""The life cycle's numbers as the rules need them: each read from the dated parameters (agreement/parameters)
on the day its rule reads it, passed to the pure clocks and guards as a plain value with its source.

Services, the documents and the tests call these; the rules themselves never read a parameter."""

from collections.abc import Sequence
from datetime import date

from legetjeneste.agreement import parameters
from legetjeneste.agreement.parameters import DatedValue, ParameterNotInForce
from legetjeneste.lifecycle.rules import ages, clocks
from legetjeneste.lifecycle.rules.ages import ExtensionLimit
from legetjeneste.lifecycle.rules.codes import list_reduction_parameter
from legetjeneste.lifecycle.rules.lists import DelelisteLimits


def entry(name: str, on: date) -> DatedValue:
    """The value of parameter `name` in force on `on`, with its source; raises ParameterNotInForce."""
    return parameters.parameter(name).entry_on(on)


def value(name: str, on: date):
    return parameters.value(name, on=on)


def due_soon_days(on: date) -> int:
    """How many days before its due date a clock counts as due soon (a project parameter, 14)."""
    return value("lifecycle/due_soon_days", on)


def offer_clock(offer_given: date) -> clocks.Clock:
    return clocks.offer_clock(offer_given, days=value("lifecycle/offer_acceptance_days", offer_given))


def transfer_clock(offer_received: date) -> clocks.Clock:
    return clocks.transfer_clock(
        offer_received, days=value("lifecycle/transfer_agreement_days", offer_received)
    )


def notice_clock(notice_given: date) -> clocks.Clock:
    return clocks.notice_clock(notice_given, months=value("lifecycle/notice_months", notice_given))


def hjemfall_clock(notice_period_end: date, announcements: Sequence[date]) -> clocks.Clock:
    return clocks.hjemfall_clock(
        notice_period_end,
        announcements,
        months=value("lifecycle/hjemfall_months", notice_period_end),
        min_announcements=value("lifecycle/hjemfall_min_announcements", notice_period_end),
    )


def list_reduction_clock(ground: str, requested_on: date) -> clocks.Clock:
    months = value(list_reduction_parameter(ground), requested_on)
    return clocks.list_reduction_clock(ground, requested_on, months=months)


def deleliste_end_clock(start: date) -> clocks.Clock:
    return clocks.deleliste_end_clock(start, years=value("lifecycle/deleliste_max_years", start))


def revision_clock(last_revision: date) -> clocks.Clock:
    return clocks.revision_clock(
        last_revision, months=value("lifecycle/revision_interval_months", last_revision)
    )


def age_end(birth_date: date) -> date:
    """AGR-AGE-END — the day the agreement ends at the age limit, with every dated value of the limit."""
    return ages.age_end(birth_date, age_limits=parameters.parameter("agreements/age_limit").values)


def age_clock(birth_date: date) -> clocks.Clock:
    end = age_end(birth_date)
    limit = value("agreements/age_limit", end)
    return clocks.age_clock(birth_date=birth_date, end=end, limit=limit)


def extension_limit(birth_date: date) -> ExtensionLimit:
    """AGR-AGE-END — the extension limits of ASA 4310 § 16 and FLF § 12, read on the age-end day."""
    end = age_end(birth_date)
    asa = entry("agreements/extension_age_limit", end)
    try:
        flf: DatedValue | None = entry("agreements/extension_age_limit_flf", end)
    except ParameterNotInForce:
        flf = None
    return ages.extension_limit(birth_date, asa=asa, flf=flf)


def listetak_limits(on: date) -> dict:
    """AGR-LISTETAK's maximum (with its source) and minimum, as `guards.check_listetak` takes them."""
    return {"maximum": entry("agreements/max_listetak", on), "minimum": value("agreements/min_listetak", on)}


def announcement_limits(published: date) -> dict:
    """AGR-ANNOUNCE's minimum deadline and AGR-LISTETAK's limits, for `guards.check_announcement`."""
    listetak = listetak_limits(published)
    return {
        "min_days": entry("lifecycle/announcement_min_days", published),
        "max_listetak": listetak["maximum"],
        "min_listetak": listetak["minimum"],
    }


def deleliste_limits(on: date, *, start: date, end: date | None) -> DelelisteLimits:
    """AGR-DELELISTE's numbers on the day of the request; the phase-out's on its start, when it has an end."""
    return DelelisteLimits(
        min_age=entry("lifecycle/deleliste_min_age", on),
        min_disability_percent=entry("lifecycle/deleliste_min_disability_percent", on),
        max_growth_percent=entry("lifecycle/deleliste_max_growth_percent", on),
        max_total=entry("lifecycle/deleliste_max_total", on),
        max_years=entry("lifecycle/deleliste_max_years", start) if end is not None else None,
        retire_age=entry("lifecycle/deleliste_retire_age", start) if end is not None else None,
    )
