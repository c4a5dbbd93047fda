"""The users' API for the system administrator: list, deactivate, activate, withdraw tokens."""

from tests.api.conftest import bearer


def user_id(client, admin_token: str, email: str) -> int:
    users = client.get("/api/v1/users", headers=bearer(admin_token)).json()
    return next(user["id"] for user in users if user["email"] == email)


def test_the_administrator_deactivates_a_user_whose_token_stops_working_at_once(client, tokens):
    vefsn = bearer(tokens["vefsn"])
    assert client.get("/api/v1/agreements/182404", headers=vefsn).status_code == 200
    target = user_id(client, tokens["admin"], "vefsn@test.example")
    answer = client.post(f"/api/v1/users/{target}/deactivate", headers=bearer(tokens["admin"]))
    assert answer.status_code == 200 and answer.json()["is_active"] is False
    assert client.get("/api/v1/agreements/182404", headers=vefsn).status_code == 401
    answer = client.post(f"/api/v1/users/{target}/activate", headers=bearer(tokens["admin"]))
    assert answer.json()["is_active"] is True
    assert client.get("/api/v1/agreements/182404", headers=vefsn).status_code == 401


def test_the_administrator_withdraws_a_users_tokens(client, tokens):
    target = user_id(client, tokens["admin"], "kragero@test.example")
    answer = client.delete(f"/api/v1/users/{target}/tokens", headers=bearer(tokens["admin"]))
    assert answer.status_code == 200 and answer.json() == {"revoked": 1}
    assert client.get("/api/v1/agreements/401401", headers=bearer(tokens["kragero"])).status_code == 401


def test_no_one_but_the_system_administrator_manages_users(client, tokens):
    target = user_id(client, tokens["admin"], "vefsn_doctor@test.example")
    for name in ("vefsn", "vefsn_admin", "vefsn_doctor"):
        headers = bearer(tokens[name])
        assert client.get("/api/v1/users", headers=headers).status_code == 403
        assert client.post(f"/api/v1/users/{target}/deactivate", headers=headers).status_code == 403
        refused = client.delete(f"/api/v1/users/{target}/tokens", headers=headers)
        assert refused.status_code == 403 and "administrere brukere" in refused.json()["detail"]["message"]
    assert client.get("/api/v1/agreements/182404", headers=bearer(tokens["vefsn_doctor"])).status_code == 200


def test_an_unknown_user_answers_404(client, tokens):
    assert client.post("/api/v1/users/999999/deactivate", headers=bearer(tokens["admin"])).status_code == 404
