"""The minutes as an A4 PDF in the shape of the Kragerø SU minutes (seed 003): the header (committee, date and
time, place, participants with the chair, referent), the numbered items («Pkt. / Sak») with input and
conclusion, and «Videre prosess» with owners and due dates."""

from reportlab.platypus import Spacer, Table, TableStyle

from legetjeneste.norwegian import day_text
from legetjeneste.pdf import BODY, HEADING, SMALL, TITLE, a4, paragraph


def header_lines(minutes: dict) -> list[tuple[str, str]]:
    """The Kragerø header as label/value pairs."""
    present = [a for a in minutes["attendees"] if a["status"] == "present"]
    who = present or [a for a in minutes["attendees"] if a["status"] == "invited"]
    names = [a["name"] + (" (møteleder)" if a["name"] == minutes["chair"] else "") for a in who]
    excused = [
        f"{a['name']} ({a['absence_reason']})" for a in minutes["attendees"] if a["status"] == "excused"
    ]
    ends = f"–{minutes['ends']}" if minutes["ends"] else ""
    lines = [
        ("Arb. område", minutes["committee"]),
        ("Møtedato/-tid", f"{day_text(minutes['date'])} kl. {minutes['starts']}{ends}"),
        ("Sted", minutes["place"]),
        ("Deltagere", ", ".join(names) or "–"),
    ]
    if excused:
        lines.append(("Gyldig forfall", ", ".join(excused)))
    return lines + [("Referent", minutes["referent"] or "–")]


def minutes_pdf(minutes: dict) -> bytes:
    title = f"Referat – {minutes['committee']}"
    story: list = [paragraph(title, TITLE)]
    story += [paragraph(f"{label}: {value}") for label, value in header_lines(minutes)]
    story.append(Spacer(1, 8))
    rows = [[paragraph("Pkt.", HEADING), paragraph("Sak", HEADING)]]
    for item in minutes["items"]:
        text = [item["title"]]
        if item["input"]:
            text.append(f"Innspill: {item['input']}")
        if item["conclusion"]:
            text.append(f"Konklusjon: {item['conclusion']}")
        if item["statement"]:
            text.append(item["statement"])
        rows.append([paragraph(f"{item['number']}."), paragraph("\n".join(text))])
    if minutes["actions"]:
        process = "\n".join(
            f"{a['owner']}: {a['text']} (frist {day_text(a['due'])})" for a in minutes["actions"]
        )
        rows.append([paragraph(f"{len(minutes['items']) + 1}."), paragraph(f"Videre prosess\n{process}")])
    table = Table(rows, colWidths=[14 * 2.83, None], repeatRows=1)
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 0.5, "grey")])
    )
    story.append(table)
    approved = (
        f"Godkjent i møtet {day_text(minutes['approved_on'])}."
        if minutes["approved_on"]
        else "Ikke godkjent ennå (godkjennes i neste møte)."
    )
    story += [Spacer(1, 8), paragraph(approved, SMALL), paragraph("", BODY)]
    return a4(title, story)
