"""The batch of letters for the post as a printable A4 PDF (reportlab): a letter a page, with the recipient's
name and fødselsnummer for the letter service, which addresses it from the national register."""

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from legetjeneste.citizens.letters.post.schemas import PostBatch
from legetjeneste.norwegian import date_text
from legetjeneste.pdf import BODY, HEADING, SMALL, TITLE, a4, paragraph

TITLE_TEXT = "Brev til utsending"


def batch_pdf(batch: PostBatch) -> bytes:
    story: list = []
    for index, letter in enumerate(batch.letters):
        if index:
            story.append(PageBreak())
        story += [
            paragraph(f"{batch.municipality_name} kommune", HEADING),
            paragraph(f"Brev {letter.id}, {date_text(letter.created_at)}", SMALL),
            paragraph(f"Til: {letter.citizen_name} (fødselsnummer {letter.national_id})"),
            Spacer(1, 4 * mm),
            paragraph(letter.subject, TITLE),
            paragraph(letter.body, BODY),
            paragraph(f"({letter.rule_id})", SMALL),
        ]
    if not story:
        story.append(paragraph("Ingen brev venter på utsending.", BODY))
    return a4(f"{TITLE_TEXT} – {batch.municipality_name}", story)
