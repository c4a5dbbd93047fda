"""The statistics' rules (RULES.md § 7, STAT-*): legevakt use, costs, vacancies, workload, ALIS cost and the
quality indicators. Pure: figures in, figures out; None where a figure is missing (never 0)."""

import calendar
import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from legetjeneste.errors import Problem, Rule

LV = Rule("STAT-LV", "Plan for legetjenesten i Vefsn 9.1.2")
QI = Rule("STAT-QI", "Plan for legetjenesten i Vefsn 6.2 d")
OFFICE_QI = Rule("STAT-OFFICE-QI", "ASA 4310 § 4.2.3")
WORKLOAD = Rule("STAT-WORKLOAD", "Helsedirektoratet 2018; Plan for legetjenesten i Vefsn 4.1")
ALIS_COST = Rule("STAT-ALIS-COST", "Helsedirektoratet 2018")
VACANCY = Rule("STAT-LV-VACANCY", "Plan for legetjenesten i Vefsn 6.2")
LV_COST = Rule("STAT-LV-COST", "Plan for legetjenesten i Vefsn 3.7")

INDICATORS = {
    "answer_time_116117": "Svartid på 116 117",
    "ros_analysis": "ROS-analyse gjennomført",
    "joint_training_ambulance": "Samtrening med ambulansetjenesten",
    "interpreter_access": "Tilgang til tolketjeneste",
    "daytime_turnout": "Lege på dagtid utstyrt og tilgjengelig for utrykning",
    "triage_on_arrival": "Triage ved ankomst",
}
QI_STATUS = {"met": "Oppfylt", "not_met": "Ikke oppfylt", "not_reported": "Ikke rapportert"}
OFFICE_INDICATORS = {
    "waiting_days": ("Ventetid på time", "dager"),
    "phone_answer_minutes": ("Svartid på telefon", "minutter"),
    "home_visits": ("Sykebesøk", "per år"),
}
NAMED_FEE_CODES = ("2ad", "11ad", "1f", "2ld", "2ae")
ONE_CODES = "1-takstene"
_FEE_CODE = re.compile(r"^\d{1,3}[a-zæøå]{0,4}$")
_ONE_CODE = re.compile(r"^1[a-zæøå]+$")

Number = Decimal | None


def _ratio(numerator: Decimal | int | None, denominator: Decimal | int | None, places: str) -> Number:
    if numerator is None or not denominator:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(Decimal(places), ROUND_HALF_UP)


