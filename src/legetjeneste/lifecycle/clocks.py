"""The clocks of an agreement's life (RULES.md § 1): what must happen by when, by whom, under which rule.

Pure: dates in, `Clock`s out; every number is a dated parameter under `agreement/parameters/lifecycle/`
(or `agreements/` for the age limits), read on the day the clock starts.

Periods in months end on the same date number, or on the month's last day when that month has none
(domstolloven § 148 style): 2026-08-31 + 6 months → 2027-02-28, 2027-08-31 + 6 → 2028-02-29.
"""

from calendar import monthrange
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from legetjeneste.agreement import parameters
from legetjeneste.agreement.parameters import ParameterNotInForce
from legetjeneste.dates import age_on
from legetjeneste.norwegian import day_text

OVERDUE, DUE_SOON, RUNNING = "overdue", "due_soon", "running"
STATUS_LABELS = {OVERDUE: "forfalt", DUE_SOON: "nær", RUNNING: "løper"}

KOMMUNE, KOMMUNEOVERLEGE, LEGE, SU, NEMND = "kommune", "kommuneoverlege", "lege", "su", "nemnd"
RESPONSIBLE_LABELS = {
    KOMMUNE: "Kommunen",
    KOMMUNEOVERLEGE: "Kommuneoverlegen",
    LEGE: "Legen",
    SU: "Samarbeidsutvalget",
    NEMND: "Nasjonal nemnd",
}

# List-reduction grounds, ASA 4310 § 10.7 (and § 12.1 for municipal part-time posts).
HEALTH, CARE, AGE, DEMANDING_LIST = "health", "care", "age", "demanding_list"
LATER_TASKS, MUNICIPAL_POST, SPECIAL = "later_tasks", "municipal_post", "special"
REDUCTION_GROUNDS = {
    HEALTH: "legens helsetilstand",
    CARE: "omsorgsansvar",
    AGE: "legen er over 60 år",
    DEMANDING_LIST: "særlig arbeidskrevende liste",
    LATER_TASKS: "senere pålagte oppgaver",
    MUNICIPAL_POST: "kommunal deltidsstilling",
    SPECIAL: "særlige grunner (f.eks. forskning)",
}
SHORT_NOTICE_GROUNDS = frozenset({HEALTH, CARE})


