"""Use cases of exemptions: apply, decide as an enkeltvedtak (LV-EXEMPT-RIGHT, LV-EXEMPT-DISCRETION,
NN-EXEMPT), list and read, what the decision page says before deciding, and the impact of granting.

An exemption's ground, texts and dates are health data: each read shows them only to whom
`auth.rules.sees_health_data` lets see them, and writes one audit entry «read» naming the exemptions it
showed with their health data (none when all were redacted)."""

from collections.abc import Iterable
from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import Period, now_oslo, today_oslo
from legetjeneste.db import write_transaction
from legetjeneste.errors import Conflict, Forbidden, Problem, ValidationFailed
from legetjeneste.legevakt.exemptions import enkeltvedtak, queries, rules
from legetjeneste.legevakt.exemptions.models import Exemption
from legetjeneste.legevakt.exemptions.schemas import (
    ExemptionApply,
    ExemptionDecide,
    ExemptionRead,
    ExemptionRedacted,
    exemption_read,
    exemption_view,
)
from legetjeneste.legevakt.schemes.models import Scheme
from legetjeneste.norwegian import MONTHS
from legetjeneste.registry.models import Doctor


def _participant_doctor(scheme: Scheme, hpr: str) -> Doctor:
    for participant in scheme.participants:
        if participant.doctor.hpr_number == hpr:
            return participant.doctor
    raise ValidationFailed([Problem("doctor", f"lege {hpr} deltar ikke i ordningen «{scheme.name}»")])


def apply_for_exemption(
    session: Session, *, actor: Actor, scheme_id: int, data: ExemptionApply
) -> ExemptionRead | ExemptionRedacted:
    auth_service.require(actor, "exemption.apply")
    problems = rules.application_problems(data)
    if problems:
        raise ValidationFailed(problems)
    with session.begin():
        scheme = scope.row(session, actor, Scheme, scheme_id, missing=f"Ordning {scheme_id} finnes ikke.")
        doctor = _participant_doctor(scheme, data.doctor)
        if actor.role == "doctor" and doctor.id != actor.doctor_id:
            raise ValidationFailed([Problem("doctor", "en lege kan bare søke om fritak for seg selv")])
        exemption = Exemption(
            municipality_number=scheme.municipality_number,
            scheme=scheme,
            doctor=doctor,
            **data.model_dump(exclude={"doctor"}),
            applied_on=today_oslo(),
            applied_by=actor.email,
            status=rules.PENDING,
        )
        session.add(exemption)
        session.flush()
        _audit(session, actor, exemption, "apply", ground=data.ground)
        return exemption_view(exemption, full=shows_health_data(actor, exemption))


def decide_exemption(
    session: Session, *, actor: Actor, exemption_id: int, data: ExemptionDecide
) -> ExemptionRead:
    """The enkeltvedtak: a right is granted from the date it applies and cannot be refused; a
    discretionary exemption is granted for at most the parameter's months with the weighing written.

    An application is decided once: the row is locked before its status is checked (PostgreSQL: FOR
    UPDATE; SQLite: the write transaction), so of two decisions at the same moment the second finds it
    decided and is refused with 409, and only one decision and one audit entry are stored."""
    auth_service.require(actor, "exemption.decide")
    with write_transaction(session):
        exemption = _exemption(session, actor, exemption_id, lock=True)
        if exemption.status != rules.PENDING:
            raise Conflict(rules.already_decided_text(exemption.status, exemption.decided_on))
        decide(session, exemption, data, decided_by=actor.email)
        _audit(session, actor, exemption, "decide", decision=data.decision, rule_id=exemption.rule_id)
        enkeltvedtak.record(session, actor, exemption)
        return exemption_read(exemption)


def reverse_on_appeal(session: Session, *, actor: Actor, case_id: int, reasons: str, weighing: str) -> dict:
    """DEC-APPEAL — the deciding body grants a refused exemption on appeal, in the appeal's transaction: not
    a second ordinary decision; only a refused application, locked, changes, after the same rules."""
    exemption = _exemption(session, actor, case_id, lock=True)
    if exemption.status != rules.REFUSED:
        raise Conflict(rules.already_decided_text(exemption.status, exemption.decided_on))
    data = ExemptionDecide(decision="granted", reasons=reasons, weighing=weighing)
    decide(session, exemption, data, decided_by=actor.email)
    _audit(session, actor, exemption, "reverse", decision=rules.GRANTED, rule_id=exemption.rule_id)
    return enkeltvedtak.letter_values(exemption)


