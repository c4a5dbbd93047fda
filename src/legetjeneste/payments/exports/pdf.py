"""A payee's payment specification as a printable A4 PDF (reportlab), from the plain Specification."""

import io
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from legetjeneste import norwegian
from legetjeneste.payments.exports.schemas import Specification
from legetjeneste.payments.runs.schemas import LineRead

DRAFT = "Utkast – ikke godkjent"
MARGIN = 18 * mm
# The standard PDF fonts have no narrow no-break space; reportlab would draw a box for it.
PLAIN = str.maketrans({"\u202f": "\xa0", "\u2009": " "})
_STYLES = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=_STYLES["BodyText"], fontSize=9, leading=11.5)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10, textColor=colors.HexColor("#444444"))
LABEL = ParagraphStyle("label", parent=BODY, fontName="Helvetica-Bold")
AMOUNT = ParagraphStyle("amount", parent=BODY, alignment=2)
TOTAL = ParagraphStyle("total", parent=AMOUNT, fontName="Helvetica-Bold")
TITLE = ParagraphStyle("title", parent=_STYLES["Title"], fontSize=16, leading=20, alignment=0)
WARNING = ParagraphStyle(
    "warning", parent=BODY, fontName="Helvetica-Bold", fontSize=14, leading=18, textColor=colors.red
)


def _p(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(escape(text.translate(PLAIN)), style)


def kroner(amount: Decimal) -> str:
    return f"{norwegian.number(amount, 2)} kr"


def account_text(number: str | None) -> str:
    """«9999.18.24045», as a Norwegian account number is written."""
    if not number:
        return "mangler – betales ikke før kommunen har registrert kontonummer"
    return norwegian.account_number(number)


def _status(spec: Specification) -> str:
    if spec.status == "draft":
        return f"{DRAFT} (beregnet {spec.computed_at:%d.%m.%Y})"
    approved = f"{spec.approved_at:%d.%m.%Y}" if spec.approved_at else ""
    return f"Godkjent {approved} av {spec.approved_by or ''}".strip()


def _facts(spec: Specification) -> Table:
    rows = [
        ("Kommune", f"{spec.municipality_name} ({spec.municipality})"),
        ("Måned", spec.month_label),
        ("Forfallsdato", spec.due_date.strftime("%d.%m.%Y")),
        ("Mottaker", spec.payee_name),
        ("HPR-nummer", spec.payee_hpr or "–"),
        ("Kontonummer", account_text(spec.account_number)),
        ("Status", _status(spec)),
    ]
    table = Table([[_p(k, LABEL), _p(v)] for k, v in rows], colWidths=[35 * mm, None], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _explanation(line: LineRead) -> Paragraph:
    """The line's summary in bold, then its calculation: «Trekk 17.–20. mars: egen sykdom … = 9 305,06 kr»."""
    head, _, rest = line.text.translate(PLAIN).partition(":")
    refers = f" (gjelder {line.refers_to_month})" if line.refers_to_month else ""
    return Paragraph(f"<b>{escape(head)}</b>{escape(refers)}{':' if rest else ''}{escape(rest)}", BODY)


def _lines(spec: Specification) -> Table:
    rows: list[list] = [
        [_p("Avtale", LABEL), _p("Linje og beregning", LABEL), _p("Regel", LABEL), _p("Beløp", TOTAL)]
    ]
    for line in spec.lines:
        rows.append(
            [
                _p(str(line.agreement) if line.agreement else "–"),
                _explanation(line),
                Paragraph(f"{escape(line.rule_id)}<br/>{escape(line.citation)}", BODY),
                _p(kroner(line.amount), AMOUNT),
            ]
        )
    rows.append(["", _p("Sum til utbetaling", LABEL), "", _p(kroner(spec.total), TOTAL)])
    table = Table(rows, colWidths=[17 * mm, 92 * mm, 38 * mm, 27 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEBELOW", (0, 1), (-1, -2), 0.25, colors.HexColor("#999999")),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
            ]
        )
    )
    return table


def _footer(spec: Specification):
    text = f"{spec.municipality_name} kommune · {spec.payee_name} · {spec.month_label}"
    if spec.status == "draft":
        text += f" · {DRAFT.upper()}"

    def draw(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica-Bold" if spec.status == "draft" else "Helvetica", 8)
        canvas.setFillColor(colors.red if spec.status == "draft" else colors.black)
        canvas.drawString(MARGIN, 10 * mm, f"{text} · side {document.page}".translate(PLAIN))
        canvas.restoreState()

    return draw


def specification_pdf(spec: Specification) -> bytes:
    """Heading, the draft warning, the facts, every line with its rule and the total."""
    buffer = io.BytesIO()
    title = f"Utbetalingsspesifikasjon {spec.month_label} – {spec.payee_name}"
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title + (f" ({DRAFT})" if spec.status == "draft" else ""),
        author=f"{spec.municipality_name} kommune",
        lang="nb-NO",
    )
    story: list = [_p(f"Utbetalingsspesifikasjon – basistilskudd {spec.month_label}", TITLE)]
    if spec.status == "draft":
        story += [_p(DRAFT, WARNING), _p("Beløpene kan endre seg før kjøringen godkjennes.", SMALL)]
    story += [Spacer(1, 4 * mm), _facts(spec), Spacer(1, 6 * mm), _lines(spec), Spacer(1, 4 * mm)]
    story.append(
        _p(
            "Hver linje viser regelen den følger (regel-ID og avtalepunkt). Ved fravær beholder legen "
            "hver dags andel av månedens basistilskudd, unntatt dagene en regel tar den bort, for eksempel "
            "egen sykdom etter dag 16 (ABS-DEDUCT).",
            SMALL,
        )
    )
    footer = _footer(spec)
    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
