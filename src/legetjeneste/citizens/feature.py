"""Citizens and their lists: «Finn fastlege» (public), the citizen's login and «Min fastlege», alerts when
a place opens. (The register's switching, waiting lists and runs add their own declarations here.)"""

from legetjeneste.features import Feature, NavEntry

FEATURE = Feature(
    name="citizens",
    order=140,
    routers=(
        "legetjeneste.citizens.finder.router",
        "legetjeneste.citizens.finder.pages",
        "legetjeneste.citizens.portal.router",
        "legetjeneste.citizens.portal.pages",
        "legetjeneste.citizens.alerts.router",
        "legetjeneste.citizens.alerts.pages",
    ),
    navigation=(
        NavEntry(
            "Min fastlege",
            "/min-fastlege",
            order=4,
            permission="minfastlege.read",
            scope="global",
            needs="citizen_id",
        ),
        NavEntry("Finn fastlege", "/finn-fastlege", order=8, permission="minfastlege.read", scope="global"),
    ),
)
