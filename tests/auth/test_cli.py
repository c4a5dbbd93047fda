"""`legetjeneste user`: never a password as an argument; deactivate, activate, revoke tokens, list."""

import json

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from legetjeneste.audit.models import AuditEntry
from legetjeneste.auth import cli as user_cli
from legetjeneste.auth.sessions import service as session_service
from legetjeneste.auth.tokens import service as token_service
from legetjeneste.cli import app
from legetjeneste.errors import NotAuthenticated
from tests.command_line import command_line
from tests.support import import_demo

ADD = ("user", "add", "gp@vefsn.example", "--role", "doctor", "--municipality", "1824")


@pytest.fixture
def user(engine, monkeypatch, session):
    """`user(*args, input=…)`: the CLI on the test database with the demo municipalities, giving
    (exit code, stdout, stderr)."""
    import_demo(session)
    runner = CliRunner()
    with command_line(engine, monkeypatch, app):

        def invoke(*args: str, input: str | None = None) -> tuple[int, str, str]:
            result = runner.invoke(app, list(args), input=input)
            return result.exit_code, result.stdout, result.stderr

        yield invoke


def test_a_password_given_as_an_argument_is_refused_and_nothing_is_added(user):
    code, out, err = user(*ADD, "--password", "et-langt-passord")
    assert code == 1 and out == "" and "--password-stdin" in err and "skallhistorikken" in err
    assert user("user", "list", "--json")[1].count("gp@vefsn.example") == 0


def test_the_password_is_read_from_one_line_of_standard_input(user, session):
    code, out, _ = user(*ADD, "--password-stdin", input="et-langt-passord\nneste linje\n")
    assert code == 0 and "er lagt til" in out
    actor, _ = session_service.log_in(session, email="gp@vefsn.example", password="et-langt-passord")
    assert actor.role == "doctor"


def test_a_short_password_on_standard_input_is_refused_naming_the_field(user):
    code, _, err = user(*ADD, "--password-stdin", input="kort\n")
    assert code == 1 and "password: Passordet må ha minst 12 tegn (dette har 4)" in err


def test_set_password_asks_twice_hidden_in_a_terminal(user, session, monkeypatch):
    monkeypatch.setattr(user_cli, "_is_terminal", lambda: True)
    assert user(*ADD)[0] == 0
    code, out, _ = user(
        "user", "set-password", "gp@vefsn.example", input="et-langt-passord\net-langt-passord\n"
    )
    assert code == 0 and "har nytt passord" in out and "et-langt-passord" not in out
    assert session_service.log_in(session, email="gp@vefsn.example", password="et-langt-passord")[0]
    code, _, err = user(
        "user", "set-password", "gp@vefsn.example", input="et-langt-passord\nnoe-helt-annet\n"
    )
    assert code == 1 and "Passordene er ikke like" in err


def test_without_a_terminal_the_password_must_come_on_standard_input(user):
    assert user(*ADD)[0] == 0
    code, _, err = user("user", "set-password", "gp@vefsn.example")
    assert code == 1 and "--password-stdin" in err
    code, _, err = user(*ADD[:2], "ny@vefsn.example", *ADD[3:], "--set-password")
    assert code == 1 and "ikke en terminal" in err


def test_deactivate_withdraws_the_token_and_activate_lets_the_password_in_again(user, session):
    code, out, _ = user(*ADD, "--token", "--password-stdin", input="et-langt-passord\n")
    token = out.strip()
    code, out, _ = user("user", "deactivate", "gp@vefsn.example", "--json")
    assert code == 0 and json.loads(out)["is_active"] is False
    with pytest.raises(NotAuthenticated):
        token_service.authenticate_token(session, token=token)
    with pytest.raises(NotAuthenticated):
        session_service.log_in(session, email="gp@vefsn.example", password="et-langt-passord")
    assert user("user", "activate", "gp@vefsn.example")[0] == 0
    assert session_service.log_in(session, email="gp@vefsn.example", password="et-langt-passord")[0]
    with session.begin():
        actions = list(session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "user")))
    assert {"create", "deactivate", "activate", "login"} <= set(actions)


def test_revoke_tokens_counts_what_it_withdrew(user, session):
    token = user(*ADD, "--token")[1].strip()
    assert token_service.authenticate_token(session, token=token).email == "gp@vefsn.example"
    code, out, _ = user("user", "revoke-tokens", "gp@vefsn.example", "--json")
    assert code == 0 and json.loads(out) == {"email": "gp@vefsn.example", "revoked": 1}
    with pytest.raises(NotAuthenticated):
        token_service.authenticate_token(session, token=token)


def test_an_unknown_user_is_a_norwegian_error(user):
    code, _, err = user("user", "deactivate", "ingen@vefsn.example")
    assert code == 1 and "Fant ingen bruker ingen@vefsn.example" in err


def test_list_with_json_prints_one_document_with_every_user(user):
    user(*ADD)
    code, out, _ = user("user", "list", "--json")
    listed = json.loads(out)
    assert code == 0 and [(u["email"], u["role"], u["is_active"]) for u in listed] == [
        ("gp@vefsn.example", "doctor", True)
    ]
