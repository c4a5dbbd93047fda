"""A committee's terms (SU-COMPOSITION, ASA 4310 § 4.2.2: «funksjonstiden er 2 år»; the ALU's working
committee, § 4.1.3, for 2 years too): when a new term is offered, when it may start, and which members carry
forward into it for review. Pure."""

from datetime import date, timedelta

from legetjeneste.committees.meetings.rules import Due
from legetjeneste.committees.rules import SU_COMPOSITION

# The term's end shows in the deadlines, and the page offers a new term, half a year before: time to elect
# the next members (an application choice, not a number of the agreement).
TERM_NOTICE_DAYS = 183


def term_notice_from(term_end: date) -> date:
    """The first day the end of the term shows and a new term is offered."""
    return term_end - timedelta(days=TERM_NOTICE_DAYS)


def is_term_ending(term_end: date, *, on: date) -> bool:
    """SU-COMPOSITION — the term ends within half a year (or has ended): a new term is due."""
    return on >= term_notice_from(term_end)


def term_due(*, committee_id: int, name: str, constituted_on: date, term_end: date) -> Due:
    return Due(
        key=f"committee-{committee_id}-term-{term_end.isoformat()}",
        code="committee_term",
        start=constituted_on,
        due=term_end,
        rule_id=SU_COMPOSITION.id,
        citation=SU_COMPOSITION.citation,
        text=f"{name}: funksjonstiden på 2 år går ut; nye medlemmer velges",
    )
