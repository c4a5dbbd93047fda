"""What each step of a life-cycle case does once H6a's rules allow it: the clocks it opens and closes and
the facts it records. Called inside the transaction of `service.record_step`; never commits."""

from collections.abc import Callable
from datetime import date

from legetjeneste.dates import now_oslo
from legetjeneste.errors import RuleViolation
from legetjeneste.lifecycle import clocks, rules
from legetjeneste.lifecycle.models import LifecycleCase, LifecycleClock, LifecycleStep
from legetjeneste.lifecycle.schemas import StepCreate
from legetjeneste.lifecycle.views import CLOSED, correct_announcements
from legetjeneste.norwegian import day_text

PARTIES = {"doctor": rules.GP, "municipality": rules.MUNICIPALITY}
Handler = Callable[[LifecycleCase, StepCreate, LifecycleStep], None]


def open_clock(case: LifecycleCase, clock: clocks.Clock) -> LifecycleClock:
    row = LifecycleClock(
        municipality_number=case.municipality_number,
        code=clock.code,
        rule_id=clock.rule_id,
        citation=clock.citation,
        start=clock.start,
        due=clock.due,
        text=clock.text,
        responsible=clock.responsible,
    )
    case.clocks.append(row)
    return row


def _close(case: LifecycleCase, step: LifecycleStep, *codes: str) -> None:
    """Close the open clocks with these codes (every open clock when none is named)."""
    for clock in case.clocks:
        if clock.closed_on is None and (not codes or clock.code in codes):
            clock.closed_on, clock.closed_by_step = step.on, step


def _close_case(case: LifecycleCase, step: LifecycleStep, result: str) -> None:
    _close(case, step)
    case.status, case.closed_on = CLOSED, step.on
    case.facts = {**(case.facts or {}), "result": result}


def _notice_end(case: LifecycleCase) -> date | None:
    value = (case.facts or {}).get("notice_period_end")
    return date.fromisoformat(value) if value else None


def refresh_hjemfall(case: LifecycleCase) -> None:
    """AGR-HJEMFALL — the hjemfall clock runs from the end of the notice period and counts announcements."""
    end = _notice_end(case)
    if end is None:
        return
    clock = clocks.hjemfall_clock(end, correct_announcements(case))
    current = [c for c in case.clocks if c.code == "hjemfall" and c.closed_on is None]
    if current:
        current[0].text, current[0].due = clock.text, clock.due
    else:
        open_clock(case, clock)


def _last(case: LifecycleCase, kind: str) -> LifecycleStep | None:
    found = [s for s in case.steps if s.kind == kind]
    return found[-1] if found else None


def _birth_date(case: LifecycleCase, rule_id: str, citation: str) -> date:
    if case.doctor is None:
        raise RuleViolation(
            rule_id, citation, "Saken gjelder ingen lege; legens fødselsdato trengs for regelen."
        )
    return case.doctor.birth_date


