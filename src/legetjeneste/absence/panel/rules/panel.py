"""HN-* rules: what the citizen's GP panel (fastlegepanelet) shows for an agreement on a date. Plain
dataclasses in, plain dataclasses out.

The GP's absence ground is health data and never enters here: the panel only knows that the GP is away,
until when, and who covers.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from legetjeneste.absence.rules import VIKAR_COVERS
from legetjeneste.dates import is_working_day
from legetjeneste.norwegian import day_text, joined

BOOKING = "booking"
SERVICES = (BOOKING, "e_consultation", "prescription_renewal", "e_contact")
SERVICE_NAMES = {
    "booking": "Timebestilling",
    "e_consultation": "E-konsultasjon",
    "prescription_renewal": "Reseptfornyelse",
    "e_contact": "E-kontakt",
}
NO_DIGITAL_SERVICES = (
    "Din fastlege tilbyr ikke timebestilling og dialog på Helsenorge, "
    "men kan ha andre digitale kontaktmuligheter på sin hjemmeside."
)
BOOK = "Bestill time"
NOTICE_HEADING = "Informasjon fra legekontoret"
LINKS = ("Se informasjon om fastlegen din", "Se alle helsekontaktene dine")
GP, VIKAR, COLLEAGUE, OFFICE, NOBODY = "gp", "vikar", "colleague", "office", "nobody"


@dataclass(frozen=True)
class DigitalSettings:
    """An agreement's digital services on the portal; no saved settings means everything on."""

    offers_digital_services: bool = True
    booking: bool = True
    e_consultation: bool = True
    prescription_renewal: bool = True
    e_contact: bool = True

    def switched_on(self) -> tuple[str, ...]:
        return tuple(s for s in SERVICES if getattr(self, s))


@dataclass(frozen=True)
class GpAbsence:
    """That the GP is away, and the cover; deliberately without the ground."""

    start: date
    end: date
    cover: str
    vikar_name: str | None = None
    doctor_name: str = ""


