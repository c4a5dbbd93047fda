"""The service plan's figures: SSB statistics and the municipality's key figures."""

from legetjeneste.features import Command, Feature, NavEntry

FEATURE = Feature(
    name="planning",
    order=40,
    routers=("legetjeneste.planning.router", "legetjeneste.planning.pages"),
    commands=(
        Command("statistics", "legetjeneste.planning.cli:app", "Nasjonal statistikk (SSB).", order=140),
    ),
    navigation=(NavEntry("Nøkkeltall", "/nokkeltall", order=20, permission="statistics.read"),),
)
