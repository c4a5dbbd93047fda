"""Legevakt and nødnett: schemes, exemptions, rosters and vacancies."""

from legetjeneste.features import Command, DecisionKind, Feature, NavEntry

FEATURE = Feature(
    name="legevakt",
    order=110,
    routers=(
        "legetjeneste.legevakt.schemes.router",
        "legetjeneste.legevakt.exemptions.router",
        "legetjeneste.legevakt.rosters.router",
        "legetjeneste.legevakt.exemptions.pages",
        "legetjeneste.legevakt.rosters.pages",
        "legetjeneste.legevakt.schemes.pages",
    ),
    commands=(
        Command(
            "roster",
            "legetjeneste.legevakt.cli:app",
            "Legevakt og nødnett: ordninger, fritak og vaktlister.",
            order=180,
        ),
    ),
    navigation=(NavEntry("Legevakt", "/legevakt", order=50, permission="legevakt.read", prefix=True),),
    decision_kinds=(
        DecisionKind(
            "exemption",
            "Fritak fra legevakt eller nødnett",
            reverse="legetjeneste.legevakt.exemptions.service:reverse_on_appeal",
        ),
    ),
    file_section="legetjeneste.legevakt.file_section",
)
