"""Enkeltvedtak: decision letters and appeals (DEC-REASONS, DEC-NOTIFY, DEC-APPEAL)."""

from legetjeneste.features import Feature, Panel

FEATURE = Feature(
    name="decisions",
    order=85,
    routers=("legetjeneste.decisions.router", "legetjeneste.decisions.pages"),
    panels=(
        Panel(
            "min_side",
            "own_decisions",
            "legetjeneste.decisions.service:own_decisions",
            "decisions/_own.html",
            permission="decision.appeal",
        ),
        Panel(
            "municipality",
            "open_appeals",
            "legetjeneste.decisions.service:open_appeals",
            "decisions/_appeals.html",
            permission="appeal.decide",
        ),
    ),
)
