"""Users and log-in: the log-in and calendar pages, the users' API for the administrator, `legetjeneste
user`, «Min kalender» in the menu."""

from legetjeneste.features import Command, Feature, NavEntry, Panel

FEATURE = Feature(
    name="auth",
    order=10,
    routers=("legetjeneste.auth.pages", "legetjeneste.auth.router"),
    commands=(Command("user", "legetjeneste.auth.cli:app", "Brukere og API-nøkler.", order=120),),
    # The feeds are of rosters, absences and deadlines: staff only (a citizen would find an empty page).
    navigation=(
        NavEntry("Min kalender", "/min-kalender", order=120, permission="absence.read", scope="global"),
    ),
    panels=(
        Panel(
            "min_side",
            "my_calendar",
            "legetjeneste.auth.tokens.service:my_calendar",
            "auth/_my_calendar.html",
            permission="minside.read",
        ),
    ),
)
