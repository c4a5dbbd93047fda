"""The planning API with a bearer token: the plan as JSON and PDF, reordering and progress, changes to
measures and needs, the plan sent to the SU (PLAN-*), a quality indicator refused without evidence (STAT-QI)
and fee codes as CSV (STAT-LV), capacity."""

from tests.api.conftest import bearer


def test_the_api_reads_the_plan_changes_a_measure_and_refuses_in_norwegian(client, tokens):
    vefsn, doctor = bearer(tokens["vefsn"]), bearer(tokens["vefsn_doctor"])
    plan = client.get("/api/v1/municipalities/1824/plan", headers=vefsn).json()
    assert plan["totals"]["yearly_difference"] == 234000
    assert client.get(f"/api/v1/plans/{plan['id']}.pdf", headers=vefsn).content.startswith(b"%PDF")
    first = plan["series"][0]["entries"][0]["measure_id"]
    moved = client.post(
        f"/api/v1/measures/{first}/priority", headers=vefsn, json={"series": "okonomiplan", "rank": 2}
    )
    assert moved.status_code == 200 and moved.json()["version"] == 2
    done = client.post(
        f"/api/v1/measures/{first}/progress", headers=vefsn, json={"status": "started", "progress": 30}
    )
    changed = next(m for m in done.json()["measures"] if m["id"] == first)
    assert (changed["status"], changed["progress"], done.json()["version"]) == ("started", 30, 3)
    bad = client.post(
        f"/api/v1/measures/{first}/progress", headers=vefsn, json={"status": "bogus", "progress": 1}
    )
    assert bad.status_code == 422 and "Status «bogus» er ukjent" in bad.text
    assert client.post(f"/api/v1/measures/{first}/priority", headers=doctor,
                       json={"series": "okonomiplan", "rank": 1}).status_code == 403  # fmt: skip
    qi = client.post("/api/v1/municipalities/1824/quality-indicators", headers=vefsn,
                     json={"year": 2025, "indicator": "triage_on_arrival", "status": "met"})  # fmt: skip
    assert qi.status_code == 422 and "STAT-QI" in qi.text
    csv = "aar;organisasjonsnummer;takst;antall\n2025;991000011;2ad;5\n"
    fees = client.post("/api/v1/municipalities/1824/fee-codes", headers={**vefsn, "content-type": "text/csv"},
                       content=csv)  # fmt: skip
    assert fees.json() == {"rows": 1}
    capacity = client.get("/api/v1/municipalities/1824/capacity?target_average=800", headers=vefsn).json()
    assert capacity["scenario"]["new_listetak"] == 800


def test_the_api_adds_changes_and_removes_a_measure_adds_a_need_and_sends_the_plan_to_the_su(client, tokens):
    vefsn = bearer(tokens["vefsn"])
    plan = client.get("/api/v1/municipalities/1824/plan", headers=vefsn).json()
    base = {"need": "C", "text": "Rekrutteringspakke", "yearly_cost": "100000", "funding": "okonomiplan"}
    added = client.post(f"/api/v1/plans/{plan['id']}/measures", headers=vefsn, json=base)
    assert added.status_code == 201 and added.json()["totals"]["computed_yearly"] == 5718000
    new = next(m for m in added.json()["measures"] if m["text"] == "Rekrutteringspakke")
    bad = client.put(
        f"/api/v1/measures/{new['id']}", headers=vefsn, json=base | {"need": "ZZ", "progress": 101}
    )
    assert bad.status_code == 422
    problems = {(p["path"], p["rule_id"]) for p in bad.json()["detail"]["problems"]}
    assert problems == {("need", "PLAN-DUTY"), ("progress", "PLAN-DUTY")}
    changed = client.put(f"/api/v1/measures/{new['id']}", headers=vefsn, json=base | {"owner": "Rådmannen"})
    assert changed.json()["versions"][0]["note"] == "Tiltak C endret: ansvar"
    removed = client.delete(f"/api/v1/measures/{new['id']}", headers=vefsn)
    assert removed.status_code == 200 and removed.json()["totals"]["computed_yearly"] == 5618000
    need = client.post(
        f"/api/v1/plans/{plan['id']}/needs", headers=vefsn, json={"letter": "AB", "title": "Ny"}
    )
    assert need.status_code == 201 and need.json()["needs"][-1]["letter"] == "AB"

    committees = client.get("/api/v1/municipalities/1824/committees", headers=vefsn).json()
    su = next(c["id"] for c in committees if c["kind"] == "su")
    sent = client.post(f"/api/v1/plans/{plan['id']}/committee-cases", headers=vefsn, json={"committee": su})
    assert (
        sent.status_code == 201 and sent.json()["versions"][0]["su_committee"] == "Samarbeidsutvalget i Vefsn"
    )
