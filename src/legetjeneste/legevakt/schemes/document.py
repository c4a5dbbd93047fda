"""A scheme as an item of the municipality file's `legevakt_schemes` section: the import format without
empty or default fields, so export → import changes nothing."""

from legetjeneste.legevakt.schemes.models import Scheme
from legetjeneste.legevakt.schemes.schemas import scheme_in


def scheme_document(scheme: Scheme) -> dict:
    """The scheme as a section item of the municipality file (no empty or default fields)."""
    written = scheme_in(scheme)
    data = {
        "code": written.code,
        "name": written.name,
        "kind": written.kind,
        "description": written.description or None,
        "start": written.start.isoformat(),
        "end": written.end.isoformat() if written.end else None,
        "partners": written.partners or None,
        "shift_templates": [
            _compact(
                {
                    "code": t.code,
                    "name": t.name,
                    "start": t.start.strftime("%H:%M"),
                    "end": t.end.strftime("%H:%M"),
                    "day_kind": t.day_kind,
                    "is_night": t.is_night or None,
                    "is_alternative": t.is_alternative or None,
                    "has_bakvakt": t.has_bakvakt or None,
                }
            )
            for t in written.shift_templates
        ]
        or None,
        "participants": [_compact(_dates(dict(p))) for p in written.participants] or None,
        "targets": [_compact(_dates(dict(t.__dict__))) for t in written.targets] or None,
        "office_days": [{"office": o.office, "weekdays": o.weekdays} for o in written.office_days] or None,
        "bakvakt_days": [
            _compact({"day": b.day.isoformat(), "doctor": b.doctor}) for b in written.bakvakt_days
        ]
        or None,
        "max_wishes_per_month": written.max_wishes_per_month,
    }
    return _compact(data)


def _dates(data: dict) -> dict:
    return {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in data.items()}


def _compact(data: dict) -> dict:
    return {k: v for k, v in data.items() if v is not None and v != ""}
