"""The committees' use cases on the demo (SQLite and PostgreSQL): an SU composed against the rules is refused
with the rule id and nothing is written; a meeting is convened and every member and observer told; the SU's
3–1 statement on a new agreement goes back to the life-cycle case (AGR-NEW-SU); the clocks reach the
deadlines;
who may do what (su_member drafts, the ALU's leader convenes the ALU, GPs see the ALU on Min side)."""

from datetime import date, time

import pytest

from legetjeneste.auth import service as auth_service
from legetjeneste.committees import service
from legetjeneste.committees.annual import service as annual_service
from legetjeneste.committees.cases import service as case_service
from legetjeneste.committees.meetings import service as meeting_service
from legetjeneste.committees.meetings.invitations import service as invitation_service
from legetjeneste.committees.members import service as member_service
from legetjeneste.committees.schemas import (
    AnnualMeetingIn,
    CaseCreate,
    CommitteeCreate,
    MeetingCreate,
    MemberCreate,
    MinutesIn,
    StatementIn,
)
from legetjeneste.errors import Forbidden, RuleViolation
from legetjeneste.lifecycle import service as lifecycle_service
from legetjeneste.lifecycle.deadlines import service as deadline_service
from tests.committees.support import actor, committee_id, inbox, new_agreement_case

KOL = "kommuneoverlege@vefsn.example"
MEETING = MeetingCreate(
    date=date(2026, 12, 10), starts=time(14, 0), ends=time(15, 30), place="Mosjøen rådhus"
)


def member(name, side, role="member", **extra):
    return MemberCreate(name=name, side=side, role=role, start=date(2026, 1, 1), **extra)


def test_su_composition_an_su_with_unequal_sides_is_refused_with_the_rule_id_and_nothing_is_written(demo):
    kol = actor(demo, KOL)
    members = [member("A", "gps"), member("B", "gps"), member("C", "gps"), member("D", "municipality")]
    members += [member("E", "municipality"), member("F", "gps", "deputy"), member("G", "gps", "deputy")]
    members += [
        member("H", "gps", "deputy"),
        member("I", "municipality", "deputy"),
        member("J", "municipality", "deputy"),
    ]
    data = CommitteeCreate(kind="su", name="Nytt SU", constituted_on=date(2026, 1, 1), members=members)
    with pytest.raises(RuleViolation) as refused:
        service.add_committee(demo, actor=kol, municipality_number="1824", data=data)
    assert (
        refused.value.rule_id == "SU-COMPOSITION"
        and "3 fra allmennlegene og 2 fra kommunen" in refused.value.message
    )
    assert [c.name for c in service.list_committees(demo, actor=kol, municipality_number="1824")] == [
        "Samarbeidsutvalget i Vefsn",
        "Allmennlegeutvalget i Vefsn",
    ]
    balanced = data.model_copy(update={"members": members[:2] + members[3:5] + members[5:7] + members[8:]})
    assert service.add_committee(demo, actor=kol, municipality_number="1824", data=balanced).composition == []


def test_replacing_a_member_keeps_the_sides_equal_and_a_third_gp_is_refused(demo):
    kol, su = actor(demo, KOL), committee_id(demo, "su")
    jonas = next(
        m
        for m in service.get_committee(demo, actor=kol, committee_id=su).members
        if m.name == "Jonas Brekkan"
    )
    replaced = member_service.add_member(
        demo, actor=kol, committee_id=su,
        data=MemberCreate(
            name="Siri Halsøy", doctor="9182405", side="gps", start=date(2027, 1, 1), replaces=jonas.id
        ),
    )  # fmt: skip
    assert replaced.composition == [] and next(m for m in replaced.members if m.id == jonas.id).end == date(
        2026, 12, 31
    )
    with pytest.raises(RuleViolation) as refused:
        member_service.add_member(demo, actor=kol, committee_id=su, data=member("Ola Ekstra", "gps"))
    assert refused.value.rule_id == "SU-COMPOSITION"
    with pytest.raises(RuleViolation) as refused:
        member_service.add_member(
            demo, actor=kol, committee_id=su, data=member("Sigrid", "gps", is_kommuneoverlege=True)
        )
    assert refused.value.rule_id == "ALU-MEMBERS"


