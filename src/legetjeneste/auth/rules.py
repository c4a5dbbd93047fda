"""Roles, permissions and municipality scoping as plain data and pure functions."""

from dataclasses import dataclass

ROLES = (
    "admin",
    "municipality_admin",
    "kommuneoverlege",
    "office_admin",
    "doctor",
    "su_member",
    "citizen",
)
ROLE_NAMES_NB = {
    "admin": "systemadministrator",
    "municipality_admin": "kommuneadministrator",
    "kommuneoverlege": "kommuneoverlege",
    "office_admin": "kontoradministrator",
    "doctor": "lege",
    "su_member": "medlem av samarbeidsutvalget",
    "citizen": "innbygger",
}
STAFF = frozenset(ROLES) - {"citizen"}
REGISTER_EDITORS = frozenset({"admin", "municipality_admin", "kommuneoverlege"})

PERMISSIONS: dict[str, frozenset[str]] = {
    "register.read": STAFF,
    "register.write": REGISTER_EDITORS,
    "register.import": REGISTER_EDITORS,
    "statistics.read": STAFF,
    "audit.read": frozenset({"admin", "municipality_admin"}),
}
PERMISSION_NAMES_NB = {
    "register.read": "se registeret",
    "register.write": "endre registeret",
    "register.import": "importere kommunefiler",
    "statistics.read": "se statistikk",
    "audit.read": "se revisjonsloggen",
}


@dataclass(frozen=True)
class Actor:
    """Who is asking: a logged-in user, a token holder, or the system itself (the CLI)."""

    email: str
    role: str
    municipality_number: str | None
    user_id: int | None = None

    @property
    def sees_all_municipalities(self) -> bool:
        return self.role == "admin"


SYSTEM = Actor(email="system", role="admin", municipality_number=None)


def can(actor: Actor, permission: str) -> bool:
    return actor.role in PERMISSIONS[permission]


def can_see_municipality(actor: Actor, municipality_number: str) -> bool:
    return actor.sees_all_municipalities or actor.municipality_number == municipality_number


def needs_municipality(role: str) -> bool:
    return role != "admin"
