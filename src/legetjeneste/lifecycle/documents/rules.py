"""The life cycle's documents in Norwegian (RULES.md § 1): the announcement, the award letter and the
confirmation of notice. Pure: plain values in (the numbers in force resolved by the service), a `Document`
out; the pages render it as HTML and PDF."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from legetjeneste.lifecycle.rules.clocks import hjemfall_clock, notice_clock, offer_clock, transfer_clock
from legetjeneste.lifecycle.rules.codes import GP, MUNICIPALITY, PRACTICE_TYPES
from legetjeneste.norwegian import day_text


@dataclass(frozen=True)
class Section:
    """A paragraph of a document, with an optional heading."""

    heading: str | None
    text: str


@dataclass(frozen=True)
class Document:
    """A generated document: its title, its reference (case and rule) and its sections in order."""

    title: str
    reference: str
    paragraphs: tuple[Section, ...]

    def plain_text(self) -> str:
        """The document as plain text (for e-mail, tests and the CLI)."""
        parts = [self.title, self.reference]
        for section in self.paragraphs:
            parts.append(f"{section.heading}\n{section.text}" if section.heading else section.text)
        return "\n\n".join(parts)


def _kommune(name: str) -> str:
    """«Vefsn kommune» from «Vefsn» (or from «Vefsn kommune»)."""
    return name if name.lower().endswith("kommune") else f"{name} kommune"


def _number(value: int) -> str:
    return f"{value:,}".replace(",", "\u00a0")


def announcement_text(
    *,
    municipality: str,
    location: str,
    listetak: int,
    operating_model: str,
    practice_type: str,
    published: date,
    application_deadline: date,
    relevant_information: str = "",
    vacant: bool = False,
    departing_gp: str | None = None,
    start_date: str | None = None,
    contact: str = "",
    case_reference: str = "",
) -> Document:
    """AGR-ANNOUNCE, ASA 4310 § 5.4 — the announcement states location, list length, operating model, group
    or solo practice and relevant information, with at least 3 weeks' application deadline; for a vacant
    agreement the departing GP's practice form (with price indication) is sent to applicants on request."""
    kind = "ledig fastlegeavtale" if vacant else "ny fastlegeavtale"
    sections = [
        Section(
            None,
            f"{_kommune(municipality)} kunngjør {kind} med lokalisering {location}. "
            f"Søknadsfrist: {day_text(application_deadline)}.",
        ),
        Section(
            "Forhold og vilkår",
            f"Lokalisering: {location}\n"
            f"Listelengde: {_number(listetak)} pasienter\n"
            f"Organiseringsform: {operating_model}\n"
            f"Type praksis: {PRACTICE_TYPES.get(practice_type, practice_type)}",
        ),
    ]
    if relevant_information:
        sections.append(Section("Om praksisen", relevant_information))
    if start_date:
        sections.append(Section("Oppstart", f"Oppstart etter avtale, {start_date}."))
    if vacant:
        departing = f" ({departing_gp})" if departing_gp else ""
        sections.append(
            Section(
                "Overdragelse av praksis",
                f"Fratredende lege{departing} har fylt ut skjema om forhold ved praksisen, med "
                "prisantydning, som søkerne får tilsendt; potensielle søkere kan også be om innsyn. "
                "Forhandlinger om "
                "overdragelsesbetingelser skjer ikke før kommunen har gitt tilbud om avtalen "
                "(ASA 4310 §§ 5.4 og 5.6).",
            )
        )
    sections.append(
        Section(
            "Søknad",
            f"Søknaden sendes {_kommune(municipality)} innen {day_text(application_deadline)}."
            + (f" Kontakt: {contact}." if contact else "")
            + " Tildeling av fastlegeavtale er et enkeltvedtak etter forvaltningsloven.",
        )
    )
    return Document(
        f"Kunngjøring: {kind} i {_kommune(municipality)}",
        _reference(case_reference, f"kunngjort {day_text(published)}", "AGR-ANNOUNCE, ASA 4310 § 5.4"),
        tuple(sections),
    )


def _reference(case_reference: str, dated: str, rule: str) -> str:
    return " · ".join(part for part in (case_reference, dated, rule) if part)


