"""«Hva nå»: what the municipality does next when a clock of the agreement life cycle is overdue or due soon
(RULES.md § 1, AGR-*). Pure: the clock's code, its status, its due date and the day in; a headline
(«Forfalt 23. november»), the next action in Norwegian and the rule the action follows out."""

from dataclasses import dataclass
from datetime import date

from legetjeneste.lifecycle.rules.codes import (
    AWARD,
    DELELISTE,
    DUE_SOON,
    HJEMFALL,
    LIST_REDUCE,
    NOTICE,
    OFFER,
    OVERDUE,
    REVISION,
    TRANSFER,
)
from legetjeneste.norwegian import day_text

AGE_END = "AGR-AGE-END"


@dataclass(frozen=True)
class NextStep:
    """What to do now about one clock: `headline` says how it stands, `action` what to do, under `rule_id`."""

    headline: str
    action: str
    rule_id: str
    # The case page's step that carries the action out (lifecycle/labels.py STEP_LABELS), if there is one.
    step: str | None = None


# Clock code → (rule the action follows, action when overdue, action when due soon). The actions name the
# steps the case page offers (lifecycle/labels.py STEP_LABELS).
ACTIONS: dict[str, tuple[str, str, str]] = {
    "announcement": (
        AWARD.id,
        "søknadsfristen er ute; vurder søkerne og tildel avtalen (enkeltvedtak), "
        "eller registrer at ingen kvalifisert lege søkte",
        "søknadsfristen går snart ut; gjør klar vurderingen av søkerne, og inviter gruppepraksisens "
        "representant til intervju",
    ),
    "offer": (
        OFFER.id,
        "tilbudet er ikke akseptert innen fristen; registrer aksepten om den er kommet, "
        "ellers kan kommunen trekke tilbudet tilbake",
        "minn legen på at tilbudet må aksepteres innen fristen",
    ),
    "transfer": (
        TRANSFER.id,
        "legene er ikke enige om overdragelsesbeløpet; registrer at overdragelsen går til nasjonal nemnd",
        "spør legene om de er enige om overdragelsesbeløpet; ellers fastsetter nasjonal nemnd prisen",
    ),
    "notice": (
        NOTICE.id,
        "oppsigelsestiden er ute; sørg for vikar til avtalen er overtatt, "
        "og lys den ut på nytt om ingen søkte",
        "oppsigelsestiden løper snart ut; avtalen må være lyst ut og tildelt, "
        "ellers må kommunen skaffe vikar",
    ),
    "hjemfall": (
        HJEMFALL.id,
        "registrer hjemfall om minst tre korrekte utlysninger er gjort uten at noen vil overta avtalen, "
        "ellers lys den ut på nytt; til da skaffer kommunen vikar",
        "sjekk at avtalen er lyst ut korrekt minst tre ganger før den kan hjemfalle, "
        "og at kommunen har vikar",
    ),
    "age_end": (
        AGE_END,
        "legen har nådd aldersgrensen og avtalen er opphørt; lys den ut, "
        "eller registrer en avtalt tidsbegrenset forlengelse",
        "legen når snart aldersgrensen; avtal en tidsbegrenset forlengelse, eller lys ut avtalen",
    ),
    "age_extension": (
        AGE_END,
        "forlengelsen ut over aldersgrensen er ute; lys ut avtalen",
        "forlengelsen ut over aldersgrensen løper snart ut; lys ut avtalen i god tid",
    ),
    "list_reduction": (
        LIST_REDUCE.id,
        "svar på kravet om listereduksjon{from_doctor}, og sett ned listetaket fra fristen",
        "drøft kravet om listereduksjon{from_doctor} med legen før det kan gjelde",
    ),
    "deleliste_end": (
        DELELISTE.id,
        "nedtrappingen med deleliste er over; sørg for at listen er overført til etterfølgeren",
        "nedtrappingen med deleliste tar snart slutt; planlegg overføringen av listen til etterfølgeren",
    ),
    "revision": (
        REVISION.id,
        "avtalen kan kreves revidert; avtal et revisjonsmøte med legen om kommunen vil revidere",
        "avtalen kan snart kreves revidert; vurder om kommunen vil kreve revisjon",
    ),
}
# Clock code → the step on the case page that does what the overdue action says, so «hva nå» links to it.
STEPS: dict[str, str] = {
    "announcement": "award",
    "offer": "offer_accepted",
    "transfer": "transfer_to_board",
    "notice": "announcement",
    "hjemfall": "hjemfall",
    "age_end": "extension",
    "age_extension": "announcement",
    "revision": "revision",
}
FALLBACK = ("gå til saken og registrer neste steg", "følg med på fristen i saken")


def next_step(
    code: str, *, rule_id: str, status: str, due: date, on: date, doctor_name: str | None = None
) -> NextStep | None:
    """The next step for a clock that is overdue or due soon (None for a clock still running), under the
    rule the action follows (`rule_id`, the clock's own, when the code has no action of its own)."""
    if status not in (OVERDUE, DUE_SOON):
        return None
    when = day_text(due, year=due.year != on.year)
    headline = f"Forfalt {when}" if status == OVERDUE else f"Forfaller {when}"
    action_rule, overdue, due_soon = ACTIONS.get(code, (rule_id, *FALLBACK))
    text = (overdue if status == OVERDUE else due_soon).format(
        from_doctor=f" fra {doctor_name}" if doctor_name else ""
    )
    return NextStep(headline, text, action_rule, STEPS.get(code))
