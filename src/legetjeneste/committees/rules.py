"""The committees' rules (RULES.md § 6): who may sit in the SU and the ALU, how the SU's chair alternates, the
two-year term, the half-yearly meetings, and which cases the committees may take. Pure: plain values in,
refusals (`RuleViolation`) or problems out."""

from dataclasses import dataclass
from datetime import date, timedelta

from legetjeneste.errors import Rule, RuleViolation
from legetjeneste.norwegian import day_text

ALU_MEMBERS = Rule("ALU-MEMBERS", "ASA 4310 § 4.1")
ALU_TASKS = Rule("ALU-TASKS", "ASA 4310 § 4.1.3")
SU_COMPOSITION = Rule("SU-COMPOSITION", "ASA 4310 § 4.2.2")
SU_CASES = Rule("SU-CASES", "ASA 4310 § 4.2.3")
SU_JOINT_LV = Rule("SU-JOINT-LV", "ASA 4310 § 4.2.2")
ANNUAL_MEETING = Rule("AGR-ANNUAL-MEETING", "ASA 4310 § 10.5")

SU, ALU, WORKING, JOINT_SU = "su", "alu", "alu_working", "joint_su"
KINDS = {
    SU: "Samarbeidsutvalget",
    ALU: "Allmennlegeutvalget",
    WORKING: "Allmennlegeutvalgets arbeidsutvalg",
    JOINT_SU: "Felles samarbeidsutvalg",
}
SHORT = {SU: "SU", ALU: "ALU", WORKING: "ALU-arbeidsutvalget", JOINT_SU: "felles SU"}
GPS, MUNICIPALITY = "gps", "municipality"
SIDES = {GPS: "allmennlegene", MUNICIPALITY: "kommunen"}
MEMBER, DEPUTY, CHAIR, LEADER, OBSERVER = "member", "deputy", "chair", "leader", "observer"
ROLES = {
    MEMBER: "medlem",
    DEPUTY: "varamedlem",
    CHAIR: "leder (møteleder)",
    LEADER: "leder av allmennlegeutvalget",
    OBSERVER: "observatør",
}
SEATED = frozenset({MEMBER, CHAIR, LEADER})  # who counts as one of a side's representatives


@dataclass(frozen=True)
class Seat:
    """A member as the rules see them: side, role, period, and whether they are the kommuneoverlege."""

    name: str
    side: str | None
    role: str
    start: date
    end: date | None = None
    is_kommuneoverlege: bool = False

    def holds_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def is_su(kind: str) -> bool:
    return kind in (SU, JOINT_SU)


def term_end(constituted_on: date, *, years: int) -> date:
    """SU-COMPOSITION, ASA 4310 § 4.2.2 — the term («funksjonstiden», 2 years) ends the day before the
    constitution date comes round the second time: constituted 1 March 2025, the term ends 28 February
    2027."""
    try:
        return constituted_on.replace(year=constituted_on.year + years) - timedelta(days=1)
    except ValueError:  # 29 February
        return date(constituted_on.year + years, 2, 28)


def chair_year(constituted_on: date, day: date) -> int:
    """SU-COMPOSITION — the chair year a day falls in, counted from the constitution date (interpretation:
    chair years run from the day the SU is constituted): 0 for its first year."""
    years = day.year - constituted_on.year
    return years - 1 if (day.month, day.day) < (constituted_on.month, constituted_on.day) else years


def chair_year_start(constituted_on: date, year: int) -> date:
    """The first day of a chair year (0: the constitution date; -1: the year before it): the constitution
    date's anniversary, 1 March for 29 February in a year without it (as `chair_year` counts)."""
    try:
        return constituted_on.replace(year=constituted_on.year + year)
    except ValueError:  # 29 February
        return date(constituted_on.year + year, 3, 1)