def award_letter(
    *,
    municipality: str,
    recipient: str,
    location: str,
    listetak: int,
    decided_on: date,
    offer_given: date,
    reasons: str,
    is_group_practice: bool,
    group_statement: str | None = None,
    group_statement_on: date | None = None,
    departing_gp: str | None = None,
    offer_days: int,
    transfer_days: int,
    appeal_weeks: int,
    other_applicants: int | None = None,
    signer: str = "",
    case_reference: str = "",
) -> Document:
    """AGR-AWARD, ASA 4310 § 5.5 — the award is an enkeltvedtak (fvl. § 2 b): the decision, its reasons, the
    group practice's statement, the 5-week acceptance clock (AGR-OFFER-5W), the 5-week transfer clock
    (AGR-TRANSFER-5W), the right to appeal within 3 weeks (fvl. § 29) and to see the documents (fvl. § 18).
    The days and weeks are the numbers in force when the offer is given and the decision made."""
    offer = offer_clock(offer_given, days=offer_days)
    transfer = transfer_clock(offer_given, days=transfer_days)
    sections = [
        Section(
            "Vedtak",
            f"{_kommune(municipality)} tildeler {recipient} fastlegeavtale med lokalisering {location} og "
            f"listelengde {_number(listetak)} pasienter. Vedtaket er truffet {day_text(decided_on)} og er et "
            "enkeltvedtak etter forvaltningsloven § 2 første ledd bokstav b (ASA 4310 § 5.5).",
        ),
        Section("Begrunnelse", reasons.strip()),
    ]
    if other_applicants is not None:
        sections.append(Section(None, f"Det var {other_applicants} andre søkere til avtalen."))
    if is_group_practice:
        dated = f" av {day_text(group_statement_on)}" if group_statement_on else ""
        statement = (group_statement or "").strip() or "Uttalelsen ligger i saken."
        sections.append(
            Section(
                "Uttalelse fra gruppepraksisen",
                f"Avtalen er lokalisert til en gruppepraksis. De gjenværende legenes uttalelse{dated} er "
                f"tillagt stor vekt, jf. ASA 4310 § 5.5: {statement}",
            )
        )
    sections.append(
        Section(
            "Tilbud og frist for å akseptere",
            f"Tilbudet er gitt {day_text(offer_given)}. Aksepteres det ikke innen {day_text(offer.due)} "
            f"({offer_days} dager), kan kommunen trekke tilbudet tilbake og behandle saken på nytt "
            "(ASA 4310 § 5.6). "
            "Oppstartsdato avtales med kommunen.",
        )
    )
    if departing_gp:
        sections.append(
            Section(
                "Overdragelse av praksis",
                f"Du og fratredende lege {departing_gp} må snarest starte forhandlinger om overdragelse "
                "av praksis. Blir dere ikke enige om overdragelsesbeløpet innen "
                f"{transfer_days} dager etter at tilbudet er mottatt (regnet fra {day_text(offer_given)}: "
                f"{day_text(transfer.due)}), fastsetter nasjonal nemnd prisen. "
                "Begge plikter å medvirke; kommunen er ikke part i avtalen (ASA 4310 § 5.6).",
            )
        )
    sections.extend(
        [
            Section(
                "Klagerett",
                f"Vedtaket kan påklages innen {appeal_weeks} uker fra det tidspunkt underretningen er kommet "
                f"fram, jf. forvaltningsloven §§ 28 og 29. Klagen sendes {_kommune(municipality)}.",
            ),
            Section(
                "Rett til innsyn",
                "Partene har rett til å se sakens dokumenter, jf. forvaltningsloven § 18.",
            ),
        ]
    )
    if signer:
        sections.append(Section(None, f"Med hilsen\n{signer}"))
    return Document(
        f"Vedtak om tildeling av fastlegeavtale – {recipient}",
        _reference(case_reference, f"vedtatt {day_text(decided_on)}", "AGR-AWARD, ASA 4310 § 5.5"),
        tuple(sections),
    )


def notice_confirmation(
    *,
    municipality: str,
    gp_name: str,
    party: str,
    given_on: date,
    reason: str | None = None,
    location: str = "",
    notice_months: int,
    hjemfall_months: int,
    min_announcements: int,
    min_announcement_days: int,
    announcements: Sequence[date] = (),
    signer: str = "",
    case_reference: str = "",
) -> Document:
    """AGR-NOTICE, ASA 4310 § 16 — who gave notice and when, the end of the 6-month notice period and what
    happens next: the vacant agreement is announced (AGR-ANNOUNCE) and the hjemfall clock (AGR-HJEMFALL,
    § 5.8) runs from the end of the notice period. The notice's numbers are those in force when it is given;
    hjemfall's those in force when the notice period ends."""
    notice = notice_clock(given_on, months=notice_months)
    hjemfall = hjemfall_clock(
        notice.due, announcements, months=hjemfall_months, min_announcements=min_announcements
    )
    needed, min_days = min_announcements, min_announcement_days
    who = f"{_kommune(municipality)}" if party == MUNICIPALITY else gp_name
    at = f" med lokalisering {location}" if location else ""
    sections = [
        Section(
            "Oppsigelse",
            f"{who} sa {day_text(given_on)} opp fastlegeavtalen til {gp_name}{at}. Oppsigelsesfristen er "
            f"{notice_months} måneder (ASA 4310 § 16), og avtalen opphører {day_text(notice.due)}.",
        )
    ]
    if party == MUNICIPALITY:
        sections.append(Section("Begrunnelse", (reason or "").strip()))
    elif party == GP and reason:
        sections.append(Section("Legens begrunnelse", reason.strip()))
    sections.extend(
        [
            Section(
                "Videre saksgang",
                "Kommunen lyser ut den ledige avtalen uten ubegrunnet opphold, med minst "
                f"{min_days} dagers søknadsfrist (ASA 4310 § 5.4), eller fordeler listen blant gjenværende "
                "leger etter avtale (§ 5.2). Fratredende lege fyller ut skjema om forhold ved praksisen "
                "med prisantydning før kunngjøringen.",
            ),
            Section(
                "Hjemfall",
                "Finnes ingen kvalifisert lege som vil overta avtalen med kompensasjon for opparbeidet "
                f"praksis, hjemfaller avtalen til kommunen tidligst {day_text(hjemfall.due)}, "
                f"{hjemfall_months} måneder etter oppsigelsesfristens utløp, og etter minst {needed} "
                "korrekte utlysninger (ASA 4310 § 5.8); "
                f"{len(announcements)} er gjort. Til da sørger kommunen for vikar og dekker dokumenterte "
                "driftsutgifter i praksisen.",
            ),
        ]
    )
    if signer:
        sections.append(Section(None, f"Med hilsen\n{signer}"))
    return Document(
        f"Bekreftelse på oppsigelse av fastlegeavtale – {gp_name}",
        _reference(case_reference, f"oppsagt {day_text(given_on)}", "AGR-NOTICE, ASA 4310 § 16"),
        tuple(sections),
    )
