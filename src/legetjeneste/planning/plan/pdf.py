"""The plan as a printable A4 document (legetjeneste/pdf.py): goals, totals beside the stated figure,
needs and measures, and the SU's statement."""

from reportlab.platypus import Table, TableStyle

from legetjeneste import norwegian
from legetjeneste.pdf import BODY, HEADING, SMALL, TITLE, a4, paragraph
from legetjeneste.planning.plan.rules import SERIES


def _kr(value) -> str:
    return "–" if value is None else f"{norwegian.number(value)} kr"


def _table(rows: list[list[str]], widths: list[float]) -> Table:
    table = Table([[paragraph(c, SMALL) for c in row] for row in rows], colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 0.5, "black")])
    )
    return table


def plan_pdf(plan: dict) -> bytes:
    t = plan["totals"]
    story = [
        paragraph(plan["title"], TITLE),
        paragraph(
            f"Planperiode {plan['first_year']}–{plan['last_year']}, versjon {plan['version']}. Revisjon: "
            f"frist {norwegian.date_text(plan['revision']['due'])}, ansvarlig {plan['revision']['owner']} "
            f"(PLAN-REVISION).",
            BODY,
        ),
        paragraph("Styringsmål", HEADING),
    ]
    story += [paragraph(f"{g['number']}. {g['text']}") for g in plan["goals"]]
    story.append(paragraph("Kostnader (PLAN-COST-TOTAL)", HEADING))
    rows = [["Finansiering", "Årlig", "Engangs"]]
    one_off = {r["funding"]: r["amount"] for r in t["one_off_by_funding"]}
    rows += [[r["label"], _kr(r["amount"]), _kr(one_off.get(r["funding"]))] for r in t["yearly_by_funding"]]
    rows += [
        ["Utregnet utenom eget budsjett", _kr(t["computed_yearly"]), _kr(t["computed_one_off"])],
        ["Oppgitt i planen", _kr(t["stated_yearly"]), _kr(t["stated_one_off"])],
        ["Differanse", _kr(t["yearly_difference"]), _kr(t["one_off_difference"])],
    ]
    story.append(_table(rows, [250, 110, 110]))
    measures = {m["id"]: m for m in plan["measures"]}
    story.append(paragraph("Behov og tiltak", HEADING))
    rows = [["Behov", "Tiltak", "Periode", "Årlig", "Finansiering", "Prioritet"]]
    for need in plan["needs"]:
        for index, measure_id in enumerate(need["measures"] or [None]):
            m = measures.get(measure_id) if measure_id else None
            rows.append(
                [
                    f"{need['letter']}. {need['title']}" if index == 0 else "",
                    m["text"] if m else "",
                    (m["period_text"] or _years(m)) if m else "",
                    _kr(m["yearly_cost"]) if m else "",
                    m["funding_text"] if m else "",
                    _priorities(m) if m else "",
                ]
            )
    story.append(_table(rows, [95, 165, 50, 60, 60, 60]))
    if plan["su_statement"]:
        story.append(paragraph("Samarbeidsutvalgets uttalelse (PLAN-DUTY)", HEADING))
        story.append(paragraph(plan["su_statement"], BODY))
    return a4(plan["title"], story)


def _years(m: dict) -> str:
    first, last = m["first_year"], m["last_year"]
    return f"{first}–{last}" if first and last and last != first else str(first or "")


def _priorities(m: dict) -> str:
    return ", ".join(
        f"{SERIES.get(s, s)} {r if r is not None else ''}".strip() for s, r in m["priorities"].items()
    )
