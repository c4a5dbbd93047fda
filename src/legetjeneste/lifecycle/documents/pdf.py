"""A life-cycle document (announcement, award letter, confirmation of notice) as a printable A4 PDF."""

import io
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from legetjeneste.lifecycle.documents.rules import Document

MARGIN = 20 * mm
# The standard PDF fonts have no narrow no-break space; reportlab would draw a box for it.
PLAIN = str.maketrans({"\u202f": "\xa0", "\u2009": " "})
_STYLES = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=_STYLES["BodyText"], fontSize=10, leading=13)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=11)
HEADING = ParagraphStyle("heading", parent=_STYLES["Heading3"], fontSize=11, leading=14, spaceBefore=6)
TITLE = ParagraphStyle("title", parent=_STYLES["Title"], fontSize=16, leading=20, alignment=0)


def _p(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(escape(text.translate(PLAIN)).replace("\n", "<br/>"), style)


def document_pdf(document: Document) -> bytes:
    """Title, reference (case, date, rule) and each section with its heading."""
    buffer = io.BytesIO()
    pdf = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=document.title.translate(PLAIN),
        lang="nb-NO",
    )
    story: list = [_p(document.title, TITLE), _p(document.reference, SMALL), Spacer(1, 5 * mm)]
    for section in document.paragraphs:
        if section.heading:
            story.append(_p(section.heading, HEADING))
        story.append(_p(section.text))
    pdf.build(story)
    return buffer.getvalue()
