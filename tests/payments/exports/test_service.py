"""What leaves a run: the accounting file of an approved run, each payee's specification (page data and PDF),
and the run page's view with offices (PAY-MONTHLY, ABS-DEDUCT, PAY-DUTY-RATE)."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from legetjeneste.absence import service as absence_service
from legetjeneste.absence.schemas import AbsenceCreate
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import Forbidden, NotFound, RuleViolation
from legetjeneste.payments.exports import service as export_service
from legetjeneste.payments.exports.schemas import CSV_HEADER
from legetjeneste.payments.hours import service as duty_service
from legetjeneste.payments.hours.schemas import DutyHoursCreate
from legetjeneste.payments.runs import service
from legetjeneste.registry import service as registry_service
from legetjeneste.registry.agreements import service as agreement_service
from legetjeneste.registry.agreements.schemas import ListCountBase
from tests.support import (
    KRAGERO_KOMMUNEOVERLEGE,
    VEFSN_APPROVER,
    VEFSN_DOCTOR,
    VEFSN_KOMMUNEOVERLEGE,
    import_demo,
)

MARCH, APRIL = date(2026, 3, 1), date(2026, 4, 1)
EIRIK, GRUBBEN, SIRI = "9182404", "9182416", "9182405"
KOL = VEFSN_KOMMUNEOVERLEGE


@pytest.fixture
def demo(session):
    import_demo(session)
    agreement_service.put_list_count(
        session, actor=SYSTEM, agreement_id=182404, data=ListCountBase(month="2026-03", list_length=1200)
    )
    return session


def doctor_id(session, hpr: str) -> int:
    return next(d.id for d in registry_service.list_doctors(session, actor=SYSTEM) if d.hpr_number == hpr)


def sick(session, hpr=EIRIK, start=date(2026, 3, 1), end=date(2026, 3, 20)):
    absence_service.register_absence(
        session,
        actor=SYSTEM,
        data=AbsenceCreate(
            doctor_id=doctor_id(session, hpr), ground="own_sickness", start=start, end=end, cover="none"
        ),
    )


def hours(session, hpr: str, amount: str, month="2026-03"):
    data = DutyHoursCreate(
        doctor_id=doctor_id(session, hpr), month=month, hours=Decimal(amount), description="Sykehjem"
    )
    duty_service.register_duty_hours(session, actor=KOL, data=data)


def approved(session, month=MARCH):
    service.compute_run(session, actor=KOL, municipality_number="1824", month=month)
    return service.approve_run(session, actor=VEFSN_APPROVER, municipality_number="1824", month=month)


def accounting(session, month=MARCH, actor=KOL):
    return export_service.accounting_file(session, actor=actor, municipality_number="1824", month=month)


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


def row_for(text: str, hpr: str, agreement: str) -> list[str]:
    return next(row for row in rows_of(text) if row[1] == hpr and row[2] == agreement)


def pdf_text(content: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.replace("\xa0", " ").split())


def test_a_draft_is_not_exported_to_accounting_it_must_be_approved_first(demo):
    service.compute_run(demo, actor=KOL, municipality_number="1824", month=MARCH)
    with pytest.raises(RuleViolation) as caught:
        accounting(demo)
    assert (
        caught.value.rule_id == "PAY-MONTHLY"
        and "må godkjennes før den kan eksporteres" in caught.value.message
    )


def test_a_month_without_a_run_has_nothing_to_export(demo):
    with pytest.raises(NotFound) as caught:
        accounting(demo)
    assert "ingen kjøring for mars 2026" in caught.value.message


def test_the_accounting_file_is_semicolon_separated_utf8_with_bom_and_norwegian_headers(demo):
    approved(demo)
    found = accounting(demo)
    assert found.text.startswith("\ufeffMottaker;HPR-nummer;Avtale;Kontonummer;Beløp;Forfallsdato;Tekst\r\n")
    assert rows_of(found.text)[0] == list(CSV_HEADER)
    assert found.filename == "basistilskudd-1824-2026-03.csv"


def test_the_accounting_file_has_one_row_per_payee_and_agreement_with_the_net_amount(demo):
    sick(demo)
    approved(demo)
    text = accounting(demo).text
    assert row_for(text, EIRIK, "182404") == [
        "Eirik Sandnesmo",
        EIRIK,
        "182404",
        "99991824045",
        "73318,06",
        "12.03.2026",
        "Basistilskudd mars 2026, avtale 182404",
    ]
    assert len([row for row in rows_of(text) if row[1] == EIRIK]) == 1


def test_salaried_lists_and_zero_amounts_are_left_out_of_the_accounting_file(demo):
    approved(demo)
    found = accounting(demo)
    agreements = [row[2] for row in rows_of(found.text)[1:]]
    assert "182401" not in agreements and len(agreements) == found.rows == 10


def test_hours_of_a_payee_without_an_account_are_a_row_of_their_own_with_an_empty_account_and_a_warning(demo):
    hours(demo, GRUBBEN, "10")
    approved(demo)
    found = accounting(demo)
    [row] = [row for row in rows_of(found.text) if row[1] == GRUBBEN]
    assert row[2:4] == ["", ""] and row[6] == "Timer kommunalt arbeid mars 2026"
    assert [m.payee_hpr for m in found.missing_accounts] == [GRUBBEN]


def test_a_late_absence_is_netted_into_the_payees_row_of_the_next_month(demo):
    approved(demo)
    sick(demo)
    april = approved(demo, APRIL)
    eirik = next(p for p in april.payees if p.payee_hpr == EIRIK)
    amount = row_for(accounting(demo, APRIL).text, EIRIK, "182404")[4]
    assert amount == f"{eirik.total:.2f}".replace(".", ",")
    assert any(line.kind == "adjustment" and line.amount == Decimal("-10861.94") for line in april.lines)


def test_a_negative_net_amount_keeps_its_minus_and_is_not_taken_for_a_formula(demo):
    assert export_service.csv_amount(Decimal("-10861.94")) == "-10861,94"
    assert export_service.csv_amount(Decimal("84180")) == "84180,00"


def test_the_specification_has_every_line_of_the_payee_with_rule_citation_and_total(demo):
    sick(demo)
    service.compute_run(demo, actor=KOL, municipality_number="1824", month=MARCH)
    spec = export_service.payee_specification(
        demo, actor=KOL, municipality_number="1824", month=MARCH, doctor_id=doctor_id(demo, EIRIK)
    )
    assert (spec.municipality_name, spec.month_label, spec.due_date) == (
        "Vefsn",
        "mars 2026",
        date(2026, 3, 12),
    )
    assert (spec.payee_name, spec.payee_hpr, spec.account_number) == ("Eirik Sandnesmo", EIRIK, "99991824045")
    assert [(line.kind, line.rule_id, line.citation) for line in spec.lines] == [
        ("basistilskudd", "PAY-MONTHLY", "ASA 4310 § 8.1"),
        ("deduction", "ABS-SICK", "ASA 4310 § 13.4"),
    ]
    assert spec.total == Decimal("73318.06") and spec.status == "draft"


def test_the_pdf_of_a_draft_reads_back_with_utkast_each_line_its_paragraph_and_the_total(demo):
    sick(demo)
    service.compute_run(demo, actor=KOL, municipality_number="1824", month=MARCH)
    name, content = export_service.specification_pdf(
        demo, actor=KOL, municipality_number="1824", month=MARCH, doctor_id=doctor_id(demo, EIRIK)
    )
    text = pdf_text(content)
    assert content.startswith(b"%PDF") and name == "spesifikasjon-1824-2026-03-9182404.pdf"
    for expected in (
        "Utkast – ikke godkjent",
        "Vefsn (1824)",
        "mars 2026",
        "12.03.2026",
        "Eirik Sandnesmo",
        "9182404",
        "9999.18.24045",
        "Trekk 17.–20. mars",
        "ABS-SICK",
        "ASA 4310 § 13.4",
        "−10 861,94 kr",
        "84 180,00 kr",
        "Sum til utbetaling",
        "73 318,06 kr",
    ):
        assert expected in text, expected


def test_the_pdf_of_an_approved_run_says_who_approved_it_and_not_utkast(demo):
    approved(demo)
    _, content = export_service.specification_pdf(
        demo, actor=KOL, municipality_number="1824", month=MARCH, doctor_id=doctor_id(demo, EIRIK)
    )
    text = pdf_text(content)
    assert "Godkjent" in text and "okonomi@vefsn.example" in text and "Utkast" not in text


def test_a_doctor_without_lines_in_the_run_has_no_specification(demo):
    service.compute_run(demo, actor=KOL, municipality_number="1824", month=MARCH)
    with pytest.raises(NotFound):
        export_service.payee_specification(
            demo, actor=KOL, municipality_number="1824", month=MARCH, doctor_id=doctor_id(demo, GRUBBEN)
        )


def test_another_municipalitys_run_and_a_doctor_are_turned_away(demo):
    approved(demo)
    with pytest.raises(NotFound):
        accounting(demo, actor=KRAGERO_KOMMUNEOVERLEGE)
    with pytest.raises(Forbidden):
        accounting(demo, actor=VEFSN_DOCTOR)
