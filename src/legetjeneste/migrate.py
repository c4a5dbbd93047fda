"""Run the Alembic migrations in alembic/ against an engine (the CLI's `db upgrade`, the tests)."""

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

from legetjeneste.settings import PROJECT_ROOT


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