def test_convening_tells_each_member_and_the_observer_but_not_the_deputies(demo):
    kol, su = actor(demo, KOL), committee_id(demo, "su")
    meeting = invitation_service.convene(demo, actor=kol, committee_id=su, data=MEETING)
    names = [a["name"] for a in meeting["attendees"]]
    assert names == ["Ingrid Haugvik", "Jonas Brekkan", "Randi Mosvold", "Arvid Sørhaug", "Sigrid Bjørnå"]
    link = f"/utvalg/moter/{meeting['id']}"
    for email in ("lege@vefsn.example", "su@vefsn.example", KOL, "lege2@vefsn.example"):
        assert (
            "committee_meeting",
            "Innkalling: Samarbeidsutvalget i Vefsn 10. desember 2026",
            link,
        ) in inbox(demo, actor(demo, email))
    ics = invitation_service.invitation_ics(
        demo, actor=actor(demo, "su@vefsn.example"), meeting_id=meeting["id"]
    ).decode()
    assert "DTSTART;TZID=Europe/Oslo:20261210T140000" in ics and "mailto:lege@vefsn.example" in ics


def test_agr_new_su_the_sus_3_1_statement_with_the_minority_view_goes_back_to_the_life_cycle_case(demo):
    kol, su = actor(demo, KOL), committee_id(demo, "su")
    lifecycle_id = new_agreement_case(demo, kol)
    case = case_service.raise_case(
        demo, actor=kol, data=CaseCreate(committee=su, origin_kind="lifecycle_case", origin_id=lifecycle_id)
    )
    assert (case.title, case.link) == (
        f"Sak {lifecycle_id}: Ny fastlegeavtale i Mosjøen",
        f"/saker/{lifecycle_id}",
    )
    draft = StatementIn(
        given_on=date(2026, 12, 10),
        votes_for=3,
        votes_against=1,
        majority_text="SU støtter en ny avtale.",
        minority_text="Én mener listene bør økes først.",
        final=False,
    )
    case_service.record_statement(demo, actor=actor(demo, "su@vefsn.example"), case_id=case.id, data=draft)
    with pytest.raises(Forbidden):
        case_service.record_statement(
            demo,
            actor=actor(demo, "su@vefsn.example"),
            case_id=case.id,
            data=draft.model_copy(update={"final": True}),
        )
    assert lifecycle_service.get_case(demo, actor=kol, case_id=lifecycle_id).steps == []
    given = case_service.record_statement(
        demo, actor=kol, case_id=case.id, data=draft.model_copy(update={"final": True})
    )
    assert (given.status, given.statement.vote_text) == ("answered", "3–1")
    [step] = lifecycle_service.get_case(demo, actor=kol, case_id=lifecycle_id).steps
    assert (step.kind, step.on) == ("su_statement", date(2026, 12, 10))
    assert "(3–1)" in step.text and "Mindretallets uttalelse:\nÉn mener listene bør økes først." in step.text


def test_su_cases_a_named_gps_personal_matter_without_consent_is_refused_and_not_raised(demo):
    kol, su = actor(demo, KOL), committee_id(demo, "su")
    data = CaseCreate(committee=su, title="Listereduksjon for en lege", doctor="9182404")
    with pytest.raises(RuleViolation) as refused:
        case_service.raise_case(demo, actor=kol, data=data)
    assert refused.value.rule_id == "SU-CASES"
    before = len(case_service.list_cases(demo, actor=kol, municipality_number="1824"))
    case_service.raise_case(demo, actor=kol, data=data.model_copy(update={"consent_on": date(2026, 11, 30)}))
    assert len(case_service.list_cases(demo, actor=kol, municipality_number="1824")) == before + 1


