"""The `legetjeneste` command: the Typer root that adds each feature's commands."""

import gc
from typing import Annotated

import typer

from legetjeneste import demo, migrate
from legetjeneste.absence.counters import cli as absence_cli
from legetjeneste.absence.panel import cli as panel_cli
from legetjeneste.absence.vacation import cli as vacation_cli
from legetjeneste.audit import cli as audit_cli
from legetjeneste.auth import cli as auth_cli
from legetjeneste.console import print_json
from legetjeneste.db import get_engine, open_session
from legetjeneste.legevakt.exemptions import cli as legevakt_cli
from legetjeneste.lifecycle import cli as lifecycle_cli
from legetjeneste.municipality_file import cli as file_cli
from legetjeneste.payments.runs import cli as payments_cli
from legetjeneste.planning import cli as planning_cli
from legetjeneste.registry import cli as registry_cli
from legetjeneste.registry import service as registry_service

app = typer.Typer(help="legetjeneste: kommunens legetjeneste og fastlegeordning.", no_args_is_help=True)
db_app = typer.Typer(help="Databasen.", no_args_is_help=True)
demo_app = typer.Typer(help="Demodata.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(demo_app, name="demo")
app.add_typer(auth_cli.app, name="user")
app.add_typer(file_cli.helfo_app, name="helfo")
app.add_typer(planning_cli.app, name="statistics")
app.add_typer(absence_cli.app, name="absence")
app.add_typer(payments_cli.app, name="payments")
app.add_typer(lifecycle_cli.app, name="lifecycle")
app.add_typer(legevakt_cli.app, name="roster")
app.command("import")(file_cli.import_file)
app.command("export")(file_cli.export)
app.command("overview")(registry_cli.overview)
app.command("schema")(file_cli.schema)
app.command("audit")(audit_cli.audit)
app.command("panel")(panel_cli.panel)
app.command("vacation-overview")(vacation_cli.vacation_overview)
app.command("deadlines")(lifecycle_cli.deadlines)


@db_app.command("upgrade")
def db_upgrade():
    """Migrer databasen til nyeste versjon."""
    migrate.upgrade(get_engine())
    typer.echo("Databasen er oppdatert.")


@demo_app.command("load")
def demo_load(as_json: Annotated[bool, typer.Option("--json")] = False):
    """Last inn Vefsn og Kragerø, SSBs nøkkeltall og demobrukerne (kan kjøres flere ganger)."""
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

    from legetjeneste.main import create_app
    from legetjeneste.web import access_log
    from legetjeneste.web.static import missing_assets

    migrate.upgrade(get_engine())
    if with_demo:
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