def days_in(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


def legevakt_rate(contacts: int | None, inhabitants: int | None, year: int) -> Number:
    """STAT-LV, VEFSN 9.1.2.4 — legevakt contacts per 1 000 inhabitants per day of the year (VEFSN: 1,37
    against the vakttårn benchmark 0,9 and the target 1,0)."""
    if contacts is None or not inhabitants:
        return None
    return _ratio(Decimal(contacts) * 1000, Decimal(inhabitants) * days_in(year), "0.01")


def per_inhabitant(count: int | None, inhabitants: int | None) -> Number:
    """STAT-LV — consultations per inhabitant per year (VEFSN: 2,78)."""
    return _ratio(count, inhabitants, "0.01")


def vacancy_share(vacant: int | None, shifts: int | None) -> Number:
    """STAT-LV-VACANCY — vacant legevakt shifts as a share (per cent) of all the year's shifts."""
    return None if vacant is None or not shifts else _ratio(Decimal(vacant) * 100, shifts, "0.1")


@dataclass(frozen=True)
class LegevaktCost:
    per_inhabitant: Number
    per_contact: Number
    share_of_budget: Number  # per cent


def legevakt_cost(
    cost: Decimal | None, *, inhabitants: int | None, contacts: int | None, budget: Decimal | None
) -> LegevaktCost:
    """STAT-LV-COST, VEFSN 3.7 — the legevakt's cost per inhabitant, per contact and as a share of the doctor
    service's budget (VEFSN: 5 of 17,5 million = 28,6 %)."""
    share = None if cost is None or not budget else _ratio(cost * 100, budget, "0.1")
    return LegevaktCost(_ratio(cost, inhabitants, "1"), _ratio(cost, contacts, "1"), share)


def extra_gps_share(mean_hours: Decimal, target_hours: Decimal) -> Decimal:
    """STAT-WORKLOAD — how many more GPs (per cent) carry today's work at the target week: mean ÷ target − 1
    (55,6 h to 45 h: 23,6 %, which the source rounds to «about 25 %»)."""
    return ((mean_hours / target_hours - 1) * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)


def alis_cost(lines: dict[str, Decimal]) -> Decimal:
    """STAT-ALIS-COST — the cost per ALIS per year is the sum of its line items (184 800 kr); the source's own
    slide implies about 194 700, so the line items are always shown with the sum."""
    return sum(lines.values(), Decimal(0))


def quality_status(status: str | None) -> str:
    """STAT-QI — an indicator with no report is «not reported», never met."""
    return status if status in QI_STATUS else "not_reported"


def quality_problems(
    *, indicator: str, status: str, evidence: str, reported_on: date | None, year: int, prefix: str = ""
) -> list[Problem]:
    """STAT-QI — a known indicator and status; «met» and «not met» are reports and need the evidence and the
    date they were reported, which is not before the year began."""
    problems = []
    if indicator not in INDICATORS:
        problems.append(Problem(f"{prefix}indicator", f"Kvalitetsindikatoren «{indicator}» er ukjent", QI.id))
    if status not in QI_STATUS:
        problems.append(Problem(f"{prefix}status", f"Status «{status}» er ukjent", QI.id))
    elif status != "not_reported":
        if not evidence.strip():
            problems.append(
                Problem(f"{prefix}evidence", "Dokumentasjon mangler for en rapportert indikator", QI.id)
            )
        if reported_on is None:
            problems.append(Problem(f"{prefix}reported_on", "Rapportert dato mangler", QI.id))
        elif reported_on < date(year, 1, 1):
            problems.append(Problem(f"{prefix}reported_on", "Rapportert dato er før året begynte", QI.id))
    return problems


def fee_code_problem(code: str) -> str | None:
    """STAT-LV — a fee code as Normaltariffen writes it (2ad, 11ad, 1f …), lower case."""
    return None if _FEE_CODE.match(code) else f"«{code}» er ikke en takstkode"


def fee_code_groups(counts: dict[str, int]) -> dict[str, int]:
    """STAT-LV — the named codes (2ad, 11ad, 1f, 2ld, 2ae) and the other 1-codes (1 followed by letters: 1ad,
    1bd …; not 11ad, and not 1f, which is counted on its own) summed; codes not used count 0."""
    groups = {code: counts.get(code, 0) for code in NAMED_FEE_CODES}
    groups[ONE_CODES] = sum(n for code, n in counts.items() if _ONE_CODE.match(code) and code not in groups)
    return groups


FEE_CSV_COLUMNS = ("aar", "organisasjonsnummer", "takst", "antall")


def parse_fee_code_csv(text: str) -> tuple[list[tuple[str, int, str, int]], list[Problem]]:
    """STAT-LV — the fee-code CSV (docs/planning-imports.md): a header `aar;organisasjonsnummer;takst;antall`
    (semicolon or comma), one row per office, year and code. Every bad row is listed by its line number."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines:
        return [], [Problem("", "Filen er tom", LV.id)]
    delimiter = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter=delimiter)
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in FEE_CSV_COLUMNS if c not in header]
    if missing:
        return [], [Problem("", f"Kolonne mangler: {', '.join(missing)}", LV.id)]
    items, problems = [], []
    for number, row in enumerate(reader, start=2):
        row = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
        try:
            year, count = int(row["aar"]), int(row["antall"].replace(" ", ""))
        except ValueError:
            problems.append(Problem(f"rad {number}", "År og antall skal være hele tall", LV.id))
            continue
        if count < 0 or not 1990 <= year <= 2100:
            problems.append(Problem(f"rad {number}", "År eller antall er utenfor gyldig område", LV.id))
            continue
        items.append((row["organisasjonsnummer"].replace(" ", ""), year, row["takst"], count))
    return items, problems
