"""Pure parts of rosters: when a solve found a roster, when a job counts as cut off, which published roster a
draft may replace (LV-ALWAYS), the labels of job and roster states, how far a roster is from the solver's
bound, the changes from a re-planned roster, why a doctor has fewer shifts, and one participant per doctor."""

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from legetjeneste.dates import OSLO
from legetjeneste.errors import Rule, RuleViolation
from legetjeneste.norwegian import day_text, number, span_text
from legetjeneste.rostering import explain
from legetjeneste.rostering import problem as rp
from legetjeneste.rostering.constraints import weighed_counters
from legetjeneste.rostering.problem import CATEGORY_NAMES_NB

JOB_STATUS = {
    "queued": "I kø",
    "running": "Løser",
    "done": "Ferdig",
    "failed": "Feilet",
    "cut_off": "Avbrutt",
}
OUTSIDE_SCHEME = "Ikke med i ordningen i denne delen av perioden"
ROSTER_STATUS = {"draft": "Utkast", "published": "Publisert", "replaced": "Erstattet av ny versjon"}


def gap(*, objective: float | None, bound: float | None) -> float | None:
    """The relative distance from the roster to the solver's bound; None when it cannot be told (no
    roster yet, or a roster of cost 0 with a bound below it)."""
    if objective is None or bound is None:
        return None
    if objective == bound:
        return 0.0
    return None if objective == 0 else abs(objective - bound) / abs(objective)


def changes(
    *,
    previous: Mapping[str, str | None],
    now: Mapping[str, str | None],
    names: Mapping,
    labels: Mapping,
) -> list[dict]:
    """The shifts whose doctor differs from the re-planned roster: (shift, from, to). A shift missing from
    `previous` was vacant there; a doctor no longer in the scheme is named by the HPR number."""

    def name(key: str | None) -> str | None:
        return None if key is None else names.get(key, key)

    found = []
    for shift_id in sorted(now):
        if previous.get(shift_id) != now[shift_id]:
            found.append(
                {
                    "shift_id": shift_id,
                    "date": shift_id.split("/")[0],
                    "label": labels.get(shift_id, shift_id),
                    "from_doctor": name(previous.get(shift_id)),
                    "to_doctor": name(now[shift_id]),
                }
            )
    return found


EXEMPTION_RULES = ("LV-EXEMPT-RIGHT", "LV-EXEMPT-DISCRETION", "NN-EXEMPT")


def unavailable_texts(participant: Mapping, *, sees_grounds: bool) -> list[str]:
    """Why a doctor has fewer shifts: each exemption, absence or time outside the scheme with its days.
    The ground of an exemption (health, pregnancy …) is shown only to those who decide exemptions."""
    found = []
    for window in participant.get("unavailable", []):
        first = datetime.fromisoformat(window["start"]).date()
        last = (datetime.fromisoformat(window["end"]) - timedelta(seconds=1)).date()
        reason = window["reason"]
        if window["rule_id"] in EXEMPTION_RULES and not sees_grounds:
            reason = "Fritak (ikke natt)" if window.get("nights_only") else "Fritak"
        found.append(f"{reason} {span_text(first, last)} ({window['rule_id']})")
    return found


def doctor_counts(
    *, line: Mapping, participants: Mapping, sees_grounds: bool, counters: Iterable[str] = rp.COUNTERS
) -> dict:
    """One doctor's line of the stored explanation as the roster shows it (a `DoctorCounts`): each count
    against the fair target, fair when between the share rounded down and up, and `counted` when the
    fairness rule weighs it (`counters`: the page shows only those); how often against the scheme's
    frequency; and why fewer shifts (`participants`: the problem's participants by key). The texts are
    made here, so a roster stored earlier reads the same."""
    participant = participants.get(line["key"], {})
    shown = set(counters)
    return {
        "hpr_number": line["key"],
        "name": line["name"],
        "participation": line["participation"],
        "total": line["total"],
        "needs_bakvakt": bool(participant.get("needs_bakvakt")),
        "counts": [
            {
                "counter": c["counter"],
                "label": CATEGORY_NAMES_NB[c["counter"]],
                "actual": c["actual"],
                "target": c["target"],
                "low": c["low"],
                "high": c["high"],
                "fair": c["low"] <= c["actual"] <= c["high"],
                "counted": c["counter"] in shown,
            }
            for c in line["counts"]
        ],
        "frequencies": [
            explain.frequency_text(
                counter=f["counter"],
                season=f["season"],
                available=f["available_days"],
                shifts=f["shifts"],
                target_every=f["target_every"],
            )
            for f in line["frequencies"]
        ],
        "unavailable": unavailable_texts(participant, sees_grounds=sees_grounds),
    }


