"""Setting up committees and their terms (SQLite and PostgreSQL): a municipality without committees creates an
SU with its members and a 2-year term; a composition against the rules is refused naming the rule and the
member or field, and nothing is written; the Vefsn SU's new term carries the members forward, ends the old
seats the day before and counts the chair years from it; the ALU has no term."""

from datetime import date

import pytest

from legetjeneste.committees import service
from legetjeneste.committees.members import service as member_service
from legetjeneste.committees.schemas import CommitteeCreate, MemberCreate, MemberIn, TermCreate
from legetjeneste.errors import RuleViolation, ValidationFailed
from tests.committees.support import (
    BODO,
    actor,
    committee_id,
    municipality_without_committees,
    new_su,
    su_members,
)

KOL = "kommuneoverlege@vefsn.example"
START = date(2026, 1, 1)


def committees(session, who) -> list:
    return service.list_committees(session, actor=who, municipality_number=BODO)


def test_a_municipality_without_committees_creates_an_su_with_its_members_and_a_two_year_term(demo):
    kol = municipality_without_committees(demo)
    assert committees(demo, kol) == []
    saved = service.add_committee(demo, actor=kol, municipality_number=BODO, data=new_su(START))
    assert (saved.term_end, saved.composition, len(saved.members)) == (date(2027, 12, 31), [], 8)
    assert {(m.side, m.role, m.start) for m in saved.members} == {
        (side, role, START) for side in ("gps", "municipality") for role in ("member", "deputy")
    }
    alu = CommitteeCreate(kind="alu", name="Allmennlegeutvalget i Bodø", constituted_on=START)
    assert service.add_committee(demo, actor=kol, municipality_number=BODO, data=alu).term_end is None


def test_su_composition_a_new_su_with_one_a_side_or_too_few_deputies_is_refused_and_nothing_is_written(demo):
    kol = municipality_without_committees(demo)
    for composition, words in (
        ({"per_side": 1}, "Medlemmer: minst 2 representanter fra allmennlegene (nå 1)"),
        ({"deputies": 1}, "Varamedlemmer: like mange varamedlemmer som medlemmer fra allmennlegene"),
    ):
        with pytest.raises(RuleViolation) as refused:
            service.add_committee(
                demo, actor=kol, municipality_number=BODO, data=new_su(START, **composition)
            )
        assert refused.value.rule_id == "SU-COMPOSITION" and refused.value.message.startswith(words)
    assert committees(demo, kol) == []


def test_alu_members_the_kommuneoverlege_as_the_gps_representative_is_refused_naming_the_member(demo):
    kol = municipality_without_committees(demo)
    members = [
        *su_members(START),
        MemberCreate(name="Kari Kol", side="gps", start=START, is_kommuneoverlege=True),
    ]
    data = new_su(START).model_copy(update={"members": members})
    with pytest.raises(RuleViolation) as refused:
        service.add_committee(demo, actor=kol, municipality_number=BODO, data=data)
    assert refused.value.rule_id == "ALU-MEMBERS"
    assert refused.value.message.startswith("Kari Kol – Side: kommuneoverlegen kan ikke velges")
    assert committees(demo, kol) == []


def test_an_unknown_hpr_number_is_refused_on_the_members_field_and_a_taken_name_on_the_name(demo):
    kol = municipality_without_committees(demo)
    members = su_members(START)
    members[2] = members[2].model_copy(update={"doctor": "9182401"})  # a Vefsn GP, not in Bodø
    with pytest.raises(ValidationFailed) as refused:
        service.add_committee(demo, actor=kol, municipality_number=BODO, data=new_su(START).model_copy(
            update={"members": members}
        ))  # fmt: skip
    assert [(p.path, p.message) for p in refused.value.problems] == [
        ("members.2.doctor", "ingen lege med HPR-nummer 9182401 i kommunen")
    ]
    service.add_committee(demo, actor=kol, municipality_number=BODO, data=new_su(START))
    with pytest.raises(ValidationFailed) as refused:
        service.add_committee(demo, actor=kol, municipality_number=BODO, data=new_su(START))
    assert [p.path for p in refused.value.problems] == ["name"]
    assert len(committees(demo, kol)) == 1


