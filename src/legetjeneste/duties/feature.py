"""Other municipal GP work (ASA 4310 §§ 11–12): duties against the cap, orders, the even distribution; and
tilsyn in nursing homes against the norm with cover when municipal doctors are away."""

from legetjeneste.features import Command, DecisionKind, Feature, NavEntry, Panel

FEATURE = Feature(
    name="duties",
    order=115,
    routers=(
        "legetjeneste.duties.router",
        "legetjeneste.duties.pages",
        "legetjeneste.duties.orders.pages",
        "legetjeneste.duties.tilsyn.router",
        "legetjeneste.duties.tilsyn.pages",
        "legetjeneste.duties.tilsyn.cover.router",
        "legetjeneste.duties.tilsyn.cover.pages",
        "legetjeneste.duties.tilsyn.budget.router",
        "legetjeneste.duties.tilsyn.budget.pages",
    ),
    commands=(
        Command(
            "duties",
            "legetjeneste.duties.cli:app",
            "Kommunale oppgaver: plikt, pålegg og fordeling; tilsyn i sykehjem mot normen.",
            order=185,
        ),
    ),
    navigation=(
        NavEntry(
            "Kommunale oppgaver", "/kommunale-oppgaver", order=55, permission="duties.read", prefix=True
        ),
        NavEntry("Tilsyn", "/tilsyn", order=56, permission="duties.read", prefix=True),
    ),
    panels=(
        Panel(
            "min_side",
            "own_duties",
            "legetjeneste.duties.own.service:my_duties",
            "duties/own/_panel.html",
            permission="minside.read",
        ),
    ),
    decision_kinds=(
        DecisionKind(
            "duty_order",
            "Pålegg om andre allmennlegeoppgaver",
            reverse="legetjeneste.duties.orders.service:reverse_on_appeal",
        ),
    ),
    file_section="legetjeneste.duties.file_section",
    clocks=("legetjeneste.duties.supervision.service:clocks",),
)