def elapsed(*, started: datetime | None, finished: datetime | None, now: datetime) -> float | None:
    """Seconds the solver has worked, until `finished` or `now` (SQLite gives Oslo wall-clock times back
    without their zone)."""
    if started is None:
        return None
    end = finished or now
    started = started if started.tzinfo else started.replace(tzinfo=OSLO)
    end = end if end.tzinfo else end.replace(tzinfo=OSLO)
    return round(max((end - started).total_seconds(), 0.0), 1)


def merge_periods(participants: list[rp.Participant]) -> tuple[rp.Participant, ...]:
    """A doctor with two participation rows in the period (e.g. a new percentage from a date) is one
    participant: the windows outside each row that the other row covers are dropped."""
    by_key: dict[str, list[rp.Participant]] = defaultdict(list)
    for participant in participants:
        by_key[participant.key].append(participant)
    merged = []
    for rows in by_key.values():
        if len(rows) == 1:
            merged.append(rows[0])
            continue
        kept = [u for row in rows for u in row.unavailable if u.reason != OUTSIDE_SCHEME]
        merged.append(dataclasses.replace(rows[-1], unavailable=tuple(kept)))
    return tuple(merged)


ALWAYS = Rule("LV-ALWAYS", "akuttmedisinforskriften § 6")
#: PostgreSQL refused a publication the check let through (docs/adr/0010): another one came first.
PUBLISHED_AT_ONCE = (
    "En annen vaktliste for de samme dagene ble publisert i samme øyeblikk. Last siden på nytt og se "
    "hvilken som gjelder; planlegg den på nytt i stedet, så blir endringene listet."
)
#: A job queued or running that nothing has moved for its time limit and this long was cut off.
CUT_OFF_AFTER = timedelta(minutes=2)


def aware(moment: datetime) -> datetime:
    """SQLite gives back the Oslo wall-clock time without its zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=OSLO)


def job_status(
    *, status: str, is_running: bool, last_moved: datetime, time_limit: float, now: datetime
) -> str:
    """The status to show: a job queued or running that no worker runs and that nothing has moved for its
    time limit and CUT_OFF_AFTER was cut off (a restart, a crash) — "cut_off"."""
    if status not in ("queued", "running") or is_running:
        return status
    limit = timedelta(seconds=time_limit) + CUT_OFF_AFTER
    return "cut_off" if now - aware(last_moved) > limit else status


def is_roster_found(*, status: str, assigned: int) -> bool:
    """Whether a solve ended with a roster: a feasible status and at least one shift decided."""
    return status not in ("infeasible", "unknown") and assigned > 0


def require_only_replaced_overlap(*, overlapping: Iterable[tuple[int, int]], replaces: int | None) -> None:
    """LV-ALWAYS, akuttmedisinforskriften § 6 — a draft may be published over the days of a published
    roster only when it re-plans that roster (and then replaces it); a fresh solve over published days
    must be a re-plan instead, so the changes are listed. `overlapping` holds (id, version) pairs."""
    for roster_id, version in overlapping:
        if roster_id != replaces:
            raise RuleViolation.of(
                ALWAYS,
                f"Perioden overlapper den publiserte vaktlisten {roster_id} (versjon {version}). "
                "Planlegg den på nytt i stedet, så blir endringene listet.",
            )


def shown_counters(problem: Mapping) -> tuple[str, ...]:
    """The counters the roster's table shows for a stored problem: those the fairness rule weighs."""
    weights = (problem.get("weights") or {}).get("fairness") or rp.Weights().fairness
    nights = {bool(s.get("is_night")) for s in problem.get("shifts", [])}
    return weighed_counters(nights=nights, weights=weights)


