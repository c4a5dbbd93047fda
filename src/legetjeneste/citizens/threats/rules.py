"""Threatening and violent patients (ASA 4310 Vedlegg II, RULES.md § 9) as pure functions: the seven
alternatives, what a case's state allows next, the patient's deadline, and the case's status.

**THREAT-DEADLINE (interpretation, project rule).** Vedlegg II punkt 2 leaves the deadline to the
municipality («innen en nærmere angitt frist»). The default is the parameter `threats/choice_days` (14 days
from the decision's date); the kommuneoverlege may set another date, at least the day after the decision. The
deadline day is the last day the patient may choose; from the day after, the municipality assigns the GP
named in the decision. A move takes effect the day it is recorded — not the 1st of the next month as an
ordinary switch (CIT-SWITCH) — because the agreement asks for immediate help; its reason is «threat», which
does not count as one of the citizen's switches.

**THREAT-DECISION (project rule for the clock).** The municipality decides «uten ugrunnet opphold»; a demand
not decided within `threats/decision_months` (1 month, forvaltningsloven § 11 a tredje ledd: a preliminary
answer is due) is overdue on the deadlines overview."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import NoReturn

from legetjeneste.citizens.threats import labels
from legetjeneste.dates import add_months
from legetjeneste.errors import Rule, RuleViolation
from legetjeneste.norwegian import day_text

ASSIST = Rule("THREAT-ASSIST", "ASA 4310 vedlegg II punkt 1")
MEASURES = Rule("THREAT-MEASURES", "ASA 4310 vedlegg II punkt 1")
DECISION = Rule("THREAT-DECISION", "ASA 4310 vedlegg II punkt 1–2")
DEADLINE = Rule("THREAT-DEADLINE", "ASA 4310 vedlegg II punkt 2")
NEW_GP = Rule("THREAT-NEW-GP", "ASA 4310 vedlegg II punkt 2")
ALTERNATIVE = Rule("THREAT-ALTERNATIVE", "ASA 4310 vedlegg II punkt 3")
GUIDELINES = Rule("THREAT-GUIDELINES", "ASA 4310 § 4.1.3 og § 4.2.3")
PRIVACY = Rule("THREAT-PRIVACY", "ASA 4310 § 6.1")

# THREAT-DECISION: what the municipality decides on the GP's demand.
MOVE, NO_MOVE, STAY = "move", "no_move", "stay"
# The decision's outcome in the letter (decisions/rules.py OUTCOMES).
DECISION_OUTCOMES = {MOVE: "granted", NO_MOVE: "partly", STAY: "refused"}

CHOSEN, ASSIGNED = "chosen", "assigned"

MOVE_REASON = "threat"  # the membership's begin and end reason (citizens/models.py): not a switch


@dataclass(frozen=True)
class CaseState:
    """What the rules need to know of a case."""

    demanded_on: date | None
    outcome: str | None
    deadline: date | None
    moved_on: date | None
    contacted_on: date | None
    alternative: str | None
    closed_on: date | None


def status(state: CaseState) -> str:
    """Where the case stands, for lists and the page."""
    if state.closed_on is not None:
        return "closed"
    if state.outcome == MOVE:
        return "moved" if state.moved_on is not None else "waiting"
    if state.outcome is not None:
        return "decided"
    return "demanded" if state.demanded_on is not None else "requested"


def is_concerned(
    *,
    handles: bool,
    role: str,
    doctor_id: int | None,
    office_id: int | None,
    case_doctors: tuple[int | None, ...],
    case_office_id: int,
) -> bool:
    """THREAT-PRIVACY, ASA 4310 § 6.1 — who sees a case: the kommuneoverlege (`handles`), the GPs concerned
    (the requesting GP and the new GP) and the administrator of the office that asked; nobody else — not
    the SU, other GPs, other offices or the municipality's other administrators."""
    if handles:
        return True
    if role == "doctor":
        return doctor_id is not None and doctor_id in case_doctors
    return role == "office_admin" and office_id is not None and office_id == case_office_id


def _open(state: CaseState) -> None:
    if state.closed_on is not None:
        raise RuleViolation.of(ASSIST, f"Saken ble avsluttet {day_text(state.closed_on)} og kan ikke endres")


NOT_YOURS = "Fødselsnummer: pasienten står ikke på din liste (eller en liste ved ditt legekontor)"


def not_listed() -> NoReturn:
    """THREAT-ASSIST, THREAT-PRIVACY — the same answer whether the number is unknown, on no list or on
    another GP's list, so that the form tells nobody where a person is listed."""
    raise RuleViolation.of(ASSIST, NOT_YOURS)


def request_check(*, listed: bool, own_list: bool) -> None:
    """THREAT-ASSIST, ASA 4310 vedlegg II punkt 1 — a GP asks for help about a patient on the GP's own list
    (the office administrator: a list of the office)."""
    if not (listed and own_list):
        not_listed()


