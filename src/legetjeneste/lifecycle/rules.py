"""The guards of an agreement's life (RULES.md § 1): one function per rule, each refusing with a
`RuleViolation` that names the rule, its paragraph and the numbers (with their source) in Norwegian.

Guard clauses follow the order of the source text. Pure: no database, web or CLI.

Interpretation: «over 60 år» (ASA 4310 §§ 10.7, 10.8) is read as «fylt 60 år», from the 60th birthday.
"""

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from legetjeneste.agreement import parameters
from legetjeneste.dates import age_on
from legetjeneste.errors import Problem, RuleViolation
from legetjeneste.lifecycle.clocks import (
    AGE,
    REDUCTION_GROUNDS,
    age_end,
    birthday,
    extension_limit,
    list_reduction_parameter,
    months_after,
)
from legetjeneste.norwegian import day_text, joined
from legetjeneste.registry.rules import listetak_problems

ANNOUNCEMENT_CONTENT = {
    "location": "lokalisering",
    "listetak": "listelengde",
    "operating_model": "organiseringsform",
    "practice_type": "type praksis (gruppe- eller solopraksis)",
}
PRACTICE_TYPES = {"group": "gruppepraksis", "solo": "solopraksis"}
MUNICIPALITY, GP = "kommune", "lege"


def _entry(name: str, on: date) -> parameters.DatedValue:
    return parameters.parameter(name).entry_on(on)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_announcement(
    published: date,
    application_deadline: date,
    content: Mapping[str, object],
    *,
    vacant: bool = False,
) -> None:
    """AGR-ANNOUNCE, ASA 4310 § 5.4 — at least 3 weeks' application deadline; location, list length,
    operating model and group/solo practice stated; for a vacant agreement the departing GP's practice form
    (with price indication) exists when it is announced (`content["practice_form"]`)."""
    minimum = _entry("lifecycle/announcement_min_days", published)
    days = (application_deadline - published).days
    if days < minimum.value:
        raise RuleViolation(
            rule_id="AGR-ANNOUNCE",
            citation="ASA 4310 § 5.4",
            message=(
                f"Søknadsfristen {day_text(application_deadline)} er bare {days} dager etter kunngjøringen "
                f"{day_text(published)}; den må være minst {minimum.value} dager "
                f"(tidligst {day_text(published + timedelta(days=minimum.value))}). Kilde: {minimum.source}"
            ),
        )
    missing = [label for key, label in ANNOUNCEMENT_CONTENT.items() if _missing(content.get(key))]
    if missing:
        raise RuleViolation(
            rule_id="AGR-ANNOUNCE",
            citation="ASA 4310 § 5.4",
            message=f"Kunngjøringen må oppgi {joined(missing)} (ASA 4310 § 5.4)",
        )
    if content["practice_type"] not in PRACTICE_TYPES:
        raise RuleViolation(
            rule_id="AGR-ANNOUNCE",
            citation="ASA 4310 § 5.4",
            message=(
                f"Type praksis må være gruppepraksis eller solopraksis, ikke «{content['practice_type']}»"
            ),
        )
    listetak = content["listetak"]
    if not isinstance(listetak, int) or isinstance(listetak, bool):
        raise RuleViolation(
            rule_id="AGR-ANNOUNCE",
            citation="ASA 4310 § 5.4",
            message=f"Listelengden i kunngjøringen må være et helt tall, ikke «{listetak}»",
        )
    check_listetak(listetak, on=published)
    if vacant and not content.get("practice_form"):
        raise RuleViolation(
            rule_id="AGR-ANNOUNCE",
            citation="ASA 4310 § 5.4",
            message=(
                "Fratredende lege må ha fylt ut skjemaet om forhold ved praksisen, med prisantydning, "
                "før den ledige avtalen kunngjøres (ASA 4310 § 5.4)"
            ),
        )


def check_listetak(listetak: int, *, on: date) -> list[Problem]:
    """AGR-LISTETAK, FLF § 10 — above the maximum (2,500) is refused; below the normal minimum (500) is
    returned as a warning. Uses `registry.rules.listetak_problems` with the parameters in force `on`."""
    maximum = _entry("agreements/max_listetak", on)
    problems = listetak_problems(
        listetak, max_listetak=maximum.value, min_listetak=parameters.value("agreements/min_listetak", on=on)
    )
    errors = [p for p in problems if p.severity == "error"]
    over = listetak > maximum.value
    if errors:
        raise RuleViolation(
            rule_id="AGR-LISTETAK",
            citation="fastlegeforskriften § 10",
            message=f"Listetak {errors[0].message}." + (f" Kilde: {maximum.source}" if over else ""),
        )
    return problems


