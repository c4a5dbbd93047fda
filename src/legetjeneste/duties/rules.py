"""Other municipal GP work (ASA 4310 §§ 11–12) as pure functions: what a GP can be ordered to do (DUTY-CAP)
after deductions (DUTY-SUPERVISION-DEDUCT, DUTY-SAMFUNNSMED, DUTY-PRAKSISKONSULENT) and exemptions
(DUTY-EXEMPT), when an order is lawful (DUTY-VOLUNTARY), the equal share (DUTY-EQUAL-SHARE) and the proposed
list reduction (DUTY-LIST-REDUCTION).

The service resolves the parameters for the day and passes plain values; hours are Decimal hours a week."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from legetjeneste.errors import Problem, Rule, RuleViolation
from legetjeneste.norwegian import day_text, number

CAP = Rule("DUTY-CAP", "ASA 4310 § 12.1, FLF § 32")
VOLUNTARY = Rule("DUTY-VOLUNTARY", "ASA 4310 § 12.1")
EXEMPT = Rule("DUTY-EXEMPT", "ASA 4310 § 12.1, § 12.2")
SUPERVISION = Rule("DUTY-SUPERVISION-DEDUCT", "ASA 4310 § 12.1, § 11.3, § 11.4")
SAMFUNNSMED = Rule("DUTY-SAMFUNNSMED", "ASA 4310 § 12.2")
PRAKSISKONSULENT = Rule("DUTY-PRAKSISKONSULENT", "ASA 4310 § 12.6")
EQUAL_SHARE = Rule("DUTY-EQUAL-SHARE", "ASA 4310 § 12.1")
ISSUER = Rule("DUTY-ISSUER", "ASA 4310 § 12.1")
PLACE_TIME = Rule("DUTY-PLACE-TIME", "ASA 4310 § 12.3, Vedlegg I")
LIST_REDUCTION = Rule("DUTY-LIST-REDUCTION", "ASA 4310 § 12.1, § 10.7")

KINDS = {
    "helsestasjon": "Helsestasjon",
    "skolehelse": "Skolehelsetjeneste",
    "helsestasjon_ungdom": "Helsestasjon for ungdom",
    "smittevern": "Smittevern",
    "fengsel": "Fengselshelsetjeneste",
    "tilsyn": "Sykehjem og tilsyn",
    "ohd": "Øyeblikkelig hjelp døgnopphold (ØHD)",
    "lis1_supervision": "Veiledning av LIS1/EØS-lege",
    "alis_supervision": "Veiledning av ALIS",
    "student_supervision": "Veiledning av medisinstudenter",
    "samfunnsmedisin": "Samfunnsmedisin",
    "praksiskonsulent": "Praksiskonsulent",
    "admin_meetings": "Administrative møter med kommunen",
    "legevakt": "Legevakt",
    "other": "Annet kommunalt legearbeid",
}
# What is deducted from what may be ordered, and by which rule; medical students are not (§ 11.4).
DEDUCTIONS = {
    "lis1_supervision": SUPERVISION,
    "alis_supervision": SUPERVISION,
    "samfunnsmedisin": SAMFUNNSMED,
    "praksiskonsulent": PRAKSISKONSULENT,
}
# Shown beside the duty, never counted in it: legevakt comes on top (DUTY-CAP), students concern only the GP.
BESIDE = frozenset({"legevakt", "student_supervision"})
VOLUNTARY_BASIS, ORDERED_BASIS = "voluntary", "ordered"
BASES = {VOLUNTARY_BASIS: "Frivillig avtale", ORDERED_BASIS: "Pålagt"}
ISSUERS = {
    "municipality": "Kommunen",
    "iks": "Interkommunalt selskap (IKS)",
    "intermunicipal": "Annen lovlig interkommunal samarbeidsordning",
}
PAY_FORMS = {"post": "Deltidsstilling (PAY-DUTY-POST)", "hourly": "Honorar per time (PAY-DUTY-RATE)"}
QUARTER = Decimal("0.01")


def hours(value: Decimal) -> Decimal:
    return value.quantize(QUARTER, rounding=ROUND_HALF_UP)


def hours_text(value: Decimal) -> str:
    """«7,5 t», «3,75 t», «0 t»."""
    return f"{number(value.normalize() if value else Decimal(0), _decimals(value))} t"


def _decimals(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def hours_of_percentage(percentage: Decimal, *, full_time_hours: Decimal) -> Decimal:
    """DUTY-CAP, interpretation (VEFSN 7.1.1) — a percentage post in hours a week: 100 % = full-time hours
    (37.5), so 10 % = 3.75 h."""
    return hours(percentage * full_time_hours / 100)


def opening_hours_per_week(opening_hours: Mapping[str, str]) -> Decimal:
    """DUTY-CAP, ASA 4310 § 13.1 — the agreement's opening hours a week: «08:00-15:30» per weekday."""
    total = Decimal(0)
    for span in opening_hours.values():
        for part in str(span).split(","):
            start, _, end = part.strip().partition("-")
            if start and end:
                total += _minutes(end) - _minutes(start)
    return hours(total / 60)


