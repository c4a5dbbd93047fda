"""AGR-BREACH, ASA 4310 § 15: the steps of a breach case, their guards and what happens next. What a decision
withholds and rectification pays out are lines of the monthly run (payments.runs.rules.deductions)."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import NoReturn

from legetjeneste.errors import Rule, RuleViolation
from legetjeneste.norwegian import day_text, joined
from legetjeneste.payments.runs.rules.lines import kr, percent_text

BREACH = Rule("AGR-BREACH", "ASA 4310 § 15")
NOTICE, COMMENT, MEETING = "notice", "comment", "meeting"
WARNING, DECISION, RECTIFICATION = "warning", "decision", "rectification"
NOTIFIED, WARNED, WITHHOLDING_STATUS, RECTIFIED = "notified", "warned", "withholding", "rectified"
STEP_LABELS = {
    NOTICE: "Skriftlig varsel om retting",
    COMMENT: "Legens uttalelse",
    MEETING: "Møte om saken",
    WARNING: "Skriftlig advarsel",
    DECISION: "Vedtak om å holde tilbake basistilskudd",
    RECTIFICATION: "Forholdet er rettet",
}
STATUS_LABELS = {
    NOTIFIED: "varslet",
    WARNED: "advart",
    WITHHOLDING_STATUS: "basistilskudd holdes tilbake",
    RECTIFIED: "rettet",
}
DAY = timedelta(days=1)


@dataclass(frozen=True)
class CaseState:
    """What the guards need of a case; `deadline` is the one in force (the notice's, or the warning's)."""

    notice_date: date
    deadline: date
    last_step: date
    warning_date: date | None = None
    decision_date: date | None = None
    rectified_date: date | None = None


@dataclass(frozen=True)
class NextStep:
    kind: str
    earliest: date
    latest: date | None = None


def _refuse(message: str) -> NoReturn:
    raise RuleViolation.of(BREACH, message)


def status_of(state: CaseState) -> str:
    """AGR-BREACH, ASA 4310 § 15 — notice, warning, withholding until rectified; rectification ends it."""
    if state.rectified_date is not None:
        return RECTIFIED
    if state.decision_date is not None:
        return WITHHOLDING_STATUS
    return WARNED if state.warning_date is not None else NOTIFIED


def check_notice(
    *,
    notice_date: date,
    deadline: date,
    subject: str,
    text: str,
    self_employed: bool,
    has_gp: bool,
    today: date,
) -> None:
    """AGR-BREACH, ASA 4310 § 15 — the notice to rectify is written and reasoned, with a reasonable deadline;
    only basistilskudd can be withheld, so the case is for a self-employed GP's agreement."""
    if not self_employed:
        _refuse(
            "Avtalen er en fastlønnsavtale. En fastlønnet lege får ikke basistilskudd, så det er ikke noe "
            "å holde tilbake (PAY-SALARIED); saken følges opp etter arbeidsavtalen."
        )
    if not has_gp:
        _refuse(
            f"Avtalen har ingen fastlege {day_text(notice_date)}; varselet må gå til legen som har avtalen."
        )
    if notice_date > today:
        _refuse(f"Varseldatoen {day_text(notice_date)} er fram i tid; registrer varselet når det er sendt.")
    if not subject.strip():
        _refuse("Varselet må si hvilket forhold legen skal rette.")
    if not text.strip():
        _refuse("Varselet om retting skal gis skriftlig og begrunnes; skriv begrunnelsen.")
    if deadline <= notice_date:
        _refuse(
            f"Fristen for retting ({day_text(deadline)}) må være etter varseldatoen "
            f"({day_text(notice_date)}) og gi legen rimelig tid til å rette forholdet."
        )