def check_new_agreement(su_statement_on: date | None, gps_informed_on: date | None, created_on: date) -> None:
    """AGR-NEW-INFORM (ASA 4310 § 5.1) and AGR-NEW-SU (§ 5.3) — the GPs are informed so they can apply to
    locate it in their practice, and the SU has given its statement, before a new agreement is created."""
    if gps_informed_on is None or gps_informed_on > created_on:
        raise RuleViolation(
            rule_id="AGR-NEW-INFORM",
            citation="ASA 4310 § 5.1",
            message=(
                "Legene i kommunen må informeres før en ny fastlegeavtale opprettes og lyses ut, slik at "
                "de kan søke om å få den plassert i sin praksis (ASA 4310 § 5.1)"
                f"{_dated('informasjonen', gps_informed_on, created_on)}"
            ),
        )
    if su_statement_on is None or su_statement_on > created_on:
        raise RuleViolation(
            rule_id="AGR-NEW-SU",
            citation="ASA 4310 § 5.3",
            message=(
                "Saken må forelegges samarbeidsutvalget til uttalelse før kommunen oppretter en ny "
                f"fastlegeavtale (ASA 4310 § 5.3){_dated('uttalelsen', su_statement_on, created_on)}"
            ),
        )


def _dated(what: str, done: date | None, needed_by: date) -> str:
    if done is None:
        return f"; {what} er ikke registrert"
    return f"; {what} er registrert {day_text(done)}, etter {day_text(needed_by)}"


def check_award(is_group_practice: bool, group_statement_on: date | None, decided_on: date) -> None:
    """AGR-AWARD, ASA 4310 § 5.5 — for an agreement in a group practice the remaining GPs' statement, which
    weighs heavily, must be at hand before the award (an enkeltvedtak) is decided."""
    if is_group_practice and (group_statement_on is None or group_statement_on > decided_on):
        raise RuleViolation(
            rule_id="AGR-AWARD",
            citation="ASA 4310 § 5.5",
            message=(
                "Ved tildeling av en avtale i gruppepraksis skal de gjenværende legenes uttalelse "
                "foreligge og tillegges stor vekt (ASA 4310 § 5.5)"
                + _dated("uttalelsen", group_statement_on, decided_on)
            ),
        )


def check_offer_withdrawal(offer_given: date, on: date, *, accepted_on: date | None = None) -> None:
    """AGR-OFFER-5W, ASA 4310 § 5.6 — the municipality may withdraw an offer only if it is not accepted
    within 5 weeks of being given: from the day after the 35th day."""
    if accepted_on is not None and accepted_on <= on:
        raise RuleViolation(
            rule_id="AGR-OFFER-5W",
            citation="ASA 4310 § 5.6",
            message=f"Tilbudet ble akseptert {day_text(accepted_on)} og kan ikke trekkes tilbake",
        )
    days = _entry("lifecycle/offer_acceptance_days", offer_given)
    last = offer_given + timedelta(days=days.value)
    if on <= last:
        raise RuleViolation(
            rule_id="AGR-OFFER-5W",
            citation="ASA 4310 § 5.6",
            message=(
                f"Tilbudet gitt {day_text(offer_given)} kan aksepteres til og med {day_text(last)} "
                f"({days.value} dager) og kan tidligst trekkes tilbake {day_text(last + timedelta(days=1))}. "
                f"Kilde: {days.source}"
            ),
        )


def check_board_referral(offer_received: date, on: date) -> None:
    """AGR-TRANSFER-5W, ASA 4310 § 5.6 — the national board sets the transfer price only when the departing
    and incoming GP have not agreed within 5 weeks of the offer being received:
    from the day after the 35th."""
    days = _entry("lifecycle/transfer_agreement_days", offer_received)
    last = offer_received + timedelta(days=days.value)
    if on <= last:
        raise RuleViolation(
            rule_id="AGR-TRANSFER-5W",
            citation="ASA 4310 § 5.6",
            message=(
                f"Legene har frist til og med {day_text(last)} ({days.value} dager etter at tilbudet ble "
                f"mottatt {day_text(offer_received)}) til å bli enige om overdragelsesbeløpet; saken kan "
                f"tidligst bringes inn for nasjonal nemnd {day_text(last + timedelta(days=1))}. "
                f"Kilde: {days.source}"
            ),
        )


