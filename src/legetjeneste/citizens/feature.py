"""The citizen register: citizens and their lists over time, switching and waiting, the daily and monthly
runs, the municipality's distribution (CIT-*, AGR-VACANT)."""

from legetjeneste.features import Command, Feature, NavEntry, Panel

FEATURE = Feature(
    name="citizens",
    order=90,
    routers=(
        "legetjeneste.citizens.router",
        "legetjeneste.citizens.switching.pages",
        "legetjeneste.citizens.distribution.pages",
    ),
    commands=(
        Command(
            "citizens",
            "legetjeneste.citizens.cli:app",
            "Innbyggerne og listene deres: bytte, venteliste, kjøringer, trekning.",
            order=175,
        ),
    ),
    navigation=(
        NavEntry("Innbyggere", "/innbyggere", order=85, permission="citizens.distribute"),
        NavEntry(
            "Bytt fastlege",
            "/innbygger/bytt",
            order=7,
            permission="citizen.switch",
            scope="global",
            needs="citizen_id",
        ),
    ),
    panels=(
        Panel(
            "agreement",
            "citizen_list",
            "legetjeneste.citizens.distribution.service:agreement_panel",
            "citizens/_agreement.html",
            permission="citizens.distribute",
        ),
    ),
)
