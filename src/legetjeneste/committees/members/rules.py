"""A committee's terms (SU-COMPOSITION, ASA 4310 § 4.2.2: «funksjonstiden er 2 år»; the ALU's working
committee, § 4.1.3, for 2 years too): when a new term is offered, when it may begin, which members carry
forward into it for review, and the seats of the committee once it has begun. Pure."""

from dataclasses import replace
from datetime import date, timedelta

from legetjeneste.committees.meetings.rules import Due
from legetjeneste.committees.rules import (
    ALU,
    ALU_MEMBERS,
    CHAIR,
    GPS,
    MEMBER,
    MUNICIPALITY,
    SU_COMPOSITION,
    Seat,
)
from legetjeneste.errors import Problem, RuleViolation, ValidationFailed
from legetjeneste.norwegian import day_text

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


def check_term_start(kind: str, *, start: date, constituted_on: date, seats: list[Seat]) -> None:
    """SU-COMPOSITION, ASA 4310 § 4.2.2 — a new term is constituted after the current one was: the ALU has
    no term (every GP is a member, ALU-MEMBERS, § 4.1); the new term begins after the current constitution
    and after every seat already registered began, so the seats that end the day before stay periods."""
    if kind == ALU:
        raise RuleViolation.of(
            ALU_MEMBERS,
            "Funksjonsperiode: allmennlegeutvalget har ingen funksjonstid; alle fastlegene i kommunen er "
            "medlemmer.",
        )
    if start <= constituted_on:
        last = day_text(constituted_on)
        message = f"den nye funksjonsperioden må begynne etter {last}, da utvalget sist ble konstituert"
        raise ValidationFailed([Problem("constituted_on", message, rule_id=SU_COMPOSITION.id)])
    later = [s for s in seats if s.start >= start]
    if later:
        raise ValidationFailed(
            [
                Problem(
                    "constituted_on",
                    f"{s.name} har sete fra {day_text(s.start)}; den nye perioden må begynne etter det",
                    rule_id=SU_COMPOSITION.id,
                )
                for s in later
            ]
        )


def carries_forward(seat: Seat, *, start: date) -> bool:
    """A seat held on the last day before the new term: the member is proposed again (for review)."""
    return seat.holds_on(start - timedelta(days=1))


def role_forward(role: str) -> str:
    """SU-COMPOSITION — «partene har ledelsen vekselvis ett år hver»: the new term's first chair is chosen
    anew, so a chair carries forward as a member."""
    return MEMBER if role == CHAIR else role


def next_chair_side(seats: list[Seat], *, start: date) -> str | None:
    """SU-COMPOSITION — the side that chairs the new term's first chair year: not the side chairing on the
    day before (None when no one chaired then)."""
    chairing = {s.side for s in seats if s.role == CHAIR and s.holds_on(start - timedelta(days=1))}
    if chairing == {GPS}:
        return MUNICIPALITY
    if chairing == {MUNICIPALITY}:
        return GPS
    return None


def term_seats(current: list[Seat], new: list[Seat], *, start: date) -> list[Seat]:
    """The committee's seats once the new term has begun: every seat running into it ends the day before,
    and the new members hold theirs from its first day."""
    last = start - timedelta(days=1)
    ended = [s if s.end is not None and s.end <= last else replace(s, end=last) for s in current]
    return ended + new
