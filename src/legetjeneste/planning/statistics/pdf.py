"""The yearly report for the SU and the kommunestyre (A4): the year beside the year before, figure by figure
with its rule id, the quality indicators of both years, workload and ALIS cost with their line items. The
same rows every year, so two reports read side by side."""

from reportlab.platypus import Table, TableStyle

from legetjeneste import norwegian
from legetjeneste.pdf import BODY, HEADING, SMALL, TITLE, a4, paragraph

FIGURES = (
    ("legevakt_rate", "Legevaktkontakter per 1 000 innbyggere per døgn", 2, "STAT-LV"),
    ("legevakt_target", "Kommunens mål (per 1 000 per døgn)", 2, "STAT-LV"),
    ("legevakt_contacts", "Legevaktkontakter", 0, "STAT-LV"),
    ("consultations_per_inhabitant", "Konsultasjoner per innbygger", 2, "STAT-LV"),
    ("inhabitants", "Innbyggere", 0, "STAT-LV"),
    ("vacant_shifts", "Vakante legevaktvakter", 0, "STAT-LV-VACANCY"),
    ("vacancy_share", "Andel vakante vakter (%)", 1, "STAT-LV-VACANCY"),
    ("legevakt_cost_per_inhabitant", "Legevaktkostnad per innbygger (kr)", 0, "STAT-LV-COST"),
    ("legevakt_cost_per_contact", "Legevaktkostnad per kontakt (kr)", 0, "STAT-LV-COST"),
    ("legevakt_cost_share", "Legevaktens andel av budsjettet (%)", 1, "STAT-LV-COST"),
)


def _table(rows: list[list[str]], widths: list[float]) -> Table:
    table = Table([[paragraph(c, SMALL) for c in row] for row in rows], colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 0.5, "black")])
    )
    return table


def report_pdf(report: dict) -> bytes:
    year, previous, current = report["year"], report["previous"], report["current"]
    title = f"Årsrapport for legetjenesten i {report['municipality_name']} {year}"
    story = [
        paragraph(title, TITLE),
        paragraph(
            f"Tallene for {year} ved siden av {year - 1}. «–» betyr at tallet mangler. Vakttårn-"
            f"referansen for legevaktbruk er {norwegian.number(report['benchmark'], 2)} per 1 000 "
            "innbyggere per døgn.",
            BODY,
        ),
        paragraph("Nøkkeltall", HEADING),
    ]
    rows = [["Tall", str(year - 1), str(year), "Regel"]]
    rows += [
        [
            label,
            norwegian.number(previous.get(key), decimals),
            norwegian.number(current.get(key), decimals),
            rule,
        ]
        for key, label, decimals, rule in FIGURES
    ]
    story.append(_table(rows, [230, 75, 75, 90]))
    story.append(paragraph("Legevaktens kvalitetsindikatorer (STAT-QI)", HEADING))
    before = {q["indicator"]: q for q in report["quality_previous"]}
    rows = [["Indikator", str(year - 1), str(year), "Dokumentasjon"]]
    rows += [
        [
            q["label"],
            before[q["indicator"]]["status_text"],
            q["status_text"],
            q["evidence"] + (f" ({norwegian.date_text(q['reported_on'])})" if q["reported_on"] else ""),
        ]
        for q in report["quality"]
    ]
    story.append(_table(rows, [150, 70, 70, 180]))
    w = report["workload"]
    story.append(paragraph("Arbeidsbelastning (STAT-WORKLOAD)", HEADING))
    story.append(
        paragraph(
            f"Fastlegene arbeider i snitt {norwegian.number(w['reference']['mean'], 1)} timer per uke. "
            f"Ned til {norwegian.number(w['target_hours'])} timer krever "
            f"{norwegian.number(w['extra_share'], 1)} % flere fastleger; med kommunens {w['agreements']} "
            f"avtaler er det {norwegian.number(w['extra_gps'], 1)} flere."
        )
    )
    a = report["alis"]
    story.append(paragraph("Kostnad per ALIS per år (STAT-ALIS-COST)", HEADING))
    rows = [["Post", "Kroner"]] + [[k.capitalize(), norwegian.number(v)] for k, v in a["lines"].items()]
    rows.append(["Sum", norwegian.number(a["total"])])
    story.append(_table(rows, [230, 100]))
    story.append(paragraph(a["note"], SMALL))
    return a4(title, story)
