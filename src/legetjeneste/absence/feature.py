"""Absence and vikar cover, the citizen's GP panel and the SU's vacation overview."""

from legetjeneste.features import Command, Feature, NavEntry, Panel

FEATURE = Feature(
    name="absence",
    order=70,
    routers=(
        "legetjeneste.absence.router",
        "legetjeneste.absence.panel.router",
        "legetjeneste.absence.vacation.router",
        "legetjeneste.absence.pages",
        "legetjeneste.absence.panel.pages",
        "legetjeneste.absence.panel.office.pages",
        "legetjeneste.absence.vacation.pages",
    ),
    commands=(
        Command(
            "panel",
            "legetjeneste.absence.panel.cli:panel",
            "Fastlegepanelet for en avtale på en dato, slik innbyggerne ser det på Helsenorge (HN-PANEL).",
            order=60,
        ),
        Command(
            "vacation-overview",
            "legetjeneste.absence.vacation.cli:vacation_overview",
            "Ferieoversikten for samarbeidsutvalget: hvem er borte, hvem dekker, og hull i dekningen\n"
            "(SU-VACATION, ASA 4310 § 4.2.3).",
            order=70,
        ),
        Command("absence", "legetjeneste.absence.counters.cli:app", "Fravær.", order=150),
    ),
    navigation=(
        NavEntry("Fravær", "/fravaer", order=30, permission="absence.read"),
        NavEntry("Ferieoversikt", "/ferieoversikt", order=40, permission="vacation.read"),
    ),
    panels=(
        # Mitt kontor (an office administrator's start page), in this order.
        Panel(
            page="office",
            name="office_absences",
            target="legetjeneste.absence.vacation.service:office_absences",
            template="absence/_office_absences.html",
            permission="office.own",
        ),
        Panel(
            page="office",
            name="office_panel",
            target="legetjeneste.absence.panel.office.service:office_panel_settings",
            template="absence/_office_panel.html",
            permission="office.own",
        ),
        Panel(
            page="office",
            name="office_notices",
            target="legetjeneste.absence.panel.office_notices.service:office_notices",
            template="absence/_office_notices.html",
            permission="office.own",
        ),
        Panel(
            page="office",
            name="office_vacation",
            target="legetjeneste.absence.vacation.service:office_vacation",
            template="absence/_office_vacation.html",
            permission="office.own",
        ),
        Panel(
            "min_side",
            "my_absences",
            "legetjeneste.absence.counters.service:my_absences",
            "absence/_my_absences.html",
            permission="absence.own",
        ),
    ),
    file_section="legetjeneste.absence.file_section",
)
