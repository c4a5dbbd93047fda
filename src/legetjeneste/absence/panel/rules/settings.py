"""HN-* checks of the GP panel's settings over a horizon: what would hide the panel, which absence leaves
a switched-on service without cover, and which services are switched off; and the checks of an absence
assistant and an office notice. Pure functions."""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from legetjeneste.absence.panel.rules.panel import (
    BOOKING,
    NOBODY,
    SERVICES,
    AssistantEntry,
    DigitalSettings,
    GpAbsence,
    PanelFacts,
    answerer,
    away_on,
    hides_panel,
    nb_period,
    services_text,
)
from legetjeneste.dates import Period
from legetjeneste.errors import Problem
from legetjeneste.norwegian import day_text

MAX_ASSISTANT_DAYS = 731


@dataclass(frozen=True)
class SettingsWarning:
    rule_id: str
    agreement_id: int
    message: str
    start: date | None = None
    end: date | None = None
    services: tuple[str, ...] = ()


def _who(facts: PanelFacts) -> str:
    return f"Avtale {facts.agreement_id} ({facts.gp_name or 'uten fastlege'})"


def hidden_panel_warning(facts: PanelFacts) -> SettingsWarning | None:
    """HN-MIN-ONE, Helsenorge guide — with every service switched off the panel is not shown at all."""
    if not hides_panel(facts.settings):
        return None
    message = (
        f"{_who(facts)}: alle fire digitale tjenester er slått av, så fastlegepanelet vises ikke for "
        "innbyggerne – heller ikke informasjonen fra legekontoret. La minst én tjeneste stå på, helst "
        "timebestilling (HN-MIN-ONE)."
    )
    return SettingsWarning("HN-MIN-ONE", facts.agreement_id, message)


def switched_off_warning(facts: PanelFacts) -> SettingsWarning | None:
    """HN-KEEP-ON, Helsenorge guide — do not switch services off; use the absence assistant, a vikar
    and/or the office notice instead. (Everything off is HN-MIN-ONE's warning.)"""
    settings = facts.settings
    off = tuple(s for s in SERVICES if not getattr(settings, s))
    if not settings.offers_digital_services or not off or hides_panel(settings):
        return None
    message = (
        f"{_who(facts)}: {services_text(off)} er slått av. Helsenorge anbefaler å la tjenestene stå på og "
        "heller bruke fraværsassistent, vikar eller informasjonsfeltet (HN-KEEP-ON)."
    )
    return SettingsWarning("HN-KEEP-ON", facts.agreement_id, message, services=off)


def _spans(days: list[date]) -> list[Period]:
    spans: list[Period] = []
    for day in days:
        if spans and spans[-1].end is not None and (day - spans[-1].end).days == 1:
            spans[-1] = Period(spans[-1].start, day)
        else:
            spans.append(Period(day, day))
    return spans


def uncovered_spans(facts: PanelFacts, absence: GpAbsence, service: str, horizon: Period) -> list[Period]:
    """The days of the absence within the horizon on which nobody answers the service."""
    gp = replace(facts, gp_name=facts.gp_name or absence.doctor_name or "fastlegen")
    first = max(absence.start, horizon.start)
    last = min(absence.end, horizon.end or absence.end)
    days = [first + timedelta(n) for n in range((last - first).days + 1)]
    return _spans([day for day in days if answerer(service, gp, day).kind == NOBODY])


def no_cover_warnings(facts: PanelFacts, horizon: Period) -> list[SettingsWarning]:
    """HN-NO-COVER, Helsenorge guide — where an absence leaves a switched-on service without cover, booking
    shows «Ingen ledige timer» and messages wait until after the absence: say so before it happens."""
    if hides_panel(facts.settings) or not facts.settings.offers_digital_services:
        return []
    warnings = []
    for absence in facts.absences:
        if not Period(absence.start, absence.end).overlaps(horizon):
            continue
        by_spans: dict[tuple[Period, ...], list[str]] = {}
        for service in facts.settings.switched_on():
            spans = tuple(uncovered_spans(facts, absence, service, horizon))
            if spans:
                by_spans.setdefault(spans, []).append(service)
        warnings += [_no_cover(facts, absence, spans, tuple(s)) for spans, s in by_spans.items()]
    return warnings


def _no_cover(
    facts: PanelFacts, absence: GpAbsence, spans: tuple[Period, ...], services: tuple[str, ...]
) -> SettingsWarning:
    away = away_on(facts.absences, absence.start)
    assert away is not None
    when = ", ".join(nb_period(start=span.start, end=span.end or span.start) for span in spans)
    effects = []
    if BOOKING in services:
        effects.append("timebestillingen viser «Ingen ledige timer»")
    if any(s != BOOKING for s in services):
        effects.append(f"meldinger besvares først fra {day_text(away.back_on, weekday=True)}")
    away_for = nb_period(start=absence.start, end=absence.end)
    message = (
        f"{_who(facts)}: {absence.doctor_name or 'fastlegen'} er borte fra "
        f"{away_for}, og {services_text(services)} har ingen dekning {when}: "
        f"{' og '.join(effects)}. Sett opp fraværsassistent eller vikar, og legg gjerne inn en melding i "
        "informasjonsfeltet (HN-NO-COVER)."
    )
    return SettingsWarning(
        "HN-NO-COVER", facts.agreement_id, message, spans[0].start, spans[-1].end, services
    )


