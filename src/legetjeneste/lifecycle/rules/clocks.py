"""The clocks of an agreement's life (RULES.md § 1): what must happen by when, by whom, under which rule.

Pure: dates and the numbers in force in, `Clock`s out; the service reads every number from the dated
parameters under `agreement/parameters/lifecycle/` (or `agreements/` for the age limits) on the day the clock
starts and passes it in.

Periods in months (`dates.add_months`) end on the same date number, or on the month's last day when that
month has none (domstolloven § 148 style): 2026-08-31 + 6 months → 2027-02-28, 2027-08-31 + 6 → 2028-02-29.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from legetjeneste.dates import add_months
from legetjeneste.lifecycle.rules.codes import (
    ANNOUNCE,
    DELELISTE,
    DUE_SOON,
    HJEMFALL,
    KOMMUNE,
    KOMMUNEOVERLEGE,
    LEGE,
    LIST_REDUCE,
    NEW_INFORM,
    NEW_SU,
    NOTICE,
    OFFER,
    OVERDUE,
    REDUCTION_GROUNDS,
    REVISION,
    RUNNING,
    SU,
    TRANSFER,
)
from legetjeneste.norwegian import day_text


def status(*, due: date, on: date, due_soon_days: int) -> str:
    """`overdue` after the due date, `due_soon` within `due_soon_days` before it, else `running`."""
    if on > due:
        return OVERDUE
    if (due - on).days <= due_soon_days:
        return DUE_SOON
    return RUNNING


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

    def status_on(self, day: date, *, due_soon_days: int) -> str:
        """`overdue` after the due date, `due_soon` within the due-soon days before it, else `running`."""
        return status(due=self.due, on=day, due_soon_days=due_soon_days)

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


def announcement_clock(*, published: date, application_deadline: date) -> Clock:
    """AGR-ANNOUNCE, ASA 4310 § 5.4 — applications are received until the announced deadline (≥ 3 weeks)."""
    text = f"Søknadsfristen for kunngjøringen {day_text(published)} går ut"
    return Clock(
        "announcement", ANNOUNCE.id, ANNOUNCE.citation, published, application_deadline, text, KOMMUNE
    )


def offer_clock(offer_given: date, *, days: int) -> Clock:
    """AGR-OFFER-5W, ASA 4310 § 5.6 — an offer not accepted within 5 weeks of being given may be withdrawn."""
    return Clock(
        "offer",
        OFFER.id,
        OFFER.citation,
        offer_given,
        offer_given + timedelta(days=days),
        f"Legen må akseptere tilbudet gitt {day_text(offer_given)} innen {days} dager; "
        "ellers kan kommunen trekke det tilbake og behandle saken på nytt",
        LEGE,
    )


def transfer_clock(offer_received: date, *, days: int) -> Clock:
    """AGR-TRANSFER-5W, ASA 4310 § 5.6 — without agreement on the transfer price within 5 weeks of the offer
    being received, the national board (nemnd) sets the price."""
    return Clock(
        "transfer",
        TRANSFER.id,
        TRANSFER.citation,
        offer_received,
        offer_received + timedelta(days=days),
        f"Fratredende og overtakende lege må bli enige om overdragelsesbeløpet innen {days} dager etter at "
        f"tilbudet ble mottatt {day_text(offer_received)}; ellers fastsetter nasjonal nemnd prisen",
        LEGE,
    )


def notice_clock(notice_given: date, *, months: int) -> Clock:
    """AGR-NOTICE, ASA 4310 § 16 — the notice period is 6 months; the clock is due when it ends."""
    end = add_months(notice_given, months)
    return Clock(
        "notice",
        NOTICE.id,
        NOTICE.citation,
        notice_given,
        end,
        f"Oppsigelsesfristen på {months} måneder fra {day_text(notice_given)} løper ut {day_text(end)}; "
        "avtalen må være lyst ut og overtatt innen da",
        KOMMUNE,
    )


def hjemfall_clock(
    notice_period_end: date, announcements: Sequence[date], *, months: int, min_announcements: int
) -> Clock:
    """AGR-HJEMFALL, ASA 4310 § 5.8 — 6 months after the notice period's end, and after at least 3 correct
    announcements without a taker, the agreement reverts to the municipality.

    `announcements` are the publication dates of the correct announcements made so far."""
    due = add_months(notice_period_end, months)
    made = len(announcements)
    missing = max(min_announcements - made, 0)
    count = f"{made} av minst {min_announcements} korrekte utlysninger er gjort" + (
        f" ({missing} gjenstår)" if missing else ""
    )
    return Clock(
        "hjemfall",
        HJEMFALL.id,
        HJEMFALL.citation,
        notice_period_end,
        due,
        f"Avtalen kan hjemfalle til kommunen {day_text(due)}, {months} måneder etter at oppsigelsesfristen "
        f"løp ut {day_text(notice_period_end)}, om ingen kvalifisert lege vil overta; {count}. "
        "Til da skal kommunen sørge for vikar og dekke dokumenterte driftsutgifter",
        KOMMUNE,
    )


def age_clock(*, birth_date: date, end: date, limit: int) -> Clock:
    """AGR-AGE-END, ASA 4310 § 16 / FLF § 12 — the agreement ends without notice at the age limit: `end` is
    the day the GP reaches `limit` (`ages.age_end`)."""
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


def extension_clock(*, on: date, until: date) -> Clock:
    """AGR-AGE-END, ASA 4310 § 16 — a time-limited extension beyond the age limit runs until its last day."""
    text = f"Den tidsbegrensede forlengelsen ut over aldersgrensen løper ut {day_text(until)}"
    return Clock("age_extension", "AGR-AGE-END", "ASA 4310 § 16", on, until, text, KOMMUNE)


def list_reduction_clock(ground: str, requested_on: date, *, months: int) -> Clock:
    """AGR-LISTREDUCE, ASA 4310 § 10.7 — a reduction is discussed with the municipality at least 6 months
    before it takes effect (3 months' notice on health or care); due is the earliest effective date."""
    earliest = add_months(requested_on, months)
    return Clock(
        "list_reduction",
        LIST_REDUCE.id,
        LIST_REDUCE.citation,
        requested_on,
        earliest,
        f"Listereduksjon ({REDUCTION_GROUNDS.get(ground, ground)}) meldt {day_text(requested_on)} "
        f"kan tidligst gjelde fra {day_text(earliest)} ({months} måneders frist); "
        "kommunen må drøfte den med legen før",
        KOMMUNE,
    )


def deleliste_end_clock(start: date, *, years: int) -> Clock:
    """AGR-DELELISTE, ASA 4310 § 10.8 — the phase-out with a deleliste lasts at most 5 years."""
    end = add_months(start, 12 * years) - timedelta(days=1)
    return Clock(
        "deleliste_end",
        DELELISTE.id,
        DELELISTE.citation,
        start,
        end,
        f"Nedtrappingen med deleliste fra {day_text(start)} kan vare høyst {years} år, til og med "
        f"{day_text(end)}; listen må da være overført",
        KOMMUNE,
    )


def revision_clock(last_revision: date, *, months: int) -> Clock:
    """AGR-REVISION, ASA 4310 § 16 — either party may demand revision of the agreement every year."""
    due = add_months(last_revision, months)
    return Clock(
        "revision",
        REVISION.id,
        REVISION.citation,
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
            NEW_INFORM.id,
            NEW_INFORM.citation,
            "Informer legene før avtalen lyses ut, slik at de kan søke om å få den plassert i sin praksis",
            KOMMUNE,
            gps_informed_on,
        ),
        Step(
            "su_statement",
            NEW_SU.id,
            NEW_SU.citation,
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
            ANNOUNCE.id,
            ANNOUNCE.citation,
            "Send den ledige avtalen til utlysning uten ubegrunnet opphold (eller fordel listen etter avtale "
            "mellom legene, jf. § 5.2)",
            KOMMUNE,
            announced_on,
        ),
    )
