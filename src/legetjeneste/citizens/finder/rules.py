"""Find a GP: which lists have room, and which match what the citizen looks for (pure).

Open places follow AGR-OPEN (registry/rules.py): a list is open when its status is open and its length is
below the listetak. The length is counted from the citizen register when the municipality has citizens in
it, else Helfo's latest monthly count is the best there is."""

from dataclasses import dataclass

from legetjeneste.registry import rules as registry_rules

SEX_NAMES_NB = {"female": "kvinne", "male": "mann"}
#: The filter's values as the page and the API name them.
GENDERS = {"kvinne": "female", "mann": "male"}


@dataclass(frozen=True)
class ListFacts:
    """One agreement's list as the finder reads it in one query."""

    agreement_id: int
    office_id: int
    office_name: str
    street_address: str
    postal_code: str
    city: str
    phone: str
    is_accessible: bool
    listetak: int
    list_status: str
    doctor_name: str | None
    doctor_sex: str | None
    languages: str
    members: int
    waiting: int
    helfo_length: int | None
    helfo_waiting: int


@dataclass(frozen=True)
class Filters:
    office_id: int | None = None
    sex: str | None = None
    accessible: bool = False
    language: str | None = None
    with_room: bool = False


def list_length(facts: ListFacts, *, counts_citizens: bool) -> int | None:
    """AGR-OPEN — the list's length: its members in the citizen register when the municipality keeps
    citizens there, else Helfo's latest count (None when there is none)."""
    return facts.members if counts_citizens else facts.helfo_length


def waiting_length(facts: ListFacts, *, counts_citizens: bool) -> int:
    """CIT-WAIT — how many stand on the list's waiting list, from the same source as the length."""
    return facts.waiting if counts_citizens else facts.helfo_waiting


def open_places(facts: ListFacts, *, counts_citizens: bool) -> int:
    """AGR-OPEN — listetak − list length for an open list with room, else 0."""
    return registry_rules.open_places(
        listetak=facts.listetak,
        list_length=list_length(facts, counts_citizens=counts_citizens),
        list_status=facts.list_status,
    )


def language_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def matches(facts: ListFacts, filters: Filters, *, places: int) -> bool:
    """Whether the list is one the citizen looks for: the office, the GP's gender, an accessible office,
    a language the GP speaks, and (when asked) room on the list."""
    if filters.office_id is not None and facts.office_id != filters.office_id:
        return False
    if filters.sex is not None and facts.doctor_sex != filters.sex:
        return False
    if filters.accessible and not facts.is_accessible:
        return False
    if filters.language and filters.language.strip().lower() not in [
        language.lower() for language in language_list(facts.languages)
    ]:
        return False
    return not (filters.with_room and places == 0)


def order_key(places: int, facts: ListFacts) -> tuple:
    """Lists with the most room first, then by office and GP."""
    return (-places, facts.office_name, facts.doctor_name or "", facts.agreement_id)