def test_the_alu_leader_convenes_the_alu_but_not_the_su_and_every_gp_is_invited(demo):
    auth_service.add_user(demo, email="magnus@vefsn.example", role="doctor", municipality_number="1824",
                          password="et langt passord for testen", doctor="9182403")  # fmt: skip
    leader = actor(demo, "magnus@vefsn.example")
    alu = invitation_service.convene(demo, actor=leader, committee_id=committee_id(demo, "alu"), data=MEETING)
    names = [a["name"] for a in alu["attendees"]]
    assert (
        names[0] == "Magnus Tverrå" and {"Jonas Brekkan", "Thomas Kvalvik"} <= set(names) and len(names) >= 10
    )
    with pytest.raises(Forbidden):
        invitation_service.convene(demo, actor=leader, committee_id=committee_id(demo, "su"), data=MEETING)
    with pytest.raises(Forbidden):
        invitation_service.convene(
            demo,
            actor=actor(demo, "lege@vefsn.example"),
            committee_id=committee_id(demo, "alu"),
            data=MEETING,
        )
    gp = actor(demo, "lege@vefsn.example")
    assert alu["id"] in [
        m["id"] for m in meeting_service.alu_meetings(demo, actor=gp, doctor_id=gp.doctor_id)
    ]


def clocks(session, number, on):
    who = actor(session, KOL if number == "1824" else "kommuneoverlege@kragero.example")
    overview = deadline_service.deadlines(session, actor=who, municipality_number=number, on=on)
    return {(d.rule_id, d.due_date, d.status) for d in overview.deadlines}


def test_the_half_year_clock_shows_when_no_meeting_was_held_and_a_meeting_closes_it(demo):
    assert ("SU-COMPOSITION", date(2026, 6, 30), "overdue") in clocks(demo, "4014", date(2026, 12, 4))
    assert ("ALU-MEMBERS", date(2026, 12, 31), "running") in clocks(demo, "1824", date(2026, 12, 4))
    invitation_service.convene(
        demo, actor=actor(demo, KOL), committee_id=committee_id(demo, "alu"), data=MEETING
    )
    assert not any(rule == "ALU-MEMBERS" for rule, _, _ in clocks(demo, "1824", date(2026, 12, 4)))


def test_a_follow_up_action_is_a_clock_until_it_is_done(demo):
    kol = actor(demo, KOL)
    meeting = invitation_service.convene(demo, actor=kol, committee_id=committee_id(demo, "su"), data=MEETING)
    jonas = meeting["attendees"][1]["id"]
    minutes = MinutesIn(
        chair="Randi Mosvold",
        referent="Liv Tustervatn",
        attendance=[{"attendee": jonas, "status": "excused", "absence_reason": "Legevakt"}],
        items=[{"number": 1, "title": "Eventuelt", "conclusion": "Ingen saker."}],
        actions=[{"text": "Sende referatet", "owner": "Kommuneoverlegen", "due": date(2026, 12, 20)}],
    )
    saved = meeting_service.record_minutes(demo, actor=kol, meeting_id=meeting["id"], data=minutes)
    assert saved["attendees"][1]["status_text"] == "gyldig forfall" and saved["status"] == "held"
    assert ("SU-CASES", date(2026, 12, 20), "due_soon") in clocks(demo, "1824", date(2026, 12, 10))
    meeting_service.finish_action(demo, actor=kol, action_id=saved["actions"][0]["id"])
    assert ("SU-CASES", date(2026, 12, 20), "due_soon") not in clocks(demo, "1824", date(2026, 12, 10))


def test_agr_annual_meeting_a_gp_not_met_this_year_shows_in_the_last_quarter_until_a_meeting_is_held(demo):
    kol = actor(demo, KOL)
    kvalvik = ("AGR-ANNUAL-MEETING", date(2026, 12, 31), "running")
    assert kvalvik not in clocks(demo, "1824", date(2026, 9, 30))
    assert kvalvik in clocks(demo, "1824", date(2026, 10, 1))
    held = AnnualMeetingIn(doctor="9182406", held_on=date(2026, 10, 20))
    annual_service.record_annual_meeting(demo, actor=kol, municipality_number="1824", data=held)
    assert kvalvik in clocks(demo, "1824", date(2026, 10, 19))
    assert kvalvik not in clocks(demo, "1824", date(2026, 10, 20))
