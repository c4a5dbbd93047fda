"""The SU and ALU committees (RULES.md § 6): members, meetings, cases, statements and minutes."""

from legetjeneste.features import Command, Feature, NavEntry, Panel
from legetjeneste.notices.inbox.rules import register_kind

# Invitations reach members and observers by e-mail unless they choose otherwise (notices/email/rules.py).
register_kind("committee_meeting", "Innkalling til et møte i et utvalg (SU eller ALU)")

FEATURE = Feature(
    name="committees",
    order=120,
    routers=(
        "legetjeneste.committees.router",
        "legetjeneste.committees.pages",
        "legetjeneste.committees.members.pages",
        "legetjeneste.committees.meetings.router",
        "legetjeneste.committees.meetings.pages",
        "legetjeneste.committees.cases.router",
        "legetjeneste.committees.cases.pages",
    ),
    commands=(
        Command(
            "committees",
            "legetjeneste.committees.cli:app",
            "Utvalgene (SU og ALU): medlemmer, sammensetning, møtefrister og oppfølging.",
            order=190,
        ),
    ),
    navigation=(NavEntry("Utvalg", "/utvalg", order=85, permission="committee.read", prefix=True),),
    panels=(
        Panel(
            "lifecycle_case",
            "committee_cases",
            "legetjeneste.committees.cases.service:origin_panel",
            "committees/_origin.html",
            permission="committee.read",
        ),
        Panel(
            "min_side",
            "alu_meetings",
            "legetjeneste.committees.meetings.service:alu_meetings",
            "committees/_alu_meetings.html",
            permission="committee.own",
        ),
    ),
    file_section="legetjeneste.committees.file_section",
    clocks=("legetjeneste.committees.deadlines.service:clocks",),
)