def switch_warnings(facts: PanelFacts) -> list[SettingsWarning]:
    """What switching services off does to the panel: hidden (HN-MIN-ONE) or services off (HN-KEEP-ON)."""
    found = [hidden_panel_warning(facts), switched_off_warning(facts)]
    return [w for w in found if w is not None]


def settings_warnings(facts: PanelFacts, *, horizon: Period) -> list[SettingsWarning]:
    """Every HN warning for one agreement's panel settings over the horizon, the gravest first."""
    return switch_warnings(facts) + no_cover_warnings(facts, horizon)


def default_horizon(today: date) -> Period:
    """From today twelve months ahead."""
    try:
        return Period(today, today.replace(year=today.year + 1) - timedelta(1))
    except ValueError:
        return Period(today, date(today.year + 1, 2, 28))


def contradiction_problems(settings: DigitalSettings) -> list[Problem]:
    """HN-PANEL, Helsenorge guide — a GP who offers no digital services has a panel saying so, with no
    service in it; a service switched on beside «tilbyr ikke digitale tjenester» says the opposite, so
    the settings contradict each other and are refused rather than saved."""
    switched_on = settings.switched_on()
    if settings.offers_digital_services or not switched_on:
        return []
    message = (
        f"er slått av, men {services_text(switched_on)} står fortsatt på. Slå av tjenestene også, eller la "
        "fastlegen tilby digitale tjenester"
    )
    return [Problem("offers_digital_services", message, "HN-PANEL")]


def colleague_away_problems(*, period: Period, colleague_away: Sequence[Period]) -> list[Problem]:
    """HN-NO-COVER, Helsenorge guide — an absence assistant who is away in the period has nobody to answer
    the services on those days; the citizens would wait without being told, so it is refused."""
    overlapping = [p for p in colleague_away if p.overlaps(period)]
    if not overlapping:
        return []
    when = ", ".join(nb_period(start=p.start, end=p.end or p.start) for p in overlapping)
    message = (
        f"kollegaen er selv borte {when}, så ingen besvarer tjenestene da; velg en annen kollega eller en "
        "periode da kollegaen er til stede"
    )
    return [Problem("colleague_doctor_id", message, "HN-NO-COVER")]


def absent_assistant_warnings(
    agreement_id: int, entries: Sequence[tuple[AssistantEntry, Sequence[Period]]]
) -> list[SettingsWarning]:
    """HN-NO-COVER, Helsenorge guide — an absence assistant set up before the colleague's own absence was
    registered: on the shared days nobody answers."""
    warnings = []
    for entry, away in entries:
        own = Period(entry.start, entry.end)
        for span in (p for p in away if p.overlaps(own)):
            first, last = max(span.start, entry.start), min(span.end or entry.end, entry.end)
            message = (
                f"Avtale {agreement_id}: fraværsassistenten {entry.colleague_name} er selv borte "
                f"{nb_period(start=first, end=last)}, og da besvarer ingen {services_text(entry.services)}. "
                "Sett opp en annen kollega for de dagene (HN-NO-COVER)."
            )
            warnings.append(
                SettingsWarning("HN-NO-COVER", agreement_id, message, first, last, entry.services)
            )
    return warnings


def assistant_problems(
    *,
    start: date,
    end: date,
    services: Sequence[str],
    colleague_known: bool,
    colleague_gp_periods: Sequence[Period],
    entries: Sequence[AssistantEntry],
    colleague_away: Sequence[Period] = (),
) -> list[Problem]:
    """HN-KEEP-ON, Helsenorge guide — a colleague answers some of the GP's services for at most two years at a
    time: a registered doctor of the municipality (`colleague_known`) who is not the list's regular doctor
    in the period (`colleague_gp_periods`), and one colleague per service at a time (`entries`: the
    agreement's absence assistant); and who is there to answer (`colleague_away`, HN-NO-COVER)."""
    if end < start:
        return [Problem("end", "sluttdatoen er før startdatoen")]
    problems = []
    period = Period(start, end)
    if (end - start).days + 1 > MAX_ASSISTANT_DAYS:
        problems.append(Problem("end", "en fraværsassistent kan settes opp for høyst to år om gangen"))
    if not colleague_known:
        problems.append(
            Problem("colleague_doctor_id", "kollegaen må være en registrert lege i kommunen", "HN-KEEP-ON")
        )
    elif any(gp_period.overlaps(period) for gp_period in colleague_gp_periods):
        message = "fastlegen kan ikke være fraværsassistent for sin egen liste"
        problems.append(Problem("colleague_doctor_id", message, "HN-KEEP-ON"))
    else:
        problems += colleague_away_problems(period=period, colleague_away=colleague_away)
    for entry in entries:
        shared = [s for s in services if s in entry.services]
        if shared and Period(entry.start, entry.end).overlaps(period):
            message = (
                f"{services_text(shared)} har allerede fraværsassistent {entry.colleague_name} "
                f"fra {nb_period(start=entry.start, end=entry.end)}; én kollega per tjeneste om gangen"
            )
            problems.append(Problem("services", message, "HN-KEEP-ON"))
    return problems


def notice_problems(*, start: date, end: date | None) -> list[Problem]:
    """HN-PANEL — an office notice ends no earlier than it begins (or runs on)."""
    if end is not None and end < start:
        return [Problem("end", "sluttdatoen er før startdatoen")]
    return []
