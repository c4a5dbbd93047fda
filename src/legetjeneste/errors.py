"""Our own error types. One place maps them to HTTP (web/errors.py) and one to the CLI (cli.py)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """A rule of RULES.md as it is cited: its id and its source, e.g. Rule("ABS-SICK", "ASA 4310 § 13.4")."""

    id: str
    citation: str

    def __str__(self) -> str:
        return f"{self.id}, {self.citation}" if self.citation else self.id


class DomainError(Exception):
    """A request the domain refuses. `message` is Norwegian and shown to the user as it is."""

    status_code = 400

    def __init__(self, message: str, *, rule_id: str | None = None, citation: str | None = None):
        super().__init__(message)
        self.message = message
        self.rule_id = rule_id
        self.citation = citation

    def as_dict(self) -> dict:
        return {"message": self.message, "rule_id": self.rule_id, "citation": self.citation}


class NotFound(DomainError):
    status_code = 404


class Forbidden(DomainError):
    status_code = 403


class Conflict(DomainError):
    status_code = 409


class NotAuthenticated(DomainError):
    status_code = 401


class SessionExpired(NotAuthenticated):
    """The browser session has ended (logout, idle time, lifetime, deactivation): log in again."""


class TooManyAttempts(DomainError):
    """Too many failed logins in a row: wait `retry_after` seconds (HTTP 429 with Retry-After)."""

    status_code = 429

    def __init__(self, message: str, *, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


class RuleViolation(DomainError):
    """A rule from RULES.md refuses the request: always with its rule id and citation."""

    status_code = 422

    def __init__(self, rule_id: str, citation: str, message: str):
        super().__init__(message, rule_id=rule_id, citation=citation)

    @classmethod
    def of(cls, rule: Rule, message: str) -> "RuleViolation":
        return cls(rule.id, rule.citation, message)


@dataclass(frozen=True)
class Problem:
    """One problem with one field of the input: its path, a Norwegian message and the rule behind it."""

    path: str
    message: str
    rule_id: str | None = None
    severity: str = "error"

    def __str__(self) -> str:
        rule = f" ({self.rule_id})" if self.rule_id else ""
        return f"{self.path}: {self.message}{rule}" if self.path else f"{self.message}{rule}"

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "message": self.message,
            "rule_id": self.rule_id,
            "severity": self.severity,
        }


class ValidationFailed(DomainError):
    """Bad input: every problem found, not only the first."""

    status_code = 422

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(f"Inndataene har {len(self.problems)} feil")

    def as_dict(self) -> dict:
        return {**super().as_dict(), "problems": [p.as_dict() for p in self.problems]}
