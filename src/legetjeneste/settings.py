"""The one settings class; every value can be set with an LEGETJENESTE_ environment variable."""

import os
import secrets
from functools import lru_cache
from pathlib import Path

from pydantic import AfterValidator, Field, SecretStr
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
    # How many jobs run at once in all processes together (the claim counts them in the database), how long
    # a job of a kind that sets no budget may run, and how many CPU threads the solves together may use.
    jobs_max_running: int = Field(default=2, ge=1)
    jobs_max_seconds: float = Field(default=3600.0, gt=0)
    solver_max_workers: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1)
    solver_max_time_limit: float = Field(default=600.0, gt=0)
    # Where users reach the service: the links in e-mail point here (no slash at the end needed).
    base_url: str = "http://127.0.0.1:8000"
    # E-mail goes out through this SMTP server; without a host it stays in the outbox (/utboks).
    smtp_host: str = ""
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_username: str = ""
    smtp_password: SecretStr = SecretStr("")
    smtp_from: str = "legetjeneste@localhost"
    smtp_starttls: bool = True
    smtp_timeout_seconds: float = Field(default=30.0, gt=0)
    # Citizens log in through OpenID Connect (docs/citizen-login.md): ID-porten in production, a local test
    # provider in tests and the demo. Without an issuer the citizen login is switched off. The claim that
    # carries the fødselsnummer is ID-porten's `pid`.
    oidc_issuer: str = ""
    oidc_client_id: str = ""
    oidc_client_secret: SecretStr = SecretStr("")
    oidc_scopes: str = "openid profile"
    oidc_national_id_claim: str = "pid"
    # ID-porten's level of assurance (acr_values); empty: the provider's default.
    oidc_acr_values: str = "idporten-loa-high"
    # Synthetic fødselsnumre (the tax authority's test numbers, month + 80) are accepted in the citizen
    # register: on in the demo and the tests, never in production (DESIGN.md, "Privacy and security").
    test_identities: bool = False

    def solver_workers_per_solve(self) -> int:
        """The threads one solve may use, so that the solves that may run at once stay within
        `solver_max_workers` together (at least one each)."""
        return max(1, self.solver_max_workers // self.jobs_max_running)

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


def at_most(setting: str) -> AfterValidator:
    """A field's validator: the value may be at most what the setting (or the Settings method) of that name
    allows, read when the value is checked; the refusal says so in Norwegian."""

    def check(value: float) -> float:
        most = getattr(get_settings(), setting)
        most = most() if callable(most) else most
        if value > most:
            raise ValueError(f"kan være høyst {most:g} på denne tjenesten")
        return value

    return AfterValidator(check)