def months_after(day: date, months: int) -> date:
    """The same date number `months` later, or that month's last day when it has no such date."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def due_soon_days(on: date) -> int:
    """How many days before its due date a clock counts as due soon (a project parameter, 14)."""
    return parameters.value("lifecycle/due_soon_days", on=on)


@dataclass(frozen=True)
class Clock:
    """A running deadline: `text` (Norwegian) says what must happen by `due`, `responsible` is a role code."""

    code: str
    rule_id: str
    citation: str
    start: date
    due: date
    text: str
    responsible: str

    def status_on(self, day: date) -> str:
        """`overdue` after the due date, `due_soon` within the due-soon days before it, else `running`."""
        if day > self.due:
            return OVERDUE
        if (self.due - day).days <= due_soon_days(day):
            return DUE_SOON
        return RUNNING

    def days_left(self, day: date) -> int:
        """Days from `day` to the due date (negative when overdue)."""
        return (self.due - day).days


@dataclass(frozen=True)
class Step:
    """A step that must be done before something else may happen; `done_on` is None while it is not."""

    code: str
    rule_id: str
    citation: str
    text: str
    responsible: str
    done_on: date | None = None

    @property
    def done(self) -> bool:
        return self.done_on is not None


def announcement_clock(published: date, application_deadline: date) -> Clock:
    """AGR-ANNOUNCE, ASA 4310 § 5.4 — applications are received until the announced deadline (≥ 3 weeks)."""
    return Clock(
        "announcement",
        "AGR-ANNOUNCE",
        "ASA 4310 § 5.4",
        published,
        application_deadline,
        f"Søknadsfristen for kunngjøringen {day_text(published)} går ut",
        KOMMUNE,
    )


def offer_clock(offer_given: date) -> Clock:
    """AGR-OFFER-5W, ASA 4310 § 5.6 — an offer not accepted within 5 weeks of being given may be withdrawn."""
    days = parameters.value("lifecycle/offer_acceptance_days", on=offer_given)
    return Clock(
        "offer",
        "AGR-OFFER-5W",
        "ASA 4310 § 5.6",
        offer_given,
        offer_given + timedelta(days=days),
        f"Legen må akseptere tilbudet gitt {day_text(offer_given)} innen {days} dager; "
        "ellers kan kommunen trekke det tilbake og behandle saken på nytt",
        LEGE,
    )


def transfer_clock(offer_received: date) -> Clock:
    """AGR-TRANSFER-5W, ASA 4310 § 5.6 — without agreement on the transfer price within 5 weeks of the offer
    being received, the national board (nemnd) sets the price."""
    days = parameters.value("lifecycle/transfer_agreement_days", on=offer_received)
    return Clock(
        "transfer",
        "AGR-TRANSFER-5W",
        "ASA 4310 § 5.6",
        offer_received,
        offer_received + timedelta(days=days),
        f"Fratredende og overtakende lege må bli enige om overdragelsesbeløpet innen {days} dager etter at "
        f"tilbudet ble mottatt {day_text(offer_received)}; ellers fastsetter nasjonal nemnd prisen",
        LEGE,
    )


def notice_clock(notice_given: date) -> Clock:
    """AGR-NOTICE, ASA 4310 § 16 — the notice period is 6 months; the clock is due when it ends."""
    months = parameters.value("lifecycle/notice_months", on=notice_given)
    end = months_after(notice_given, months)
    return Clock(
        "notice",
        "AGR-NOTICE",
        "ASA 4310 § 16",
        notice_given,
        end,
        f"Oppsigelsesfristen på {months} måneder fra {day_text(notice_given)} løper ut {day_text(end)}; "
        "avtalen må være lyst ut og overtatt innen da",
        KOMMUNE,
    )


def hjemfall_clock(notice_period_end: date, announcements: Sequence[date]) -> Clock:
    """AGR-HJEMFALL, ASA 4310 § 5.8 — 6 months after the notice period's end, and after at least 3 correct
    announcements without a taker, the agreement reverts to the municipality.

    `announcements` are the publication dates of the correct announcements made so far."""
    months = parameters.value("lifecycle/hjemfall_months", on=notice_period_end)
    needed = parameters.value("lifecycle/hjemfall_min_announcements", on=notice_period_end)
    due = months_after(notice_period_end, months)
    made = len(announcements)
    missing = max(needed - made, 0)
    count = f"{made} av minst {needed} korrekte utlysninger er gjort" + (
        f" ({missing} gjenstår)" if missing else ""
    )
    return Clock(
        "hjemfall",
        "AGR-HJEMFALL",
        "ASA 4310 § 5.8",
        notice_period_end,
        due,
        f"Avtalen kan hjemfalle til kommunen {day_text(due)}, {months} måneder etter at oppsigelsesfristen "
        f"løp ut {day_text(notice_period_end)}, om ingen kvalifisert lege vil overta; {count}. "
        "Til da skal kommunen sørge for vikar og dekke dokumenterte driftsutgifter",
        KOMMUNE,
    )


def _limit_changes(name: str) -> list[tuple[date, int]]:
    return [(v.since, v.value) for v in parameters.parameter(name).values if v.value is not None]


def birthday(birth_date: date, age: int) -> date:
    """The day a person born `birth_date` reaches `age` (as `dates.age_on` counts: 29 February → 1 March)."""
    try:
        return birth_date.replace(year=birth_date.year + age)
    except ValueError:
        return date(birth_date.year + age, 3, 1)


def age_end(birth_date: date) -> date:
    """AGR-AGE-END, ASA 4310 § 16 / FLF § 12 — the agreement ends without notice on the first day the GP's
    age is at least the age limit in force on that day.

    The limit is 70, and 72 from 2027-01-01 (FOR-2026-09-23-1891). A GP who turns 70 on 2026-12-31 stops
    that day; one who turns 70 on 2027-01-01 or later meets the limit of 72 and stops on turning 72. A
    limit can only be met on a birthday or on the day a new limit comes into force (if it were lowered)."""
    changes = _limit_changes("agreements/age_limit")
    candidates = {birthday(birth_date, limit) for _, limit in changes}
    candidates |= {since for since, _ in changes if since > birth_date}
    for day in sorted(candidates):
        try:
            limit = parameters.value("agreements/age_limit", on=day)
        except ParameterNotInForce:
            continue
        if age_on(birth_date, day) >= limit:
            return day
    raise ParameterNotInForce(
        f"Ingen aldersgrense i kraft for en lege født {day_text(birth_date)}", rule_id="AGR-AGE-END"
    )


def age_clock(birth_date: date) -> Clock:
    """AGR-AGE-END, ASA 4310 § 16 / FLF § 12 — the agreement ends without notice at the age limit."""
    end = age_end(birth_date)
    limit = parameters.value("agreements/age_limit", on=end)
    return Clock(
        "age_end",
        "AGR-AGE-END",
        "ASA 4310 § 16, fastlegeforskriften § 12",
        birth_date,
        end,
        f"Avtalen opphører uten oppsigelse {day_text(end)} når legen fyller {limit} år, "
        "med mindre det er avtalt en tidsbegrenset forlengelse; avtalen må lyses ut i god tid",
        KOMMUNE,
    )


@dataclass(frozen=True)
class ExtensionLimit:
    """AGR-AGE-END — how far a time-limited extension can go: ASA 4310's limit applies to self-employed GPs;
    the regulation's (FLF § 12) is shown beside it. `flf_*` are None when no value is in force."""

    asa_age: int
    asa_until: date
    asa_source: str
    flf_age: int | None
    flf_until: date | None
    flf_source: str | None

    def text(self) -> str:
        asa = (
            f"En tidsbegrenset forlengelse kan etter ASA 4310 § 16 ikke vare etter fylte {self.asa_age} år, "
            f"altså lengst til og med {day_text(self.asa_until)}."
        )
        if self.flf_age is None or self.flf_until is None:
            return asa
        return (
            f"{asa} Fastlegeforskriften § 12 tillater forlengelse til fylte {self.flf_age} år (til og med "
            f"{day_text(self.flf_until)}), men for selvstendig næringsdrivende fastleger gjelder "
            "avtaleverkets grense."
        )


