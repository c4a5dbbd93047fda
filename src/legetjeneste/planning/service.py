"""Use cases for the national statistics: loading SSB's figures and comparing a municipality with them."""

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.errors import Forbidden, NotFound
from legetjeneste.planning import queries, ssb
from legetjeneste.registry import queries as registry_queries


def load_national_statistics(session: Session, *, actor: Actor, figures: list[ssb.Figure]) -> int:
    """Replace the figures of the years given; only the system administrator loads national data."""
    if not actor.sees_all_municipalities:
        raise Forbidden("Bare systemadministratoren kan laste inn nasjonal statistikk.")
    with session.begin():
        queries.replace_year(session, figures)
        audit_service.record(
            session,
            actor=actor,
            action="import",
            entity="national_key_figure",
            record_ids=sorted({str(f.year) for f in figures}),
            municipality_number=None,
            detail={"figures": len(figures), "source": ssb.ATTRIBUTION},
        )
    return len(figures)


def key_figures(session: Session, *, actor: Actor, municipality_number: str) -> dict:
    """The municipality's SSB figures beside the country's and those of the five most similar in size, each
    municipality named (the register's name, else SSB's classification of 2024)."""
    auth_service.require(actor, "statistics.read")
    scope.require_municipality(actor, municipality_number)
    with session.begin():
        year = queries.latest_year(session)
        if year is None:
            raise NotFound("Nasjonal statistikk fra SSB er ikke lastet inn.")
        by_municipality = queries.figures_by_municipality(session, year)
        registered = {m.number: m.name for m in registry_queries.municipalities(session)}
    similar = ssb.similar_municipalities(municipality_number, by_municipality)
    names = ssb.named([municipality_number, *similar], registered)
    return {
        "year": year,
        "source": ssb.ATTRIBUTION,
        "names_source": ssb.NAMES_SOURCE,
        "labels": ssb.LABELS,
        "municipality": {
            "number": municipality_number,
            "name": names[municipality_number],
            "figures": by_municipality.get(municipality_number, {}),
        },
        "national": ssb.national_totals(by_municipality),
        "similar": [{"number": n, "name": names[n], "figures": by_municipality[n]} for n in similar],
        "municipality_count": len(by_municipality),
    }
