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
    # A browser session ends after this long without a request, and this long after login at the latest.
    session_idle_seconds: int = 2 * 3600
    session_lifetime_seconds: int = 12 * 3600
    # API tokens (`user add --token`) and calendar keys («Min kalender») expire after this many days.
    api_token_days: int = 90
    calendar_key_days: int = 365
    # Login throttling: failures allowed before waits of 1 s, 2 s, 4 s … up to the cap; forgotten after
    # an hour without a failure. An address is shared by a whole office behind one router: it gets more.
    login_free_failures: int = 5
    login_free_failures_per_address: int = 20
    login_max_delay_seconds: int = 300
    login_failures_forgotten_after_seconds: int = 3600
    # Served over HTTPS: the session cookie is Secure and Strict-Transport-Security is sent.
    https: bool = False
    # Behind a reverse proxy: believe its X-Forwarded-Proto and X-Forwarded-For (else never).
    trust_proxy: bool = False
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
