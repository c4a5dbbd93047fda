"""Legevakt and nødnett: schemes, exemptions, rosters and vacancies."""

from legetjeneste.features import CaseOrigin, Command, DecisionKind, Feature, NavEntry, Panel

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
        "legetjeneste.legevakt.wishes.router",
        "legetjeneste.legevakt.wishes.pages",
        "legetjeneste.legevakt.swaps.router",
        "legetjeneste.legevakt.swaps.pages",
        "legetjeneste.legevakt.shifts.pages",
    ),
    commands=(
        Command(
            "roster",
            "legetjeneste.legevakt.cli:app",
            "Legevakt og nødnett: ordninger, fritak og vaktlister.",
            order=180,
        ),
    ),
    navigation=(
        NavEntry("Legevakt", "/legevakt", order=50, permission="legevakt.read", prefix=True),
        NavEntry(
            "Mine vakter",
            "/mine-vakter",
            order=7,
            permission="roster.swap",
            scope="global",
            needs="doctor_id",
        ),
    ),
    panels=(
        Panel(
            page="min_side",
            name="my_shifts",
            target="legetjeneste.legevakt.shifts.service:panel",
            template="legevakt/shifts/_panel.html",
            permission="roster.swap",
        ),
        Panel(
            "min_side",
            "wishes",
            "legetjeneste.legevakt.wishes.service:my_wishes",
            "legevakt/_wishes_panel.html",
            permission="roster.wish",
        ),
        Panel(
            "min_side",
            "own_exemptions",
            "legetjeneste.legevakt.exemptions.own.service:my_exemptions",
            "legevakt/_exemptions_panel.html",
            permission="minside.read",
        ),
        Panel(
            page="roster",
            name="swaps_awaiting",
            target="legetjeneste.legevakt.swaps.decisions.service:roster_panel",
            template="legevakt/swaps/_awaiting.html",
            permission="swap.approve",
        ),
    ),
    decision_kinds=(
        DecisionKind(
            "exemption",
            "Fritak fra legevakt eller nødnett",
            reverse="legetjeneste.legevakt.exemptions.service:reverse_on_appeal",
        ),
    ),
    year_figures=("legetjeneste.legevakt.vacancies.service:year_figures",),
    case_origins=(
        CaseOrigin(
            "legevakt_exemptions",
            "Fritak fra legevakt og nødnett",
            describe="legetjeneste.legevakt.exemptions.service:committee_origin",
        ),
    ),
    file_section="legetjeneste.legevakt.file_section",
)
