"""Citizens and their lists: the register over time, switching and waiting, the daily and monthly runs, the
municipality's distribution (CIT-*, AGR-VACANT); «Finn fastlege» (public), the citizen's login and «Min
fastlege», alerts when a place opens; threat cases (ASA 4310 Vedlegg II)."""

from legetjeneste.features import Command, DecisionKind, Feature, NavEntry, Panel

FEATURE = Feature(
    name="citizens",
    order=90,
    routers=(
        "legetjeneste.citizens.router",
        "legetjeneste.citizens.switching.pages",
        "legetjeneste.citizens.distribution.pages",
        "legetjeneste.citizens.letters.post.pages",
        "legetjeneste.citizens.finder.router",
        "legetjeneste.citizens.finder.pages",
        "legetjeneste.citizens.portal.router",
        "legetjeneste.citizens.portal.pages",
        "legetjeneste.citizens.alerts.router",
        "legetjeneste.citizens.alerts.pages",
        "legetjeneste.citizens.threats.router",
        "legetjeneste.citizens.threats.pages",
    ),
    commands=(
        Command(
            "citizens",
            "legetjeneste.citizens.cli:app",
            "Innbyggerne og listene deres: bytte, venteliste, kjøringer, trekning.",
            order=175,
        ),
        Command(
            "threats",
            "legetjeneste.citizens.threats.cli:app",
            "Truende og voldelige pasienter (ASA 4310 vedlegg II): saker, tildeling etter fristen.",
            order=185,
        ),
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
        NavEntry(
            "Bytt fastlege",
            "/innbygger/bytt",
            order=7,
            permission="citizen.switch",
            scope="global",
            needs="citizen_id",
        ),
        NavEntry("Finn fastlege", "/finn-fastlege", order=8, permission="minfastlege.read", scope="global"),
        NavEntry("Innbyggere", "/innbyggere", order=85, permission="citizens.distribute"),
        NavEntry(
            "Truende pasienter", "/truende-pasienter", order=95, permission="threat.handle", prefix=True
        ),
    ),
    panels=(
        Panel(
            "agreement",
            "citizen_list",
            "legetjeneste.citizens.distribution.panels:agreement_panel",
            "citizens/_agreement.html",
            permission="citizens.distribute",
        ),
        Panel(
            "list_reduction",
            "case_draw",
            "legetjeneste.citizens.distribution.panels:case_panel",
            "citizens/_case_draw.html",
            permission="citizens.distribute",
        ),
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
