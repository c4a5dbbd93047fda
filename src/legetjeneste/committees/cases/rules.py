"""Cases on a committee's agenda and the committee's statement (SU-CASES, ALU-TASKS, COM-INFO-GPS). Pure."""

from datetime import date

from legetjeneste.committees.rules import ALU_TASKS, SU_CASES, is_su
from legetjeneste.errors import Problem, RuleViolation, ValidationFailed

OPEN, ANSWERED, WITHDRAWN = "open", "answered", "withdrawn"
STATUSES = {OPEN: "til behandling", ANSWERED: "uttalelse gitt", WITHDRAWN: "trukket"}
DRAFT, FINAL = "draft", "final"
GENERIC = "municipality"  # «sak fra kommuneoverlegen»: an origin every feature may use with its own link


def check_case(
    committee_kind: str,
    *,
    personal_doctor: bool,
    consent_on: date | None,
    breach_of_duty: bool,
    about_patient: bool,
    anonymised: bool,
) -> None:
    """SU-CASES, ASA 4310 § 4.2.3 — the SU does not handle a named GP's personal matter without that GP's
    recorded consent, nor a breach of professional duties; ALU-TASKS, § 4.1.3 — the ALU discusses cases about
    patients in anonymised form only."""
    if breach_of_duty:
        raise RuleViolation.of(
            SU_CASES,
            "Sakstype: brudd på faglige plikter behandles ikke i samarbeidsutvalget eller "
            "allmennlegeutvalget.",
        )
    if personal_doctor and consent_on is None:
        raise RuleViolation.of(
            SU_CASES,
            "Samtykke: en sak om en navngitt leges personlige forhold krever legens registrerte samtykke.",
        )
    if about_patient and not anonymised and not is_su(committee_kind):
        raise RuleViolation.of(
            ALU_TASKS,
            "Anonymisert: allmennlegeutvalget drøfter konkrete pasientsaker bare i anonymisert form.",
        )


def check_statement(
    *,
    votes_for: int,
    votes_against: int,
    majority_text: str,
    minority_text: str,
    given_on: date,
    raised_on: date,
) -> None:
    """SU-CASES, ASA 4310 § 4.2.3 — the statement follows the case and a minority's view is recorded: with
    votes against, the minority's text is required; the majority has more votes; it is given after the case
    was raised."""
    problems = []
    if votes_for < 0 or votes_against < 0:
        problems.append(Problem("votes_for", "Stemmene kan ikke være negative"))
    if not majority_text.strip():
        problems.append(Problem("majority_text", "Skriv utvalgets uttalelse (flertallets syn)"))
    if given_on < raised_on:
        problems.append(Problem("given_on", "Uttalelsen kan ikke være gitt før saken ble meldt opp"))
    if problems:
        raise ValidationFailed(problems)
    if votes_against > votes_for:
        raise RuleViolation.of(
            SU_CASES, "Stemmer: flertallets uttalelse må ha flere stemmer for enn mot; bytt om tekstene."
        )
    if votes_against > 0 and not minority_text.strip():
        raise RuleViolation.of(
            SU_CASES,
            f"Mindretallets uttalelse: {votes_against} stemte mot; mindretallets syn skal protokolleres.",
        )


def vote_text(votes_for: int, votes_against: int) -> str:
    """«enstemmig» or «3–1»."""
    return "enstemmig" if votes_against == 0 else f"{votes_for}–{votes_against}"


def statement_text(*, committee: str, given_on: str, votes: str, majority: str, minority: str) -> str:
    """The statement as one text for the originating case: who, when, the vote, the majority and minority."""
    lines = [f"Uttalelse fra {committee} {given_on} ({votes}):", majority.strip()]
    if minority.strip():
        lines += ["Mindretallets uttalelse:", minority.strip()]
    return "\n".join(lines)
