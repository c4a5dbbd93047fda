"""The minutes in the Kragerø shape (seed 003): the header (committee, date and time, place, participants
with the chair, referent), numbered items, «videre prosess» with owners; on the demo, item 3 of Kragerø's
SU meeting carries the impact of the four pending nødnett applications (NN-EXEMPT), raised from the
exemptions."""

from datetime import date

import pytest

from legetjeneste.committees.cases import service as case_service
from legetjeneste.committees.meetings import pdf, service
from tests.committees.support import actor, committee_id

MINUTES = {
    "committee": "Samarbeidsutvalget for allmennlegene i Kragerø (LSU)",
    "date": date(2026, 11, 24),
    "starts": "14.30",
    "ends": "15.30",
    "place": "Kragerø legesenter",
    "chair": "Solveig Kilsund",
    "referent": "Berit Vestre",
    "approved_on": None,
    "attendees": [
        {"name": "Solveig Kilsund", "status": "present", "absence_reason": ""},
        {"name": "Hilde Stabbestad", "status": "present", "absence_reason": ""},
        {"name": "Trond Levang", "status": "excused", "absence_reason": "Sykdom"},
    ],
    "items": [{"number": 1, "title": "Referat", "input": "", "conclusion": "OK.", "statement": ""}],
    "actions": [{"owner": "Kommunalsjef", "text": "Undersøke", "due": date(2027, 1, 15)}],
}


def test_the_minutes_header_reads_like_the_kragero_minutes():
    assert pdf.header_lines(MINUTES) == [
        ("Arb. område", "Samarbeidsutvalget for allmennlegene i Kragerø (LSU)"),
        ("Møtedato/-tid", "24. november 2026 kl. 14.30–15.30"),
        ("Sted", "Kragerø legesenter"),
        ("Deltagere", "Solveig Kilsund (møteleder), Hilde Stabbestad"),
        ("Gyldig forfall", "Trond Levang (Sykdom)"),
        ("Referent", "Berit Vestre"),
    ]
    assert pdf.minutes_pdf(MINUTES).startswith(b"%PDF")


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)  # the service tests cover both databases
def test_item_3_of_the_kragero_meeting_carries_the_impact_of_the_pending_nodnett_applications(demo):
    kol = actor(demo, "kommuneoverlege@kragero.example")
    [meeting] = service.list_meetings(demo, actor=kol, committee_id=committee_id(demo, "su", "4014"))
    item = meeting["items"][2]
    assert (item["number"], item["title"]) == (3, "Utfordringsbildet – søknader om fritak fra nødnett")
    found = service.get_meeting(demo, actor=kol, meeting_id=meeting["id"])
    assert found["items"][2]["case_id"] is not None
    case = case_service.get_case(demo, actor=kol, case_id=item["case_id"])["case"]
    assert case.origin_kind == "legevakt_exemptions" and "4 søknader om fritak" in case.background
    gkl = (
        "GKL legekontor: i desember 2026 deltar 7 leger, 1 av dem vikar; om alle søknadene innvilges 3 leger"
    )
    assert gkl + ", 1 av dem vikar." in case.background
    name, content = service.minutes_pdf(demo, actor=kol, meeting_id=meeting["id"])
    assert name == "referat-2026-11-24.pdf" and content.startswith(b"%PDF")
