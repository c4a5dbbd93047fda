"""The municipality file (import, export, its schema) and Helfo's monthly list."""

from legetjeneste.features import Command, Feature, NavEntry

CLI = "legetjeneste.municipality_file.cli"

FEATURE = Feature(
    name="municipality_file",
    order=30,
    routers=("legetjeneste.municipality_file.router", "legetjeneste.municipality_file.pages"),
    commands=(
        Command(
            "import",
            f"{CLI}:import_file",
            "Importer en kommunefil: alt eller ingenting, og samme fil to ganger endrer ingenting.",
            order=10,
        ),
        Command(
            "export",
            f"{CLI}:export",
            "Eksporter en kommune i importformatet (YAML, eller JSON med --json).",
            order=20,
        ),
        Command(
            "schema",
            f"{CLI}:schema",
            "Skriv JSON Schema for kommunefilen (docs/municipality-file.schema.json).",
            order=40,
        ),
        Command("helfo", f"{CLI}:helfo_app", "Helfos månedsoversikt over lister.", order=130),
    ),
    navigation=(NavEntry("Import", "/import", order=110, permission="register.import", scope="global"),),
)
