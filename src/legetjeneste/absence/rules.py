"""ABS-* rules of registering an absence: its grounds and cover (ABS-TYPES), its own consistency, and the
duty to report it to the municipality (ABS-REPORT).

How each day of a year's absences counts against the quotas (ABS-DEDUCT) is `absence.counters.rules`.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from legetjeneste.dates import Period
from legetjeneste.errors import Problem, Rule, ValidationFailed
from legetjeneste.norwegian import day_text, period_text

OWN_VIKAR, COLLEGIAL, MUNICIPAL_VIKAR, NO_COVER = "own_vikar", "collegial", "municipal_vikar", "none"
COVERS = (OWN_VIKAR, COLLEGIAL, MUNICIPAL_VIKAR, NO_COVER)
VIKAR_COVERS = (OWN_VIKAR, MUNICIPAL_VIKAR)
MAX_DAYS = 731
SERVING_ROLES = frozenset({"regular", "delelege"})
REPORT = Rule("ABS-REPORT", "ASA 4310 § 13.1 og § 14")
ONE_AT_A_TIME = Rule("ABS-TYPES", "ASA 4310 § 13")
ONE_AT_A_TIME_TEXT = "en lege har ett fravær om gangen"


@dataclass(frozen=True)
class Ground:
    """An ASA 4310 § 13 ground of absence (ABS-TYPES) and the rule that limits its pay."""

    code: str
    rule_id: str
    citation: str
    label: str


GROUNDS = {
    ground.code: ground
    for ground in (
        Ground("own_sickness", "ABS-SICK", "ASA 4310 § 13.4", "egen sykdom"),
        Ground("child_sickness", "ABS-CHILD", "ASA 4310 § 13.4", "barns sykdom"),
        Ground(
            "child_serious_illness",
            "ABS-CAP-3M",
            "ASA 4310 § 13.4",
            "barn innlagt, utskrevet med behov for tilsyn, eller svært alvorlig syk",
        ),
        Ground("care_benefits", "ABS-CARE-PAY", "ASA 4310 § 13.4", "pleiepenger eller opplæringspenger"),
        Ground("parental", "ABS-PARENTAL", "ASA 4310 § 13.5", "svangerskap, fødsel eller adopsjon"),
        Ground("military", "ABS-MILITARY", "ASA 4310 § 13.6", "verneplikt eller siviltjeneste"),
        Ground("course", "ABS-COURSE", "ASA 4310 § 13.2", "kurs og tjeneste for spesialistgodkjenning"),
        Ground("research", "ABS-COURSE", "ASA 4310 § 13.2", "forskning på doktorgradsnivå"),
        Ground("union", "ABS-UNION", "ASA 4310 § 13.3", "fagforeningsarbeid"),
        Ground("public_duty", "ABS-UNION", "ASA 4310 § 13.3", "offentlige oppgaver og verv"),
        Ground("ordinary", "ABS-COLLEGIAL", "ASA 4310 § 14", "ferie eller annet ordinært fravær"),
    )
}
SECTION_13_4 = frozenset({"own_sickness", "child_sickness", "child_serious_illness", "care_benefits"})
CHILD_GROUNDS = frozenset({"child_sickness", "child_serious_illness", "care_benefits"})
COLLEGIAL_CITATION = "ASA 4310 § 14"


def absence_problems(
    *,
    start: date,
    end: date,
    ground: str,
    cover: str,
    vikar_given: bool,
    vikar_known: bool,
    vikar_is_the_doctor: bool,
    collisions: Sequence[Period],
    vikar_field: str = "vikar_doctor_id",
) -> list[Problem]:
    """ABS-TYPES, ASA 4310 § 13 and § 14 — one absence's own consistency, every problem at once: a period
    of at most two years that collides with none of the doctor's other absences, a vikar exactly when the
    cover is a vikar (a registered doctor, not the GP), and PhD research only with the GP's own vikar
    (ABS-COURSE)."""
    if end < start:
        return [Problem("end", "sluttdatoen er før startdatoen")]
    problems = []
    if (end - start).days + 1 > MAX_DAYS:
        problems.append(Problem("end", "et fravær kan vare høyst to år; registrer en ny periode etterpå"))
    problems += collision_problems(collisions)
    if cover in VIKAR_COVERS and not (vikar_given and vikar_known):
        problems.append(Problem(vikar_field, "vikaren må være en registrert lege i kommunen"))
    elif cover in VIKAR_COVERS and vikar_is_the_doctor:
        problems.append(Problem(vikar_field, "legen kan ikke være sin egen vikar"))
    elif cover not in VIKAR_COVERS and vikar_given:
        problems.append(Problem(vikar_field, "dekningen er ikke vikar, så fraværet skal ikke ha vikar"))
    if ground == "research" and cover != OWN_VIKAR:
        message = (
            "fravær for forskning på doktorgradsnivå krever at legen selv skaffer vikar (ASA 4310 § 13.2)"
        )
        problems.append(Problem("cover", message, "ABS-COURSE"))
    return problems


def collision_problems(collisions: Sequence[Period]) -> list[Problem]:
    """ABS-TYPES, ASA 4310 § 13 — a doctor has one absence at a time: a problem for each of the doctor's
    other absences the period shares a day with, named by its period in words."""
    return [
        Problem(
            "start",
            f"overlapper legens fravær {_period_words(other)}; {ONE_AT_A_TIME_TEXT}",
            ONE_AT_A_TIME.id,
        )
        for other in collisions
    ]


def concurrent_collision() -> Problem:
    """ABS-TYPES, ASA 4310 § 13 — the database refused the absence for an overlap that is gone again by the
    time the refusal is written (the other absence was cancelled in the meantime)."""
    message = f"overlapper et fravær som ble registrert for legen samtidig; {ONE_AT_A_TIME_TEXT}"
    return Problem("start", message, ONE_AT_A_TIME.id)


def _period_words(period: Period) -> str:
    return f"fra {day_text(period.start)}" if period.end is None else period_text(period.start, period.end)


def vikar_warnings(
    absence: Period, vikar_periods: Sequence[Period], *, field: str = "vikar_doctor_id"
) -> list[Problem]:
    """The GP's own vikar should have a vikar period on the agreement for every day of the absence."""
    if vikar_period_covers(absence, vikar_periods):
        return []
    message = "vikaren har ingen vikarperiode på avtalen som dekker hele fraværet; registrer vikaren der"
    return [Problem(field, message, severity="warning")]