def _announcement(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    agreement = case.agreement
    content = {
        "location": data.location,
        "listetak": data.listetak,
        "operating_model": data.operating_model,
        "practice_type": data.practice_type,
        "practice_form": data.practice_form,
    }
    if data.application_deadline is None:
        raise RuleViolation("AGR-ANNOUNCE", "ASA 4310 § 5.4", "Oppgi søknadsfristen (minst 3 uker).")
    # The practice form with a price indication concerns a self-employed practice that is taken over.
    vacant = case.kind not in ("new_agreement", "deleliste") and (
        agreement is not None and agreement.operating_model == "self_employed"
    )
    rules.check_announcement(data.on, data.application_deadline, content, vacant=vacant)
    step.facts = {
        **{k: v for k, v in content.items() if v is not None},
        "application_deadline": data.application_deadline.isoformat(),
        "medium": data.medium,
    }
    _close(case, step, "announcement")
    open_clock(case, clocks.announcement_clock(data.on, data.application_deadline))


def _award(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    if not data.awarded_to.strip():
        raise RuleViolation("AGR-AWARD", "ASA 4310 § 5.5", "Oppgi legen avtalen tildeles.")
    is_group = case.agreement.office.is_group_practice if case.agreement else False
    rules.check_award(is_group, data.group_statement_on, data.on)
    step.facts = {
        "awarded_to": data.awarded_to.strip(),
        "group_statement": data.group_statement,
        "group_statement_on": data.group_statement_on.isoformat() if data.group_statement_on else None,
        "practice_transfer": data.practice_transfer,
        "is_group_practice": is_group,
    }
    _close(case, step, "announcement", "offer", "transfer")
    open_clock(case, clocks.offer_clock(data.on))
    if data.practice_transfer:
        open_clock(case, clocks.transfer_clock(data.offer_received or data.on))


def _offer_withdrawn(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    award = _last(case, "award")
    if award is None:
        raise RuleViolation("AGR-OFFER-5W", "ASA 4310 § 5.6", "Det er ikke gitt noe tilbud i saken.")
    accepted = _last(case, "offer_accepted")
    accepted_on = accepted.on if accepted and accepted.on >= award.on else None
    rules.check_offer_withdrawal(award.on, data.on, accepted_on=accepted_on)
    _close(case, step, "offer", "transfer")


def _offer_accepted(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    if _last(case, "award") is None:
        raise RuleViolation("AGR-OFFER-5W", "ASA 4310 § 5.6", "Det er ikke gitt noe tilbud i saken.")
    _close(case, step, "offer")


def _hjemfall(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    end = _notice_end(case)
    if end is None:
        raise RuleViolation(
            "AGR-HJEMFALL",
            "ASA 4310 § 5.8",
            "Saken har ingen registrert slutt på oppsigelsesfristen; hjemfallsfristen løper fra den.",
        )
    rules.check_hjemfall(end, correct_announcements(case), data.on)
    _close_case(case, step, "hjemfall")


def _start_agreed(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    if data.start_date is None:
        raise RuleViolation("AGR-AWARD", "ASA 4310 § 5.5", "Oppgi avtalt oppstartsdato.")
    step.facts = {"start_date": data.start_date.isoformat()}
    _close_case(case, step, "started")


def _notice(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    if data.party is None:
        raise RuleViolation("AGR-NOTICE", "ASA 4310 § 16", "Oppgi hvem som sier opp: legen eller kommunen.")
    end = rules.check_notice(PARTIES[data.party], data.objective_reason or None, data.on)
    step.facts = {
        "party": data.party,
        "objective_reason": data.objective_reason,
        "notice_period_end": end.isoformat(),
    }
    case.facts = {**(case.facts or {}), "notice_period_end": end.isoformat()}
    _close(case, step, "notice")
    open_clock(case, clocks.notice_clock(data.on))
    refresh_hjemfall(case)


def _extension(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    birth = _birth_date(case, "AGR-AGE-END", "ASA 4310 § 16")
    if data.until is None:
        raise RuleViolation("AGR-AGE-END", "ASA 4310 § 16", "Oppgi hvor lenge forlengelsen varer.")
    rules.check_age_extension(birth, data.until)
    step.facts = {"until": data.until.isoformat()}
    _close(case, step, "age_end", "age_extension")
    text = f"Den tidsbegrensede forlengelsen ut over aldersgrensen løper ut {day_text(data.until)}"
    extension = clocks.Clock(
        "age_extension", "AGR-AGE-END", "ASA 4310 § 16", data.on, data.until, text, clocks.KOMMUNE
    )
    open_clock(case, extension)


def _list_reduction(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    if data.effective_from is None:
        raise RuleViolation("AGR-LISTREDUCE", "ASA 4310 § 10.7", "Oppgi datoen reduksjonen skal gjelde fra.")
    birth = case.doctor.birth_date if case.doctor else None
    rules.check_list_reduction(data.ground, data.on, data.effective_from, birth_date=birth)
    if data.listetak is not None:
        rules.check_listetak(data.listetak, on=data.effective_from)
    step.facts = {
        "ground": data.ground,
        "effective_from": data.effective_from.isoformat(),
        "listetak": data.listetak,
    }
    _close(case, step, "list_reduction")
    open_clock(case, clocks.list_reduction_clock(data.ground, data.on))


def _deleliste(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    birth = _birth_date(case, "AGR-DELELISTE", "ASA 4310 § 10.8")
    if data.list_length is None or data.listetak is None:
        raise RuleViolation(
            "AGR-DELELISTE", "ASA 4310 § 10.8", "Oppgi listelengden ved etablering og ønsket listetak."
        )
    start = data.start_date or data.on
    rules.check_deleliste(
        birth,
        data.disability_percent,
        data.on,
        data.same_office,
        data.list_length,
        data.listetak,
        start,
        end=data.until,
        written_consent=data.written_consent,
    )
    step.facts = {
        "successor": data.successor,
        "list_length": data.list_length,
        "listetak": data.listetak,
        "start_date": start.isoformat(),
        "until": data.until.isoformat() if data.until else None,
    }
    _close(case, step, "deleliste_end")
    open_clock(case, clocks.deleliste_end_clock(start))


def _revision(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    _close(case, step, "revision")
    open_clock(case, clocks.revision_clock(data.on))


def _new_agreement(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    done = {s.kind: s.on for s in case.steps if s.kind in ("su_statement", "gps_informed")}
    rules.check_new_agreement(done.get("su_statement"), done.get("gps_informed"), data.on)


def _transfer_to_board(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    award = _last(case, "award")
    if award is None or not award.facts.get("practice_transfer"):
        raise RuleViolation(
            "AGR-TRANSFER-5W",
            "ASA 4310 § 5.6",
            "Saken har ingen overdragelse av praksis som kan gå til nemnda.",
        )
    received = award.facts.get("offer_received")
    rules.check_board_referral(date.fromisoformat(received) if received else award.on, data.on)
    _close(case, step, "transfer")


def _closing(result: str) -> Handler:
    def close(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
        _close_case(case, step, result)

    return close


def _closes(*codes: str) -> Handler:
    def close(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
        _close(case, step, *codes)

    return close


def _nothing(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    return None


HANDLERS: dict[str, Handler] = {
    "gps_informed": _nothing,
    "su_statement": _nothing,
    "agreement_created": _new_agreement,
    "announcement": _announcement,
    "no_taker": _closes("announcement"),
    "distribution": _closing("distributed"),
    "award": _award,
    "offer_accepted": _offer_accepted,
    "offer_withdrawn": _offer_withdrawn,
    "transfer_agreed": _closes("transfer"),
    "transfer_to_board": _transfer_to_board,
    "start_agreed": _start_agreed,
    "hjemfall": _hjemfall,
    "notice": _notice,
    "extension": _extension,
    "authorisation_lost": _nothing,
    "authorisation_suspended": _nothing,
    "death": _nothing,
    "list_reduction_request": _list_reduction,
    "deleliste_request": _deleliste,
    "revision": _revision,
    "note": _nothing,
    "closed": _closing("closed"),
}


def apply_step(case: LifecycleCase, data: StepCreate, *, recorded_by: str) -> LifecycleStep:
    """Check the step with its rule, then record it with its clocks; a refusal leaves the case unchanged."""
    step = LifecycleStep(
        kind=data.kind, on=data.on, text=data.text, facts={}, recorded_at=now_oslo(), recorded_by=recorded_by
    )
    HANDLERS[data.kind](case, data, step)
    given = data.model_dump(mode="json", exclude_defaults=True, exclude={"kind", "on", "text"})
    step.facts = {**given, **step.facts}
    case.steps.append(step)
    if data.kind == "announcement":
        refresh_hjemfall(case)
    return step