def no_open_case(reference: str) -> NoReturn:
    """THREAT-ASSIST — one open case per patient and list: help is asked for once, then the case goes on."""
    raise RuleViolation.of(ASSIST, f"Det finnes allerede en åpen sak om pasienten ({reference})")


def measure_check(state: CaseState, *, code: str, measure_status: str) -> None:
    """THREAT-MEASURES, ASA 4310 vedlegg II punkt 1 — one of the seven alternatives, discussed, applied or
    rejected, while the case is open."""
    _open(state)
    if code not in labels.MEASURE_LABELS:
        raise RuleViolation.of(MEASURES, "Tiltak: velg ett av de sju tiltakene i retningslinjene")
    if measure_status not in labels.MEASURE_STATUSES:
        raise RuleViolation.of(MEASURES, "Status: velg drøftet, iverksatt eller forkastet")


def demand_check(state: CaseState) -> None:
    """THREAT-DECISION, ASA 4310 vedlegg II punkt 1 — the GP may demand a decision once, while the case is
    open and not decided."""
    _open(state)
    if state.demanded_on is not None:
        raise RuleViolation.of(DECISION, f"Vedtak ble krevd {day_text(state.demanded_on)} allerede")


def decision_check(state: CaseState, *, outcome: str, weighing: str) -> None:
    """THREAT-DECISION, ASA 4310 vedlegg II punkt 1–2 — the municipality decides on moving the patient only
    when the GP has demanded it, once, weighing whether staying with one of its GPs is forsvarlig."""
    _open(state)
    if state.demanded_on is None:
        raise RuleViolation.of(
            DECISION, "Kommunen fatter vedtak om flytting først når fastlegen har krevd det"
        )
    if state.outcome is not None:
        raise RuleViolation.of(DECISION, "Det er allerede fattet vedtak i saken")
    if outcome not in labels.OUTCOMES:
        raise RuleViolation.of(DECISION, "Utfall: velg ett av utfallene")
    if not weighing.strip():
        raise RuleViolation.of(
            DECISION,
            "Vurdering: skriv om det er forsvarlig at pasienten får hjelp av en av kommunens fastleger",
        )


def default_deadline(decided_on: date, *, days: int) -> date:
    """THREAT-DEADLINE (project rule `threats/choice_days`) — the patient's last day to choose a new GP."""
    return decided_on + timedelta(days=days)


def deadline_check(*, deadline: date, decided_on: date) -> None:
    """THREAT-DEADLINE, ASA 4310 vedlegg II punkt 2 — the patient gets at least a day to choose."""
    if deadline <= decided_on:
        raise RuleViolation.of(
            DEADLINE, f"Frist for å velge ny fastlege: må være etter vedtaksdagen ({day_text(decided_on)})"
        )


def target_check(*, target: int | None, current: int, has_regular_doctor: bool) -> None:
    """THREAT-DEADLINE, ASA 4310 vedlegg II punkt 2 — a move names the list the patient is assigned to if
    the patient does not choose: another list, with a GP."""
    if target is None:
        raise RuleViolation.of(
            DEADLINE, "Ny fastlege ved tildeling: velg listen pasienten får om fristen går ut"
        )
    if target == current:
        raise RuleViolation.of(
            DEADLINE, "Ny fastlege ved tildeling: velg en annen liste enn pasientens nåværende"
        )
    if not has_regular_doctor:
        raise RuleViolation.of(DEADLINE, "Ny fastlege ved tildeling: listen har ingen fastlege")


def no_gp() -> NoReturn:
    """THREAT-DEADLINE — the patient moves to a list of the municipality that has a GP."""
    raise RuleViolation.of(DEADLINE, "Ny fastlege: listen finnes ikke i kommunen eller har ingen fastlege")


def _waiting(state: CaseState) -> date:
    _open(state)
    if state.outcome != MOVE or state.deadline is None:
        raise RuleViolation.of(DEADLINE, "Det er ikke vedtatt at pasienten skal flyttes")
    if state.moved_on is not None:
        raise RuleViolation.of(DEADLINE, f"Pasienten fikk ny fastlege {day_text(state.moved_on)} allerede")
    return state.deadline


def choice_check(state: CaseState, *, on: date, target: int, current: int) -> None:
    """THREAT-DEADLINE, ASA 4310 vedlegg II punkt 2 — the patient chooses a new GP until the deadline day,
    inclusive; afterwards the municipality assigns one."""
    deadline = _waiting(state)
    if on > deadline:
        raise RuleViolation.of(
            DEADLINE,
            f"Fristen for å velge ny fastlege gikk ut {day_text(deadline)}; pasienten tildeles en lege",
        )
    if target == current:
        raise RuleViolation.of(DEADLINE, "Ny fastlege: velg en annen liste enn pasientens nåværende")


