"""The decision letter (DEC-REASONS, DEC-NOTIFY) as plain sections, the same for the page and the PDF."""

from dataclasses import dataclass, field

from legetjeneste.decisions import rules
from legetjeneste.decisions.schemas import DecisionRead
from legetjeneste.norwegian import day_text


@dataclass(frozen=True)
class Section:
    heading: str
    lines: list[str]
    source: str = ""


@dataclass(frozen=True)
class Letter:
    title: str
    sender: str
    reference: str
    recipient: str
    sections: list[Section] = field(default_factory=list)
    signature: str = ""


def _reasons(d: DecisionRead) -> list[Section]:
    """DEC-REASONS, forvaltningsloven §§ 24–25 — the rules with their sources, the facts and the weighing."""
    source = f"{rules.REASONS.id}, {rules.REASONS.citation}"
    if d.redacted:
        hidden = (
            "Begrunnelsen inneholder helseopplysninger. Den vises bare for parten og for dem som behandler "
            "saken."
        )
        return [Section("Begrunnelse", [hidden], source)]
    found = [
        Section(
            "Reglene vedtaket bygger på", [f"{r.rule_id} ({r.citation}): {r.text}" for r in d.reasons], source
        ),
        Section("Faktiske forhold", d.facts, source),
    ]
    if d.weighing:
        found.append(Section("Vektlegging (skjønn)", [d.weighing], source))
    return found


def _appeal(d: DecisionRead) -> Section:
    """DEC-NOTIFY and DEC-APPEAL, forvaltningsloven §§ 27–29 and 33 — the right to appeal, the deadline
    counted from the day the letter reached the party, and where to send the appeal."""
    lines = [
        f"Du kan klage på vedtaket. Klagefristen er {d.appeal_weeks} uker fra den dagen vedtaket kom fram "
        f"til deg ({day_text(d.reached_on)}). Klagen må komme fram senest {day_text(d.appeal_deadline)}.",
        f"Send klagen til {d.deciding_body}, som har fattet vedtaket. Du kan klage fra Min side. Skriv "
        f"hvilket vedtak du klager på (saksnummer {d.case_number}), hva du ønsker endret og hvorfor.",
        f"{d.deciding_body} kan omgjøre vedtaket. Hvis vedtaket ikke blir omgjort, sendes klagen til "
        f"{d.appeal_body} som klageinstans.",
    ]
    source = f"{rules.NOTIFY.id}, {rules.APPEAL.id}, forvaltningsloven §§ 27–29 og 33"
    return Section("Du har rett til å klage", lines, source)


def _documents(d: DecisionRead) -> Section:
    """DEC-NOTIFY, forvaltningsloven §§ 18 and 27 — the right to see the case's documents."""
    line = (
        f"Du har rett til å se dokumentene i saken. Ta kontakt med {d.deciding_body} og oppgi saksnummer "
        f"{d.case_number}."
    )
    return Section("Du har rett til å se dokumentene", [line], f"{rules.NOTIFY.id}, forvaltningsloven § 18")


def letter(d: DecisionRead) -> Letter:
    """The letter of one decision: sender, case number and date, the decision, its reasons, the right to
    appeal with the deadline and where to send it, and the right to see the documents."""
    decision = [d.summary, f"Utfall: {d.outcome_text.lower()}."]
    if d.replaces_id is not None:
        decision.append("Vedtaket er gjort etter klage og erstatter det tidligere vedtaket i saken.")
    return Letter(
        title=f"Vedtak: {d.kind_text}",
        sender=d.deciding_body,
        reference=f"Saksnummer {d.case_number} · {day_text(d.decided_on)}",
        recipient=d.party_name,
        sections=[
            Section("Vedtak", decision),
            *_reasons(d),
            _appeal(d),
            _documents(d),
        ],
        signature=f"Vedtatt {day_text(d.decided_on)} av {d.decided_by} for {d.deciding_body}.",
    )
