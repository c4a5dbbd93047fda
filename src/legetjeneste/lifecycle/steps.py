"""What each step of a life-cycle case does once the rules allow it: the numbers its rule needs (resolved for
the step's dates), the clocks it opens and closes and the facts it records. Called inside the transaction of
`service.record_step` (and of the municipality file's import); never commits."""

from collections.abc import Callable
from datetime import date

from legetjeneste.dates import now_oslo
from legetjeneste.errors import Rule, RuleViolation
from legetjeneste.lifecycle import terms
from legetjeneste.lifecycle.models import LifecycleCase, LifecycleStep
from legetjeneste.lifecycle.rules import clocks, codes, guards, lists
from legetjeneste.lifecycle.schemas import StepCreate

Handler = Callable[[LifecycleCase, StepCreate, LifecycleStep], None]


def refresh_hjemfall(case: LifecycleCase) -> None:
    """AGR-HJEMFALL — the hjemfall clock runs from the end of the notice period and counts announcements."""
    end = case.notice_end()
    if end is None:
        return
    clock = terms.hjemfall_clock(end, case.correct_announcements())
    current = [c for c in case.clocks if c.code == "hjemfall" and c.closed_on is None]
    if current:
        current[0].text, current[0].due = clock.text, clock.due
    else:
        case.open_clock(clock)


def _birth_date(case: LifecycleCase, rule: Rule) -> date:
    if case.doctor is None:
        raise RuleViolation.of(rule, "Saken gjelder ingen lege; legens fødselsdato trengs for regelen.")
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
        raise RuleViolation.of(codes.ANNOUNCE, "Oppgi søknadsfristen (minst 3 uker).")
    # The practice form with a price indication concerns a self-employed practice that is taken over.
    vacant = case.kind not in ("new_agreement", "deleliste") and (
        agreement is not None and agreement.operating_model == "self_employed"
    )
    guards.check_announcement(
        published=data.on,
        application_deadline=data.application_deadline,
        content=content,
        vacant=vacant,
        **terms.announcement_limits(data.on),
    )
    step.facts = {
        **{k: v for k, v in content.items() if v is not None},
        "application_deadline": data.application_deadline.isoformat(),
        "medium": data.medium,
    }
    case.close_clocks(step, "announcement")
    deadline = data.application_deadline
    case.open_clock(clocks.announcement_clock(published=data.on, application_deadline=deadline))