@dataclass(frozen=True)
class VikarPeriod:
    """A vikar period on the agreement (a doctor period of role vikar): the vikar solution itself."""

    name: str
    start: date
    end: date | None = None

    def covers(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class AssistantEntry:
    colleague_name: str
    services: tuple[str, ...]
    start: date
    end: date


@dataclass(frozen=True)
class Notice:
    text: str
    start: date
    end: date | None = None


@dataclass(frozen=True)
class PanelFacts:
    """Everything the panel of one agreement is made of, as plain values."""

    agreement_id: int
    office_id: int
    office_name: str
    gp_name: str | None
    settings: DigitalSettings = DigitalSettings()
    absences: tuple[GpAbsence, ...] = ()
    assistants: tuple[AssistantEntry, ...] = ()
    notices: tuple[Notice, ...] = ()
    list_vikar_names: tuple[str, ...] = ()
    vikar_periods: tuple[VikarPeriod, ...] = ()


@dataclass(frozen=True)
class Answerer:
    kind: str
    name: str | None = None
    until: date | None = None


@dataclass(frozen=True)
class ServiceLine:
    service: str
    name: str
    answered_by: str
    answered_by_name: str | None
    text: str
    rule_id: str


@dataclass(frozen=True)
class Away:
    start: date
    end: date
    back_on: date
    text: str


@dataclass(frozen=True)
class GpPanel:
    agreement_id: int
    office_id: int
    office_name: str
    on: date
    gp_name: str | None
    shown: bool = True
    staff_note: str | None = None
    heading: str | None = None
    text: str | None = None
    booking_button: str | None = None
    away: Away | None = None
    notice_heading: str | None = None
    notices: tuple[str, ...] = ()
    services: tuple[ServiceLine, ...] = ()
    switched_off: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    rule_ids: tuple[str, ...] = ()
    emergency: str | None = None


def nb_period(*, start: date, end: date) -> str:
    """«6. juli til og med 26. juli 2026»."""
    return f"{day_text(start, year=start.year != end.year)} til og med {day_text(end)}"


def services_text(services: Sequence[str]) -> str:
    return joined([SERVICE_NAMES[s].lower() for s in services])


def first_working_day_after(day: date) -> date:
    following = day
    while following < date.max:
        following += timedelta(1)
        if is_working_day(following):
            break
    return following


def hides_panel(settings: DigitalSettings) -> bool:
    """HN-MIN-ONE, Helsenorge guide — if services are switched off, at least one must stay on, otherwise
    the GP panel is not shown at all. A GP who offers no digital services at all still has a panel."""
    return settings.offers_digital_services and not settings.switched_on()


HIDDEN_NOTE = (
    "Fastlegepanelet vises ikke for innbyggerne: alle de fire digitale tjenestene (timebestilling, "
    "e-konsultasjon, reseptfornyelse og e-kontakt) er slått av. Minst én tjeneste må stå på. Helsenorge "
    "anbefaler å la timebestilling stå på, så panelet og informasjonen fra legekontoret vises, og "
    "innbyggerne kan bestille timer etter fraværet og avbestille timer (HN-MIN-ONE)."
)


def away_on(absences: tuple[GpAbsence, ...], on: date) -> Away | None:
    """The stretch of back-to-back absences around the date, and the first working day after it."""
    stretches: list[list[date]] = []
    for start, end in sorted((a.start, a.end) for a in absences):
        if stretches and (start - stretches[-1][1]).days <= 1:
            stretches[-1][1] = max(stretches[-1][1], end)
        else:
            stretches.append([start, end])
    for start, end in stretches:
        if start <= on <= end:
            text = f"Fastlegen din er borte til og med {day_text(end)}."
            return Away(start, end, first_working_day_after(end), text)
    return None


def answerer(service: str, facts: PanelFacts, on: date) -> Answerer:
    """HN-KEEP-ON, Helsenorge guide — instead of switching services off, a colleague answers through the
    absence assistant, or the vikar of the absence (own or the municipality's) answers; the assistant
    entry is the explicit set-up for the service, so it comes first. Without a GP the list's vikar or
    the office answers. A vikar period on the agreement is itself the vikar solution: during it citizens
    book with the vikar, whether or not the GP's absence is registered."""
    for entry in facts.assistants:
        if service in entry.services and entry.start <= on <= entry.end:
            return Answerer(COLLEAGUE, entry.colleague_name, entry.end)
    if facts.gp_name is None:
        if facts.list_vikar_names:
            return Answerer(VIKAR, facts.list_vikar_names[0])
        return Answerer(OFFICE, facts.office_name)
    period = next((v for v in facts.vikar_periods if v.covers(on)), None)
    if period is not None:
        return Answerer(VIKAR, period.name, period.end)
    absence = next((a for a in facts.absences if a.start <= on <= a.end), None)
    if absence is None:
        return Answerer(GP, facts.gp_name)
    if absence.cover in VIKAR_COVERS and absence.vikar_name:
        return Answerer(VIKAR, absence.vikar_name, absence.end)
    return Answerer(NOBODY)


def no_cover_text(service: str, away: Away) -> str:
    """HN-NO-COVER, Helsenorge guide — without cover, booking shows «Ingen ledige timer» for the period
    (citizens book for after it), and the dialogue services state the absence period and the date from
    which messages are answered: the first working day after the absence."""
    back, when = day_text(away.back_on, weekday=True), nb_period(start=away.start, end=away.end)
    if service == BOOKING:
        return f"Ingen ledige timer fra {when}. Du kan bestille time fra {back}."
    return f"Fastlegen din er borte fra {when}. Meldinger besvares fra {back}."


def _covered_text(service: str, who: Answerer) -> str:
    """Who answers; a colleague or a vikar only until the end of their period."""
    until = f" til og med {day_text(who.until)}" if who.until else ""
    subject = {
        GP: "fastlegen din",
        VIKAR: f"vikaren {who.name}",
        COLLEAGUE: f"{who.name}, kollega av fastlegen din,",
        OFFICE: str(who.name),
    }[who.kind]
    if service == BOOKING:
        return f"Bestill time {'ved' if who.kind == OFFICE else 'hos'} {subject}{until}."
    return f"Besvares av {subject}{until}."


def service_line(service: str, facts: PanelFacts, on: date, away: Away | None) -> ServiceLine:
    who = answerer(service, facts, on)
    name = SERVICE_NAMES[service]
    if who.kind == NOBODY:
        assert away is not None, "nobody answers only while the GP is away"
        return ServiceLine(service, name, NOBODY, None, no_cover_text(service, away), "HN-NO-COVER")
    rule_id = "HN-KEEP-ON" if who.until or (who.kind == VIKAR and facts.gp_name) else "HN-PANEL"
    return ServiceLine(service, name, who.kind, who.name, _covered_text(service, who), rule_id)


def heading(gp_name: str | None) -> str:
    """HN-PANEL, Helsenorge guide — «Fastlegen din er NAME»; a list without a GP says so."""
    return f"Fastlegen din er {gp_name}" if gp_name else "Fastlegelisten din har ingen fast lege nå"


def gp_panel(facts: PanelFacts, *, on: date) -> GpPanel:
    """HN-PANEL, Helsenorge guide — the heading; without digital services the text that the GP does not
    offer booking and dialogue; with booking on «Bestill time»; the office notice under «Informasjon fra
    legekontoret»; the two links. Hidden altogether when every service is switched off (HN-MIN-ONE)."""
    settings = facts.settings
    base = GpPanel(facts.agreement_id, facts.office_id, facts.office_name, on, facts.gp_name)
    if hides_panel(settings):
        return replace(
            base, shown=False, staff_note=HIDDEN_NOTE, switched_off=SERVICES, rule_ids=("HN-MIN-ONE",)
        )
    notices = tuple(n.text for n in facts.notices if n.start <= on and (n.end is None or on <= n.end))
    shown = replace(
        base,
        heading=heading(facts.gp_name),
        away=away_on(facts.absences, on) if facts.gp_name else None,
        notice_heading=NOTICE_HEADING if notices else None,
        notices=notices,
        links=LINKS,
        rule_ids=("HN-PANEL",),
    )
    if not settings.offers_digital_services:
        return replace(shown, text=NO_DIGITAL_SERVICES)
    lines = tuple(service_line(s, facts, on, shown.away) for s in settings.switched_on())
    closed = any(line.answered_by == NOBODY for line in lines)
    return replace(
        shown,
        text=None if facts.gp_name else _vacant_text(facts),
        booking_button=BOOK if _bookable(lines) else None,
        services=lines,
        switched_off=tuple(s for s in SERVICES if s not in settings.switched_on()),
        rule_ids=("HN-PANEL", *sorted({line.rule_id for line in lines} - {"HN-PANEL"})),
        emergency=EMERGENCY if closed else None,
    )


EMERGENCY = "Trenger du legehjelp før fastlegen er tilbake? Ring legevakten på 116 117."


def _bookable(lines: tuple[ServiceLine, ...]) -> bool:
    """HN-PANEL, HN-NO-COVER — «Bestill time» only when someone takes bookings now: never for a period the
    panel also says has «Ingen ledige timer»."""
    return any(line.service == BOOKING and line.answered_by != NOBODY for line in lines)


def _vacant_text(facts: PanelFacts) -> str:
    """A list without a regular doctor: who serves it instead."""
    if facts.list_vikar_names:
        return f"Listen betjenes av vikar {' og '.join(facts.list_vikar_names)} ved {facts.office_name}."
    return f"Listen betjenes av {facts.office_name}."
