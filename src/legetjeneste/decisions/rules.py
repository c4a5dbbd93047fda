"""DEC-REASONS, DEC-NOTIFY, DEC-APPEAL — enkeltvedtak as pure functions: what a decision must state, its
case number, the appeal deadline, and when an appeal may be made and how it may be handled.

The service resolves the parameter (the appeal weeks) for the date and passes plain values."""

from dataclasses import dataclass
from datetime import date, timedelta

from legetjeneste.dates import is_working_day
from legetjeneste.errors import Conflict, Problem, Rule, RuleViolation, ValidationFailed
from legetjeneste.norwegian import day_text

REASONS = Rule("DEC-REASONS", "forvaltningsloven §§ 24–25")
NOTIFY = Rule("DEC-NOTIFY", "forvaltningsloven § 27")
APPEAL = Rule("DEC-APPEAL", "forvaltningsloven §§ 28–29 og 33")

# An answer to an application is granted, refused or partly granted; a decision the municipality makes on its
# own initiative (a withholding, a duty order) is imposed.
GRANTED, REFUSED, PARTLY, IMPOSED = "granted", "refused", "partly", "imposed"
OUTCOMES = {GRANTED: "Innvilget", REFUSED: "Avslått", PARTLY: "Delvis innvilget", IMPOSED: "Vedtatt"}
RECEIVED, REVERSED, SENT_ON = "received", "reversed", "sent_on"
APPEAL_STATUSES = {RECEIVED: "Til behandling", REVERSED: "Omgjort", SENT_ON: "Oversendt klageinstansen"}
HANDLINGS = {REVERSED: "Omgjør vedtaket", SENT_ON: "Send klagen til klageinstansen"}

# The Statsforvalter of each county (the first two digits of the municipality number, from 2024).
STATSFORVALTER = {
    "03": "Statsforvalteren i Østfold, Buskerud, Oslo og Akershus",
    "31": "Statsforvalteren i Østfold, Buskerud, Oslo og Akershus",
    "32": "Statsforvalteren i Østfold, Buskerud, Oslo og Akershus",
    "33": "Statsforvalteren i Østfold, Buskerud, Oslo og Akershus",
    "34": "Statsforvalteren i Innlandet",
    "39": "Statsforvalteren i Vestfold og Telemark",
    "40": "Statsforvalteren i Vestfold og Telemark",
    "42": "Statsforvalteren i Agder",
    "11": "Statsforvalteren i Rogaland",
    "46": "Statsforvalteren i Vestland",
    "15": "Statsforvalteren i Møre og Romsdal",
    "50": "Statsforvalteren i Trøndelag",
    "18": "Statsforvalteren i Nordland",
    "55": "Statsforvalteren i Troms og Finnmark",
    "56": "Statsforvalteren i Troms og Finnmark",
}


@dataclass(frozen=True)
class Reason:
    """One line of a decision's reasons: the rule applied, its source, and what it means here."""

    rule_id: str
    citation: str
    text: str


def appeal_body(municipality_number: str) -> str:
    """DEC-APPEAL, forvaltningsloven § 28 — the appeal body for a municipality's enkeltvedtak under the GP
    regulations: the county's Statsforvalter."""
    return STATSFORVALTER.get(municipality_number[:2], "Statsforvalteren")


def case_number(year: int, sequence: int) -> str:
    """The decision's case number (saksnummer), readable per municipality and year: «2026/0042»."""
    return f"{year}/{sequence:04d}"


def reasons_check(*, reasons: list[Reason], facts: list[str], discretion: bool, weighing: str) -> None:
    """DEC-REASONS, forvaltningsloven §§ 24–25 — an enkeltvedtak states its reasons: the rules applied
    (each with its id and source), the facts it builds on, and the weighing where there was discretion."""
    if not reasons or any(not (r.rule_id and r.citation and r.text.strip()) for r in reasons):
        raise RuleViolation.of(REASONS, "Vedtaket må nevne reglene det bygger på, med kilde og begrunnelse")
    if not [fact for fact in facts if fact.strip()]:
        raise RuleViolation.of(REASONS, "Vedtaket må nevne de faktiske forholdene det bygger på")
    if discretion and not weighing.strip():
        raise RuleViolation.of(REASONS, "Vedtaket bygger på skjønn: vektleggingen må skrives i vedtaket")


def appeal_deadline(reached_on: date, *, weeks: int) -> date:
    """DEC-APPEAL, forvaltningsloven § 29 — the appeal deadline is `weeks` (3) weeks from the day the letter
    reached the party: the same weekday three weeks later. Interpretation (docs/adr/0011): a deadline that
    ends on a Saturday, Sunday or public holiday runs to the next working day (domstolloven § 149, applied
    to the time limits of forvaltningsloven by analogy)."""
    last = reached_on + timedelta(weeks=weeks)
    while not is_working_day(last):
        last += timedelta(days=1)
    return last


def appeal_check(*, today: date, deadline: date, statuses: list[str], replaced: bool, text: str) -> None:
    """DEC-APPEAL, forvaltningsloven §§ 28–29 — the party may appeal until the end of the deadline's last
    day, once at a time, and not a decision already reversed or sent on to the appeal body."""
    if not text.strip():
        raise ValidationFailed([Problem("text", "skriv hva du klager på og hvorfor", APPEAL.id)])
    if replaced or REVERSED in statuses:
        raise Conflict("Vedtaket er omgjort. Du kan klage på det nye vedtaket.", rule_id=APPEAL.id)
    if RECEIVED in statuses:
        raise Conflict("Du har allerede en klage på vedtaket til behandling.", rule_id=APPEAL.id)
    if SENT_ON in statuses:
        raise Conflict("Klagen på vedtaket er sendt til klageinstansen.", rule_id=APPEAL.id)
    if today > deadline:
        raise RuleViolation.of(
            APPEAL,
            f"Klagefristen gikk ut {day_text(deadline)}: en klage må komme fram innen tre uker fra "
            "vedtaksbrevet kom fram. Ta kontakt med kommunen hvis du mener fristen bør forlenges "
            "eller en sen klage bør behandles (forvaltningsloven § 31).",
        )


def handling_options(*, reversible: bool, status: str) -> dict[str, str]:
    """DEC-APPEAL, forvaltningsloven § 33 — what the deciding body may do with an appeal it has received:
    reverse its decision (where the feature can reverse it) or send the appeal on to the appeal body."""
    if status != RECEIVED:
        return {}
    return {k: v for k, v in HANDLINGS.items() if reversible or k != REVERSED}


def handling_check(*, outcome: str | None, options: dict[str, str], reasons: str) -> None:
    """DEC-APPEAL — the deciding body chooses one of the outcomes offered and writes why."""
    problems = []
    if outcome not in options:
        problems.append(Problem("outcome", "velg om vedtaket omgjøres eller klagen sendes videre", APPEAL.id))
    if not reasons.strip():
        problems.append(Problem("reasons", "skriv begrunnelsen for behandlingen av klagen", APPEAL.id))
    if problems:
        raise ValidationFailed(problems)
