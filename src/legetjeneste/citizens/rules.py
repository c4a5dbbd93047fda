"""The citizen register's rules as pure functions: the fødselsnummer (real and synthetic), the reasons a
citizen begins and ends a place on a list, which moves count as switches (CIT-SWITCH), children
(CIT-CHILDREN), closed lists and returns (CIT-CLOSED, CIT-RETURN), and families (who moves together)."""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from stdnum.exceptions import ValidationError
from stdnum.no import fodselsnummer

from legetjeneste.dates import add_months, age_on
from legetjeneste.errors import Problem, Rule, ValidationFailed

CIT_SWITCH = Rule("CIT-SWITCH", "PBR § 6")
CIT_CLOSED = Rule("CIT-CLOSED", "PBR § 4")
CIT_WAIT = Rule("CIT-WAIT", "Helsenorge")
CIT_WAIT_EFFECT = Rule("CIT-WAIT-EFFECT", "Helsenorge, Helfo")
CIT_UNASSIGNED = Rule("CIT-UNASSIGNED", "Helfo")
CIT_CHILDREN = Rule("CIT-CHILDREN", "PBR § 5")
CIT_RETURN = Rule("CIT-RETURN", "PBR § 4")
CIT_REDUCTION_DRAW = Rule("CIT-REDUCTION-DRAW", "Helfo; PBR § 6")
AGR_VACANT = Rule("AGR-VACANT", "ASA 4310 § 5.2")

# Parameters (agreement/parameters/citizens/).
MAX_SWITCHES = "citizens/max_switches_per_year"
CHILD_AGE = "citizens/child_age_years"
RETURN_YEARS = "citizens/return_years"
RETURN_REGISTER_MONTHS = "citizens/return_register_months"

# Why a place on a list began or ended (the FLR model's begin and end codes), with the rule behind it.
REASONS: dict[str, tuple[str, str]] = {
    "register": ("Registrert", ""),
    "switch": ("Ordinært bytte", "CIT-SWITCH"),
    "waiting_list": ("Fra venteliste", "CIT-WAIT-EFFECT"),
    "assigned": ("Tildelt liste", "CIT-UNASSIGNED"),
    "distributed": ("Fordelt av kommunen", "CIT-UNASSIGNED"),
    "child": ("Følger forelder", "CIT-CHILDREN"),
    "returned": ("Tilbake til tidligere fastlege", "CIT-RETURN"),
    "moved_in": ("Flyttet til kommunen", ""),
    "moved_out": ("Flyttet fra kommunen", ""),
    "reduction": ("Listereduksjon", "CIT-REDUCTION-DRAW"),
    "gp_left": ("Fastlegen sluttet", "CIT-SWITCH"),
    "vacant": ("Ledig liste fordelt", "AGR-VACANT"),
    "threat": ("Vedtak om flytting", "THREAT-DEADLINE"),
    "died": ("Død", ""),
}
# CIT-SWITCH: only a move the citizen chose counts as one of the year's switches (a waiting list place is a
# switch the citizen asked for, carried out later).
COUNTING = frozenset({"switch", "waiting_list"})


def reason_text(code: str | None) -> str:
    return REASONS.get(code or "", (code or "", ""))[0]


def reason_rule(code: str | None) -> str:
    return REASONS.get(code or "", ("", ""))[1]


def counts_as_switch(reason: str) -> bool:
    """CIT-SWITCH, PBR § 6 — moving house, the GP leaving, removal (a threat decision), a list reduction and a
    vacant list being distributed do not count; nor does a child following a parent or an assignment."""
    return reason in COUNTING


def length_changes(places: Iterable[tuple[int, date, date | None]]) -> Counter[tuple[int, date]]:
    """AGR-OPEN — what places on lists, as (agreement, first day, last day or None), add to the lists'
    lengths, per (agreement, day): one from a place's first day, one less from the day after its last
    (docs/adr/0014). A list's length on a day is the sum of its changes on and before it."""
    changes: Counter[tuple[int, date]] = Counter()
    for agreement_id, first, last in places:
        changes[agreement_id, first] += 1
        if last is not None:
            changes[agreement_id, last + timedelta(days=1)] -= 1
    return changes


# The fødselsnummer.


@dataclass(frozen=True)
class NationalId:
    number: str
    birth_date: date
    sex: str  # "female" / "male"
    synthetic: bool


ID_LABEL = "Fødselsnummer"


def _refused(message: str) -> ValidationFailed:
    return ValidationFailed([Problem("national_id", f"{ID_LABEL}: {message}")])