def _minutes(text: str) -> Decimal:
    hour, _, minute = text.strip().partition(":")
    return Decimal(int(hour) * 60 + int(minute or 0))


def pro_rata_cap(*, max_hours: Decimal, opening_hours: Decimal, full_time_opening: Decimal) -> Decimal:
    """DUTY-CAP, ASA 4310 § 12.1, FLF § 32 — the most a GP can be ordered: max × min(1, average opening hours
    ÷ full-time opening hours) (interpretation: full time is ≥ 28 h a week)."""
    if opening_hours >= full_time_opening:
        return max_hours
    return hours(max_hours * opening_hours / full_time_opening)


def exemption(*, state_work_hours: Decimal, transition_1984: bool, state_limit: Decimal) -> str | None:
    """DUTY-EXEMPT, ASA 4310 § 12.1 — why the GP cannot be ordered at all, or None."""
    if state_work_hours > state_limit:
        return f"statlig legearbeid {hours_text(state_work_hours)} per uke (over {hours_text(state_limit)})"
    if transition_1984:
        return "personlig overgangsordning fra 1984"
    return None


@dataclass(frozen=True)
class Held:
    """One duty a GP holds: kind, hours a week, voluntary or ordered."""

    kind: str
    hours: Decimal
    basis: str = VOLUNTARY_BASIS


@dataclass(frozen=True)
class Line:
    """One line of the calculation, with the rule behind it."""

    label: str
    hours: Decimal
    rule_id: str
    citation: str


@dataclass(frozen=True)
class Standing:
    """A GP against the cap on a day."""

    cap: Decimal
    deductions: list[Line]
    remaining_cap: Decimal
    voluntary: Decimal
    ordered: Decimal
    orderable: Decimal
    voluntary_within_cap: Decimal
    beside: Decimal
    exempt: str | None
    lines: list[Line] = field(default_factory=list)


def standing(
    *,
    held: Iterable[Held],
    opening_hours: Decimal,
    max_hours: Decimal,
    full_time_opening: Decimal,
    exempt: str | None,
) -> Standing:
    """DUTY-CAP, ASA 4310 § 12.1 — the pro rata cap, minus the deductions (DUTY-SUPERVISION-DEDUCT,
    DUTY-SAMFUNNSMED, DUTY-PRAKSISKONSULENT), minus what is assigned: what may still be ordered.
    Voluntary hours are never refused by the cap; the part of them within it is shown. Legevakt and
    medical students are shown beside and never counted. An exempt GP (DUTY-EXEMPT) may be ordered nothing."""
    held = list(held)
    cap = pro_rata_cap(max_hours=max_hours, opening_hours=opening_hours, full_time_opening=full_time_opening)
    deductions = [
        Line(KINDS[h.kind], h.hours, DEDUCTIONS[h.kind].id, DEDUCTIONS[h.kind].citation)
        for h in held
        if h.kind in DEDUCTIONS
    ]
    remaining = max(Decimal(0), cap - sum((d.hours for d in deductions), Decimal(0)))
    counted = [h for h in held if h.kind not in DEDUCTIONS and h.kind not in BESIDE]
    ordered = sum((h.hours for h in counted if h.basis == ORDERED_BASIS), Decimal(0))
    voluntary = sum((h.hours for h in counted if h.basis != ORDERED_BASIS), Decimal(0))
    room_after_orders = max(Decimal(0), remaining - ordered)
    orderable = Decimal(0) if exempt else max(Decimal(0), room_after_orders - voluntary)
    beside = sum((h.hours for h in held if h.kind in BESIDE), Decimal(0))
    lines = [Line("Plikt etter åpningstid", cap, CAP.id, CAP.citation), *deductions]
    if exempt:
        lines.append(Line(f"Kan ikke pålegges: {exempt}", Decimal(0), EXEMPT.id, EXEMPT.citation))
    return Standing(
        cap=cap,
        deductions=deductions,
        remaining_cap=remaining,
        voluntary=voluntary,
        ordered=ordered,
        orderable=orderable,
        voluntary_within_cap=min(voluntary, room_after_orders),
        beside=beside,
        exempt=exempt,
        lines=lines,
    )