def carried(proposal: dict, **changes) -> TermCreate:
    """The proposal's members as the form sends them back, with `changes` by name (role only)."""
    members = [
        MemberIn(
            **(
                m
                | {
                    "doctor": m["doctor"] or None,
                    "side": m["side"] or None,
                    "role": changes.get(m["name"], m["role"]),
                }
            )
        )
        for m in proposal["members"]
    ]
    return TermCreate(constituted_on=proposal["start"], members=members)


def test_su_composition_the_new_term_carries_the_members_forward_and_counts_chair_years_from_it(demo):
    kol, su = actor(demo, KOL), committee_id(demo, "su")
    proposal = member_service.term_proposal(demo, actor=kol, committee_id=su)
    assert (proposal["start"], proposal["chair_side"]) == (date(2027, 3, 1), "allmennlegene")
    by_name = {m["name"]: m for m in proposal["members"]}
    assert len(by_name) == 9 and by_name["Randi Mosvold"]["role"] == "member"  # the chair, as a member
    assert by_name["Ingrid Haugvik"]["doctor"] == "9182401"
    data = carried(proposal, **{"Ingrid Haugvik": "chair"})
    preview = member_service.preview_term(demo, actor=kol, committee_id=su, data=data)
    assert (preview["end"], preview["last_day"], len(preview["ending"])) == (
        date(2029, 2, 28),
        date(2027, 2, 28),
        9,
    )
    assert service.get_committee(demo, actor=kol, committee_id=su).constituted_on == date(2025, 3, 1)
    saved = member_service.start_term(demo, actor=kol, committee_id=su, data=data)
    assert (saved.constituted_on, saved.term_end, saved.composition) == (
        date(2027, 3, 1),
        date(2029, 2, 28),
        [],
    )
    assert {m.end for m in saved.members if m.start < date(2027, 3, 1)} == {
        date(2026, 2, 28),
        date(2027, 2, 28),
    }
    assert [m.name for m in saved.members if m.role == "chair" and m.end is None] == ["Ingrid Haugvik"]


def test_su_composition_a_new_term_where_the_same_side_chairs_again_is_refused_and_nothing_is_written(demo):
    kol, su = actor(demo, KOL), committee_id(demo, "su")
    before = service.get_committee(demo, actor=kol, committee_id=su)
    proposal = member_service.term_proposal(demo, actor=kol, committee_id=su)
    with pytest.raises(RuleViolation) as refused:
        member_service.start_term(
            demo, actor=kol, committee_id=su, data=carried(proposal, **{"Randi Mosvold": "chair"})
        )
    assert refused.value.rule_id == "SU-COMPOSITION"
    assert (
        "kommunen har ledelsen to år på rad (lederårene fra 1. mars 2026 og 1. mars 2027)"
        in refused.value.message
    )
    few = carried(proposal).model_copy(update={"members": carried(proposal).members[:3]})
    with pytest.raises(RuleViolation):
        member_service.start_term(demo, actor=kol, committee_id=su, data=few)
    assert service.get_committee(demo, actor=kol, committee_id=su) == before


def test_su_composition_a_new_term_begins_after_the_current_constitution_and_the_alu_has_none(demo):
    kol = municipality_without_committees(demo)
    su = service.add_committee(demo, actor=kol, municipality_number=BODO, data=new_su(START)).id
    same = [MemberIn(**m.model_dump(include=set(MemberIn.model_fields))) for m in su_members(START)]
    with pytest.raises(ValidationFailed) as refused:
        member_service.start_term(
            demo, actor=kol, committee_id=su, data=TermCreate(constituted_on=START, members=same)
        )
    assert [(p.path, p.rule_id) for p in refused.value.problems] == [("constituted_on", "SU-COMPOSITION")]
    day_after = TermCreate(constituted_on=date(2026, 1, 2), members=same)
    assert member_service.start_term(demo, actor=kol, committee_id=su, data=day_after).term_end == date(
        2028, 1, 1
    )
    vefsn = actor(demo, KOL)
    with pytest.raises(RuleViolation) as refused:
        member_service.start_term(demo, actor=vefsn, committee_id=committee_id(demo, "alu"), data=day_after)
    assert refused.value.rule_id == "ALU-MEMBERS"
