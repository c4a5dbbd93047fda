"""The register: municipalities, offices, doctors, agreements and list counts."""

from legetjeneste.features import Command, Feature, NavEntry

FEATURE = Feature(
    name="registry",
    order=20,
    routers=(
        "legetjeneste.registry.router",
        "legetjeneste.registry.pages",
        "legetjeneste.registry.start.pages",
    ),
    commands=(
        Command(
            "overview",
            "legetjeneste.registry.cli:overview",
            "Kommunens fastlegeavtaler med lege, listetak, listelengde og ledige plasser.",
            order=30,
        ),
    ),
    navigation=(
        # Only for a user linked to their doctor row or office (the others start on their inbox).
        NavEntry(
            "Min side", "/min-side", order=5, permission="minside.read", scope="global", needs="doctor_id"
        ),
        NavEntry(
            "Mitt kontor", "/mitt-kontor", order=6, permission="office.own", scope="global", needs="office_id"
        ),
        NavEntry("Oversikt", "", order=10, permission="register.read"),
        NavEntry("Kommuner", "/kommuner", order=100, permission="register.read", scope="national"),
    ),
    file_section="legetjeneste.registry.file_section",
)
