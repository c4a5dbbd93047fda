"""Planning and statistics: the plan for legetjenesten (PLAN-*), the municipality's yearly statistics and
quality indicators (STAT-*), capacity and forecast, and SSB's national key figures."""

from legetjeneste.features import CaseOrigin, Command, Feature, NavEntry, Panel

FEATURE = Feature(
    name="planning",
    order=40,
    routers=(
        "legetjeneste.planning.router",
        "legetjeneste.planning.pages",
        "legetjeneste.planning.plan.router",
        "legetjeneste.planning.plan.pages",
        "legetjeneste.planning.plan.measures.router",
        "legetjeneste.planning.plan.measures.pages",
        "legetjeneste.planning.plan.committee.router",
        "legetjeneste.planning.plan.committee.pages",
        "legetjeneste.planning.statistics.router",
        "legetjeneste.planning.statistics.pages",
        "legetjeneste.planning.capacity.router",
        "legetjeneste.planning.capacity.pages",
    ),
    commands=(
        Command(
            "statistics",
            "legetjeneste.planning.cli:app",
            "Statistikk: SSB, årsstatistikk og befolkning.",
            order=140,
        ),
        Command("plan", "legetjeneste.planning.plan.cli:app", "Planen for legetjenesten.", order=141),
    ),
    navigation=(
        NavEntry("Nøkkeltall", "/nokkeltall", order=20, permission="statistics.read"),
        NavEntry("Plan", "/plan", order=21, permission="plan.read", prefix=True),
        NavEntry("Statistikk", "/statistikk", order=22, permission="statistics.read", prefix=True),
        NavEntry("Kapasitet", "/kapasitet", order=23, permission="statistics.read"),
    ),
    panels=(
        Panel(
            page="min_side",
            name="plan_for_me",
            target="legetjeneste.planning.capacity.service:gp_panel",
            template="planning/_gp_panel.html",
            permission="minside.read",
        ),
        Panel(
            page="municipality",
            name="list_capacity",
            target="legetjeneste.planning.capacity.pages:municipality_panel",
            template="planning/_capacity_panel.html",
            permission="statistics.read",
        ),
    ),
    case_origins=(
        CaseOrigin(
            "plan_version",
            "Planen for legetjenesten",
            describe="legetjeneste.planning.plan.committee.service:committee_origin",
            answered="legetjeneste.planning.plan.committee.service:committee_statement",
        ),
    ),
    file_section="legetjeneste.planning.file_section",
    clocks=("legetjeneste.planning.plan.service:clocks",),
)
