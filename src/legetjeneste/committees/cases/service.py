"""Use cases of committee cases (SU-CASES, ALU-TASKS, COM-INFO-GPS, AGR-NEW-SU): raise a case on the SU's or
ALU's agenda from where it arose (a `CaseOrigin` another feature declares, or «sak fra kommuneoverlegen» with
a link), draft and record the committee's statement with the vote and the minority's view, and give it back
to the originating case (its `answered` function, in the statement's transaction)."""

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.committees import queries, rules
from legetjeneste.committees.cases import rules as case_rules
from legetjeneste.committees.models import Committee, CommitteeCase, CommitteeMeeting, CommitteeStatement
from legetjeneste.committees.schemas import CaseCreate, CaseRead, StatementIn, StatementRead
from legetjeneste.dates import now_oslo, today_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.errors import Conflict, Forbidden, NotFound, Problem, ValidationFailed
from legetjeneste.features import CaseOrigin, features, resolve
from legetjeneste.norwegian import day_text
from legetjeneste.registry import queries as registry_queries

GENERIC = CaseOrigin(case_rules.GENERIC, "Sak fra kommuneoverlegen")


def origins() -> dict[str, CaseOrigin]:
    """Every kind of case the features can raise, by code, with the generic one."""
    found = {o.kind: o for feature in features() for o in feature.case_origins}
    return {GENERIC.kind: GENERIC, **found}


def _origin(session: Session, actor: Actor, committee: Committee, data: CaseCreate) -> dict:
    """What the case is: from the origin's `describe` (which checks the actor may see it), else as given."""
    origin = origins().get(data.origin_kind)
    if origin is None:
        raise ValidationFailed([Problem("origin_kind", f"ukjent sakstype «{data.origin_kind}»")])
    if origin.describe is None:
        if not data.title:
            raise ValidationFailed([Problem("title", "Skriv sakens tittel")])
        return {"title": data.title, "link": data.link, "background": data.background}
    if data.origin_id is None:
        raise ValidationFailed([Problem("origin_id", "Oppgi saken den kommer fra")])
    described = resolve(origin.describe)(session, actor=actor, origin_id=data.origin_id)
    if described["municipality_number"] != committee.municipality_number:
        raise NotFound("Saken finnes ikke i utvalgets kommune.")
    background = "\n\n".join(t for t in (described.get("background", ""), data.background) if t)
    return {"title": data.title or described["title"], "link": described["link"], "background": background}


def new_case(session: Session, actor: Actor, data: CaseCreate) -> CommitteeCase:
    """Check and add a case (in the caller's transaction)."""
    committee = scope.row(
        session, actor, Committee, data.committee, missing=f"Utvalg {data.committee} finnes ikke."
    )
    doctor_id = None
    if data.doctor:
        doctor = registry_queries.doctor_by_hpr(
            session, municipality_number=committee.municipality_number, hpr_number=data.doctor
        )
        if doctor is None:
            raise ValidationFailed([Problem("doctor", f"ingen lege med HPR-nummer {data.doctor} i kommunen")])
        doctor_id = doctor.id
    case_rules.check_case(
        committee.kind,
        personal_doctor=doctor_id is not None,
        consent_on=data.consent_on,
        breach_of_duty=data.breach_of_duty,
        about_patient=data.about_patient,
        anonymised=data.anonymised,
    )
    what = _origin(session, actor, committee, data)
    case = CommitteeCase(
        committee=committee,
        municipality_number=committee.municipality_number,
        origin_kind=data.origin_kind,
        origin_id=data.origin_id,
        doctor_id=doctor_id,
        consent_on=data.consent_on,
        about_patient=data.about_patient,
        anonymised=data.anonymised,
        status=case_rules.OPEN,
        raised_on=data.on or today_oslo(),
        raised_by=actor.email,
        **what,
    )
    session.add(case)
    session.flush()
    return case


@when_free
def raise_case(session: Session, *, actor: Actor, data: CaseCreate) -> CaseRead:
    """SU-CASES, COM-INFO-GPS — a case on a committee's agenda, from the feature where it arose (checked and
    written in one write transaction, docs/adr/0010)."""
    auth_service.require(actor, "committee.case")
    with write_transaction(session):
        case = new_case(session, actor, data)
        _audit(session, actor, case, "create", origin=f"{case.origin_kind} {case.origin_id or ''}".strip())
        return case_read(case)


def _audit(session: Session, actor: Actor, case: CommitteeCase, action: str, **detail) -> None:
    audit_service.record(
        session,
        actor=actor,
        action=action,
        entity="committee_case",
        record_ids=[case.id],
        municipality_number=case.municipality_number,
        detail=detail,
    )


def statement_read(statement: CommitteeStatement | None) -> StatementRead | None:
    if statement is None:
        return None
    return StatementRead(
        status=statement.status,
        given_on=statement.given_on,
        votes_for=statement.votes_for,
        votes_against=statement.votes_against,
        vote_text=case_rules.vote_text(statement.votes_for, statement.votes_against),
        majority_text=statement.majority_text,
        minority_text=statement.minority_text,
        written_by=statement.written_by,
    )


def case_read(case: CommitteeCase) -> CaseRead:
    origin = origins().get(case.origin_kind, GENERIC)
    return CaseRead(
        id=case.id,
        committee_id=case.committee_id,
        committee_name=case.committee.name,
        origin_kind=case.origin_kind,
        origin_label=origin.label,
        origin_id=case.origin_id,
        title=case.title,
        link=case.link,
        background=case.background,
        status=case.status,
        status_text=case_rules.STATUSES[case.status],
        raised_on=case.raised_on,
        raised_by=case.raised_by,
        statement=statement_read(case.statement),
    )