def _check_order(state: CaseState, on: date, today: date) -> None:
    """AGR-BREACH — nothing follows rectification; steps are recorded in date order, once they happened."""
    if state.rectified_date is not None:
        _refuse(
            f"Forholdet ble rettet {day_text(state.rectified_date)}, og saken er avsluttet; "
            "det kan ikke registreres flere steg."
        )
    if on < state.last_step:
        _refuse(f"Steget kan ikke dateres før forrige steg i saken ({day_text(state.last_step)}).")
    if on > today:
        _refuse(f"Datoen {day_text(on)} er fram i tid; registrer steget når det har skjedd.")


def check_comment(state: CaseState, *, on: date, text: str, today: date) -> None:
    """AGR-BREACH, ASA 4310 § 15 — the GP has the right to comment; recorded up to the deadline."""
    _check_order(state, on, today)
    if on > state.deadline:
        _refuse(
            f"Legens uttalelse registreres til og med fristen {day_text(state.deadline)}; "
            "etter fristen er neste steg skriftlig advarsel eller retting."
        )
    if not text.strip():
        _refuse("Skriv legens uttalelse.")


def check_meeting(state: CaseState, *, on: date, text: str, today: date) -> None:
    """AGR-BREACH, ASA 4310 § 15 — either party may demand a meeting about the case, up to the deadline."""
    _check_order(state, on, today)
    if on > state.deadline:
        _refuse(f"Et møte om saken registreres til og med fristen {day_text(state.deadline)}.")
    if not text.strip():
        _refuse("Skriv hva som ble tatt opp i møtet.")


def check_warning(state: CaseState, *, on: date, text: str, deadline: date | None, today: date) -> None:
    """AGR-BREACH, ASA 4310 § 15 — after the deadline, a written warning that basistilskudd will be withheld
    unless the breach is rectified without undue delay; one warning, before any decision."""
    _check_order(state, on, today)
    if state.decision_date is not None:
        _refuse(f"Det er fattet vedtak om å holde tilbake basistilskudd {day_text(state.decision_date)}.")
    if state.warning_date is not None:
        _refuse(
            f"Skriftlig advarsel ble gitt {day_text(state.warning_date)}; det gis én advarsel før vedtak."
        )
    if on <= state.deadline:
        _refuse(
            f"Skriftlig advarsel kan først gis når fristen for retting ({day_text(state.deadline)}) er ute, "
            f"tidligst {day_text(state.deadline + DAY)}."
        )
    if not text.strip():
        _refuse(
            "Advarselen skal være skriftlig og si at basistilskuddet vil bli holdt tilbake om forholdet "
            "ikke rettes uten unødig opphold."
        )
    if deadline is not None and deadline <= on:
        _refuse(
            f"Fristen i advarselen ({day_text(deadline)}) må være etter advarselsdatoen ({day_text(on)})."
        )


def earliest_decision(state: CaseState) -> date | None:
    """The day after the warning and after the deadline in force."""
    return None if state.warning_date is None else max(state.warning_date, state.deadline) + DAY


def check_decision(
    state: CaseState,
    *,
    on: date,
    percentage: Decimal,
    max_percentage: Decimal,
    other_percentage: Decimal,
    reasons: dict[str, str],
    today: date,
) -> None:
    """AGR-BREACH, ASA 4310 § 15 — if the breach is not rectified without undue delay after the warning, the
    municipality may withhold up to 20 % of basistilskudd each month; the decision is an enkeltvedtak with
    written reasons weighing the type, extent and severity of the breach; it applies from its date.
    `other_percentage` is what other cases already withhold on the agreement: together at most the limit."""
    _check_order(state, on, today)
    if state.decision_date is not None:
        _refuse(
            f"Det er allerede fattet vedtak om å holde tilbake basistilskudd {day_text(state.decision_date)}."
        )
    earliest = earliest_decision(state)
    if earliest is None:
        _refuse("Vedtak om å holde tilbake basistilskudd krever at legen først har fått skriftlig advarsel.")
    if on < earliest:
        _refuse(
            f"Vedtaket kan tidligst fattes {day_text(earliest)}: etter advarselen og fristen "
            f"{day_text(state.deadline)}, når forholdet ikke er rettet uten unødig opphold."
        )
    if percentage <= 0:
        _refuse("Andelen som holdes tilbake må være større enn 0 %.")
    if percentage > max_percentage:
        _refuse(
            f"Kommunen kan holde tilbake inntil {percent_text(max_percentage)} av basistilskuddet hver "
            f"måned; {percent_text(percentage)} er mer enn det."
        )
    if percentage + other_percentage > max_percentage:
        _refuse(
            f"Avtalen har allerede {percent_text(other_percentage)} tilbakeholdt i en annen sak; til sammen "
            f"kan det holdes tilbake inntil {percent_text(max_percentage)} av basistilskuddet hver måned."
        )
    missing = [name for name, reason in reasons.items() if not reason.strip()]
    if missing:
        _refuse(
            "Vedtaket er et enkeltvedtak og skal begrunnes skriftlig med vekt på type mangel, omfang og "
            f"grovhet; begrunnelsen mangler {joined(missing)}."
        )


