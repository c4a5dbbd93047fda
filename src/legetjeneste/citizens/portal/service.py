"""The citizen's own side: logging in with the fødselsnummer an identity provider vouches for, «Min
fastlege» for the citizen and their children under 16, and the download of their own data.

Every read of a citizen's identity is written to the audit log with who, when and why (DESIGN.md,
"Privacy and security"). A citizen sees only their own and their children's pages; any other answers 404."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.absence.panel import service as panel_service
from legetjeneste.agreement import parameters
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import SYSTEM, Actor
from legetjeneste.auth.sessions import service as session_service
from legetjeneste.citizens import queries as citizen_queries
from legetjeneste.citizens import rules as citizen_rules
from legetjeneste.citizens.alerts import queries as alert_queries
from legetjeneste.citizens.models import Citizen, Membership
from legetjeneste.citizens.places import queries as places
from legetjeneste.citizens.portal import queries, rules
from legetjeneste.citizens.portal.schemas import (
    ChildLink,
    CitizenPanelRead,
    LetterRead,
    MyData,
    MyGpRead,
    PanelServiceRead,
    PersonData,
    PlaceRead,
    WaitingRead,
)
from legetjeneste.dates import now_oslo, today_oslo
from legetjeneste.errors import NotAuthenticated, NotFound

NOT_FOUND = "Fant ikke siden."
LETTERS_SHOWN = 5


def _audit_read(session: Session, actor: Actor, citizens: list[Citizen], why: str) -> None:
    audit_service.record(
        session,
        actor=actor,
        action="read",
        entity="citizen",
        record_ids=[c.id for c in citizens],
        municipality_number=citizens[0].home_municipality_number if citizens else None,
        detail={"why": why},
    )


def log_in(
    session: Session,
    *,
    claims: dict,
    claim: str,
    client_address: str | None = None,
    user_agent: str | None = None,
    replacing: str | None = None,
) -> tuple[Actor, str]:
    """The citizen the identity provider vouched for (the fødselsnummer in `claim`), found in the register,
    gets a session as a citizen; someone not in the register is told so in plain words."""
    national_id = rules.national_id_from(claims, claim=claim, allow_synthetic=True)
    if national_id is None:
        raise NotAuthenticated(rules.NO_NATIONAL_ID)
    with session.begin():
        found = queries.citizen_by_national_id(session, national_id)
        if found is None:
            raise NotAuthenticated(rules.NOT_IN_REGISTER)
        citizen_id, municipality = found.id, found.home_municipality_number
        _audit_read(session, SYSTEM, [found], "innlogging (OpenID Connect)")
    return session_service.log_in_citizen(
        session,
        citizen_id=citizen_id,
        municipality_number=municipality,
        client_address=client_address,
        user_agent=user_agent,
        replacing=replacing,
        provider_session=rules.provider_session(claims.get("iss"), claims.get("sid")),
    )


def log_out_at_provider(
    session: Session, *, issuer: str | None, sid: str | None, expected_issuer: str
) -> int:
    """The provider's front-channel logout (docs/citizen-login.md): the citizen logged out at ID-porten or at
    another service, so the sessions started here from that login end too; how many ended. A logout from
    another issuer than the one this service trusts, or without a session id, is refused and ends nothing."""
    if not expected_issuer or not issuer or issuer.rstrip("/") != expected_issuer.rstrip("/"):
        raise NotAuthenticated(rules.UNKNOWN_LOGOUT)
    provider_session = rules.provider_session(issuer, sid)
    if provider_session is None:
        raise NotAuthenticated(rules.UNKNOWN_LOGOUT)
    return session_service.end_at_provider(session, provider_session=provider_session)


def _own_id(actor: Actor) -> int:
    auth_service.require(actor, "minfastlege.read")
    if actor.citizen_id is None:
        raise NotFound("Brukeren din er ikke knyttet til innbyggerregisteret. Logg inn med ID-porten.")
    return actor.citizen_id


def _allowed(session: Session, own: Citizen, wanted_id: int, on: date) -> tuple[Citizen, list[Citizen]]:
    """The citizen whose page is asked for and the logged-in citizen's children; 404 for anyone else."""
    children = queries.children(session, own.id)
    born = {child.id: child.birth_date for child in children}
    if not rules.may_open(own_id=own.id, wanted_id=wanted_id, children=born, on=on):
        raise NotFound(NOT_FOUND)
    wanted = own if wanted_id == own.id else next(c for c in children if c.id == wanted_id)
    return wanted, [c for c in children if rules.is_child_in_care(c.birth_date, on=on)]


def _place(m: Membership, names: dict[int, tuple[str, str | None]]) -> PlaceRead:
    office, doctor = names.get(m.agreement_id, ("", None))
    return PlaceRead(
        agreement_id=m.agreement_id,
        office_name=office,
        doctor_name=doctor,
        start=m.start,
        end=m.end,
        begin_reason=m.begin_reason,
        begin_text=rules.reason_text(m.begin_reason),
        end_reason=m.end_reason,
        end_text=rules.reason_text(m.end_reason),
    )


def _waiting(session: Session, citizen_id: int, on: date) -> WaitingRead | None:
    found = queries.waiting_entry(session, citizen_id)
    if found is None:
        return None
    entry, position = found
    office, doctor = queries.list_names(session, [entry.agreement_id], on=on)[entry.agreement_id]
    return WaitingRead(
        agreement_id=entry.agreement_id,
        office_name=office,
        doctor_name=doctor,
        joined_at=entry.joined_at,
        position=position,
    )