@dataclass(frozen=True)
class PendingExemption:
    """An application for exemption not yet decided: whose, for which days, and for which shifts."""

    exemption_id: int
    doctor_id: int
    doctor_name: str
    start: date
    end: date | None
    nights_only: bool

    @property
    def summary(self) -> str:
        until = f"til og med {day_text(self.end)}" if self.end else "uten sluttdato"
        return f"{self.doctor_name}: søknad om fritak fra {day_text(self.start)} {until} venter på vedtak"


def pending_warnings(
    *, doctor_id: int | None, day: date, is_night: bool, pending: Iterable[PendingExemption]
) -> list[dict]:
    """LV-EXEMPT-PENDING (project rule), FLF § 33 — a roster is built on granted
    exemptions only, so a shift inside a pending application of its doctor is shown with a warning: if the
    application is granted, the shift must be given to someone else (re-plan the roster)."""
    found = []
    for p in pending:
        inside = p.start <= day and (p.end is None or day <= p.end)
        if p.doctor_id == doctor_id and inside and (is_night or not p.nights_only):
            found.append(
                {
                    "text": "Søknad om fritak venter på vedtak for denne dagen; vaktlisten tar ikke "
                    "hensyn til søknaden før den er innvilget",
                    "href": f"/fritak/{p.exemption_id}",
                    "rule_id": "LV-EXEMPT-PENDING",
                }
            )
    return found


def bakvakt_missing() -> dict:
    """LV-COMPETENCE, kompetanseforskriften § 3, § 3a — the doctor on this shift needs a bakvakt, and the
    scheme names none for the day: the municipality must provide one who may work alone."""
    return {
        "text": "Legen trenger bakvakt, og ingen bakvakt er navngitt for dagen",
        "href": None,
        "rule_id": "LV-COMPETENCE",
    }


def _how_good(gap: float | None) -> str:
    if gap is None:
        return "det er ikke sikkert at den er den beste"
    if gap <= 0.02:
        return "den er nesten helt sikkert den beste"
    if gap <= 0.2:
        return "den er god, men en noe bedre kan finnes"
    return "løseren er usikker på om en tydelig bedre finnes"


def certainty_text(*, is_optimal: bool, gap: float | None, found: bool = True) -> str:
    """How sure the solver is of a roster, in words (no objective, bound or gap on a page): proven best,
    or stopped at the time limit with a roster that is nearly, probably or perhaps not the best."""
    if not found:
        return "Ingen vaktliste er funnet."
    if is_optimal:
        return "Beste mulige vaktliste er funnet: ingen annen vaktliste følger reglene bedre."
    more = "" if gap is not None and gap <= 0.02 else " Gi løseren mer tid for å bli sikrere."
    stopped = "Løseren stoppet ved tidsgrensen med en vaktliste som følger alle harde regler"
    return f"{stopped}; {_how_good(gap)}.{more}"


def progress_text(
    *,
    status: str,
    elapsed: float | None,
    time_limit: float,
    solutions: int,
    is_optimal: bool,
    gap: float | None,
) -> str:
    """How far a solve is, in words: waiting, working (time used of the limit, rosters found so far and
    how good the best is), or done."""
    if status == "queued":
        return "Venter på å starte. Løseren starter så snart maskinen er ledig."
    if status in ("failed", "cut_off"):
        return "Løsingen stoppet før den var ferdig."
    seconds, limit = number(elapsed or 0), number(time_limit)
    if status != "running":
        found = certainty_text(is_optimal=is_optimal, gap=gap, found=bool(solutions))
        return f"Ferdig etter {seconds} {'sekund' if seconds == '1' else 'sekunder'}. {found}"
    text = f"Løseren har arbeidet i {seconds} av høyst {limit} sekunder"
    if not solutions:
        return f"{text} og leter etter den første vaktlisten."
    found = "én vaktliste" if solutions == 1 else f"{solutions} vaktlister, hver bedre enn den forrige"
    return f"{text} og har funnet {found}. Den beste så langt: {_how_good(gap)}."