def write_statement(
    session: Session, actor: Actor, case: CommitteeCase, data: StatementIn
) -> CommitteeStatement:
    """Check and store the statement (in the caller's transaction); once final, give it to the origin. A
    statement given is not changed: SU-CASES, its statement follows the case (409)."""
    if case.statement is not None and case.statement.status == case_rules.FINAL:
        raise Conflict(
            f"Utvalget ga sin uttalelse i saken {day_text(case.statement.given_on)}; den kan ikke endres. "
            "Ingenting ble lagret.",
            rule_id=rules.SU_CASES.id,
            citation=rules.SU_CASES.citation,
        )
    case_rules.check_statement(
        votes_for=data.votes_for,
        votes_against=data.votes_against,
        majority_text=data.majority_text,
        minority_text=data.minority_text,
        given_on=data.given_on,
        raised_on=case.raised_on,
    )
    if data.meeting is not None:
        meeting = session.get(CommitteeMeeting, data.meeting)
        if meeting is None or meeting.committee_id != case.committee_id:
            raise ValidationFailed([Problem("meeting", "møtet er ikke i utvalget saken er meldt til")])
    statement = case.statement or CommitteeStatement()
    statement.meeting_id, statement.given_on = data.meeting, data.given_on
    statement.votes_for, statement.votes_against = data.votes_for, data.votes_against
    statement.majority_text, statement.minority_text = data.majority_text, data.minority_text
    statement.status = case_rules.FINAL if data.final else case_rules.DRAFT
    statement.written_by, statement.written_at = actor.email, now_oslo()
    case.statement = statement
    if data.final:
        case.status = case_rules.ANSWERED
        session.flush()
        _answer_origin(session, actor, case, statement)
    return statement


def _answer_origin(
    session: Session, actor: Actor, case: CommitteeCase, statement: CommitteeStatement
) -> None:
    origin = origins().get(case.origin_kind)
    if origin is None or origin.answered is None or case.origin_id is None:
        return
    votes = case_rules.vote_text(statement.votes_for, statement.votes_against)
    given = {
        "committee": case.committee.name,
        "given_on": statement.given_on,
        "votes": votes,
        "majority_text": statement.majority_text,
        "minority_text": statement.minority_text,
        "text": case_rules.statement_text(
            committee=case.committee.name,
            given_on=day_text(statement.given_on),
            votes=votes,
            majority=statement.majority_text,
            minority=statement.minority_text,
        ),
    }
    resolve(origin.answered)(session, actor=actor, origin_id=case.origin_id, statement=given)


@when_free
def record_statement(session: Session, *, actor: Actor, case_id: int, data: StatementIn) -> CaseRead:
    """SU-CASES, ASA 4310 § 4.2.3 — the committee's statement with the vote and the minority's view; an SU
    member drafts it, the municipality records it as given, and it goes back to the originating case. Given
    once: the case's row is held while it is checked and written (docs/adr/0010), so of two recorded at the
    same moment the later is refused and the originating case hears of one."""
    auth_service.require(actor, "committee.statement")
    if data.final and not auth_rules.can(actor, "committee.case"):
        raise Forbidden(
            "Som medlem av utvalget kan du lagre et utkast; kommunen registrerer uttalelsen som gitt."
        )
    with write_transaction(session):
        case = scope.row(
            session, actor, CommitteeCase, case_id, missing=f"Utvalgssak {case_id} finnes ikke.",
            load=queries.case_for_update,
        )  # fmt: skip
        write_statement(session, actor, case, data)
        _audit(session, actor, case, "update", statement=case.statement.status if case.statement else "")
        return case_read(case)


def list_cases(session: Session, *, actor: Actor, municipality_number: str) -> list[CaseRead]:
    auth_service.require(actor, "committee.read")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        return [case_read(c) for c in queries.cases(session, municipality_number=municipality_number)]


def get_case(session: Session, *, actor: Actor, case_id: int) -> dict:
    auth_service.require(actor, "committee.read")
    with session.begin():
        case = scope.row(session, actor, CommitteeCase, case_id, missing=f"Utvalgssak {case_id} finnes ikke.")
        items = queries.items_of_case(session, case.id)
        return {
            "case": case_read(case),
            "meetings_of_case": [
                {"id": i.meeting_id, "date": i.meeting.on, "number": i.number} for i in items
            ],
            "committee_kind": case.committee.kind,
        }


def origin_panel(session: Session, *, actor: Actor, case_id: int, kind: str = "lifecycle_case") -> dict:
    """For the originating case's page: the committee cases raised from it with their statements, and the
    committees it can be sent to (for whom may raise cases)."""
    with session.begin():
        found = [case_read(c) for c in queries.cases_of_origin(session, origin_kind=kind, origin_id=case_id)]
        number = actor.municipality_number
        can_raise = auth_rules.can(actor, "committee.case") and number is not None
        committees = queries.committees(session, municipality_number=number) if can_raise and number else []
        return {
            "origin_kind": kind,
            "origin_id": case_id,
            "cases": found,
            "committees": [(c.id, c.name) for c in committees if rules.is_su(c.kind) or c.kind == rules.ALU],
        }