def assignment_check(state: CaseState, *, on: date) -> None:
    """THREAT-DEADLINE, ASA 4310 vedlegg II punkt 2 — the municipality assigns a GP from the day after the
    deadline."""
    deadline = _waiting(state)
    if on <= deadline:
        raise RuleViolation.of(
            DEADLINE,
            f"Pasienten kan velge ny fastlege til og med {day_text(deadline)}; tildel først etter det",
        )


def is_assignment_due(state: CaseState, *, on: date) -> bool:
    """THREAT-DEADLINE — the deadline has passed and the patient has no new GP."""
    return (
        state.closed_on is None
        and state.outcome == MOVE
        and state.moved_on is None
        and state.deadline is not None
        and on > state.deadline
    )


def contact_check(state: CaseState, *, contacted_on: date, measures: str) -> None:
    """THREAT-NEW-GP, ASA 4310 vedlegg II punkt 2 — the municipality contacts the new GP once the patient is
    moved, and records the measures agreed."""
    _open(state)
    if state.moved_on is None:
        raise RuleViolation.of(NEW_GP, "Pasienten har ikke fått ny fastlege ennå")
    if contacted_on < state.moved_on - timedelta(days=30):
        raise RuleViolation.of(NEW_GP, "Kontaktet: datoen er for lenge før flyttingen")
    if not measures.strip():
        raise RuleViolation.of(
            NEW_GP, "Tiltak avtalt med ny fastlege: skriv hva som er avtalt (eller «ingen»)"
        )


def alternative_check(state: CaseState, *, kind: str) -> None:
    """THREAT-ALTERNATIVE, ASA 4310 vedlegg II punkt 3 — an institution or a special vaktordning, recorded
    after the decision."""
    _open(state)
    if state.outcome is None:
        raise RuleViolation.of(ALTERNATIVE, "Et annet tilbud registreres etter vedtaket")
    if kind not in labels.ALTERNATIVES:
        raise RuleViolation.of(ALTERNATIVE, "Tilbud: velg institusjon eller særskilt vaktordning")


def close_check(state: CaseState) -> None:
    """THREAT-ALTERNATIVE, THREAT-DECISION, THREAT-NEW-GP — a case closes only when what it started is done:
    a demanded decision made; a move carried out and the new GP contacted; and where no move is forsvarlig,
    the other care in place."""
    _open(state)
    if state.demanded_on is not None and state.outcome is None:
        raise RuleViolation.of(DECISION, "Fastlegen har krevd vedtak; saken kan ikke avsluttes før vedtaket")
    if state.outcome == NO_MOVE and state.alternative is None:
        raise RuleViolation.of(
            ALTERNATIVE,
            "Flytting er ikke forsvarlig: saken kan ikke avsluttes før pasienten har et annet tilbud "
            "(institusjon eller særskilt vaktordning)",
        )
    if state.outcome == MOVE and state.moved_on is None:
        raise RuleViolation.of(DEADLINE, "Pasienten har ikke fått ny fastlege ennå")
    if state.outcome == MOVE and state.contacted_on is None:
        raise RuleViolation.of(
            NEW_GP, "Kommunen må kontakte den nye fastlegen og avtale tiltak før saken avsluttes"
        )


@dataclass(frozen=True)
class CaseClock:
    """A running clock of a case, for the deadlines overview."""

    code: str
    due: date
    start: date
    rule: Rule
    text: str
    action: str


def open_clock(state: CaseState, *, decided_on: date | None, decision_months: int) -> CaseClock | None:
    """THREAT-DECISION, THREAT-DEADLINE — an open case's clock: a demanded decision is due within
    `decision_months` (project rule, forvaltningsloven § 11 a), and a patient to be moved has the deadline."""
    if state.closed_on is not None:
        return None
    if state.outcome is None and state.demanded_on is not None:
        due = add_months(state.demanded_on, decision_months)
        text, action = "Fastlegen har krevd vedtak om flytting av pasienten", "fatt vedtak i saken, eller gi "
        return CaseClock(
            "decision", due, state.demanded_on, DECISION, text, action + "fastlegen et foreløpig svar"
        )
    if state.outcome == MOVE and state.moved_on is None and state.deadline and decided_on:
        text, action = (
            "Pasientens frist for å velge ny fastlege",
            "fristen er ute: tildel pasienten fastlegen ",
        )
        return CaseClock(
            "deadline", state.deadline, decided_on, DEADLINE, text, action + "som er valgt i vedtaket"
        )
    return None


def case_reference(case_id: int) -> str:
    """«T-12»: how the case is named where the patient must not be (lists, clocks, letters)."""
    return f"T-{case_id}"
