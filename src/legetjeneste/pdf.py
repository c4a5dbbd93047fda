"""Printable A4 documents (reportlab): the page, the paragraph styles and a paragraph of plain text, shared by
the life cycle's documents and the decision letters."""

import io
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate

MARGIN = 20 * mm
# The standard PDF fonts have no narrow no-break space; reportlab would draw a box for it.
PLAIN = str.maketrans({"\u202f": "\xa0", "\u2009": " "})
_STYLES = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=_STYLES["BodyText"], fontSize=10, leading=13)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=11)
HEADING = ParagraphStyle("heading", parent=_STYLES["Heading3"], fontSize=11, leading=14, spaceBefore=6)
TITLE = ParagraphStyle("title", parent=_STYLES["Title"], fontSize=16, leading=20, alignment=0)


def paragraph(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    """Plain text as a paragraph: escaped, line breaks kept."""
    return Paragraph(escape(text.translate(PLAIN)).replace("\n", "<br/>"), style)


def a4(title: str, story: list) -> bytes:
    """The story on A4 pages with 20 mm margins, titled and in Norwegian."""
    buffer = io.BytesIO()
    pdf = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title.translate(PLAIN),
        lang="nb-NO",
    )
    pdf.build(story)
    return buffer.getvalue()
