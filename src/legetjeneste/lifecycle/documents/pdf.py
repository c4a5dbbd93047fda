"""A life-cycle document (announcement, award letter, confirmation of notice) as a printable A4 PDF."""

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from legetjeneste.lifecycle.documents.rules import Document
from legetjeneste.pdf import HEADING, SMALL, TITLE, a4, paragraph


def document_pdf(document: Document) -> bytes:
    """Title, reference (case, date, rule) and each section with its heading."""
    story: list = [paragraph(document.title, TITLE), paragraph(document.reference, SMALL), Spacer(1, 5 * mm)]
    for section in document.paragraphs:
        if section.heading:
            story.append(paragraph(section.heading, HEADING))
        story.append(paragraph(section.text))
    return a4(document.title, story)