def my_gp(
    session: Session, *, actor: Actor, citizen_id: int | None = None, on: date | None = None
) -> MyGpRead:
    """«Min fastlege»: the GP panel of the list the citizen is on today, the list history, the year's
    switches (CIT-SWITCH) and the waiting-list place (CIT-WAIT), for the citizen or a child under 16."""
    own_id, day = _own_id(actor), on or today_oslo()
    with session.begin():
        own = queries.citizen(session, own_id)
        if own is None:
            raise NotFound(NOT_FOUND)
        wanted, children = _allowed(session, own, citizen_id or own_id, day)
        page = _page(session, wanted, own_id=own.id, children=children, on=day)
        _audit_read(session, actor, [wanted], "Min fastlege")
    if page.current is not None:
        page.panel = _panel(session, page.current.agreement_id, day)
    return page


def _page(session: Session, wanted: Citizen, *, own_id: int, children: list[Citizen], on: date) -> MyGpRead:
    history = places.memberships(session, citizen_id=wanted.id)
    names = queries.list_names(session, [m.agreement_id for m in history], on=on)
    current = places.membership_on(session, citizen_id=wanted.id, on=on)
    later = [m for m in history if m.start > on]
    # CIT-SWITCH counted once, by the register (citizens/queries.py), against the dated parameter.
    used = citizen_queries.switches_in_year(session, citizen_id=wanted.id, year=on.year)
    most = int(parameters.value(citizen_rules.MAX_SWITCHES, on=on))
    return MyGpRead(
        citizen_id=wanted.id,
        name=wanted.name,
        is_self=wanted.id == own_id,
        on=on,
        current=_place(current, names) if current else None,
        next_place=_place(later[0], names) if later else None,
        panel=None,
        history=[_place(m, names) for m in reversed(history)],
        switches_this_year=used,
        switches_left=rules.switches_left(used, most=most),
        waiting=_waiting(session, wanted.id, on),
        children=[ChildLink(citizen_id=c.id, name=c.name, birth_date=c.birth_date) for c in children],
        home_municipality_number=wanted.home_municipality_number,
        letters=_letters(session, wanted.id, limit=LETTERS_SHOWN),
    )


def _letters(session: Session, citizen_id: int, *, limit: int | None = None) -> list[LetterRead]:
    return [
        LetterRead(
            created_at=letter.created_at,
            subject=letter.subject,
            body=letter.body,
            rule_id=letter.rule_id,
            by_post=letter.channel == "post",
        )
        for letter in queries.letters(session, citizen_id, limit=limit)
    ]


def _panel(session: Session, agreement_id: int, on: date) -> CitizenPanelRead | None:
    """The round-1 panel of the citizen's list (absence.panel's service; the citizen's right to see it was
    checked above: it is the list they are on). None when the panel is not shown (HN-MIN-ONE)."""
    found = panel_service.gp_panel(session, actor=SYSTEM, agreement_id=agreement_id, on=on)
    if not found.shown:
        return None
    return CitizenPanelRead(
        agreement_id=found.agreement_id,
        office_id=found.office_id,
        office_name=found.office_name,
        heading=found.heading,
        text=found.text,
        booking_button=found.booking_button,
        away_text=found.away.text if found.away else None,
        notice_heading=found.notice_heading,
        notices=found.notices,
        services=[PanelServiceRead(name=line.name, text=line.text) for line in found.services],
        links=found.links,
    )


def _person(session: Session, citizen: Citizen, memberships: list[Membership], on: date) -> PersonData:
    names = queries.list_names(session, [m.agreement_id for m in memberships], on=on)
    return PersonData(
        citizen_id=citizen.id,
        national_id=citizen.national_id,
        name=citizen.name,
        birth_date=citizen.birth_date,
        sex=citizen.sex,
        home_municipality_number=citizen.home_municipality_number,
        resident_since=citizen.resident_since,
        email=citizen.email,
        places=[_place(m, names) for m in memberships if m.citizen_id == citizen.id],
        waiting=_waiting(session, citizen.id, on),
        letters=_letters(session, citizen.id),
    )


def my_data(session: Session, *, actor: Actor) -> MyData:
    """Item 9 — everything the register holds about the citizen and their children under 16, to download."""
    own_id, day = _own_id(actor), today_oslo()
    with session.begin():
        own = queries.citizen(session, own_id)
        if own is None:
            raise NotFound(NOT_FOUND)
        children = [
            c for c in queries.children(session, own.id) if rules.is_child_in_care(c.birth_date, on=day)
        ]
        everyone = [own, *children]
        memberships = queries.memberships(session, [c.id for c in everyone])
        _audit_read(session, actor, everyone, "nedlasting av egne data")
        return MyData(
            made_at=now_oslo(),
            person=_person(session, own, memberships, day),
            children=[_person(session, c, memberships, day) for c in children],
            alerts=alert_queries.subscriptions_of_citizen(session, own.id),
        )


def own_email(session: Session, *, actor: Actor) -> str | None:
    """The logged-in citizen's e-mail address in the register (to fill in a form for them), else None."""
    if actor.role != "citizen" or actor.citizen_id is None:
        return None
    with session.begin():
        found = queries.citizen(session, actor.citizen_id)
        return found.email if found is not None else None