def extension_limit(birth_date: date) -> ExtensionLimit:
    """AGR-AGE-END, ASA 4310 § 16 (75) and FLF § 12 (80) — the last day a time-limited extension beyond the
    age limit may last: the day before the GP turns the limit's age. Limits are read on the age-end day."""
    end = age_end(birth_date)
    asa = parameters.parameter("agreements/extension_age_limit").entry_on(end)
    asa_until = birthday(birth_date, asa.value) - timedelta(days=1)
    try:
        flf = parameters.parameter("agreements/extension_age_limit_flf").entry_on(end)
    except ParameterNotInForce:
        return ExtensionLimit(asa.value, asa_until, asa.source, None, None, None)
    flf_until = birthday(birth_date, flf.value) - timedelta(days=1)
    return ExtensionLimit(asa.value, asa_until, asa.source, flf.value, flf_until, flf.source)


def list_reduction_parameter(ground: str) -> str:
    """AGR-LISTREDUCE, ASA 4310 § 10.7 — the parameter with the notice for `ground`: 6 months, or 3 months
    when the ground is the GP's health or care responsibility."""
    if ground in SHORT_NOTICE_GROUNDS:
        return "lifecycle/list_reduction_short_notice_months"
    return "lifecycle/list_reduction_notice_months"


def list_reduction_notice_months(ground: str, on: date) -> int:
    """AGR-LISTREDUCE, ASA 4310 § 10.7 — 6 months' notice, 3 when the ground is health or care."""
    return parameters.value(list_reduction_parameter(ground), on=on)


