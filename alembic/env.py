"""Alembic environment: the URL comes from the caller's connection or from the project settings."""

from alembic import context

import legetjeneste.models  # noqa: F401  (registers every table on Base.metadata)
from legetjeneste.db import Base, make_engine
from legetjeneste.settings import get_settings

target_metadata = Base.metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(get_settings().resolved_database_url())
    with engine.connect() as connection:
        _run(connection)
        connection.commit()


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
