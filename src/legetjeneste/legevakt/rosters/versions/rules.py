"""Pure parts of a roster's versions: what a new version of a published roster changes, and what each doctor
with shifts is told when a roster is published or replaced (LV-REPLAN, LV-SWAP)."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from legetjeneste.norwegian import day_text, period_text


@dataclass(frozen=True)
class Notice:
    """One doctor's notice: to whom (doctor id), the subject, the text and the page it points to."""

    doctor_id: int
    subject: str
    body: str
    link: str


@dataclass(frozen=True)
class Held:
    """A shift of a roster as the notices need it: its key, day, name, and its doctor's id and name."""

    shift_key: str
    on: date
    label: str
    doctor_id: int | None
    doctor_name: str | None


def change_lines(*, before: Iterable[Held], after: Iterable[Held]) -> list[dict]:
    """LV-REPLAN — the shifts whose doctor differs between two versions, as a roster lists its changes:
    (shift, date, name, from, to); no doctor is «vacant»."""
    was = {h.shift_key: h for h in before}
    found = []
    for now in sorted(after, key=lambda h: h.shift_key):
        old = was.get(now.shift_key)
        if old is not None and old.doctor_id != now.doctor_id:
            found.append(
                {
                    "shift_id": now.shift_key,
                    "date": now.on.isoformat(),
                    "label": now.label,
                    "from_doctor": old.doctor_name,
                    "to_doctor": now.doctor_name,
                }
            )
    return found


def _month_link(days: list[date]) -> str:
    return f"/mine-vakter?maaned={min(days):%Y-%m}" if days else "/mine-vakter"


def roster_notices(
    *,
    scheme_name: str,
    first: date,
    last: date,
    version: int,
    shifts: Iterable[Held],
    before: Iterable[Held] | None,
) -> list[Notice]:
    """LV-REPLAN — a notice to every doctor with shifts in a published roster and, when it replaces the
    version `before`, to every doctor who lost a shift: how many shifts they have and their own changes."""
    held = list(shifts)
    count = Counter(h.doctor_id for h in held if h.doctor_id is not None)
    days: dict[int, list[date]] = {}
    for h in held:
        if h.doctor_id is not None:
            days.setdefault(h.doctor_id, []).append(h.on)
    was = {h.shift_key: h for h in before or ()}
    concerned: dict[int, list[str]] = {}
    for now in sorted(held, key=lambda h: (h.on, h.shift_key)):
        old = was.get(now.shift_key)
        if old is None or old.doctor_id == now.doctor_id:
            continue
        line = _change_text(now, old)
        for doctor_id in {d for d in (old.doctor_id, now.doctor_id) if d is not None}:
            concerned.setdefault(doctor_id, []).append(line)
    period = period_text(first, last)
    subject = (
        f"Vaktlisten for {scheme_name} er endret (versjon {version})"
        if before is not None
        else f"Ny vaktliste for {scheme_name} er publisert"
    )
    found = []
    for doctor_id in sorted(set(count) | set(concerned)):
        text = f"Du har {count[doctor_id]} vakter i vaktlisten for {scheme_name} {period}."
        if concerned.get(doctor_id):
            text += " Endringer som gjelder deg: " + "; ".join(concerned[doctor_id]) + "."
        found.append(Notice(doctor_id, subject, text, _month_link(days.get(doctor_id, []))))
    return found


def _change_text(now: Held, old: Held) -> str:
    day = day_text(now.on, weekday=True)
    return f"{now.label} {day}: fra {old.doctor_name or 'ledig'} til {now.doctor_name or 'ledig'}"