def list_reduction_clock(ground: str, requested_on: date) -> Clock:
    """AGR-LISTREDUCE, ASA 4310 § 10.7 — a reduction is discussed with the municipality at least 6 months
    before it takes effect (3 months' notice on health or care); due is the earliest effective date."""
    months = list_reduction_notice_months(ground, requested_on)
    earliest = months_after(requested_on, months)
    return Clock(
        "list_reduction",
        "AGR-LISTREDUCE",
        "ASA 4310 § 10.7",
        requested_on,
        earliest,
        f"Listereduksjon ({REDUCTION_GROUNDS.get(ground, ground)}) meldt {day_text(requested_on)} "
        f"kan tidligst gjelde fra {day_text(earliest)} ({months} måneders frist); "
        "kommunen må drøfte den med legen før",
        KOMMUNE,
    )


def deleliste_end_clock(start: date) -> Clock:
    """AGR-DELELISTE, ASA 4310 § 10.8 — the phase-out with a deleliste lasts at most 5 years."""
    years = parameters.value("lifecycle/deleliste_max_years", on=start)
    end = months_after(start, 12 * years) - timedelta(days=1)
    return Clock(
        "deleliste_end",
        "AGR-DELELISTE",
        "ASA 4310 § 10.8",
        start,
        end,
        f"Nedtrappingen med deleliste fra {day_text(start)} kan vare høyst {years} år, til og med "
        f"{day_text(end)}; listen må da være overført",
        KOMMUNE,
    )


def revision_clock(last_revision: date) -> Clock:
    """AGR-REVISION, ASA 4310 § 16 — either party may demand revision of the agreement every year."""
    months = parameters.value("lifecycle/revision_interval_months", on=last_revision)
    due = months_after(last_revision, months)
    return Clock(
        "revision",
        "AGR-REVISION",
        "ASA 4310 § 16",
        last_revision,
        due,
        f"Avtalen kan kreves revidert igjen fra {day_text(due)} (siste revisjon {day_text(last_revision)})",
        KOMMUNEOVERLEGE,
    )


def new_agreement_clocks(*, gps_informed_on: date | None, su_statement_on: date | None) -> tuple[Step, ...]:
    """AGR-NEW-INFORM (ASA 4310 § 5.1) and AGR-NEW-SU (§ 5.3) — the steps that must precede creating and
    announcing a new agreement. The sources set no time limit, so these are steps, not clocks."""
    return (
        Step(
            "gps_informed",
            "AGR-NEW-INFORM",
            "ASA 4310 § 5.1",
            "Informer legene før avtalen lyses ut, slik at de kan søke om å få den plassert i sin praksis",
            KOMMUNE,
            gps_informed_on,
        ),
        Step(
            "su_statement",
            "AGR-NEW-SU",
            "ASA 4310 § 5.3",
            "Legg saken fram for samarbeidsutvalget til uttalelse før avtalen opprettes",
            SU,
            su_statement_on,
        ),
    )


def vacancy_steps(*, announced_on: date | None) -> tuple[Step, ...]:
    """AGR-VACANT / AGR-ANNOUNCE, ASA 4310 §§ 5.2, 5.4 — a vacant agreement is sent for announcement «uten
    ubegrunnet opphold». The agreement sets no number of days, so this is a step without a clock."""
    return (
        Step(
            "announce_without_undue_delay",
            "AGR-ANNOUNCE",
            "ASA 4310 § 5.4",
            "Send den ledige avtalen til utlysning uten ubegrunnet opphold (eller fordel listen etter avtale "
            "mellom legene, jf. § 5.2)",
            KOMMUNE,
            announced_on,
        ),
    )
