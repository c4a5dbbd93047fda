"""The guards of an agreement's life (RULES.md § 1): one function per rule, each refusing with a
`RuleViolation` that names the rule, its paragraph and the numbers (with their source) in Norwegian.

Guard clauses follow the order of the source text. Pure: no database, web or CLI; the numbers come in as
the parameter values in force (`DatedValue`: value and source), resolved by the service for the right date.

Interpretation: «over 60 år» (ASA 4310 §§ 10.7, 10.8) is read as «fylt 60 år», from the 60th birthday.
"""

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from legetjeneste.agreement.parameters import DatedValue
from legetjeneste.dates import add_months
from legetjeneste.errors import Problem, RuleViolation
from legetjeneste.lifecycle.rules.ages import ExtensionLimit
from legetjeneste.lifecycle.rules.codes import (
    AGE_END,
    ANNOUNCE,
    AWARD,
    GP,
    HJEMFALL,
    LISTETAK,
    MUNICIPALITY,
    NEW_INFORM,
    NEW_SU,
    NOTICE,
    OFFER,
    PRACTICE_TYPES,
    TRANSFER,
)
from legetjeneste.norwegian import day_text, joined
from legetjeneste.registry.rules import listetak_problems

ANNOUNCEMENT_CONTENT = {
    "location": "lokalisering",
    "listetak": "listelengde",
    "operating_model": "organiseringsform",
    "practice_type": "type praksis (gruppe- eller solopraksis)",
}


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_announcement(
    *,
    published: date,
    application_deadline: date,
    content: Mapping[str, object],
    min_days: DatedValue,
    max_listetak: DatedValue,
    min_listetak: int,
    vacant: bool = False,
) -> None:
    """AGR-ANNOUNCE, ASA 4310 § 5.4 — at least 3 weeks' application deadline; location, list length,
    operating model and group/solo practice stated; for a vacant agreement the departing GP's practice form
    (with price indication) exists when it is announced (`content["practice_form"]`)."""
    days = (application_deadline - published).days
    if days < min_days.value:
        raise RuleViolation.of(
            ANNOUNCE,
            f"Søknadsfristen {day_text(application_deadline)} er bare {days} dager etter kunngjøringen "
            f"{day_text(published)}; den må være minst {min_days.value} dager "
            f"(tidligst {day_text(published + timedelta(days=min_days.value))}). Kilde: {min_days.source}",
        )
    missing = [label for key, label in ANNOUNCEMENT_CONTENT.items() if _missing(content.get(key))]
    if missing:
        raise RuleViolation.of(ANNOUNCE, f"Kunngjøringen må oppgi {joined(missing)} (ASA 4310 § 5.4)")
    if content["practice_type"] not in PRACTICE_TYPES:
        raise RuleViolation.of(
            ANNOUNCE,
            f"Type praksis må være gruppepraksis eller solopraksis, ikke «{content['practice_type']}»",
        )
    listetak = content["listetak"]
    if not isinstance(listetak, int) or isinstance(listetak, bool):
        raise RuleViolation.of(
            ANNOUNCE, f"Listelengden i kunngjøringen må være et helt tall, ikke «{listetak}»"
        )
    check_listetak(listetak, maximum=max_listetak, minimum=min_listetak)
    if vacant and not content.get("practice_form"):
        raise RuleViolation.of(
            ANNOUNCE,
            "Fratredende lege må ha fylt ut skjemaet om forhold ved praksisen, med prisantydning, "
            "før den ledige avtalen kunngjøres (ASA 4310 § 5.4)",
        )


def check_listetak(listetak: int, *, maximum: DatedValue, minimum: int) -> list[Problem]:
    """AGR-LISTETAK, FLF § 10 — above the maximum (2,500) is refused; below the normal minimum (500) is
    returned as a warning. Uses `registry.rules.listetak_problems` with the parameters in force."""
    problems = listetak_problems(listetak, max_listetak=maximum.value, min_listetak=minimum)
    errors = [p for p in problems if p.severity == "error"]
    over = listetak > maximum.value
    if errors:
        source = f" Kilde: {maximum.source}" if over else ""
        raise RuleViolation.of(LISTETAK, f"Listetak {errors[0].message}.{source}")
    return problems


def check_new_agreement(
    *, su_statement_on: date | None, gps_informed_on: date | None, created_on: date
) -> None:
    """AGR-NEW-INFORM (ASA 4310 § 5.1) and AGR-NEW-SU (§ 5.3) — the GPs are informed so they can apply to
    locate it in their practice, and the SU has given its statement, before a new agreement is created."""
    if gps_informed_on is None or gps_informed_on > created_on:
        raise RuleViolation.of(
            NEW_INFORM,
            "Legene i kommunen må informeres før en ny fastlegeavtale opprettes og lyses ut, slik at "
            "de kan søke om å få den plassert i sin praksis (ASA 4310 § 5.1)"
            f"{_dated('informasjonen', gps_informed_on, created_on)}",
        )
    if su_statement_on is None or su_statement_on > created_on:
        raise RuleViolation.of(
            NEW_SU,
            "Saken må forelegges samarbeidsutvalget til uttalelse før kommunen oppretter en ny "
            f"fastlegeavtale (ASA 4310 § 5.3){_dated('uttalelsen', su_statement_on, created_on)}",
        )


