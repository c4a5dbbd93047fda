"""Roles, permissions and municipality scoping as plain data and pure functions."""

from dataclasses import dataclass

from legetjeneste.errors import Problem

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
OFFICE_EDITORS = REGISTER_EDITORS | {"office_admin"}
SEES_ABSENCE_GROUNDS = OFFICE_EDITORS  # those who may register absences: "absence.write"
FOLLOWS_LIFECYCLE = REGISTER_EDITORS | {"su_member"}
COMMITTEE_READERS = REGISTER_EDITORS | {"su_member"}
GP = frozenset({"doctor"})  # what a GP does for themselves: the service checks it is their own doctor row
EVERYONE = frozenset(ROLES)

PERMISSIONS: dict[str, frozenset[str]] = {
    "register.read": STAFF,
    "register.write": REGISTER_EDITORS,
    "register.import": REGISTER_EDITORS,
    "statistics.read": STAFF,
    "audit.read": frozenset({"admin", "municipality_admin"}),
    "absence.read": STAFF,
    "absence.write": OFFICE_EDITORS,
    "panel.read": STAFF,
    "panel.write": OFFICE_EDITORS,
    "vacation.read": STAFF,
    "payments.read": REGISTER_EDITORS,
    "payments.write": REGISTER_EDITORS,
    "payments.approve": REGISTER_EDITORS,
    "lifecycle.read": FOLLOWS_LIFECYCLE,
    "lifecycle.write": REGISTER_EDITORS,
    "deadlines.read": FOLLOWS_LIFECYCLE,
    "legevakt.read": STAFF,
    "legevakt.write": REGISTER_EDITORS,
    "exemption.apply": STAFF,
    "exemption.decide": REGISTER_EDITORS,
    "roster.solve": REGISTER_EDITORS,
    "roster.publish": REGISTER_EDITORS,
    "users.manage": frozenset({"admin"}),
    "inbox.read": EVERYONE,
    "minside.read": GP,
    "absence.own": GP,
    "payments.own": GP,
    "lifecycle.own": GP,
    "roster.wish": GP,
    "roster.swap": GP,
    "swap.approve": REGISTER_EDITORS,
    "office.own": frozenset({"office_admin"}),
    "decision.read": REGISTER_EDITORS,
    "decision.appeal": GP,
    "appeal.decide": REGISTER_EDITORS,
    "minfastlege.read": frozenset({"citizen"}),
    # THREAT-PRIVACY: a threat case is the kommuneoverlege's and the GPs' concerned (the service checks which
    # GP and office); committees see cases anonymised (the ALU is the municipality's GPs).
    "threat.request": frozenset({"doctor", "office_admin"}),
    "threat.handle": frozenset({"kommuneoverlege"}),
    "threat.anonymised": frozenset({"kommuneoverlege", "su_member", "doctor"}),
    "plan.read": STAFF,
    "plan.write": REGISTER_EDITORS,
    "statistics.write": REGISTER_EDITORS,
    "citizens.register": REGISTER_EDITORS,
    "citizens.distribute": REGISTER_EDITORS,
    "citizen.switch": frozenset({"citizen"}),
    "duties.read": REGISTER_EDITORS,
    "duties.write": REGISTER_EDITORS,
    "committee.read": COMMITTEE_READERS,
    "committee.write": REGISTER_EDITORS,
    "committee.convene": REGISTER_EDITORS | GP,  # a GP only as the ALU's leader (the service checks)
    "committee.case": REGISTER_EDITORS,
    "committee.statement": COMMITTEE_READERS,  # an SU member drafts; the municipality records it as given
    "committee.own": GP,
    # PAY-FOUR-EYES: not the kommuneoverlege, who computes and approves runs, so nobody turns off the second
    # pair of eyes on their own approvals.
    "payments.settings": frozenset({"admin", "municipality_admin"}),
}
PERMISSION_NAMES_NB = {
    "register.read": "se registeret",
    "register.write": "endre registeret",
    "register.import": "importere kommunefiler",
    "statistics.read": "se statistikk",
    "audit.read": "se revisjonsloggen",
    "absence.read": "se fravær",
    "absence.write": "registrere fravær",
    "panel.read": "se fastlegepanelet",
    "panel.write": "endre innstillingene for fastlegepanelet",
    "vacation.read": "se ferieoversikten",
    "payments.read": "se utbetalingene",
    "payments.write": "beregne utbetalinger",
    "payments.approve": "godkjenne utbetalinger",
    "payments.settings": "endre kommunens innstillinger for utbetalinger",
    "lifecycle.read": "se saker om fastlegeavtalene",
    "lifecycle.write": "behandle saker om fastlegeavtalene",
    "deadlines.read": "se frister",
    "legevakt.read": "se legevakt- og nødnettordninger",
    "legevakt.write": "endre legevakt- og nødnettordninger",
    "exemption.apply": "søke om fritak",
    "exemption.decide": "avgjøre søknader om fritak",
    "roster.solve": "lage vaktlister",
    "roster.publish": "publisere vaktlister",
    "users.manage": "administrere brukere",
    "inbox.read": "lese innboksen",
    "minside.read": "se Min side",
    "absence.own": "registrere eget fravær",
    "payments.own": "se egne utbetalingsspesifikasjoner",
    "lifecycle.own": "sende egne saker om fastlegeavtalen",
    "roster.wish": "legge inn ønsker til vaktlister",
    "roster.swap": "bytte og gi bort egne vakter",
    "swap.approve": "godkjenne vaktbytter",
    "office.own": "se og endre eget legekontor",
    "decision.read": "se kommunens vedtak",
    "decision.appeal": "klage på vedtak",
    "appeal.decide": "behandle klager",
    "minfastlege.read": "se Min fastlege",
    "threat.request": "be kommunen om bistand med en truende pasient",
    "threat.handle": "behandle saker om truende pasienter",
    "threat.anonymised": "se anonymiserte saker om truende pasienter",
    "plan.read": "se planen for legetjenesten",
    "plan.write": "endre planen for legetjenesten",
    "statistics.write": "registrere statistikk og kvalitetsindikatorer",
    "citizens.register": "se innbyggerregisteret",
    "citizens.distribute": "fordele innbyggere på fastlegelister",
    "citizen.switch": "bytte fastlege og stå på venteliste",
    "duties.read": "se kommunale oppgaver og tilsyn",
    "duties.write": "fordele og pålegge kommunale oppgaver og planlegge tilsyn",
    "committee.read": "se utvalgenes møter, saker og uttalelser",
    "committee.write": "endre utvalgenes sammensetning",
    "committee.convene": "kalle inn til utvalgsmøter",
    "committee.case": "melde saker til utvalgene og føre referat",
    "committee.statement": "skrive utkast til utvalgets uttalelse",
    "committee.own": "se allmennlegeutvalgets møter",
}


