"""A decision letter as a printable A4 PDF (reportlab), from the plain Letter."""

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from legetjeneste.decisions.letter import Letter

MARGIN = 20 * mm
# The standard PDF fonts have no narrow no-break space; reportlab would draw a box for it.
PLAIN = str.maketrans({"\u202f": "\xa0", "\u2009": " "})
_STYLES = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=_STYLES["BodyText"], fontSize=10, leading=13)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=11, textColor=colors.HexColor("#444444"))
HEADING = ParagraphStyle("heading", parent=_STYLES["Heading3"], fontSize=11, leading=14, spaceBefore=6)
TITLE = ParagraphStyle("title", parent=_STYLES["Title"], fontSize=16, leading=20, alignment=0)


def _p(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(escape(text.translate(PLAIN)).replace("\n", "<br/>"), style)


def letter_pdf(letter: Letter) -> bytes:
    """Sender, case number and date, recipient, then each section with its heading and its source."""
    buffer = io.BytesIO()
    pdf = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=letter.title.translate(PLAIN),
        lang="nb-NO",
    )
    story: list = [
        _p(letter.sender, HEADING),
        _p(letter.reference, SMALL),
        _p(f"Til: {letter.recipient}"),
        Spacer(1, 4 * mm),
        _p(letter.title, TITLE),
    ]
    for section in letter.sections:
        story.append(_p(section.heading, HEADING))
        story.extend(_p(line) for line in section.lines)
        if section.source:
            story.append(_p(f"({section.source})", SMALL))
    story += [Spacer(1, 6 * mm), _p(letter.signature, SMALL)]
    pdf.build(story)
    return buffer.getvalue()