def check_hjemfall(notice_period_end: date, announcements: Sequence[date], on: date) -> None:
    """AGR-HJEMFALL, ASA 4310 § 5.8 — the agreement reverts to the municipality only 6 months after the
    notice period expired and after at least 3 correct announcements (those published by `on`)."""
    months = _entry("lifecycle/hjemfall_months", notice_period_end)
    due = months_after(notice_period_end, months.value)
    if on < due:
        raise RuleViolation(
            rule_id="AGR-HJEMFALL",
            citation="ASA 4310 § 5.8",
            message=(
                f"Avtalen kan tidligst hjemfalle {day_text(due)}, {months.value} måneder etter at "
                f"oppsigelsesfristen løp ut {day_text(notice_period_end)}. Kilde: {months.source}"
            ),
        )
    needed = _entry("lifecycle/hjemfall_min_announcements", notice_period_end)
    made = sum(1 for published in announcements if published <= on)
    if made < needed.value:
        raise RuleViolation(
            rule_id="AGR-HJEMFALL",
            citation="ASA 4310 § 5.8",
            message=(
                f"Avtalen kan ikke hjemfalle etter bare {made} korrekte {_announcements(made)}; "
                f"det kreves minst {needed.value}. Kilde: {needed.source}"
            ),
        )


def _announcements(count: int) -> str:
    return "utlysning" if count == 1 else "utlysninger"


def check_list_reduction(
    ground: str, requested_on: date, effective_from: date, *, birth_date: date | None = None
) -> None:
    """AGR-LISTREDUCE, ASA 4310 § 10.7 — a known ground; the age ground needs a GP over 60; the reduction is
    discussed at least 6 months before it takes effect (3 months' notice on health or care grounds)."""
    if ground not in REDUCTION_GROUNDS:
        raise RuleViolation(
            rule_id="AGR-LISTREDUCE",
            citation="ASA 4310 § 10.7",
            message=(
                f"Ukjent grunn for listereduksjon: «{ground}». "
                f"Gyldige grunner: {joined(list(REDUCTION_GROUNDS.values()))}"
            ),
        )
    if ground == AGE:
        minimum = _entry("lifecycle/list_reduction_min_age", requested_on)
        age = None if birth_date is None else age_on(birth_date, requested_on)
        if age is None or age < minimum.value:
            born = "" if birth_date is None else f" (legen er {age} år {day_text(requested_on)})"
            raise RuleViolation(
                rule_id="AGR-LISTREDUCE",
                citation="ASA 4310 § 10.7",
                message=f"Listereduksjon på grunn av alder krever at legen er over {minimum.value} år{born}. "
                f"Kilde: {minimum.source}",
            )
    notice = _entry(list_reduction_parameter(ground), requested_on)
    months = notice.value
    earliest = months_after(requested_on, months)
    if effective_from < earliest:
        raise RuleViolation(
            rule_id="AGR-LISTREDUCE",
            citation="ASA 4310 § 10.7",
            message=(
                f"Listereduksjon (grunn: {REDUCTION_GROUNDS[ground]}) må meldes minst {months} "
                f"måneder før; meldt {day_text(requested_on)} kan den tidligst gjelde fra "
                f"{day_text(earliest)}, "
                f"ikke {day_text(effective_from)}. Kilde: {notice.source}"
            ),
        )