def check_order(
    *,
    announced_on: date | None,
    informed_on: date | None,
    notified_on: date,
    first_day: date,
    notice_days: int,
    order_hours: Decimal,
    orderable: Decimal,
    exempt: str | None,
) -> None:
    """DUTY-VOLUNTARY, ASA 4310 § 12.1 — before ordering, the municipality announced the work and informed the
    GPs who may be ordered (both recorded with dates, on or before the notice), and gives at least 28 days'
    notice before the first day of work; DUTY-EXEMPT and DUTY-CAP — never more than may be ordered."""
    if announced_on is None or announced_on > notified_on:
        raise RuleViolation.of(
            VOLUNTARY,
            "Oppgaven må være kunngjort før pålegg, slik at frivillige kan melde seg. Fyll inn "
            "«Kunngjort dato» på oppgaven.",
        )
    if informed_on is None or informed_on > notified_on:
        raise RuleViolation.of(
            VOLUNTARY,
            "Legene som kan pålegges må være informert om mulig tilplikting før pålegg. Fyll inn "
            "«Legene informert dato» på oppgaven.",
        )
    if (first_day - notified_on).days < notice_days:
        raise RuleViolation.of(
            VOLUNTARY,
            f"Pålegget må varsles minst {notice_days} dager før første arbeidsdag: varslet "
            f"{day_text(notified_on)}, første dag {day_text(first_day)} er bare "
            f"{(first_day - notified_on).days} dager etter. «Første arbeidsdag» kan tidligst være "
            f"{day_text(notified_on + timedelta(days=notice_days))}.",
        )
    if exempt:
        raise RuleViolation.of(EXEMPT, f"Legen kan ikke pålegges andre allmennlegeoppgaver: {exempt}.")
    if order_hours > orderable:
        raise RuleViolation.of(
            CAP,
            f"«Timer per uke» ({hours_text(order_hours)}) er mer enn legen kan pålegges: "
            f"{hours_text(orderable)} per uke etter fradrag og det legen allerede har.",
        )


def equal_share(*, total_hours: Decimal, gps: int) -> Decimal:
    """DUTY-EQUAL-SHARE, ASA 4310 § 12.1 — the hours each of the GPs who may be ordered would have if the work
    were spread evenly."""
    return hours(total_hours / gps) if gps else Decimal(0)


def uneven_warning(*, load_after: Decimal, share: Decimal, name: str) -> Problem | None:
    """DUTY-EQUAL-SHARE — an order that leaves the GP above the equal share is allowed, with a warning that
    shows the equal share (the municipality «tilstreber» an equal distribution; never blocked)."""
    if load_after <= share + Decimal("0.25"):
        return None
    return Problem(
        "hours",
        f"Ulik fordeling: {name} får {hours_text(load_after)} per uke, mens lik andel er "
        f"{hours_text(share)} per uke",
        EQUAL_SHARE.id,
        "warning",
    )


def list_reduction(*, listetak: int, post_hours: Decimal, full_time_hours: Decimal) -> int:
    """DUTY-LIST-REDUCTION, ASA 4310 § 12.1, § 10.7 — the proportional list reduction the GP may ask for:
    listetak × post hours ÷ full-time hours, rounded to whole patients (interpretation in RULES.md § 4)."""
    return int((Decimal(listetak) * post_hours / full_time_hours).quantize(Decimal(1), ROUND_HALF_UP))


def place_time_problems(*, place: str, weekdays: Iterable[str], prefix: str = "") -> list[Problem]:
    """DUTY-PLACE-TIME, ASA 4310 § 12.3 — where and on which weekdays the work is done is recorded."""
    found = []
    if not place.strip():
        found.append(Problem(f"{prefix}place", "skriv hvor arbeidet utføres", PLACE_TIME.id))
    if not list(weekdays):
        found.append(Problem(f"{prefix}weekdays", "velg minst én ukedag arbeidet utføres", PLACE_TIME.id))
    return found
