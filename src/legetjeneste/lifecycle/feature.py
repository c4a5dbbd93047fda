"""The agreement life cycle: cases, their steps and deadlines."""

from legetjeneste.features import CaseOrigin, Command, DecisionKind, Feature, NavEntry, Panel

FEATURE = Feature(
    name="lifecycle",
    order=100,
    routers=(
        "legetjeneste.lifecycle.router",
        "legetjeneste.lifecycle.pages",
        "legetjeneste.lifecycle.own.pages",
    ),
    commands=(
        Command(
            "deadlines",
            "legetjeneste.lifecycle.cli:deadlines",
            "Alle løpende frister i kommunens saker om fastlegeavtalene, med status (forfalt, nær, løper).",
            order=80,
        ),
        Command(
            "lifecycle",
            "legetjeneste.lifecycle.cli:app",
            "Saker om fastlegeavtalene: utlysning, tildeling, oppsigelse, hjemfall …",
            order=170,
        ),
    ),
    navigation=(
        NavEntry("Saker", "/saker", order=80, permission="lifecycle.read"),
        NavEntry("Frister", "/frister", order=90, permission="deadlines.read"),
    ),
    panels=(
        Panel(
            "municipality",
            "deadlines",
            "legetjeneste.lifecycle.deadlines.service:pressing",
            "lifecycle/_pressing.html",
            permission="deadlines.read",
        ),
        Panel(
            "agreement",
            "history",
            "legetjeneste.lifecycle.service:agreement_history",
            "lifecycle/_history.html",
            permission="lifecycle.read",
        ),
        Panel(
            "min_side",
            "own_cases",
            "legetjeneste.lifecycle.own.service:my_cases",
            "lifecycle/_own_cases.html",
            permission="lifecycle.own",
        ),
        Panel(
            "min_side",
            "own_deadlines",
            "legetjeneste.lifecycle.own.service:my_deadlines",
            "lifecycle/_own_deadlines.html",
            permission="lifecycle.own",
        ),
    ),
    decision_kinds=(
        DecisionKind("award", "Tildeling av fastlegeavtale"),
        DecisionKind("list_reduction", "Listereduksjon"),
        DecisionKind("deleliste", "Deleliste"),
    ),
    case_origins=(
        CaseOrigin(
            "lifecycle_case",
            "Sak om fastlegeavtale",
            describe="legetjeneste.lifecycle.service:committee_origin",
            answered="legetjeneste.lifecycle.service:committee_statement",
        ),
    ),
    file_section="legetjeneste.lifecycle.file_section",
)
