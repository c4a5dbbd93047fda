"""AGR-LISTREDUCE (ASA 4310 § 10.7) and AGR-DELELISTE (§ 10.8): a GP's list made smaller, or shared with a
successor while the GP phases out. Pure guards like `guards`: the numbers in force come in with their sources.
And when a list reduction's case offers the draw of the citizens who move (CIT-REDUCTION-DRAW).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from legetjeneste.agreement.parameters import DatedValue
from legetjeneste.dates import add_months, age_on
from legetjeneste.errors import RuleViolation
from legetjeneste.lifecycle.rules.ages import birthday
from legetjeneste.lifecycle.rules.codes import AGE, CLOSED, DELELISTE, LIST_REDUCE, REDUCTION_GROUNDS
from legetjeneste.norwegian import day_text, joined


def check_list_reduction(
    *,
    ground: str,
    requested_on: date,
    effective_from: date,
    notice: DatedValue,
    min_age: DatedValue | None = None,
    birth_date: date | None = None,
) -> None:
    """AGR-LISTREDUCE, ASA 4310 § 10.7 — a known ground; the age ground needs a GP over 60 (`min_age`, given
    for that ground); the reduction is discussed at least 6 months before it takes effect (3 months'
    notice on health or care grounds: `notice` is the parameter of `codes.list_reduction_parameter`)."""
    if ground not in REDUCTION_GROUNDS:
        raise RuleViolation.of(
            LIST_REDUCE,
            f"Ukjent grunn for listereduksjon: «{ground}». "
            f"Gyldige grunner: {joined(list(REDUCTION_GROUNDS.values()))}",
        )
    if ground == AGE:
        if min_age is None:
            raise ValueError("the age ground needs the minimum age in force")
        age = None if birth_date is None else age_on(birth_date, requested_on)
        if age is None or age < min_age.value:
            born = "" if birth_date is None else f" (legen er {age} år {day_text(requested_on)})"
            raise RuleViolation.of(
                LIST_REDUCE,
                f"Listereduksjon på grunn av alder krever at legen er over {min_age.value} år{born}. "
                f"Kilde: {min_age.source}",
            )
    months = notice.value
    earliest = add_months(requested_on, months)
    if effective_from < earliest:
        raise RuleViolation.of(
            LIST_REDUCE,
            f"Listereduksjon (grunn: {REDUCTION_GROUNDS[ground]}) må meldes minst {months} "
            f"måneder før; meldt {day_text(requested_on)} kan den tidligst gjelde fra "
            f"{day_text(earliest)}, "
            f"ikke {day_text(effective_from)}. Kilde: {notice.source}",
        )


@dataclass(frozen=True)
class ReductionDraw:
    """What the draw of a list reduction's citizens needs (CIT-REDUCTION-DRAW): the agreement, its new
    listetak and the day the reduction takes effect, as the latest request gave them (AGR-LISTREDUCE)."""

    agreement_id: int
    listetak: int
    effective_from: date


def reduction_to_draw(
    *, kind: str, status: str, agreement_id: int | None, steps: Sequence[tuple[str, Mapping]]
) -> ReductionDraw | None:
    """AGR-LISTREDUCE, CIT-REDUCTION-DRAW — whether a case offers the draw of the citizens who move: an open
    list reduction («list_reduction», not closed) on an agreement, with a request that gives the new
    listetak, and not refused. The latest such request says how far and from when; None when the draw is
    not offered. `steps` are the case's steps in order, as (kind, facts)."""
    if kind != "list_reduction" or agreement_id is None or status == CLOSED:
        return None
    requests = [facts for step, facts in steps if step == "list_reduction_request" and facts.get("listetak")]
    if not requests or any(step == "refusal" for step, _ in steps):
        return None
    latest = requests[-1]
    return ReductionDraw(
        agreement_id=agreement_id,
        listetak=int(latest["listetak"]),
        effective_from=date.fromisoformat(latest["effective_from"]),
    )


@dataclass(frozen=True)
class DelelisteLimits:
    """The AGR-DELELISTE numbers: those read on the day of the request, and the phase-out's (read on its
    start, and only needed when it has an end)."""

    min_age: DatedValue
    min_disability_percent: DatedValue
    max_growth_percent: DatedValue
    max_total: DatedValue
    max_years: DatedValue | None = None
    retire_age: DatedValue | None = None


def check_deleliste(
    *,
    birth_date: date,
    disability_percent: int | None,
    on: date,
    same_office: bool,
    list_length_at_setup: int,
    requested_total: int,
    start: date,
    limits: DelelisteLimits,
    end: date | None = None,
    written_consent: bool = False,
) -> None:
    """AGR-DELELISTE, ASA 4310 § 10.8 — a GP over 60 or with at least 50 % permanent disability may share the
    list with a successor: same office; at most 25 % over the list length at setup and 2,500 in total; the
    phase-out at most 5 years; the GP leaves by 70 unless the municipality consents in writing."""
    min_age, min_disability = limits.min_age, limits.min_disability_percent
    age = age_on(birth_date, on)
    if age < min_age.value and (disability_percent or 0) < min_disability.value:
        raise RuleViolation.of(
            DELELISTE,
            f"Deleliste krever at legen er over {min_age.value} år eller har minst "
            f"{min_disability.value} % varig uførhet; legen er {age} år {day_text(on)}"
            + (f" med {disability_percent} % uførhet" if disability_percent else "")
            + f". Kilde: {min_age.source}",
        )
    if not same_office:
        raise RuleViolation.of(
            DELELISTE, "Legene som deler listen må drive praksisen i samme legesenter (ASA 4310 § 10.8)"
        )
    growth = limits.max_growth_percent
    cap = list_length_at_setup * (100 + growth.value) // 100
    if requested_total > cap:
        raise RuleViolation.of(
            DELELISTE,
            f"Delelisten kan ha høyst {cap} pasienter: listelengden {list_length_at_setup} "
            f"ved etablering kan økes med høyst {growth.value} %, ikke til {requested_total}. "
            f"Kilde: {growth.source}",
        )
    total = limits.max_total
    if requested_total > total.value:
        raise RuleViolation.of(
            DELELISTE,
            f"En deleliste kan ha høyst {total.value} pasienter til sammen, ikke {requested_total}. "
            f"Kilde: {total.source}",
        )
    if end is None or limits.max_years is None or limits.retire_age is None:
        return
    _check_phase_out(birth_date, start, end, limits.max_years, limits.retire_age, written_consent)


def _check_phase_out(
    birth_date: date, start: date, end: date, years: DatedValue, retire: DatedValue, written_consent: bool
) -> None:
    last = add_months(start, 12 * years.value) - timedelta(days=1)
    if end > last:
        raise RuleViolation.of(
            DELELISTE,
            f"Nedtrappingen fra {day_text(start)} kan vare høyst {years.value} år, til og med "
            f"{day_text(last)}, ikke til {day_text(end)}. Kilde: {years.source}",
        )
    retire_by = birthday(birth_date, retire.value)
    if end > retire_by and not written_consent:
        raise RuleViolation.of(
            DELELISTE,
            f"Legen med deleliste skal fratre senest ved fylte {retire.value} år ({day_text(retire_by)}) "
            f"uten skriftlig samtykke fra kommunen, ikke {day_text(end)}. Kilde: {retire.source}",
        )
