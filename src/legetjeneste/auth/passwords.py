"""Password hashing with argon2id. A login without an account to check against verifies the password
against a dummy hash made with the same parameters, so it takes as long as one with an account and the
time of the answer does not tell whether an e-mail address has an account."""

import secrets
from functools import lru_cache

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError

from legetjeneste.settings import get_settings


@lru_cache
def hasher() -> PasswordHasher:
    fast = get_settings().password_hashing == "fast"
    return PasswordHasher.from_parameters(profiles.CHEAPEST if fast else profiles.RFC_9106_LOW_MEMORY)


@lru_cache
def _dummy_hash() -> str:
    return hasher().hash(secrets.token_urlsafe(32))


def hash_password(password: str) -> str:
    return hasher().hash(password)


def verify(stored_hash: str | None, password: str) -> bool:
    """Whether `password` matches `stored_hash`; with no hash (no account, deactivated, no password) the
    same work is done against the dummy hash and the answer is no."""
    try:
        hasher().verify(stored_hash or _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return False
    return stored_hash is not None