def check_deleliste(
    birth_date: date,
    disability_percent: int | None,
    on: date,
    same_office: bool,
    list_length_at_setup: int,
    requested_total: int,
    start: date,
    *,
    end: date | None = None,
    written_consent: bool = False,
) -> None:
    """AGR-DELELISTE, ASA 4310 § 10.8 — a GP over 60 or with at least 50 % permanent disability may share the
    list with a successor: same office; at most 25 % over the list length at setup and 2,500 in total; the
    phase-out at most 5 years; the GP leaves by 70 unless the municipality consents in writing."""
    min_age = _entry("lifecycle/deleliste_min_age", on)
    min_disability = _entry("lifecycle/deleliste_min_disability_percent", on)
    age = age_on(birth_date, on)
    if age < min_age.value and (disability_percent or 0) < min_disability.value:
        raise RuleViolation(
            rule_id="AGR-DELELISTE",
            citation="ASA 4310 § 10.8",
            message=(
                f"Deleliste krever at legen er over {min_age.value} år eller har minst "
                f"{min_disability.value} % varig uførhet; legen er {age} år {day_text(on)}"
                + (f" med {disability_percent} % uførhet" if disability_percent else "")
                + f". Kilde: {min_age.source}"
            ),
        )
    if not same_office:
        raise RuleViolation(
            rule_id="AGR-DELELISTE",
            citation="ASA 4310 § 10.8",
            message="Legene som deler listen må drive praksisen i samme legesenter (ASA 4310 § 10.8)",
        )
    growth = _entry("lifecycle/deleliste_max_growth_percent", on)
    cap = list_length_at_setup * (100 + growth.value) // 100
    if requested_total > cap:
        raise RuleViolation(
            rule_id="AGR-DELELISTE",
            citation="ASA 4310 § 10.8",
            message=(
                f"Delelisten kan ha høyst {cap} pasienter: listelengden {list_length_at_setup} "
                f"ved etablering kan økes med høyst {growth.value} %, ikke til {requested_total}. "
                f"Kilde: {growth.source}"
            ),
        )
    total = _entry("lifecycle/deleliste_max_total", on)
    if requested_total > total.value:
        raise RuleViolation(
            rule_id="AGR-DELELISTE",
            citation="ASA 4310 § 10.8",
            message=f"En deleliste kan ha høyst {total.value} pasienter til sammen, ikke {requested_total}. "
            f"Kilde: {total.source}",
        )
    if end is None:
        return
    years = _entry("lifecycle/deleliste_max_years", start)
    last = months_after(start, 12 * years.value) - timedelta(days=1)
    if end > last:
        raise RuleViolation(
            rule_id="AGR-DELELISTE",
            citation="ASA 4310 § 10.8",
            message=f"Nedtrappingen fra {day_text(start)} kan vare høyst {years.value} år, til og med "
            f"{day_text(last)}, ikke til {day_text(end)}. Kilde: {years.source}",
        )
    retire = _entry("lifecycle/deleliste_retire_age", start)
    retire_by = birthday(birth_date, retire.value)
    if end > retire_by and not written_consent:
        raise RuleViolation(
            rule_id="AGR-DELELISTE",
            citation="ASA 4310 § 10.8",
            message=(
                f"Legen med deleliste skal fratre senest ved fylte {retire.value} år ({day_text(retire_by)}) "
                f"uten skriftlig samtykke fra kommunen, ikke {day_text(end)}. Kilde: {retire.source}"
            ),
        )


def check_notice(party: str, reason: str | None, given_on: date) -> date:
    """AGR-NOTICE, ASA 4310 § 16 — either party may give 6 months' notice; the municipality's notice must
    have an objective reason («saklig begrunnet»). Returns the end of the notice period."""
    if party not in (MUNICIPALITY, GP):
        raise RuleViolation(
            rule_id="AGR-NOTICE",
            citation="ASA 4310 § 16",
            message=f"Oppsigelse kan gis av kommunen eller legen, ikke «{party}»",
        )
    if party == MUNICIPALITY and _missing(reason):
        raise RuleViolation(
            rule_id="AGR-NOTICE",
            citation="ASA 4310 § 16",
            message="Kommunens oppsigelse av en fastlegeavtale må være saklig begrunnet; oppgi begrunnelsen "
            "(ASA 4310 § 16)",
        )
    return months_after(given_on, parameters.value("lifecycle/notice_months", on=given_on))


def check_age_extension(birth_date: date, until: date) -> None:
    """AGR-AGE-END, ASA 4310 § 16 — a time-limited extension beyond the age limit, not beyond the GP's 75th
    birthday (ASA); the regulation (FLF § 12) would allow 80 — both are named."""
    end = age_end(birth_date)
    if until < end:
        raise RuleViolation(
            rule_id="AGR-AGE-END",
            citation="ASA 4310 § 16",
            message=(
                f"Avtalen løper uansett til aldersgrensen {day_text(end)}; en forlengelse må vare "
                f"ut over den, ikke bare til {day_text(until)}"
            ),
        )
    limit = extension_limit(birth_date)
    if until > limit.asa_until:
        raise RuleViolation(
            rule_id="AGR-AGE-END",
            citation="ASA 4310 § 16",
            message=(
                f"Forlengelse til {day_text(until)} er ikke tillatt. {limit.text()} Kilde: {limit.asa_source}"
            ),
        )
