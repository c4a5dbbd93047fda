"""Pure parts of swaps (LV-SWAP): the kinds and states, who gets which shift, which hard rule a swap breaks
(only what the change itself breaks, read with the precise rule of an absence or exemption), and what the
doctors are told."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from legetjeneste.errors import Rule, RuleViolation
from legetjeneste.norwegian import day_text
from legetjeneste.rostering import problem as rp
from legetjeneste.rostering.constraints import rule_id_of, unavailable

SWAP = Rule("LV-SWAP", "prosjektregel")
KINDS = {"offer": "Tilbudt til alle", "swap": "Bytte", "handover": "Gitt bort"}
STATUS = {
    "open": "Tilbudt, ingen har tatt den",
    "proposed": "Venter på kollegaen",
    "accepted": "Venter på godkjenning",
    "approved": "Godkjent",
    "declined": "Avslått av kollegaen",
    "refused": "Avvist",
    "withdrawn": "Trukket tilbake",
}
OPEN = ("open", "proposed", "accepted")
CITATIONS = {
    "LV-ALWAYS": "akuttmedisinforskriften § 6",
    "LV-DUTY": "FLF § 33",
    "LV-EXEMPT-RIGHT": "FLF § 33",
    "LV-EXEMPT-DISCRETION": "FLF § 33",
    "LV-COMPETENCE": "kompetanseforskriften § 3, § 3a",
    "LV-REST": "SFS 2305 § 7.4",
    "NN-OFFICE-DAYS": "KRAGERØ",
    "NN-EXEMPT": "KRAGERØ",
    "LV-SWAP": SWAP.citation,
}
UNAVAILABLE = rule_id_of(unavailable)


@dataclass(frozen=True)
class Held:
    """A shift in a swap: its key in every version of the roster, its day and name, its doctor (HPR)."""

    shift_key: str
    on: date
    label: str
    doctor: str | None


def moves(*, kind: str, mine: str, theirs: str | None, me: str, colleague: str) -> dict[str, str]:
    """LV-SWAP — who holds which shift after the swap (shift key → HPR number): my shift goes to the
    colleague, and in a swap the colleague's shift comes to me."""
    found = {mine: colleague}
    if kind == "swap":
        assert theirs is not None, "a swap names the colleague's shift"
        found[theirs] = me
    return found


def _precise(problem: rp.Problem, violation: rp.Violation) -> str:
    """The rule a broken hard rule stands for: an absence or time outside the scheme is LV-DUTY, an
    exemption its own rule (the registry names the `unavailable` rule by its first id)."""
    if violation.participant is None:
        return violation.rule_id
    if violation.rule_id == "LV-ALWAYS":
        return "LV-DUTY"  # the doctor is not in the scheme on that day
    if violation.rule_id != UNAVAILABLE:
        return violation.rule_id
    participant, shift = problem.participant(violation.participant), problem.shift(violation.shift_id)
    if participant.participation <= 0:
        return "LV-DUTY"
    for window in participant.unavailable:
        if window.nights_only and not shift.is_night:
            continue
        if window.start < shift.end and shift.start < window.end:
            return window.rule_id
    return violation.rule_id


def broken(
    problem: rp.Problem,
    *,
    before: Iterable[rp.Violation],
    after: Iterable[rp.Violation],
    doctors: Iterable[str],
) -> list[tuple[str, str]]:
    """LV-SWAP — the hard rules the swap itself breaks: violations of the roster after the swap that
    concern one of the swapping `doctors` and that the roster before it did not have, as (rule id, text)."""
    concerned = set(doctors)
    known = {(v.rule_id, v.shift_id, v.participant) for v in before}
    return [
        (_precise(problem, v), v.text)
        for v in after
        if v.participant in concerned and (v.rule_id, v.shift_id, v.participant) not in known
    ]


def refusal(found: list[tuple[str, str]]) -> RuleViolation | None:
    """LV-SWAP — the first broken rule as the refusal, with its id and source; None when every rule holds."""
    if not found:
        return None
    rule_id, text = found[0]
    message = f"Byttet bryter en regel for vaktlisten: {text}"
    return RuleViolation(rule_id, CITATIONS.get(rule_id, ""), message)


def shift_text(held: Held) -> str:
    """«Hverdagsvakt mandag 1. mars 2027»."""
    return f"{held.label} {day_text(held.on, weekday=True)}"


def summary(*, kind: str, mine: Held, theirs: Held | None, me: str, colleague: str | None) -> str:
    """LV-SWAP — one sentence of what the swap does, named by doctor and shift."""
    if kind == "swap" and theirs is not None:
        return f"{me} bytter {shift_text(mine)} mot {colleague}s {shift_text(theirs)}"
    if kind == "handover":
        return f"{me} gir {shift_text(mine)} til {colleague}"
    taker = f"; {colleague} tar den" if colleague else ""
    return f"{me} tilbyr {shift_text(mine)} til alle i ordningen{taker}"


def notice(
    *, event: str, what: str, rule_id: str | None = None, reason: str | None = None
) -> tuple[str, str]:
    """LV-SWAP — the subject and text of a notice about a swap: proposed, accepted, declined, approved,
    refused or withdrawn."""
    subjects = {
        "proposed": "Forslag om vaktbytte",
        "accepted": "Vaktbyttet er godtatt og venter på godkjenning",
        "declined": "Vaktbyttet er avslått",
        "approved": "Vaktbyttet er godkjent",
        "refused": "Vaktbyttet er avvist",
        "withdrawn": "Vaktbyttet er trukket tilbake",
    }
    body = f"{what}."
    if event == "approved":
        body += " Vaktlisten har fått en ny versjon, og kalenderen din viser den."
    if reason:
        body += f" Begrunnelse: {reason}" + (f" ({rule_id})" if rule_id and rule_id not in reason else "")
    return subjects[event], body


def may_answer(status: str, to_doctor: int | None, me: int) -> bool:
    """LV-SWAP — a proposal is answered by the colleague it names; an offer by anyone else in the scheme."""
    return (status == "proposed" and to_doctor == me) or status == "open"


def too_late(action: str, status: str) -> str:
    """Why a swap can no longer be answered or decided: «Vaktbyttet kan ikke godkjennes: det er godkjent.»"""
    return f"Vaktbyttet kan ikke {action}: det er {STATUS[status].lower()}."
