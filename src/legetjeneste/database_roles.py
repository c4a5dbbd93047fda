"""The database roles of a PostgreSQL deployment (README, «Database roles»; ADR 0004).

The owner of the tables runs the migrations (`legetjeneste db upgrade`) and then gives the application's own
login role what it needs and no more (`legetjeneste db grant-app ROLE`): read and write every table, but
only read and add to the audit log, and only read the migration version. Triggers refuse UPDATE, DELETE and
TRUNCATE of the audit log for everyone but a superuser who switches them off; the missing privileges refuse
them to the application before the triggers are asked. `serve` warns when the application connects as a
superuser or as the owner of the audit log, who could switch the triggers off."""

import logging

from sqlalchemy import Connection, Engine, text

from legetjeneste.errors import Conflict, NotFound

log = logging.getLogger("legetjeneste.database")

AUDIT_TABLE = "audit_entry"
READ_ONLY_TABLES = ("alembic_version",)
GRANTS = (
    "GRANT USAGE ON SCHEMA {schema} TO {role}",
    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role}",
    "REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {schema}.{audit} FROM {role}",
    "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role}",
    "ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema} "
    "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role}",
    "ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema} GRANT USAGE, SELECT ON SEQUENCES TO {role}",
)
OWNER_OF_AUDIT = "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = to_regclass(:table)"


def grant_app(engine: Engine, role: str) -> list[str]:
    """Give `role` (an existing login role, neither superuser nor owner of the tables) the application's
    privileges in the database's current schema, now and for tables the owner of the audit log creates
    later; the statements run, in order. Run by that owner (or a superuser) after `db upgrade`; running it
    again changes nothing."""
    if engine.dialect.name != "postgresql":
        raise Conflict("Databaseroller finnes bare i PostgreSQL; med SQLite er det ingenting å gi.")
    with engine.begin() as connection:
        owner = _check_role(connection, role)
        quote = connection.dialect.identifier_preparer.quote
        schema = quote(connection.execute(text("SELECT current_schema()")).scalar_one())
        names = {"schema": schema, "role": quote(role), "audit": quote(AUDIT_TABLE), "owner": quote(owner)}
        statements = [statement.format(**names) for statement in GRANTS]
        statements += [
            f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {schema}.{quote(table)} FROM {quote(role)}"
            for table in READ_ONLY_TABLES
        ]
        for statement in statements:
            connection.exec_driver_sql(statement)
        return statements


def _check_role(connection: Connection, role: str) -> str:
    """Refuse a role that does not exist, cannot log in, is a superuser or owns the tables; the owner."""
    found = connection.execute(
        text("SELECT rolsuper, rolcanlogin FROM pg_roles WHERE rolname = :role"), {"role": role}
    ).first()
    if found is None:
        raise NotFound(
            f"Rollen «{role}» finnes ikke. Opprett den først: CREATE ROLE {role} LOGIN PASSWORD '…';"
        )
    if found.rolsuper:
        raise Conflict(f"Rollen «{role}» er superbruker; programmet skal koble til som en vanlig rolle.")
    if not found.rolcanlogin:
        raise Conflict(f"Rollen «{role}» kan ikke logge inn (mangler LOGIN).")
    owner = connection.execute(text(OWNER_OF_AUDIT), {"table": AUDIT_TABLE}).scalar()
    if owner is None:
        raise Conflict("Databasen er ikke migrert. Kjør «legetjeneste db upgrade» som eieren først.")
    is_owner = connection.execute(
        text("SELECT pg_has_role(:role, :owner, 'MEMBER')"), {"role": role, "owner": owner}
    ).scalar_one()
    if is_owner:
        raise Conflict(
            f"Rollen «{role}» eier tabellene (eller er medlem av eierrollen «{owner}»); programmet skal "
            "koble til som en annen rolle enn den som kjører migreringene."
        )
    return owner


def privilege_warnings(engine: Engine) -> list[str]:
    """What is wrong with the role the application connects as: a superuser, or the owner of the audit log
    (or a member of the owner's role), may change and delete the audit log. None on SQLite."""
    if engine.dialect.name != "postgresql":
        return []
    with engine.connect() as connection:
        user, is_superuser = connection.execute(
            text("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")
        ).one()
        owner = connection.execute(text(OWNER_OF_AUDIT), {"table": AUDIT_TABLE}).scalar()
        owns = (
            owner is not None
            and connection.execute(
                text("SELECT pg_has_role(current_user, :owner, 'MEMBER')"), {"owner": owner}
            ).scalar_one()
        )
    advice = (
        "Koble til som en egen rolle uten flere rettigheter enn programmet trenger: "
        "«legetjeneste db grant-app ROLLE» (README, «Database roles»)."
    )
    if is_superuser:
        return [
            f"Tjenesten kobler til PostgreSQL som superbrukeren «{user}», som kan endre og slette "
            f"revisjonsloggen (audit_entry) og slå av vernet mot det. {advice}"
        ]
    if owns:
        return [
            f"Tjenesten kobler til PostgreSQL som «{user}», som eier revisjonsloggen (audit_entry) og kan "
            f"fjerne vernet mot endring og sletting. {advice}"
        ]
    return []


def warn_about_privileges(engine: Engine) -> None:
    """Log each of `privilege_warnings` (`serve`, at start)."""
    for warning in privilege_warnings(engine):
        log.warning("Advarsel: %s", warning)
