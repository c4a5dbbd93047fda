"""Helpers of the scheme page tests: a scheme's id, a count of its rows, a form post with the page's CSRF
token, and Kragerø's kommuneoverlege logged in."""

import pytest
from sqlalchemy import func, select

from legetjeneste.legevakt.schemes.models import Scheme
from tests.web.conftest import csrf_of, log_in


def scheme_id(open_session, municipality: str, code: str) -> int:
    with open_session() as session:
        return session.scalar(
            select(Scheme.id).where(Scheme.municipality_number == municipality, Scheme.code == code)
        )


def count(open_session, model, scheme: int) -> int:
    with open_session() as session:
        return session.scalar(select(func.count()).select_from(model).where(model.scheme_id == scheme))


def post(client, url: str, page: str, **fields):
    return client.post(url, data={"csrf_token": csrf_of(page), **fields})


@pytest.fixture
def kragero_client(browser_client):
    log_in(browser_client, "kommuneoverlege@kragero.example", "kragero-demo")
    return browser_client
