"""NN-OFFICE-DAYS, LV-SHIFTS-VEFSN, LV-COMPETENCE — the rules of a scheme as pure functions: its kinds and
day kinds, the shape and references of a scheme document, the shifts of a month, who needs a bakvakt, and
the national parameters a municipality may override.

The service resolves parameters (national or the municipality's own) for the date and passes plain values.
"""

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from legetjeneste.dates import WEEKDAYS, add_months, is_public_holiday
from legetjeneste.errors import Problem

LEGEVAKT, NODNETT = "legevakt", "nodnett"
KINDS = {LEGEVAKT: "Legevakt", NODNETT: "Nødnett (dagtid)"}
WEEKDAY, WEEKEND, ALL_DAYS = "weekday", "weekend", "all"
DAY_KINDS = {WEEKDAY: "hverdager", WEEKEND: "helg og helligdager", ALL_DAYS: "alle dager"}

EMERGENCY_COURSE, VIOLENCE_COURSE = "emergency_medicine", "violence_abuse"
COURSES = {EMERGENCY_COURSE: "Kurs i akuttmedisin", VIOLENCE_COURSE: "Kurs i volds- og overgrepshåndtering"}
#: Specialists, doctors in specialisation (ALIS) and licensed doctors past LIS1 ("none": no specialty).
QUALIFIED_STATUSES = ("allmennmedisin", "samfunnsmedisin", "alis", "none")
COMPETENCE = ("LV-COMPETENCE", "kompetanseforskriften § 3, § 3a")

#: The national parameters a municipality may override locally.
LOCAL_PARAMETERS = (
    "legevakt/legevakt_exemption_max_months",
    "legevakt/nodnett_exemption_max_months",
    "legevakt/discretion_weight_age",
)


def needs_bakvakt(*, specialist_status: str, courses: Iterable[str]) -> bool:
    """LV-COMPETENCE, kompetanseforskriften § 3 and § 3a — a doctor may work legevakt alone when a
    specialist, in specialisation or an approved GP, or with completed LIS1 (status «none»: a licensed
    doctor without specialty), each plus the courses in emergency medicine and in violence and abuse;
    otherwise only with a bakvakt. A LIS1 always needs one."""
    if specialist_status not in QUALIFIED_STATUSES:
        return True
    return not {EMERGENCY_COURSE, VIOLENCE_COURSE} <= set(courses)


def competence_text(*, specialist_status: str, courses: Iterable[str]) -> str:
    """What the page shows about LV-COMPETENCE for one participant."""
    missing = [COURSES[c] for c in (EMERGENCY_COURSE, VIOLENCE_COURSE) if c not in set(courses)]
    if specialist_status not in QUALIFIED_STATUSES:
        return "Trenger bakvakt: LIS1 uten fullført LIS1-tjeneste (LV-COMPETENCE)"
    if missing:
        return f"Trenger bakvakt: mangler {' og '.join(m.lower() for m in missing)} (LV-COMPETENCE)"
    return "Kan ha vakt alene (LV-COMPETENCE)"


def is_weekend_day(day: date) -> bool:
    """Saturdays, Sundays and Norwegian public holidays count as weekend days (LV-SHIFTS-VEFSN)."""
    return day.weekday() >= 5 or is_public_holiday(day)


def month_days(month: date) -> list[date]:
    next_month = add_months(month.replace(day=1), 1)
    return [month.replace(day=1) + timedelta(n) for n in range((next_month - month.replace(day=1)).days)]


def legevakt_shift_count(month: date, day_kinds: Sequence[str]) -> int:
    """LV-SHIFTS-VEFSN — the shifts of a month: each ordinary template once on each day of its kind."""
    count = 0
    for day in month_days(month):
        kind = WEEKEND if is_weekend_day(day) else WEEKDAY
        count += sum(1 for k in day_kinds if k in (kind, ALL_DAYS))
    return count