def _audit(session: Session, actor: Actor, exemption: Exemption, action: str, **detail) -> None:
    audit_service.record(
        session,
        actor=actor,
        action=action,
        entity="exemption",
        record_ids=[exemption.id],
        municipality_number=exemption.municipality_number,
        detail=detail,
    )


def decide(session: Session, exemption: Exemption, data: ExemptionDecide, *, decided_by: str) -> None:
    """Record the decision on a pending exemption, after the rules (used by the API and the file import)."""
    if data.decision is None:
        raise ValidationFailed([rules.NO_CHOICE])
    applied = Period(data.granted_start or exemption.start, data.granted_end or exemption.end)
    facts = queries.right_facts(
        exemption.doctor,
        due_date=exemption.due_date,
        child_birth_date=exemption.child_birth_date,
        on=applied.start,
    )
    is_right = exemption.ground in rules.RIGHT_GROUNDS
    if data.decision == rules.REFUSED:
        if is_right:
            rules.refuse_right_check(ground=exemption.ground, applied=exemption.period, facts=facts)
        rule_id = (rules.RIGHT if is_right else rules.discretion_rule(exemption.scheme.kind))[0]
        granted = None
    elif is_right:
        granted, rule_id = (
            rules.granted_right(ground=exemption.ground, applied=applied, facts=facts),
            rules.RIGHT[0],
        )
    else:
        granted = applied
        rule_id = rules.discretion_rule(exemption.scheme.kind)[0]
        rules.discretionary_check(
            kind=exemption.scheme.kind,
            ground=exemption.ground,
            granted=granted,
            max_months=queries.max_months(session, exemption.scheme, on=granted.start),
            weighing=data.weighing,
        )
    exemption.status = data.decision
    exemption.granted_start = granted.start if granted else None
    exemption.granted_end = granted.end if granted else None
    exemption.reasons, exemption.weighing, exemption.rule_id = data.reasons, data.weighing, rule_id
    exemption.decided_on = data.decided_on or today_oslo()
    exemption.decided_by, exemption.decided_at = decided_by, now_oslo()


def _exemption(session: Session, actor: Actor, exemption_id: int, *, lock: bool = False) -> Exemption:
    missing = f"Søknad om fritak {exemption_id} finnes ikke."
    load = queries.exemption_for_update if lock else None
    return scope.row(session, actor, Exemption, exemption_id, missing=missing, load=load)


def shows_health_data(actor: Actor, exemption: Exemption) -> bool:
    return auth_rules.sees_health_data(actor, doctor_id=exemption.doctor_id)


def audit_health_read(
    session: Session, *, actor: Actor, record_ids: Iterable[int], municipality_number: str, view: str
) -> None:
    """One audit entry «read» for the exemptions whose health data a request shows; none if it shows none."""
    shown = sorted(set(record_ids))
    if shown:
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="exemption",
            record_ids=shown,
            municipality_number=municipality_number,
            detail={"view": view, "health_data": True},
        )


def views(
    session: Session, *, actor: Actor, exemptions: list[Exemption], municipality_number: str, view: str
) -> list[ExemptionRead | ExemptionRedacted]:
    """The exemptions as the actor may see them, the reading of their health data audited (`view`: where)."""
    full = {e.id for e in exemptions if shows_health_data(actor, e)}
    audit_health_read(
        session, actor=actor, record_ids=full, municipality_number=municipality_number, view=view
    )
    return [exemption_view(e, full=e.id in full) for e in exemptions]


def get_exemption(session: Session, *, actor: Actor, exemption_id: int) -> ExemptionRead | ExemptionRedacted:
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        exemption = _exemption(session, actor, exemption_id)
        [found] = views(
            session,
            actor=actor,
            exemptions=[exemption],
            municipality_number=exemption.municipality_number,
            view="exemption",
        )
        return found


def list_exemptions(
    session: Session, *, actor: Actor, municipality_number: str, status: str | None = None
) -> list[ExemptionRead | ExemptionRedacted]:
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        found = queries.exemptions(session, municipality_number=municipality_number, status=status)
        return views(
            session, actor=actor, exemptions=found, municipality_number=municipality_number, view="list"
        )


