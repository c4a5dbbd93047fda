"""A roster that agrees with itself (issue 13): the fairness summary is read from the counts the table
shows, pending applications for exemption are warned on the shifts inside them (LV-EXEMPT-PENDING) for those
who decide them, the solver's certainty is told in words, and the fairness and impact charts render."""

from datetime import date

import pytest

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.legevakt.exemptions import service as exemption_service
from legetjeneste.legevakt.exemptions.pages import impact_charts
from legetjeneste.legevakt.exemptions.schemas import ExemptionApply
from legetjeneste.legevakt.rosters import rules
from legetjeneste.legevakt.rosters import service as roster_service
from legetjeneste.rostering.explain import fairness_text
from tests.legevakt.rosters.fixtures import DOCTORS, make_scheme, solve
from tests.legevakt.rosters.test_pages import logged_in_kommuneoverlege
from tests.support import VEFSN_DOCTOR

PENDING = (date(2027, 3, 1), date(2027, 3, 10))


def _count(counter: str, actual: int, low: int, high: int, counted: bool = True) -> dict:
    return {"counter": counter, "actual": actual, "low": low, "high": high, "counted": counted}


def test_the_fairness_summary_names_a_doctor_the_table_marks_outside_and_ignores_counters_not_shown():
    outside = {"name": "Anne Aasen", "counts": [_count("weekday", 3, 1, 2), _count("weekend", 1, 1, 1)]}
    inside = {"name": "Bjørn Berg", "counts": [_count("weekday", 2, 1, 2), _count("night", 9, 1, 2, False)]}
    assert fairness_text([outside, inside]) == (
        "Rettferdig fordeling: én lege er utenfor rettferdig andel – Anne Aasen har 3 hverdagsvakter "
        "(rettferdig: 1–2)"
    )
    assert fairness_text([inside]) == (
        "Rettferdig fordeling: alle legene har et rettferdig antall vakter av hvert slag"
    )


def test_the_solvers_certainty_and_progress_are_told_in_words():
    assert rules.certainty_text(is_optimal=True, gap=0.0).startswith("Beste mulige vaktliste er funnet")
    stopped = rules.certainty_text(is_optimal=False, gap=0.4)
    assert "tidsgrensen" in stopped and "Gi løseren mer tid" in stopped and "%" not in stopped
    running = rules.progress_text(
        status="running", elapsed=4, time_limit=10, solutions=3, is_optimal=False, gap=0.01
    )
    assert running == (
        "Løseren har arbeidet i 4 av høyst 10 sekunder og har funnet 3 vaktlister, hver bedre enn den "
        "forrige. Den beste så langt: den er nesten helt sikkert den beste."
    )


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)  # one solve; the pages' queries are plain
def test_a_pending_application_is_warned_on_its_shifts_and_the_page_shows_the_chart_and_no_solver_words(
    engine, open_session
):
    scheme_id = make_scheme(open_session())
    exemption_service.apply_for_exemption(
        open_session(),
        actor=SYSTEM,
        scheme_id=scheme_id,
        data=ExemptionApply(doctor=DOCTORS[0], ground="health", start=PENDING[0], end=PENDING[1]),
    )
    job = solve(open_session(), scheme_id)
    roster = roster_service.get_roster(open_session(), actor=SYSTEM, roster_id=job.roster_id)
    mine = [a for a in roster.assignments if a.hpr_number == DOCTORS[0]]
    warned = {a.date for a in mine if any(w.rule_id == "LV-EXEMPT-PENDING" for w in a.warnings)}
    assert warned and warned == {a.date for a in mine if PENDING[0] <= a.date <= PENDING[1]}
    assert all(w.href and w.href.startswith("/fritak/") for a in mine for w in a.warnings)
    assert len(roster.pending_exemptions) == 1 and "venter på vedtak" in roster.pending_exemptions[0]
    fairness = next(p.text for p in roster.penalties if p.rule == "fairness")
    unfair = [d.name for d in roster.doctors for c in d.counts if c.counted and not c.fair]
    assert ("utenfor" in fairness) == bool(unfair) and all(name in fairness for name in unfair)
    doctor = roster_service.get_roster(open_session(), actor=VEFSN_DOCTOR, roster_id=job.roster_id)
    assert not doctor.pending_exemptions and not any(a.warnings for a in doctor.assignments)

    with logged_in_kommuneoverlege(engine, open_session) as client:
        page = client.get(f"/vaktlister/{job.roster_id}").text
        assert '<figure class="chart">' in page and "Vakter per lege mot rettferdig mål" in page
        assert "Søknad om fritak venter på vedtak for denne dagen" in page
        for gone in (", grense", "bevist optimal", "startverdi", "kostnad", "Avstand til grensen"):
            assert gone not in page
        month = client.get(f"/vaktlister/{job.roster_id}/maned/2027-03").text
        assert '<th scope="col">Uke</th>' in month and 'aria-current="page">Mars 2027</a>' in month
        assert ">10</th>" in month  # ISO week 10 starts Monday 8 March 2027
        job_page = client.get(f"/vaktlistejobber/{job.id}").text
        assert "Ferdig etter" in job_page and "startverdi" not in job_page


def test_the_impact_of_pending_applications_is_a_chart_of_shifts_per_participant_before_and_after():
    impact = {
        "schemes": [
            {
                "name": "Vefsn legevakt",
                "groups": [
                    {
                        "office_name": None,
                        "months": [
                            {
                                "month": "2027-07",
                                "month_label": "juli 2027",
                                "before": {"shifts_per_participant": 2.8},
                                "after": {"shifts_per_participant": 3.1},
                            }
                        ],
                    }
                ],
            }
        ]
    }
    [chart] = impact_charts(impact)
    assert chart.categories == ["juli 2027"] and chart.rows == [["juli 2027", "2,8", "3,1"]]
    assert "<svg" in chart.svg