def nodnett_shift_count(month: date, weekdays: Iterable[str]) -> int:
    """NN-OFFICE-DAYS — the office's nødnett days in a month: its weekdays that are working days."""
    wanted = {WEEKDAYS.index(w) for w in weekdays}
    return sum(1 for d in month_days(month) if d.weekday() in wanted and not is_weekend_day(d))


def scheme_problems(
    scheme, *, prefix: str, host: str, doctors: set[tuple[str, str]], offices: set[str]
) -> list[Problem]:
    """The references and the shape of one scheme (a `SchemeIn`): doctors of the host or a partner
    municipality, known offices, unique template codes, and for nødnett the office of every weekday
    (NN-OFFICE-DAYS) and of every participant."""
    problems = []
    codes = [t.code for t in scheme.shift_templates]
    for index, code in enumerate(codes):
        if code in codes[:index]:
            problems.append(Problem(f"{prefix}shift_templates[{index}].code", f"koden «{code}» er brukt før"))
    allowed = {host, *scheme.partners}
    starts: set[tuple] = set()
    for index, participant in enumerate(scheme.participants):
        where = f"{prefix}participants[{index}]"
        municipality = participant.municipality or host
        key = (municipality, participant.doctor, participant.start)
        if key in starts:
            problems.append(
                Problem(f"{where}.start", f"lege {participant.doctor} står allerede med denne starten")
            )
        starts.add(key)
        if municipality not in allowed:
            problems.append(
                Problem(f"{where}.municipality", f"{municipality} er ikke med i ordningen (partners)")
            )
        elif (municipality, participant.doctor) not in doctors:
            problems.append(
                Problem(f"{where}.doctor", f"lege {participant.doctor} finnes ikke i kommune {municipality}")
            )
        if participant.office is not None and participant.office not in offices:
            problems.append(Problem(f"{where}.office", f"legekontor {participant.office} finnes ikke"))
        if scheme.kind == NODNETT and participant.office is None:
            problems.append(
                Problem(
                    f"{where}.office", "en deltaker i nødnett må høre til et legekontor", "NN-OFFICE-DAYS"
                )
            )
    seen: dict[str, str] = {}
    for index, office_days in enumerate(scheme.office_days):
        if office_days.office not in offices:
            problems.append(
                Problem(
                    f"{prefix}office_days[{index}].office", f"legekontor {office_days.office} finnes ikke"
                )
            )
        for weekday in office_days.weekdays:
            if weekday in seen:
                problems.append(
                    Problem(
                        f"{prefix}office_days[{index}].weekdays",
                        f"{weekday} er allerede gitt til {seen[weekday]}",
                        "NN-OFFICE-DAYS",
                    )
                )
            seen[weekday] = office_days.office
    if scheme.kind == NODNETT and not scheme.office_days:
        problems.append(
            Problem(
                f"{prefix}office_days",
                "en nødnettordning må si hvilket kontor som har hvilke dager",
                "NN-OFFICE-DAYS",
            )
        )
    days = [b.day for b in scheme.bakvakt_days]
    for index, day in enumerate(scheme.bakvakt_days):
        if day.day in days[:index]:
            problems.append(Problem(f"{prefix}bakvakt_days[{index}].day", "dagen står to ganger"))
        if day.doctor is not None and not any((m, day.doctor) in doctors for m in allowed):
            problems.append(
                Problem(f"{prefix}bakvakt_days[{index}].doctor", f"lege {day.doctor} finnes ikke")
            )
    return problems


def check_local_parameter(data, *, prefix: str = "") -> list[Problem]:
    """Only the parameters in `LOCAL_PARAMETERS` may be overridden locally (`data`: a `LocalParameterIn`)."""
    if data.name not in LOCAL_PARAMETERS:
        known = ", ".join(LOCAL_PARAMETERS)
        return [Problem(f"{prefix}name", f"«{data.name}» kan ikke overstyres lokalt (kan: {known})")]
    return []