def _dated(what: str, done: date | None, needed_by: date) -> str:
    if done is None:
        return f"; {what} er ikke registrert"
    return f"; {what} er registrert {day_text(done)}, etter {day_text(needed_by)}"


def check_award(*, is_group_practice: bool, group_statement_on: date | None, decided_on: date) -> None:
    """AGR-AWARD, ASA 4310 § 5.5 — for an agreement in a group practice the remaining GPs' statement, which
    weighs heavily, must be at hand before the award (an enkeltvedtak) is decided."""
    if is_group_practice and (group_statement_on is None or group_statement_on > decided_on):
        raise RuleViolation.of(
            AWARD,
            "Ved tildeling av en avtale i gruppepraksis skal de gjenværende legenes uttalelse "
            "foreligge og tillegges stor vekt (ASA 4310 § 5.5)"
            + _dated("uttalelsen", group_statement_on, decided_on),
        )


def check_offer_withdrawal(
    *, offer_given: date, on: date, acceptance_days: DatedValue, accepted_on: date | None = None
) -> None:
    """AGR-OFFER-5W, ASA 4310 § 5.6 — the municipality may withdraw an offer only if it is not accepted
    within 5 weeks of being given: from the day after the 35th day."""
    if accepted_on is not None and accepted_on <= on:
        raise RuleViolation.of(
            OFFER, f"Tilbudet ble akseptert {day_text(accepted_on)} og kan ikke trekkes tilbake"
        )
    days = acceptance_days
    last = offer_given + timedelta(days=days.value)
    if on <= last:
        raise RuleViolation.of(
            OFFER,
            f"Tilbudet gitt {day_text(offer_given)} kan aksepteres til og med {day_text(last)} "
            f"({days.value} dager) og kan tidligst trekkes tilbake {day_text(last + timedelta(days=1))}. "
            f"Kilde: {days.source}",
        )


def check_board_referral(*, offer_received: date, on: date, agreement_days: DatedValue) -> None:
    """AGR-TRANSFER-5W, ASA 4310 § 5.6 — the national board sets the transfer price only when the departing
    and incoming GP have not agreed within 5 weeks of the offer being received:
    from the day after the 35th."""
    days = agreement_days
    last = offer_received + timedelta(days=days.value)
    if on <= last:
        raise RuleViolation.of(
            TRANSFER,
            f"Legene har frist til og med {day_text(last)} ({days.value} dager etter at tilbudet ble "
            f"mottatt {day_text(offer_received)}) til å bli enige om overdragelsesbeløpet; saken kan "
            f"tidligst bringes inn for nasjonal nemnd {day_text(last + timedelta(days=1))}. "
            f"Kilde: {days.source}",
        )


def check_hjemfall(
    *,
    notice_period_end: date,
    announcements: Sequence[date],
    on: date,
    months: DatedValue,
    min_announcements: DatedValue,
) -> None:
    """AGR-HJEMFALL, ASA 4310 § 5.8 — the agreement reverts to the municipality only 6 months after the
    notice period expired and after at least 3 correct announcements (those published by `on`)."""
    due = add_months(notice_period_end, months.value)
    if on < due:
        raise RuleViolation.of(
            HJEMFALL,
            f"Avtalen kan tidligst hjemfalle {day_text(due)}, {months.value} måneder etter at "
            f"oppsigelsesfristen løp ut {day_text(notice_period_end)}. Kilde: {months.source}",
        )
    made = sum(1 for published in announcements if published <= on)
    if made < min_announcements.value:
        raise RuleViolation.of(
            HJEMFALL,
            f"Avtalen kan ikke hjemfalle etter bare {made} korrekte {_announcements(made)}; "
            f"det kreves minst {min_announcements.value}. Kilde: {min_announcements.source}",
        )


def _announcements(count: int) -> str:
    return "utlysning" if count == 1 else "utlysninger"


def check_notice(*, party: str, reason: str | None, given_on: date, notice_months: int) -> date:
    """AGR-NOTICE, ASA 4310 § 16 — either party may give 6 months' notice; the municipality's notice must
    have an objective reason («saklig begrunnet»). Returns the end of the notice period."""
    if party not in (MUNICIPALITY, GP):
        raise RuleViolation.of(NOTICE, f"Oppsigelse kan gis av kommunen eller legen, ikke «{party}»")
    if party == MUNICIPALITY and _missing(reason):
        raise RuleViolation.of(
            NOTICE,
            "Kommunens oppsigelse av en fastlegeavtale må være saklig begrunnet; oppgi begrunnelsen "
            "(ASA 4310 § 16)",
        )
    return add_months(given_on, notice_months)


def check_age_extension(*, until: date, age_end: date, limit: ExtensionLimit) -> None:
    """AGR-AGE-END, ASA 4310 § 16 — a time-limited extension beyond the age limit (`age_end`, the day the
    agreement ends), not beyond the GP's 75th birthday (ASA); the regulation (FLF § 12) would allow 80 — both
    are named (`limit`, `ages.extension_limit`)."""
    if until < age_end:
        raise RuleViolation.of(
            AGE_END,
            f"Avtalen løper uansett til aldersgrensen {day_text(age_end)}; en forlengelse må vare "
            f"ut over den, ikke bare til {day_text(until)}",
        )
    if until > limit.asa_until:
        raise RuleViolation.of(
            AGE_END,
            f"Forlengelse til {day_text(until)} er ikke tillatt. {limit.text()} Kilde: {limit.asa_source}",
        )
