"""The plan's rules (RULES.md § 7): cost totals, priority series, what a measure and a need must hold, the
revision clock. Pure."""

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from legetjeneste.errors import Problem, Rule

PLAN_DUTY = Rule("PLAN-DUTY", "ASA 4310 § 6.2")
COST_TOTAL = Rule("PLAN-COST-TOTAL", "Plan for legetjenesten i Vefsn, vedlegg 5")
PRIORITY_SERIES = Rule("PLAN-PRIORITY-SERIES", "Plan for legetjenesten i Vefsn, vedlegg 5")
REVISION = Rule("PLAN-REVISION", "ASA 4310 § 6.2")
LINKED = Rule("PLAN-LINKED", "Plan for legetjenesten i Vefsn 2.4")
PREDICTABILITY = Rule("PLAN-PREDICTABILITY", "ASA 4310 § 6.2")

FUNDING = {
    "okonomiplan": "Økonomiplan",
    "eget_budsjett_okonomiplan": "Eget budsjett / økonomiplan",
    "eget_budsjett": "Eget budsjett",
    "ingen": "Ingen egen kostnad",
}
# Funding the plan's stated total leaves out («utenom eget budsjett»).
OWN_BUDGET = frozenset({"eget_budsjett", "ingen"})
SERIES = {
    "okonomiplan": "Økonomiplan",
    "plan": "Planprioritet",
    "tilsyn": "Ny tilsynsoppgave",
    "samfunnsmedisin": "Samfunnsmedisin",
    "digitalisering": "Digitalisering",
    "organisatorisk": "Organisatorisk råd",
}
STATUS = {
    "planned": "Planlagt",
    "started": "Påbegynt",
    "done": "Gjennomført",
    "postponed": "Utsatt",
    "dropped": "Avsluttet uten gjennomføring",
}


@dataclass(frozen=True)
class MeasureCost:
    yearly: Decimal | None
    one_off: Decimal | None
    funding: str


@dataclass(frozen=True)
class CostTotals:
    yearly_by_funding: dict[str, Decimal]
    one_off_by_funding: dict[str, Decimal]
    computed_yearly: Decimal  # outside the own budget, as the plan states its figure
    computed_one_off: Decimal
    stated_yearly: Decimal | None
    stated_one_off: Decimal | None

    @property
    def yearly_difference(self) -> Decimal | None:
        return None if self.stated_yearly is None else self.computed_yearly - self.stated_yearly

    @property
    def one_off_difference(self) -> Decimal | None:
        return None if self.stated_one_off is None else self.computed_one_off - self.stated_one_off


def cost_totals(
    measures: Iterable[MeasureCost], *, stated_yearly: Decimal | None, stated_one_off: Decimal | None
) -> CostTotals:
    """PLAN-COST-TOTAL, VEFSN vedlegg 5 — recurring costs summed by funding, one-off costs apart; the total
    comparable with the plan's own figure leaves out what the own budget carries. The stated figure is
    given back as it is, beside the computed one, never replaced (VEFSN: 5 618 000 against 5 384 000)."""
    yearly: dict[str, Decimal] = defaultdict(Decimal)
    one_off: dict[str, Decimal] = defaultdict(Decimal)
    for m in measures:
        if m.yearly is not None:
            yearly[m.funding] += m.yearly
        if m.one_off is not None:
            one_off[m.funding] += m.one_off
    return CostTotals(
        yearly_by_funding=_ordered(yearly),
        one_off_by_funding=_ordered(one_off),
        computed_yearly=sum((v for k, v in yearly.items() if k not in OWN_BUDGET), Decimal(0)),
        computed_one_off=sum((v for k, v in one_off.items() if k not in OWN_BUDGET), Decimal(0)),
        stated_yearly=stated_yearly,
        stated_one_off=stated_one_off,
    )


def _ordered(amounts: dict[str, Decimal]) -> dict[str, Decimal]:
    order = list(FUNDING)
    return {k: amounts[k] for k in sorted(amounts, key=lambda k: order.index(k) if k in order else 99)}


def series_order(ranks: dict[int, int | None]) -> list[tuple[int, int | None]]:
    """PLAN-PRIORITY-SERIES — the series as the source has it: by rank, ties side by side, gaps kept,
    unranked members last (in their given order)."""
    ranked = sorted(((k, r) for k, r in ranks.items() if r is not None), key=lambda item: item[1])
    return ranked + [(k, r) for k, r in ranks.items() if r is None]


def reorder(ranks: dict[int, int | None], measure_id: int, new_rank: int) -> dict[int, int | None]:
    """PLAN-PRIORITY-SERIES — the measure takes `new_rank` in the series; the measures it passes move one
    step the other way, and every other rank, tie and gap stays as it was."""
    if measure_id not in ranks:
        raise KeyError(measure_id)
    if new_rank < 1:
        raise ValueError("rank must be at least 1")
    old = ranks[measure_id]
    result = dict(ranks)
    for key, rank in ranks.items():
        if key == measure_id or rank is None:
            continue
        if old is None and rank >= new_rank or old is not None and new_rank <= rank < old:
            result[key] = rank + 1
        elif old is not None and old < rank <= new_rank:
            result[key] = rank - 1
    result[measure_id] = new_rank
    return result


