"""The citizen register, lists, switching, waiting lists, alerts and threat cases (issue 17).

Minimal here: the threat cases (citizens/threats, ASA 4310 Vedlegg II); the register's own routers, commands
and panels join this declaration."""

from legetjeneste.features import Command, DecisionKind, Feature, NavEntry, Panel

FEATURE = Feature(
    name="citizens",
    order=120,
    routers=("legetjeneste.citizens.threats.router", "legetjeneste.citizens.threats.pages"),
    commands=(
        Command(
            "threats",
            "legetjeneste.citizens.threats.cli:app",
            "Truende og voldelige pasienter (ASA 4310 vedlegg II): saker, tildeling etter fristen.",
            order=185,
        ),
    ),
    navigation=(
        NavEntry(
            "Truende pasienter", "/truende-pasienter", order=95, permission="threat.handle", prefix=True
        ),
    ),
    panels=(
        Panel(
            page="min_side",
            name="threat_cases",
            target="legetjeneste.citizens.threats.service:my_cases",
            template="citizens/threats/_panel.html",
            permission="threat.request",
        ),
        Panel(
            page="office",
            name="threat_cases",
            target="legetjeneste.citizens.threats.service:office_cases",
            template="citizens/threats/_panel.html",
            permission="threat.request",
        ),
    ),
    decision_kinds=(
        DecisionKind("threat_move", "Flytting av truende eller voldelig pasient fra fastlegeliste"),
    ),
    clocks=("legetjeneste.citizens.threats.service:clocks",),
)