def composition_problems(
    kind: str, seats: list[Seat], *, on: date, constituted_on: date, min_per_side: int
) -> list[RuleViolation]:
    """SU-COMPOSITION, ASA 4310 § 4.2.2 and ALU-MEMBERS, § 4.1.3 — what is wrong with a committee's
    composition on a day, in the agreement's order: equal sides, at least `min_per_side` a side, as many
    deputies as members, the kommuneoverlege not elected as the GPs' representative, the chair alternating
    between the parties every year. The ALU (every GP) has no sides to balance."""
    current = [s for s in seats if s.holds_on(on)]
    if not is_su(kind):
        return []
    found: list[RuleViolation] = []
    seated = {side: [s for s in current if s.side == side and s.role in SEATED] for side in SIDES}
    deputies = {side: [s for s in current if s.side == side and s.role == DEPUTY] for side in SIDES}
    gps, municipality = len(seated[GPS]), len(seated[MUNICIPALITY])
    if gps != municipality:
        found.append(
            RuleViolation.of(
                SU_COMPOSITION,
                f"Medlemmer: utvalget skal ha like mange fra allmennlegene som fra kommunen "
                f"(nå {gps} fra allmennlegene og {municipality} fra kommunen).",
            )
        )
    for side, label in SIDES.items():
        if len(seated[side]) < min_per_side:
            found.append(
                RuleViolation.of(
                    SU_COMPOSITION,
                    f"Medlemmer: minst {min_per_side} representanter fra {label} (nå {len(seated[side])}).",
                )
            )
        if len(deputies[side]) < len(seated[side]):
            found.append(
                RuleViolation.of(
                    SU_COMPOSITION,
                    f"Varamedlemmer: like mange varamedlemmer som medlemmer fra {label} "
                    f"(nå {len(deputies[side])} varamedlemmer for {len(seated[side])} medlemmer).",
                )
            )
    found += [
        RuleViolation.of(
            ALU_MEMBERS,
            f"Side: kommuneoverlegen ({s.name}) kan ikke velges til samarbeidsutvalget som "
            "allmennlegenes representant.",
        )
        for s in current
        if s.is_kommuneoverlege and s.side == GPS
    ]
    return found + chair_problems(seats, constituted_on=constituted_on)


def chair_problems(seats: list[Seat], *, constituted_on: date) -> list[RuleViolation]:
    """SU-COMPOSITION, ASA 4310 § 4.2.2 — «partene har ledelsen vekselvis ett år hver»: the side that chairs
    in one chair year (counted from the constitution date) does not chair the next."""
    by_year: dict[int, set[str]] = {}
    for seat in seats:
        if seat.role == CHAIR and seat.side:
            by_year.setdefault(chair_year(constituted_on, seat.start), set()).add(seat.side)
    return [
        RuleViolation.of(
            SU_COMPOSITION,
            f"Leder: {SIDES[side]} har ledelsen to år på rad (lederårene fra "
            f"{day_text(chair_year_start(constituted_on, year))} og "
            f"{day_text(chair_year_start(constituted_on, year + 1))}); partene skal ha ledelsen vekselvis "
            "ett år hver.",
        )
        for year, sides in sorted(by_year.items())
        for side in sorted(sides & by_year.get(year + 1, set()))
    ]


def check_composition(kind: str, seats: list[Seat], **limits) -> None:
    """Refuse the first problem of `composition_problems` (the whole list is on the committee's page)."""
    found = composition_problems(kind, seats, **limits)
    if found:
        raise found[0]


def check_member(kind: str, *, side: str | None, role: str, is_kommuneoverlege: bool) -> None:
    """ALU-MEMBERS, ASA 4310 § 4.1.3 — the kommuneoverlege cannot be elected to the SU as a GP
    representative; a seat on a side needs the side, an observer none; the ALU's leader is a GP."""
    if is_su(kind) and is_kommuneoverlege and side == GPS and role != OBSERVER:
        raise RuleViolation.of(
            ALU_MEMBERS,
            "Side: kommuneoverlegen kan ikke velges til samarbeidsutvalget som allmennlegenes representant.",
        )
    if role == OBSERVER and side is not None:
        raise RuleViolation.of(SU_COMPOSITION, "Side: en observatør representerer ingen av partene.")
    if role != OBSERVER and is_su(kind) and side is None:
        raise RuleViolation.of(
            SU_COMPOSITION, "Side: velg om medlemmet representerer allmennlegene eller kommunen."
        )
    if role == LEADER and kind not in (ALU, WORKING):
        raise RuleViolation.of(ALU_MEMBERS, "Rolle: bare allmennlegeutvalget velger en leder av utvalget.")
    if role == CHAIR and not is_su(kind):
        raise RuleViolation.of(ALU_MEMBERS, "Rolle: allmennlegeutvalget velger en leder, ikke en møteleder.")
