"""The one settings class; every value can be set with an LEGETJENESTE_ environment variable."""

import secrets
from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LEGETJENESTE_")

    database_url: str = ""
    secret_key: str = ""
    var_dir: Path = PROJECT_ROOT / "var"
    assets_dir: Path = PROJECT_ROOT / "node_modules"
    session_max_age_seconds: int = 8 * 3600
    # "fast" is for the test suite only: argon2's cheapest parameters instead of RFC 9106's
    # low-memory profile.
    password_hashing: str = "strong"
    # Jobs (roster solves …) run in a worker thread of the server; off where `legetjeneste worker` runs them.
    jobs_in_process: bool = True

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        self.var_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{self.var_dir / 'legetjeneste.db'}"

    def resolved_secret_key(self) -> str:
        """The configured key, else one generated once and kept in var/ (never in the repository)."""
        if self.secret_key:
            return self.secret_key
        self.var_dir.mkdir(parents=True, exist_ok=True)
        key_file = self.var_dir / "secret_key"
        if not key_file.exists():
            key_file.write_text(secrets.token_urlsafe(48))
            key_file.chmod(0o600)
        return key_file.read_text().strip()


@lru_cache
def get_settings() -> Settings:
    return Settings()