def must_report(*, cover: str, days: int, long_absence_days: int) -> bool:
    """ABS-REPORT, ASA 4310 § 13.1 and § 14 — a longer absence without vikar is reported to the municipality
    as early as possible, and taking in a vikar is always reported."""
    return cover in VIKAR_COVERS or days > long_absence_days


def vikar_period_covers(absence: Period, vikar_periods: Sequence[Period]) -> bool:
    """Whether the vikar's doctor periods on the agreement cover every day of the absence."""
    assert absence.end is not None
    day = absence.start
    while day <= absence.end:
        if not any(period.contains(day) for period in vikar_periods):
            return False
        day += timedelta(1)
    return True


def agreement_of_absence(
    serving: Sequence[tuple[int, Period]], *, agreement_id: int | None, start: date
) -> int:
    """ABS-TYPES, ASA 4310 § 13 — an absence is from a list the doctor serves as regular doctor or delelege
    (`serving`: each such agreement with the doctor's period on it): the one asked for, or else the doctor's
    list when the absence begins."""
    if agreement_id is None:
        at_start = [found for found, period in serving if period.contains(start)]
        if not at_start:
            message = "legen er ikke fastlege på noen avtale når fraværet begynner; oppgi avtalen"
            raise ValidationFailed([Problem("agreement_id", message)])
        return at_start[0]
    if not any(found == agreement_id for found, _ in serving):
        raise ValidationFailed([Problem("agreement_id", f"legen er ikke fastlege på avtale {agreement_id}")])
    return agreement_id


@dataclass(frozen=True)
class Reported:
    """What ABS-REPORT looks at in an absence: its cover, its length in days and its vikar."""

    cover: str
    days: int
    vikar_id: int | None


def is_news(*, now: Reported, before: Reported | None, long_absence_days: int) -> bool:
    """ABS-REPORT, ASA 4310 § 13.1 and § 14 — the municipality hears of a longer absence without vikar and
    of every new vikar; a change that was already reported (same vikar, or still long without one) is not
    reported again."""
    if not must_report(cover=now.cover, days=now.days, long_absence_days=long_absence_days):
        return False
    if before is None:
        return True
    reported = must_report(cover=before.cover, days=before.days, long_absence_days=long_absence_days)
    return not (reported and before.vikar_id == now.vikar_id)


def report_text(
    *,
    doctor_name: str,
    office_name: str,
    start: date,
    end: date,
    days: int,
    cover: str,
    cover_label: str,
    vikar_name: str | None,
) -> str:
    """ABS-REPORT, ASA 4310 § 13.1 and § 14 — the notice: the new vikar, or the longer absence without one."""
    who, when = f"{doctor_name} ({office_name})", period_text(start, end)
    if cover in VIKAR_COVERS:
        assert vikar_name is not None
        return f"Ny vikar: {vikar_name} er vikar for {who} {when}, {cover_label}."
    return f"Lengre fravær uten vikar: {who} er borte {when}, {days} dager, med {cover_label}."
