"""Example problems with fictional doctors: the Vefsn legevakt scheme and a large intermunicipal scheme.

Used by the tests and `benchmarks/bench_roster.py`. Vefsn (VEFSN 6.2, Vedlegg 2): weekdays 15:30–08:00,
weekends and public holidays 09:00–09:00, 12 GPs and a LIS1 who needs a bakvakt (rostered on weekend
shifts), summer (21 June–15 August) at double frequency because the GPs take their holidays then.
"""

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from legetjeneste.dates import OSLO, Period
from legetjeneste.rostering.problem import Participant, Problem, Request, ShiftTemplate, Unavailable
from legetjeneste.rostering.shifts import shifts_for

VEFSN_TEMPLATES = (
    ShiftTemplate("hverdag", "Hverdagsvakt", time(15, 30), time(8, 0), "weekday"),
    ShiftTemplate("helg", "Helge- og helligdagsvakt", time(9, 0), time(9, 0), "weekend", has_bakvakt=True),
)

SURNAMES = (
    "Aasen", "Berg", "Dahl", "Eide", "Fjeld", "Grønli", "Haugen", "Isaksen", "Jensen", "Kvam",
    "Lund", "Moe", "Nygård", "Olsen", "Pettersen", "Ruud", "Sand", "Tangen", "Vik", "Øien",
)  # fmt: skip
GIVEN = (
    "Anne",
    "Bjørn",
    "Cecilie",
    "Didrik",
    "Eva",
    "Frode",
    "Gro",
    "Håkon",
    "Ingrid",
    "Jon",
    "Kari",
    "Lars",
)


def at(day: date, hour: int = 0) -> datetime:
    return datetime.combine(day, time(hour), OSLO)


def away(first: date, days: int, reason: str = "Ferie", rule_id: str = "HN") -> Unavailable:
    """An absence from `first` 00:00 for `days` whole days."""
    return Unavailable(at(first), at(first + timedelta(days=days)), reason, rule_id)


def doctor_name(number: int) -> str:
    return f"{GIVEN[number % len(GIVEN)]} {SURNAMES[(number // len(GIVEN)) % len(SURNAMES)]}"