def measure_problems(
    *,
    funding: str,
    status: str,
    progress: int,
    first_year: int | None,
    last_year: int | None,
    yearly_cost: Decimal | None,
    one_off_cost: Decimal | None,
    priorities: dict[str, int | None],
    prefix: str = "",
    text: str | None = None,
    need: str | None = None,
    needs: Collection[str] = (),
) -> list[Problem]:
    """PLAN-DUTY — a measure says what is to be done under a need of the plan, names a known funding and
    status, a period that runs forward, costs that are not negative, a progress in per cent and ranks from 1
    in known series. (`text` and `need` are checked when given: a change made in the plan itself.)"""
    problems = []
    if text is not None and not text.strip():
        problems.append(Problem(f"{prefix}text", "Skriv hva tiltaket går ut på", PLAN_DUTY.id))
    if need is not None and need not in needs:
        problems.append(Problem(f"{prefix}need", f"Behov «{need}» finnes ikke i planen", PLAN_DUTY.id))
    if funding not in FUNDING:
        problems.append(Problem(f"{prefix}funding", f"Finansiering «{funding}» er ukjent", PLAN_DUTY.id))
    if status not in STATUS:
        problems.append(Problem(f"{prefix}status", f"Status «{status}» er ukjent", PLAN_DUTY.id))
    if not 0 <= progress <= 100:
        problems.append(Problem(f"{prefix}progress", "Framdrift skal være mellom 0 og 100 %", PLAN_DUTY.id))
    if first_year and last_year and last_year < first_year:
        problems.append(Problem(f"{prefix}last_year", "Periodens slutt er før starten", PLAN_DUTY.id))
    for name, label, amount in (
        ("yearly_cost", "Årlig kostnad", yearly_cost),
        ("one_off_cost", "Engangskostnad", one_off_cost),
    ):
        if amount is not None and amount < 0:
            problems.append(Problem(f"{prefix}{name}", f"{label} kan ikke være negativ", COST_TOTAL.id))
    for series, rank in priorities.items():
        if series not in SERIES:
            problems.append(
                Problem(
                    f"{prefix}priorities", f"Prioriteringsserien «{series}» er ukjent", PRIORITY_SERIES.id
                )
            )
        elif rank is not None and rank < 1:
            problems.append(
                Problem(f"{prefix}priorities", "Prioritet skal være 1 eller høyere", PRIORITY_SERIES.id)
            )
    return problems


def need_problems(
    *, letter: str, title: str, letters: Collection[str], mandate_area: str | None, areas: Collection[str]
) -> list[Problem]:
    """PLAN-DUTY — a new need has a letter of its own in the plan, a title, and a mandate area of the plan."""
    problems = []
    if not letter.strip():
        problems.append(Problem("letter", "Gi behovet en bokstav", PLAN_DUTY.id))
    elif letter in letters:
        problems.append(Problem("letter", f"Behov {letter} finnes allerede i planen", PLAN_DUTY.id))
    if not title.strip():
        problems.append(Problem("title", "Gi behovet en tittel", PLAN_DUTY.id))
    if mandate_area and mandate_area not in areas:
        problems.append(
            Problem("mandate_area", f"Mandatområdet «{mandate_area}» finnes ikke i planen", PLAN_DUTY.id)
        )
    return problems


# The rule a field of a measure or a need answers to, for a refusal that comes before the rules (a number
# that is not a number): the costs to the totals, the places to the series, the rest to the plan duty.
_FIELD_RULES = {
    "yearly_cost": COST_TOTAL.id,
    "one_off_cost": COST_TOTAL.id,
    "series": PRIORITY_SERIES.id,
    "rank": PRIORITY_SERIES.id,
    "priorities": PRIORITY_SERIES.id,
}


def cited(problems: Iterable[Problem]) -> list[Problem]:
    """Every problem with the rule of its field (PLAN-COST-TOTAL, PLAN-PRIORITY-SERIES, else PLAN-DUTY)."""
    return [
        p if p.rule_id else Problem(p.path, p.message, _FIELD_RULES.get(p.path, PLAN_DUTY.id), p.severity)
        for p in problems
    ]


def remove_from_series(ranks: dict[int, int | None], measure_id: int) -> dict[int, int | None]:
    """PLAN-PRIORITY-SERIES — the series without the measure: the ones after it move one step up when it
    held its place alone; a place it shared, every other tie and gap stay as they were."""
    old = ranks[measure_id]
    shared = old is not None and any(r == old for k, r in ranks.items() if k != measure_id)
    return {
        k: (r - 1 if old is not None and not shared and r is not None and r > old else r)
        for k, r in ranks.items()
        if k != measure_id
    }


def su_sending_problem(*, version: int, to_su: bool, sent_to: str, sent_on: date | None) -> str | None:
    """PLAN-DUTY, ASA 4310 § 6.2 — the plan is presented to the samarbeidsutvalg (an SU, not the ALU), one
    version once: a changed plan is a new version to send."""
    if not to_su:
        return "Planen legges fram for samarbeidsutvalget, ikke for allmennlegeutvalget"
    if sent_on is not None:
        return f"Versjon {version} er alt sendt til {sent_to}; en endret plan blir en ny versjon å sende"
    return None


def revision_start(due: date) -> date:
    """PLAN-REVISION — the revision clock runs the last year before the due date."""
    try:
        return due.replace(year=due.year - 1) + timedelta(days=1)
    except ValueError:  # 29 February
        return due - timedelta(days=365)


def revision_status(due: date | None, on: date) -> str:
    """PLAN-REVISION — «overdue» after the due date, «due_soon» in its last 30 days, else «running»;
    «none» when the plan has no due date (which the plan duty does not allow)."""
    if due is None:
        return "none"
    if on > due:
        return "overdue"
    return "due_soon" if (due - on).days <= 30 else "running"
