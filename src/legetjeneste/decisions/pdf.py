"""A decision letter as a printable A4 PDF (reportlab), from the plain Letter."""

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from legetjeneste.decisions.letter import Letter
from legetjeneste.pdf import BODY, HEADING, TITLE, a4, paragraph

SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=11, textColor=colors.HexColor("#444444"))


def letter_pdf(letter: Letter) -> bytes:
    """Sender, case number and date, recipient, then each section with its heading and its source."""
    story: list = [
        paragraph(letter.sender, HEADING),
        paragraph(letter.reference, SMALL),
        paragraph(f"Til: {letter.recipient}"),
        Spacer(1, 4 * mm),
        paragraph(letter.title, TITLE),
    ]
    for section in letter.sections:
        story.append(paragraph(section.heading, HEADING))
        story.extend(paragraph(line) for line in section.lines)
        if section.source:
            story.append(paragraph(f"({section.source})", SMALL))
    story += [Spacer(1, 6 * mm), paragraph(letter.signature, SMALL)]
    return a4(letter.title, story)