def vefsn(first: date = date(2027, 7, 1), last: date = date(2027, 12, 31)) -> Problem:
    """The Vefsn legevakt for a period: 12 GPs (three weeks of summer holiday each, staggered so three
    are away at a time; one exempt from nights from 1 October; one at 60 % participation) and a LIS1."""
    summer = Period(date(first.year, 6, 21), date(first.year, 8, 15))
    shifts = shifts_for(VEFSN_TEMPLATES, first, last, summer=summer)
    participants = []
    for number in range(12):
        holiday_start = date(first.year, 6, 28) + timedelta(weeks=number % 4 + (number // 4) % 2)
        unavailable = [away(holiday_start, 17)]
        if number == 5:
            unavailable.append(
                Unavailable(
                    at(date(first.year, 10, 1)),
                    at(date(first.year + 1, 1, 1)),
                    "Fritak: ikke natt",
                    "LV-EXEMPT-DISCRETION",
                    nights_only=True,
                )
            )
        participants.append(
            Participant(
                key=f"{9_100_001 + number}",
                name=doctor_name(number),
                participation=60 if number == 7 else 100,
                unavailable=tuple(unavailable),
            )
        )
    participants.append(Participant("9200001", "Lise Iversen (LIS1)", needs_bakvakt=True))
    return Problem(
        tuple(shifts), tuple(participants), frequency={"weekday": 12, "weekend": 6}, summer_factor=2.0
    )


def intermunicipal(
    doctors: int = 150, first: date = date(2027, 1, 1), last: date = date(2027, 12, 31)
) -> Problem:
    """A large intermunicipal legevakt: four parallel stations, each with an evening (15:30–23:00) and a night
    (23:00–08:00) shift on weekdays and day/night 12-hour shifts on weekends; every doctor has three weeks of
    summer holiday and one week off another time, every tenth is exempt from nights."""
    templates = []
    for station in range(1, 5):
        templates += [
            ShiftTemplate(f"s{station}-kveld", f"Stasjon {station} kveld", time(15, 30), time(23, 0)),
            ShiftTemplate(f"s{station}-natt", f"Stasjon {station} natt", time(23, 0), time(8, 0)),
            ShiftTemplate(
                f"s{station}-dag", f"Stasjon {station} helg dag", time(8, 0), time(20, 0), "weekend"
            ),
            ShiftTemplate(
                f"s{station}-hnatt", f"Stasjon {station} helg natt", time(20, 0), time(8, 0), "weekend"
            ),
        ]
    summer = Period(date(first.year, 6, 21), date(first.year, 8, 15))
    shifts = shifts_for(templates, first, last, summer=summer)
    participants = []
    for number in range(doctors):
        unavailable = [
            away(date(first.year, 6, 21) + timedelta(weeks=number % 6), 21),
            away(first + timedelta(weeks=2 + number % 40), 7, "Kurs", "HN"),
        ]
        if number % 10 == 9:
            unavailable.append(
                Unavailable(
                    at(first),
                    at(last + timedelta(days=1)),
                    "Fritak: ikke natt",
                    "LV-EXEMPT-RIGHT",
                    nights_only=True,
                )
            )
        participants.append(
            Participant(
                f"{9_300_001 + number}",
                doctor_name(number),
                100 if number % 7 else 50,
                unavailable=tuple(unavailable),
            )
        )
    return Problem(tuple(shifts), tuple(participants), frequency=None)


KLS, GKL = 1, 2
NODNETT_TEMPLATE = ShiftTemplate(
    "nodnett",
    "Nødnett dagtid",
    time(8, 0),
    time(15, 30),
    office_days={0: KLS, 1: KLS, 2: GKL, 3: GKL, 4: GKL},
)


def kragero(first: date = date(2026, 4, 1), last: date = date(2026, 9, 30), *, exempted: int = 0) -> Problem:
    """Kragerø daytime nødnett (NN-OFFICE-DAYS): KLS (4 doctors) has Mondays and Tuesdays, GKL (7 doctors,
    one a vikar) Wednesday to Friday; `exempted` of GKL's four applicants granted for the whole period
    (NN-EXEMPT). Public holidays have no daytime nødnett here (weekday template only)."""
    shifts = shifts_for((NODNETT_TEMPLATE,), first, last)
    participants = []
    for number in range(4):
        participants.append(Participant(f"{9_400_001 + number}", doctor_name(number), office_id=KLS))
    for number in range(7):
        unavailable: tuple[Unavailable, ...] = ()
        if number < exempted:
            window = Unavailable(at(first), at(last + timedelta(days=1)), "Fritak fra nødnett", "NN-EXEMPT")
            unavailable = (window,)
        name = doctor_name(4 + number) + (" (vikar)" if number == 6 else "")
        participants.append(
            Participant(f"{9_400_101 + number}", name, office_id=GKL, unavailable=unavailable)
        )
    return Problem(tuple(shifts), tuple(participants))


def vefsn_crowded_summer() -> Problem:
    """Vefsn's half year with half the GPs on holiday at once (three weeks each, in two waves from 5 July)
    and 24 requests (12 days off, 12 days on): an optimum above zero, so the proof is not trivial."""
    problem = vefsn()
    participants = []
    for number, participant in enumerate(problem.participants):
        if not participant.needs_bakvakt:
            holiday = away(date(2027, 7, 5) + timedelta(weeks=(number % 2) * 3), 21)
            participant = replace(participant, unavailable=(holiday,) + participant.unavailable[1:])
        participants.append(participant)
    gps = participants[:12]
    requests = tuple(
        Request(p.key, date(2027, 9, 1) + timedelta(days=11 * n), "off") for n, p in enumerate(gps)
    ) + tuple(Request(p.key, date(2027, 10, 3) + timedelta(days=5 * n), "on") for n, p in enumerate(gps))
    return replace(problem, participants=tuple(participants), requests=requests)