def decision_help(session: Session, *, actor: Actor, exemption_id: int) -> dict:
    """What the decision page says before deciding: the rule, from when a right applies, the longest
    discretionary period, and the note on age (LV-EXEMPT-DISCRETION). The right's period comes from the
    due date or the child's birth date: for whom `sees_health_data`, audited."""
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        exemption = _exemption(session, actor, exemption_id)
        if not shows_health_data(actor, exemption):
            raise Forbidden(
                "Grunnlaget for fritaket vises bare for legen selv og for den som avgjør søknaden."
            )
        audit_health_read(
            session,
            actor=actor,
            record_ids=[exemption.id],
            municipality_number=exemption.municipality_number,
            view="decision_help",
        )
        return queries.decision_help(session, exemption)


def exemption_page(session: Session, *, actor: Actor, exemption_id: int) -> dict:
    """What the page of one application shows, read in one transaction with one audit entry: the
    exemption as the actor may see it, the rule before deciding (only with its health data), and the
    impact of granting it while it waits."""
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        exemption = _exemption(session, actor, exemption_id)
        full = shows_health_data(actor, exemption)
        number = exemption.municipality_number
        pending = exemption.status == rules.PENDING
        found = _impact(session, actor, number, application_ids=[exemption.id]) if pending else None
        audit_health_read(
            session,
            actor=actor,
            record_ids=[exemption.id] if full else [],
            municipality_number=number,
            view="page",
        )
        return {
            "exemption": exemption_view(exemption, full=full),
            "number": number,
            "help": queries.decision_help(session, exemption) if full else None,
            "impact": found,
            "can_decide": auth_rules.can(actor, "exemption.decide") and pending,
            "letters": enkeltvedtak.letters(session, actor, exemption),
        }


def impact(
    session: Session,
    *,
    actor: Actor,
    municipality_number: str,
    application_ids: Iterable[int] | None = None,
    first_month: date | None = None,
    months: int | None = None,
) -> dict:
    """The impact of granting the pending applications (or those named): per scheme and office, participants
    and shifts per participant per month, before and after; a ground only for whom `sees_health_data`."""
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        found = _impact(
            session,
            actor,
            municipality_number,
            application_ids=application_ids,
            first_month=first_month,
            months=months,
        )
        shown = [a["id"] for a in found["applications"] if a["view"] == "full"]
        audit_health_read(
            session, actor=actor, record_ids=shown, municipality_number=municipality_number, view="impact"
        )
        return found


def _impact(session: Session, actor: Actor, municipality_number: str, **asked) -> dict:
    return queries.impact(
        session,
        municipality_number=municipality_number,
        today=today_oslo(),
        full=lambda exemption: shows_health_data(actor, exemption),
        **asked,
    )


def committee_origin(session: Session, *, actor: Actor, origin_id: int) -> dict:
    """`CaseOrigin.describe` (committees, NN-EXEMPT): a scheme's exemption policy with the impact of its
    pending applications, for the SU's agenda, in the caller's transaction — counts only, no names or grounds
    (the committee advises on the policy, not on one GP's application)."""
    scheme = scope.row(session, actor, Scheme, origin_id, missing=f"Ordning {origin_id} finnes ikke.")
    found = queries.impact(
        session, municipality_number=scheme.municipality_number, today=today_oslo(), full=lambda e: False
    )
    pending = [a for a in found["applications"] if a["scheme_id"] == scheme.id]
    lines = [f"{len(pending)} søknader om fritak fra {scheme.name} venter på vedtak."]
    for impact in (s for s in found["schemes"] if s["scheme_id"] == scheme.id):
        for group in impact["groups"]:
            month = group["months"][0]
            before, after = month["before"], month["after"]
            year, number = (int(part) for part in month["month"].split("-"))
            where = f"{group['office_name']}: " if group["office_name"] else ""
            lines.append(
                f"{where}i {MONTHS[number - 1]} {year} deltar {_doctors(before)}; "
                f"om alle søknadene innvilges {_doctors(after)}."
            )
    return {
        "municipality_number": scheme.municipality_number,
        "title": f"Fritak fra {scheme.name}: praksis og virkningen av søknadene som venter",
        "link": f"/kommuner/{scheme.municipality_number}/legevakt/virkning",
        "background": "\n".join(lines),
    }


def _doctors(availability: dict) -> str:
    """«7 leger, 1 av dem vikar» (NN-EXEMPT: the vikar counts among those who remain)."""
    vikars = availability["vikars"]
    return f"{availability['participants']:g} leger" + (f", {vikars} av dem vikar" if vikars else "")