def _award(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    if not data.awarded_to.strip():
        raise RuleViolation.of(codes.AWARD, "Oppgi legen avtalen tildeles.")
    is_group = case.agreement.office.is_group_practice if case.agreement else False
    guards.check_award(
        is_group_practice=is_group, group_statement_on=data.group_statement_on, decided_on=data.on
    )
    step.facts = {
        "awarded_to": data.awarded_to.strip(),
        "group_statement": data.group_statement,
        "group_statement_on": data.group_statement_on.isoformat() if data.group_statement_on else None,
        "practice_transfer": data.practice_transfer,
        "is_group_practice": is_group,
    }
    case.close_clocks(step, "announcement", "offer", "transfer")
    case.open_clock(terms.offer_clock(data.on))
    if data.practice_transfer:
        case.open_clock(terms.transfer_clock(data.offer_received or data.on))


def _offer_withdrawn(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    award = case.last_step("award")
    if award is None:
        raise RuleViolation.of(codes.OFFER, "Det er ikke gitt noe tilbud i saken.")
    accepted = case.last_step("offer_accepted")
    guards.check_offer_withdrawal(
        offer_given=award.on,
        on=data.on,
        accepted_on=accepted.on if accepted and accepted.on >= award.on else None,
        acceptance_days=terms.entry("lifecycle/offer_acceptance_days", award.on),
    )
    case.close_clocks(step, "offer", "transfer")


def _offer_accepted(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    if case.last_step("award") is None:
        raise RuleViolation.of(codes.OFFER, "Det er ikke gitt noe tilbud i saken.")
    case.close_clocks(step, "offer")


def _hjemfall(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    end = case.notice_end()
    if end is None:
        raise RuleViolation.of(
            codes.HJEMFALL,
            "Saken har ingen registrert slutt på oppsigelsesfristen; hjemfallsfristen løper fra den.",
        )
    guards.check_hjemfall(
        notice_period_end=end,
        announcements=case.correct_announcements(),
        on=data.on,
        months=terms.entry("lifecycle/hjemfall_months", end),
        min_announcements=terms.entry("lifecycle/hjemfall_min_announcements", end),
    )
    case.close(step, "hjemfall")


def _start_agreed(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    if data.start_date is None:
        raise RuleViolation.of(codes.AWARD, "Oppgi avtalt oppstartsdato.")
    step.facts = {"start_date": data.start_date.isoformat()}
    case.close(step, "started")


def _notice(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    if data.party is None:
        raise RuleViolation.of(codes.NOTICE, "Oppgi hvem som sier opp: legen eller kommunen.")
    end = guards.check_notice(
        party=codes.PARTIES[data.party],
        reason=data.objective_reason or None,
        given_on=data.on,
        notice_months=terms.value("lifecycle/notice_months", data.on),
    )
    step.facts = {
        "party": data.party,
        "objective_reason": data.objective_reason,
        "notice_period_end": end.isoformat(),
    }
    case.facts = {**(case.facts or {}), "notice_period_end": end.isoformat()}
    case.close_clocks(step, "notice")
    case.open_clock(terms.notice_clock(data.on))
    refresh_hjemfall(case)


def _extension(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    birth = _birth_date(case, codes.AGE_END)
    if data.until is None:
        raise RuleViolation.of(codes.AGE_END, "Oppgi hvor lenge forlengelsen varer.")
    guards.check_age_extension(
        until=data.until, age_end=terms.age_end(birth), limit=terms.extension_limit(birth)
    )
    step.facts = {"until": data.until.isoformat()}
    case.close_clocks(step, "age_end", "age_extension")
    case.open_clock(clocks.extension_clock(on=data.on, until=data.until))


def _list_reduction(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    if data.effective_from is None:
        raise RuleViolation.of(codes.LIST_REDUCE, "Oppgi datoen reduksjonen skal gjelde fra.")
    age_ground = data.ground == codes.AGE
    lists.check_list_reduction(
        ground=data.ground,
        requested_on=data.on,
        effective_from=data.effective_from,
        birth_date=case.doctor.birth_date if case.doctor else None,
        min_age=terms.entry("lifecycle/list_reduction_min_age", data.on) if age_ground else None,
        notice=terms.entry(codes.list_reduction_parameter(data.ground), data.on),
    )
    if data.listetak is not None:
        guards.check_listetak(data.listetak, **terms.listetak_limits(data.effective_from))
    step.facts = {
        "ground": data.ground,
        "effective_from": data.effective_from.isoformat(),
        "listetak": data.listetak,
    }
    case.close_clocks(step, "list_reduction")
    case.open_clock(terms.list_reduction_clock(data.ground, data.on))


def _deleliste(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    birth = _birth_date(case, codes.DELELISTE)
    if data.list_length is None or data.listetak is None:
        raise RuleViolation.of(codes.DELELISTE, "Oppgi listelengden ved etablering og ønsket listetak.")
    start = data.start_date or data.on
    lists.check_deleliste(
        birth_date=birth,
        disability_percent=data.disability_percent,
        on=data.on,
        same_office=data.same_office,
        list_length_at_setup=data.list_length,
        requested_total=data.listetak,
        start=start,
        end=data.until,
        written_consent=data.written_consent,
        limits=terms.deleliste_limits(data.on, start=start, end=data.until),
    )
    step.facts = {
        "successor": data.successor,
        "list_length": data.list_length,
        "listetak": data.listetak,
        "start_date": start.isoformat(),
        "until": data.until.isoformat() if data.until else None,
    }
    case.close_clocks(step, "deleliste_end")
    case.open_clock(terms.deleliste_end_clock(start))


def _revision(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    case.close_clocks(step, "revision")
    case.open_clock(terms.revision_clock(data.on))


def _new_agreement(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    done = {s.kind: s.on for s in case.steps if s.kind in ("su_statement", "gps_informed")}
    guards.check_new_agreement(
        su_statement_on=done.get("su_statement"), gps_informed_on=done.get("gps_informed"), created_on=data.on
    )


def _transfer_to_board(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
    award = case.last_step("award")
    if award is None or not award.facts.get("practice_transfer"):
        raise RuleViolation.of(
            codes.TRANSFER, "Saken har ingen overdragelse av praksis som kan gå til nemnda."
        )
    received = award.facts.get("offer_received")
    offer_received = date.fromisoformat(received) if received else award.on
    guards.check_board_referral(
        offer_received=offer_received,
        on=data.on,
        agreement_days=terms.entry("lifecycle/transfer_agreement_days", offer_received),
    )
    case.close_clocks(step, "transfer")


def _closing(result: str) -> Handler:
    def close(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
        case.close(step, result)

    return close


def _closes(*clock_codes: str) -> Handler:
    def close(case: LifecycleCase, data: StepCreate, step: LifecycleStep) -> None:
        case.close_clocks(step, *clock_codes)

    return close


_nothing = _closes()


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
    "refusal": _closing("refused"),  # an enkeltvedtak: its letter needs the reasons (lifecycle/enkeltvedtak)
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