def is_synthetic(number: str) -> bool:
    """The tax authority's synthetic test numbers have the month + 80 (Tenor)."""
    return len(number) == 11 and number.isdigit() and int(number[2:4]) > 80


def national_id(text: str, *, allow_synthetic: bool, today: date) -> NationalId:
    """A validated fødselsnummer (11 digits, both check digits, a real birth date not after today). A
    synthetic number (month + 80) is accepted only while test identities are allowed (DESIGN.md)."""
    number = fodselsnummer.compact(text or "")
    if len(number) != 11 or not number.isdigit():
        raise _refused("må være 11 siffer")
    synthetic = is_synthetic(number)
    if synthetic and not allow_synthetic:
        raise _refused("syntetiske testnumre (måned + 80) godtas bare når testidentiteter er slått på")
    plain = number[:2] + f"{int(number[2:4]) - 80:02d}" + number[4:] if synthetic else number
    if number[9] != fodselsnummer.calc_check_digit1(number) or number[10] != (
        fodselsnummer.calc_check_digit2(number)
    ):
        raise _refused("kontrollsifrene stemmer ikke")
    try:
        born = fodselsnummer.get_birth_date(plain)
    except ValidationError:
        raise _refused("inneholder ikke en gyldig fødselsdato") from None
    if born > today:
        raise _refused("fødselsdatoen er etter i dag")
    sex = "male" if int(number[8]) % 2 else "female"
    return NationalId(number, born, sex, synthetic)


def synthetic_number(born: date, serial: int, *, male: bool) -> str | None:
    """A synthetic fødselsnummer (month + 80) for a person born on `born`: the individual number is chosen
    from `serial` within the birth year's range, odd for a man; None when the check digits do not exist
    for this serial (try the next)."""
    if born.year >= 2000:
        low, high = 500, 999
    else:
        low, high = 0, 499
    individual = low + (serial * 2) % (high - low - 1)
    individual += (1 if male else 0) - individual % 2
    digits = f"{born.day:02d}{born.month + 80:02d}{born.year % 100:02d}{individual:03d}"
    first = fodselsnummer.calc_check_digit1(digits)
    if first == "10":
        return None
    second = fodselsnummer.calc_check_digit2(digits + first)
    if second == "10":
        return None
    return digits + first + second


# Children, closed lists and returns.


def is_child(birth_date: date, *, on: date, child_age: int) -> bool:
    """CIT-CHILDREN, PBR § 5 — a child under 16 (15 years and 364 days is a child; 16 years is not)."""
    return age_on(birth_date, on) < child_age


def followed_parent(parents: Iterable[tuple[int, str, bool]]) -> int | None:
    """CIT-CHILDREN, PBR § 5 — the parent a child follows: the one chosen (`is_primary`), else the mother,
    else any parent. `parents` are (citizen id, sex, is_primary)."""
    found = sorted(parents, key=lambda p: (not p[2], p[1] != "female", p[0]))
    return found[0][0] if found else None


def returns_within(left: date | None, *, on: date, years: int) -> bool:
    """CIT-CLOSED and CIT-RETURN, PBR § 4 — a former member left the list less than `years` years ago."""
    return left is not None and on <= add_months(left, 12 * years)


def registered_in_time(moved_back: date | None, *, registered: date, months: int) -> bool:
    """CIT-RETURN, PBR § 4 — the move back to the municipality is registered within `months` months."""
    return moved_back is not None and registered <= add_months(moved_back, months)


# Families: who moves together in a draw, a distribution or an assignment.


def families(members: Iterable[int], links: Iterable[tuple[int, int]]) -> list[list[int]]:
    """CIT-CHILDREN and CIT-REDUCTION-DRAW — the members grouped so a child under 16 and its parents stay
    together (`links` are (child, parent) pairs among the members, children already under 16): connected
    groups, each sorted, ordered by their first member."""
    parent_of: dict[int, int] = {m: m for m in members}

    def root(member: int) -> int:
        while parent_of[member] != member:
            parent_of[member] = parent_of[parent_of[member]]
            member = parent_of[member]
        return member

    for child, parent in links:
        if child in parent_of and parent in parent_of:
            a, b = root(child), root(parent)
            if a != b:
                parent_of[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for member in parent_of:
        groups.setdefault(root(member), []).append(member)
    return sorted((sorted(group) for group in groups.values()), key=lambda group: group[0])


def most_room(places: Mapping[int, int]) -> int | None:
    """The list with the most open places (ties: the lowest agreement id); None when none has room."""
    best = max(places.items(), key=lambda item: (item[1], -item[0]), default=None)
    return best[0] if best is not None and best[1] > 0 else None
