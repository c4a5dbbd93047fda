"""The documents of a case through the service: the award letter built from its step, and the notice
confirmation printed as PDF."""

import io
from datetime import date

from pypdf import PdfReader

from legetjeneste.lifecycle import service
from legetjeneste.lifecycle.documents import pdf
from legetjeneste.lifecycle.documents import service as document_service
from legetjeneste.lifecycle.schemas import CaseCreate, StepCreate
from tests.lifecycle.test_service import ACTOR, step, vefsn  # noqa: F401  (fixture)


def test_the_award_letter_is_built_from_the_step(vefsn):  # noqa: F811
    case = service.open_case(
        vefsn(), actor=ACTOR, agreement_id=182415, data=CaseCreate(kind="vacancy", on=date(2026, 9, 1))
    )
    case = step(
        vefsn,
        case.id,
        StepCreate(
            kind="award", on=date(2026, 9, 7), awarded_to="Ida Vefsnmo", group_statement_on=date(2026, 9, 1)
        ),
    )
    award = case.steps[-1]
    letter = document_service.document(vefsn(), actor=ACTOR, case_id=case.id, step_id=award.id)
    text = letter.plain_text()
    assert "Ida Vefsnmo" in text and "enkeltvedtak" in text.lower()


def test_the_notice_confirmation_prints_as_a_pdf_with_the_end_of_the_notice_period(vefsn):  # noqa: F811
    case = service.open_case(
        vefsn(), actor=ACTOR, agreement_id=182406, data=CaseCreate(kind="notice", on=date(2026, 8, 31))
    )
    given = step(vefsn, case.id, StepCreate(kind="notice", on=date(2026, 8, 31), party="doctor"))
    built = document_service.document(vefsn(), actor=ACTOR, case_id=case.id, step_id=given.steps[0].id)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.document_pdf(built))).pages)
    assert "28. februar 2027" in text and "AGR-NOTICE" in text and "Thomas Kvalvik" in text