@dataclass(frozen=True)
class Actor:
    """Who is asking: a logged-in user, a token holder, or the system itself (the CLI)."""

    email: str
    role: str
    municipality_number: str | None
    user_id: int | None = None
    office_id: int | None = None
    doctor_id: int | None = None  # a GP's own doctor row, for what a doctor does for themselves
    citizen_id: int | None = None  # a citizen's own row in the citizen register, for a logged-in citizen

    @property
    def sees_all_municipalities(self) -> bool:
        return self.role == "admin"


SYSTEM = Actor(email="system", role="admin", municipality_number=None)

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1000


def password_problems(password: str, *, email: str) -> list[Problem]:
    """A password is 12 to 1000 characters long and is not the user's own e-mail address (NSM's advice:
    length over complexity). The upper bound keeps a hash from costing more than any other."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return [
            Problem(
                "password",
                f"Passordet må ha minst {MIN_PASSWORD_LENGTH} tegn (dette har {len(password)})",
            )
        ]
    if len(password) > MAX_PASSWORD_LENGTH:
        return [Problem("password", f"Passordet kan ha høyst {MAX_PASSWORD_LENGTH} tegn")]
    if password.strip().lower() == email.strip().lower():
        return [Problem("password", "Passordet kan ikke være e-postadressen")]
    return []


def can(actor: Actor, permission: str) -> bool:
    return actor.role in PERMISSIONS[permission]


def can_see_municipality(actor: Actor, municipality_number: str) -> bool:
    return actor.sees_all_municipalities or actor.municipality_number == municipality_number


def needs_municipality(role: str) -> bool:
    return role != "admin"


def can_manage_office(actor: Actor, office_id: int) -> bool:
    """An office administrator manages only their own office; the municipality's editors manage all."""
    return actor.role != "office_admin" or actor.office_id == office_id


def sees_health_data(
    actor: Actor, *, doctor_id: int | None, handled_by: str = "exemption.decide", office_id: int | None = None
) -> bool:
    """Health data — an exemption's ground, application text, reasons, weighing, due date and child's birth
    date; an absence's ground and details — only for the doctor concerned and for those who handle the
    case: who decides exemptions (`exemption.decide`: the kommuneoverlege and the municipality's
    administrators), or who registers the doctor's absences (`absence.write`; an office administrator
    only for the own office). Everyone else sees that it exists, for whom, its period and its status."""
    if doctor_id is not None and actor.doctor_id == doctor_id:
        return True
    return can(actor, handled_by) and (office_id is None or can_manage_office(actor, office_id))


def sees_absence_grounds(actor: Actor) -> bool:
    """Grounds such as sickness are health data: only those who handle absences see them."""
    return actor.role in SEES_ABSENCE_GROUNDS


def sees_absence_ground(actor: Actor, office_id: int, *, doctor_id: int | None = None) -> bool:
    """The ground of one absence (`sees_health_data`): for those who register absences, an office
    administrator only for the doctors of the own office; and, when the caller names the absent doctor,
    for that doctor."""
    return sees_health_data(actor, doctor_id=doctor_id, handled_by="absence.write", office_id=office_id)
