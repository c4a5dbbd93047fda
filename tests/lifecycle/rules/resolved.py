"""The guards called as the service calls them: with the numbers in force resolved by `lifecycle.terms`."""

import pytest

from legetjeneste.errors import RuleViolation
from legetjeneste.lifecycle import terms
from legetjeneste.lifecycle.rules import codes, guards, lists


def refused(rule_id: str, citation: str, call, *args, **kwargs) -> str:
    with pytest.raises(RuleViolation) as caught:
        call(*args, **kwargs)
    assert (caught.value.rule_id, caught.value.citation) == (rule_id, citation)
    return caught.value.message


def check_announcement(published, application_deadline, content, *, vacant=False):
    guards.check_announcement(
        published=published,
        application_deadline=application_deadline,
        content=content,
        vacant=vacant,
        **terms.announcement_limits(published),
    )


def check_listetak(listetak, *, on):
    return guards.check_listetak(listetak, **terms.listetak_limits(on))


def check_new_agreement(su_statement_on, gps_informed_on, created_on):
    guards.check_new_agreement(
        su_statement_on=su_statement_on, gps_informed_on=gps_informed_on, created_on=created_on
    )


def check_award(is_group_practice, group_statement_on, decided_on):
    guards.check_award(
        is_group_practice=is_group_practice, group_statement_on=group_statement_on, decided_on=decided_on
    )


def check_offer_withdrawal(offer_given, on, *, accepted_on=None):
    days = terms.entry("lifecycle/offer_acceptance_days", offer_given)
    guards.check_offer_withdrawal(
        offer_given=offer_given, on=on, accepted_on=accepted_on, acceptance_days=days
    )


def check_board_referral(offer_received, on):
    days = terms.entry("lifecycle/transfer_agreement_days", offer_received)
    guards.check_board_referral(offer_received=offer_received, on=on, agreement_days=days)


def check_hjemfall(notice_period_end, announcements, on):
    guards.check_hjemfall(
        notice_period_end=notice_period_end,
        announcements=announcements,
        on=on,
        months=terms.entry("lifecycle/hjemfall_months", notice_period_end),
        min_announcements=terms.entry("lifecycle/hjemfall_min_announcements", notice_period_end),
    )


def check_notice(party, reason, given_on):
    months = terms.value("lifecycle/notice_months", given_on)
    return guards.check_notice(party=party, reason=reason, given_on=given_on, notice_months=months)


def check_age_extension(birth_date, until):
    guards.check_age_extension(
        until=until, age_end=terms.age_end(birth_date), limit=terms.extension_limit(birth_date)
    )


def check_list_reduction(ground, requested_on, effective_from, *, birth_date=None):
    lists.check_list_reduction(
        ground=ground,
        requested_on=requested_on,
        effective_from=effective_from,
        birth_date=birth_date,
        min_age=terms.entry("lifecycle/list_reduction_min_age", requested_on) if ground == "age" else None,
        notice=terms.entry(codes.list_reduction_parameter(ground), requested_on),
    )
