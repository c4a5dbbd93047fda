"""HN-* checks of the GP panel's settings over a horizon: what would hide the panel, which absence leaves
a switched-on service without cover, and which services are switched off. Pure functions."""

from dataclasses import dataclass, replace
from datetime import date, timedelta

from legetjeneste.absence.panel.rules import (
    BOOKING,
    NOBODY,
    SERVICES,
    GpAbsence,
    PanelFacts,
    answerer,
    away_on,
    hides_panel,
    nb_period,
    services_text,
)
from legetjeneste.dates import Period
from legetjeneste.norwegian import day_text


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
    when = ", ".join(nb_period(span.start, span.end or span.start) for span in spans)
    effects = []
    if BOOKING in services:
        effects.append("timebestillingen viser «Ingen ledige timer»")
    if any(s != BOOKING for s in services):
        effects.append(f"meldinger besvares først fra {day_text(away.back_on, weekday=True)}")
    message = (
        f"{_who(facts)}: {absence.doctor_name or 'fastlegen'} er borte fra "
        f"{nb_period(absence.start, absence.end)}, og {services_text(services)} har ingen dekning {when}: "
        f"{' og '.join(effects)}. Sett opp fraværsassistent eller vikar, og legg gjerne inn en melding i "
        "informasjonsfeltet (HN-NO-COVER)."
    )
    return SettingsWarning(
        "HN-NO-COVER", facts.agreement_id, message, spans[0].start, spans[-1].end, services
    )


def settings_warnings(facts: PanelFacts, *, horizon: Period) -> list[SettingsWarning]:
    """Every HN warning for one agreement's panel settings over the horizon, the gravest first."""
    found = [hidden_panel_warning(facts), switched_off_warning(facts)]
    return [w for w in found if w is not None] + no_cover_warnings(facts, horizon)