def check_rectification(state: CaseState, *, on: date, text: str, today: date) -> None:
    """AGR-BREACH, ASA 4310 § 15 — on rectification full basistilskudd resumes and the withheld is paid."""
    _check_order(state, on, today)
    if not text.strip():
        _refuse("Skriv hvordan forholdet er rettet.")


def next_steps(state: CaseState) -> list[NextStep]:
    """AGR-BREACH, ASA 4310 § 15 — the steps the case allows now, with the dates they are allowed on."""
    if state.rectified_date is not None:
        return []
    steps = []
    if state.decision_date is None and state.last_step <= state.deadline:
        steps += [NextStep(kind, state.last_step, state.deadline) for kind in (COMMENT, MEETING)]
    if state.warning_date is None:
        steps.append(NextStep(WARNING, max(state.deadline + DAY, state.last_step)))
    elif state.decision_date is None:
        earliest = earliest_decision(state)
        assert earliest is not None
        steps.append(NextStep(DECISION, max(earliest, state.last_step)))
    return [*steps, NextStep(RECTIFICATION, state.last_step)]


def what_next(
    state: CaseState,
    *,
    percentage: Decimal | None,
    max_percentage: Decimal,
    withheld: Decimal,
    paid_out: bool,
) -> str:
    """AGR-BREACH, ASA 4310 § 15 — what happens next in the case, in one paragraph; `withheld` is what
    approved runs have held back so far."""
    if state.rectified_date is not None:
        rectified = (
            f"Forholdet ble rettet {day_text(state.rectified_date)}, og fullt basistilskudd utbetales."
        )
        held = f"Det som ble holdt tilbake ({kr(withheld)})"
        if paid_out:
            return f"{rectified} {held}, er utbetalt."
        if withheld > 0:
            return f"{rectified} {held}, utbetales i neste månedskjøring."
        return f"{rectified} Ingenting ble holdt tilbake i saken."
    if state.decision_date is not None and percentage is not None:
        return (
            f"{percent_text(percentage)} av basistilskuddet holdes tilbake i hver månedskjøring fra "
            f"vedtaket {day_text(state.decision_date)} til forholdet er rettet. Når forholdet er rettet, "
            "utbetales fullt basistilskudd og det som er holdt tilbake."
        )
    if state.warning_date is not None:
        earliest = earliest_decision(state)
        assert earliest is not None
        return (
            f"Skriftlig advarsel er gitt {day_text(state.warning_date)}. Rettes ikke forholdet uten unødig "
            "opphold, kan kommunen fatte vedtak om å holde tilbake inntil "
            f"{percent_text(max_percentage)} av basistilskuddet hver måned, tidligst {day_text(earliest)}."
        )
    return (
        f"Legen har frist til og med {day_text(state.deadline)} til å rette forholdet, og kan uttale seg og "
        "kreve møte innen fristen. Er forholdet ikke rettet etter fristen, kan kommunen gi skriftlig "
        f"advarsel fra {day_text(state.deadline + DAY)}."
    )
