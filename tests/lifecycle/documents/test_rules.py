"""RULES.md § 1: the announcement (AGR-ANNOUNCE), the award letter (AGR-AWARD) and the notice confirmation
(AGR-NOTICE) carry the content the sources require."""

from datetime import date

from legetjeneste.dates import add_months
from legetjeneste.lifecycle import terms
from legetjeneste.lifecycle.documents import rules as documents
from legetjeneste.lifecycle.documents.rules import Document


def headings(document: Document) -> list[str | None]:
    return [section.heading for section in document.paragraphs]


def section(document: Document, heading: str) -> str:
    return next(s.text for s in document.paragraphs if s.heading == heading)


def announcement(**changes) -> Document:
    given = {
        "municipality": "Vefsn",
        "location": "Mosjøen legesenter, Sjøgata 1",
        "listetak": 1200,
        "operating_model": "Selvstendig næringsdrivende",
        "practice_type": "group",
        "published": date(2026, 9, 1),
        "application_deadline": date(2026, 9, 22),
        "case_reference": "Sak 12",
    }
    return documents.announcement_text(**{**given, **changes})


def test_agr_announce_the_announcement_states_location_list_length_operating_model_and_practice_type():
    document = announcement(relevant_information="Fire leger, felles EPJ og laboratorium.")
    terms = section(document, "Forhold og vilkår")
    assert "Lokalisering: Mosjøen legesenter, Sjøgata 1" in terms
    assert "Listelengde: 1\u00a0200 pasienter" in terms
    assert "Organiseringsform: Selvstendig næringsdrivende" in terms
    assert "Type praksis: gruppepraksis" in terms
    assert section(document, "Om praksisen") == "Fire leger, felles EPJ og laboratorium."
    assert "22. september 2026" in document.plain_text()
    assert document.title == "Kunngjøring: ny fastlegeavtale i Vefsn kommune"
    assert document.reference == "Sak 12 · kunngjort 1. september 2026 · AGR-ANNOUNCE, ASA 4310 § 5.4"


def test_agr_announce_a_vacant_agreement_offers_the_departing_gps_practice_form_and_no_early_negotiation():
    document = announcement(vacant=True, departing_gp="Fiktiv Lege", practice_type="solo")
    transfer = section(document, "Overdragelse av praksis")
    assert "Fiktiv Lege" in transfer and "prisantydning" in transfer and "innsyn" in transfer
    assert "ikke før kommunen har gitt tilbud" in transfer
    assert "ledig fastlegeavtale" in document.title
    assert "Type praksis: solopraksis" in section(document, "Forhold og vilkår")


def test_agr_announce_a_new_agreement_has_no_transfer_section():
    assert "Overdragelse av praksis" not in headings(announcement())


def award(**changes) -> Document:
    given = {
        "municipality": "Vefsn",
        "recipient": "Ola Fiktiv",
        "location": "Mosjøen legesenter",
        "listetak": 1200,
        "decided_on": date(2026, 11, 2),
        "offer_given": date(2026, 11, 3),
        "reasons": "Best kvalifisert etter kompetanse, erfaring og samarbeidsevne.",
        "is_group_practice": True,
        "group_statement": "Gruppen anbefaler Ola Fiktiv.",
        "group_statement_on": date(2026, 10, 28),
        "departing_gp": "Kari Fiktiv",
        "signer": "Kommuneoverlegen",
    }
    given = {**given, **changes}
    numbers = {
        "offer_days": terms.value("lifecycle/offer_acceptance_days", given["offer_given"]),
        "transfer_days": terms.value("lifecycle/transfer_agreement_days", given["offer_given"]),
        "appeal_weeks": terms.value("lifecycle/appeal_weeks", given["decided_on"]),
    }
    return documents.award_letter(**given, **numbers)


