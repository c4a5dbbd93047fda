"""AGR-AGE-END, ASA 4310 § 16 / FLF § 12 — when an agreement ends at the GP's age limit, and how far a
time-limited extension beyond it may go. Pure: the dated limits come in as values with their sources."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from legetjeneste.agreement.parameters import DatedValue, ParameterNotInForce
from legetjeneste.dates import age_on
from legetjeneste.norwegian import day_text


def birthday(birth_date: date, age: int) -> date:
    """The day a person born `birth_date` reaches `age` (as `dates.age_on` counts: 29 February → 1 March)."""
    try:
        return birth_date.replace(year=birth_date.year + age)
    except ValueError:
        return date(birth_date.year + age, 3, 1)


def _limit_on(age_limits: Sequence[DatedValue], day: date) -> int | None:
    in_force = [v for v in age_limits if v.since <= day]
    return in_force[-1].value if in_force else None


def age_end(birth_date: date, *, age_limits: Sequence[DatedValue]) -> date:
    """AGR-AGE-END, ASA 4310 § 16 / FLF § 12 — the agreement ends without notice on the first day the GP's
    age is at least the age limit in force on that day; `age_limits` are the limit's dated values.

    The limit is 70, and 72 from 2027-01-01 (FOR-2026-09-23-1891). A GP who turns 70 on 2026-12-31 stops
    that day; one who turns 70 on 2027-01-01 or later meets the limit of 72 and stops on turning 72. A
    limit can only be met on a birthday or on the day a new limit comes into force (if it were lowered)."""
    changes = [(v.since, v.value) for v in age_limits if v.value is not None]
    candidates = {birthday(birth_date, limit) for _, limit in changes}
    candidates |= {since for since, _ in changes if since > birth_date}
    for day in sorted(candidates):
        limit = _limit_on(age_limits, day)
        if limit is not None and age_on(birth_date, day) >= limit:
            return day
    raise ParameterNotInForce(
        f"Ingen aldersgrense i kraft for en lege født {day_text(birth_date)}", rule_id="AGR-AGE-END"
    )


@dataclass(frozen=True)
class ExtensionLimit:
    """AGR-AGE-END — how far a time-limited extension can go: ASA 4310's limit applies to self-employed GPs;
    the regulation's (FLF § 12) is shown beside it. `flf_*` are None when no value is in force."""

    asa_age: int
    asa_until: date
    asa_source: str
    flf_age: int | None
    flf_until: date | None
    flf_source: str | None

    def text(self) -> str:
        asa = (
            f"En tidsbegrenset forlengelse kan etter ASA 4310 § 16 ikke vare etter fylte {self.asa_age} år, "
            f"altså lengst til og med {day_text(self.asa_until)}."
        )
        if self.flf_age is None or self.flf_until is None:
            return asa
        return (
            f"{asa} Fastlegeforskriften § 12 tillater forlengelse til fylte {self.flf_age} år (til og med "
            f"{day_text(self.flf_until)}), men for selvstendig næringsdrivende fastleger gjelder "
            "avtaleverkets grense."
        )


def extension_limit(birth_date: date, *, asa: DatedValue, flf: DatedValue | None) -> ExtensionLimit:
    """AGR-AGE-END, ASA 4310 § 16 (75) and FLF § 12 (80) — the last day a time-limited extension beyond the
    age limit may last: the day before the GP turns the limit's age. The limits are those in force on the
    age-end day; `flf` is None when the regulation's is not."""
    asa_until = birthday(birth_date, asa.value) - timedelta(days=1)
    if flf is None:
        return ExtensionLimit(asa.value, asa_until, asa.source, None, None, None)
    flf_until = birthday(birth_date, flf.value) - timedelta(days=1)
    return ExtensionLimit(asa.value, asa_until, asa.source, flf.value, flf_until, flf.source)
