"""The `legetjeneste` command: the Typer root with `db`, `demo` and `serve`, and every feature's commands.

A feature's command is imported only when it runs: `legetjeneste --help` lists each with the help its
feature declares, so the list comes up without loading OR-Tools, reportlab or FastAPI.
"""

import gc
from typing import Annotated

import typer
from typer.core import TyperCommand, TyperGroup
from typer.models import CommandInfo, TyperInfo

from legetjeneste.features import Command, features, resolve

# Where the core commands stand in `legetjeneste --help` among the features' commands.
CORE_ORDER = {"serve": 90, "db": 100, "demo": 110}


class _Declared(TyperCommand):
    """A feature's command as `--help` lists it: its name and declared help, nothing imported."""

    def __init__(self, declared: Command) -> None:
        super().__init__(name=declared.name, help=declared.help)
        self.declared = declared


class FeatureGroup(TyperGroup):
    """The root group: the core commands, and each feature's command loaded when it is invoked."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        declared = [command for feature in features() for command in feature.commands]
        self.commands.update({command.name: _Declared(command) for command in declared})
        order = CORE_ORDER | {command.name: command.order for command in declared}
        self.commands = dict(sorted(self.commands.items(), key=lambda item: order[item[0]]))

    def resolve_command(self, ctx, args):  # Typer's click types vary with its version
        name, command, rest = super().resolve_command(ctx, args)
        if isinstance(command, _Declared):
            command = self.load(command.declared)
        return name, command, rest

    def load(self, declared: Command):
        """The command itself, imported now, built as Typer builds a command or sub-app it is given."""
        target = resolve(declared.target)
        # The root app keeps Typer's default for short tracebacks; its sub-apps and commands do the same.
        if isinstance(target, typer.Typer):
            return typer.main.get_group_from_info(
                TyperInfo(target, name=declared.name),
                suggest_commands=self.suggest_commands,
                pretty_exceptions_short=True,
                rich_markup_mode=self.rich_markup_mode,
            )
        return typer.main.get_command_from_info(
            CommandInfo(name=declared.name, callback=target),
            pretty_exceptions_short=True,
            rich_markup_mode=self.rich_markup_mode,
        )


app = typer.Typer(
    help="legetjeneste: kommunens legetjeneste og fastlegeordning.", no_args_is_help=True, cls=FeatureGroup
)
db_app = typer.Typer(help="Databasen.", no_args_is_help=True)
demo_app = typer.Typer(help="Demodata.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(demo_app, name="demo")


@db_app.command("upgrade")
def db_upgrade():
    """Migrer databasen til nyeste versjon."""
    from legetjeneste import migrate
    from legetjeneste.db import get_engine

    migrate.upgrade(get_engine())
    typer.echo("Databasen er oppdatert.")


@db_app.command("grant-app")
def db_grant_app(
    role: Annotated[str, typer.Argument(help="Programmets egen innloggingsrolle i PostgreSQL")],
):
    """Gi programmets rolle lese- og skriverett til tabellene, men bare lese og legge til i revisjonsloggen
    (PostgreSQL; kjøres av eieren etter «db upgrade»)."""
    from legetjeneste import database_roles
    from legetjeneste.console import fail
    from legetjeneste.db import get_engine
    from legetjeneste.errors import DomainError

    try:
        database_roles.grant_app(get_engine(), role)
    except DomainError as error:
        fail(error)
    typer.echo(
        f"Rollen «{role}» kan nå lese og skrive tabellene og legge til i revisjonsloggen, men ikke endre, "
        "slette eller tømme den. Sett LEGETJENESTE_DATABASE_URL til denne rollen for «serve» og «worker»."
    )


@demo_app.command("load")
def demo_load(as_json: Annotated[bool, typer.Option("--json")] = False):
    """Last inn Vefsn og Kragerø, SSBs nøkkeltall og demobrukerne (kan kjøres flere ganger)."""
    from legetjeneste import demo
    from legetjeneste.console import print_json
    from legetjeneste.db import open_session

    with open_session() as session:
        logins = demo.load_demo(session)
    if as_json:
        print_json([{"email": x.email, "password": x.password, "role": x.role} for x in logins])
    else:
        typer.echo(demo.login_help("http://127.0.0.1:8000"))


@app.command("serve")
def serve(
    host: Annotated[str, typer.Option(help="Adresse å lytte på")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
    with_demo: Annotated[bool, typer.Option("--demo", help="Last demodata ved første oppstart")] = False,
):
    """Start tjenesten."""
    import uvicorn

    from legetjeneste import database_roles, demo, migrate
    from legetjeneste.db import get_engine, open_session
    from legetjeneste.main import create_app
    from legetjeneste.registry import service as registry_service
    from legetjeneste.settings import get_settings
    from legetjeneste.web import access_log
    from legetjeneste.web.static import missing_assets

    migrate.upgrade(get_engine())
    database_roles.warn_about_privileges(get_engine())
    if with_demo:
        # The demo's citizens carry synthetic fødselsnumre: accepted while the demo runs (DESIGN.md).
        get_settings().test_identities = True
        with open_session() as session:
            if not registry_service.has_municipalities(session):
                typer.echo("Første oppstart: laster demodata …")
                demo.load_demo(session)
        typer.echo(demo.login_help(f"http://{host}:{port}"))
    if missing_assets():
        typer.echo("Advarsel: Designsystemet og htmx mangler; kjør «npm ci» (eller «make run»).", err=True)
    app_ = create_app()
    # Objects alive after start-up live for the process; freezing them keeps full garbage collections
    # short (docs/benchmarks.md: the overview's p95 fell from 146 to 82 ms with 600 agreements).
    gc.collect()
    gc.freeze()
    uvicorn.run(app_, host=host, port=port, log_level="info", log_config=access_log.log_config())


def main() -> None:
    """The console script. An error no command expected ends it with one Norwegian line on stderr and
    exit code 2; the traceback goes to var/log/cli.log for whoever runs the service, never to the user."""
    try:
        app()
    except Exception as error:  # noqa: BLE001 - the last place an error can be told in words
        typer.echo(f"Feil: {_unexpected_text(error)}", err=True)
        where = _log_traceback()
        if where:
            typer.echo(f"  Detaljer for brukerstøtte er skrevet til {where}.", err=True)
        raise SystemExit(2) from None


def _unexpected_text(error: Exception) -> str:
    from sqlalchemy.exc import OperationalError

    if isinstance(error, OperationalError):
        return "databasen svarte ikke eller var opptatt. Kommandoen ble avbrutt; prøv igjen om litt."
    return f"kommandoen ble avbrutt av en uventet feil ({type(error).__name__})."


def _log_traceback() -> str | None:
    import traceback
    from datetime import UTC, datetime

    from legetjeneste.settings import get_settings

    try:
        folder = get_settings().var_dir / "log"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "cli.log"
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now(UTC).isoformat()}\n{traceback.format_exc()}\n")
        return str(path)
    except OSError:
        return None