def test_agr_award_the_letter_is_an_enkeltvedtak_with_decision_reasons_and_the_groups_statement():
    document = award()
    assert "enkeltvedtak etter forvaltningsloven § 2" in section(document, "Vedtak")
    assert "2. november 2026" in section(document, "Vedtak")
    assert section(document, "Begrunnelse").startswith("Best kvalifisert")
    statement = section(document, "Uttalelse fra gruppepraksisen")
    assert "stor vekt" in statement and "Gruppen anbefaler" in statement and "28. oktober 2026" in statement
    assert document.reference == "vedtatt 2. november 2026 · AGR-AWARD, ASA 4310 § 5.5"


def test_agr_offer_5w_the_letter_gives_the_offers_acceptance_deadline_35_days_after_it_is_given():
    offer = section(award(), "Tilbud og frist for å akseptere")
    assert "8. desember 2026" in offer and "35 dager" in offer and "trekke tilbudet tilbake" in offer


def test_agr_transfer_5w_the_letter_names_the_transfer_deadline_and_the_national_board():
    transfer = section(award(), "Overdragelse av praksis")
    assert "Kari Fiktiv" in transfer and "8. desember 2026" in transfer and "nasjonal nemnd" in transfer


def test_agr_award_the_letter_gives_the_right_to_appeal_within_3_weeks_and_to_see_the_documents():
    document = award()
    assert "innen 3 uker" in section(document, "Klagerett")
    assert "forvaltningsloven §§ 28 og 29" in section(document, "Klagerett")
    assert "forvaltningsloven § 18" in section(document, "Rett til innsyn")


def test_agr_award_a_solo_practice_letter_has_no_group_statement():
    assert "Uttalelse fra gruppepraksisen" not in headings(
        award(is_group_practice=False, group_statement=None)
    )


def notice(**changes) -> Document:
    given = {
        "municipality": "Vefsn",
        "gp_name": "Kari Fiktiv",
        "party": "lege",
        "given_on": date(2026, 8, 31),
        "location": "Mosjøen legesenter",
        "announcements": (date(2026, 9, 7),),
    }
    given = {**given, **changes}
    notice_months = terms.value("lifecycle/notice_months", given["given_on"])
    notice_end = add_months(given["given_on"], notice_months)
    numbers = {
        "notice_months": notice_months,
        "hjemfall_months": terms.value("lifecycle/hjemfall_months", notice_end),
        "min_announcements": terms.value("lifecycle/hjemfall_min_announcements", notice_end),
        "min_announcement_days": terms.value("lifecycle/announcement_min_days", given["given_on"]),
    }
    return documents.notice_confirmation(**given, **numbers)


def test_agr_notice_the_confirmation_says_who_gave_notice_when_and_that_the_notice_period_ends_28_february():
    text = section(notice(), "Oppsigelse")
    assert text.startswith("Kari Fiktiv sa 31. august 2026 opp fastlegeavtalen")
    assert "6 måneder" in text and "opphører 28. februar 2027" in text


def test_agr_notice_the_confirmation_of_the_municipalitys_notice_gives_its_reason():
    document = notice(party="kommune", reason="Praksisen legges ned etter vedtak i kommunestyret.")
    assert section(document, "Oppsigelse").startswith("Vefsn kommune sa 31. august 2026 opp")
    assert section(document, "Begrunnelse").startswith("Praksisen legges ned")


def test_agr_hjemfall_the_confirmation_says_what_happens_next_and_when_hjemfall_can_come():
    document = notice()
    assert "uten ubegrunnet opphold" in section(document, "Videre saksgang")
    assert "21 dagers søknadsfrist" in section(document, "Videre saksgang")
    hjemfall = section(document, "Hjemfall")
    assert (
        "28. august 2027" in hjemfall
        and "minst 3 korrekte utlysninger" in hjemfall
        and "1 er gjort" in hjemfall
    )
    assert "vikar" in hjemfall


def test_a_document_reads_as_plain_text_in_order():
    text = notice(signer="Kommuneoverlegen").plain_text()
    assert text.index("Oppsigelse") < text.index("Videre saksgang") < text.index("Hjemfall")
    assert text.endswith("Med hilsen\nKommuneoverlegen")


def test_a_municipality_named_with_kommune_is_not_named_twice():
    assert (
        announcement(municipality="Vefsn kommune").title == "Kunngjøring: ny fastlegeavtale i Vefsn kommune"
    )
