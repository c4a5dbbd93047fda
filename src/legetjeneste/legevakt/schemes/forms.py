"""The scheme pages' forms as changes to a whole scheme: the scheme as read becomes a `SchemeIn`-shaped
document, one form changes one part of it, and the result is validated as a `SchemeIn` for `save_scheme`.
No rule lives here; every check is the schema's or `save_scheme`'s."""

import re
from typing import Any, TypeVar

from pydantic import BaseModel

from legetjeneste.errors import NotFound, Problem, ValidationFailed
from legetjeneste.legevakt.schemes.schemas import (
    BakvaktDayIn,
    ParticipantIn,
    SchemeIn,
    SchemeRead,
    ShiftTemplateIn,
    TargetIn,
)
from legetjeneste.web import forms

Document = dict[str, Any]
M = TypeVar("M", bound=BaseModel)
CHECKBOXES = ("is_night", "is_alternative", "has_bakvakt")


def document(scheme: SchemeRead) -> Document:
    """The scheme as read, in the shape `SchemeIn` takes (participants' history included; every
    participant names its municipality, the host's too)."""
    return {
        "code": scheme.code,
        "name": scheme.name,
        "kind": scheme.kind,
        "description": scheme.description,
        "start": scheme.start,
        "end": scheme.end,
        "partners": list(scheme.partners),
        "shift_templates": [t.model_dump() for t in scheme.shift_templates],
        "participants": [
            {
                "doctor": p.doctor_hpr,
                "municipality": p.municipality_number,
                "participation_percentage": p.participation_percentage,
                "office": p.office,
                "start": p.start,
                "end": p.end,
            }
            for p in scheme.participant_list
        ],
        "targets": [t.model_dump() for t in scheme.targets],
        "office_days": [o.model_dump() for o in scheme.office_days],
        "bakvakt_days": [b.model_dump() for b in scheme.bakvakt_days],
        "max_wishes_per_month": scheme.max_wishes_per_month,
    }


def scheme_in(data: Document) -> SchemeIn:
    return forms.validate(SchemeIn, data)


def _part(model: type[M], values: dict) -> M:
    """A form's fields as one part; an empty field is a missing one, a ticked checkbox is true."""
    names = set(model.model_fields)
    data: dict[str, Any] = {k: v for k, v in values.items() if k in names and v not in ("", None, [])}
    for name in CHECKBOXES:
        if name in names:
            data[name] = name in data
    return forms.validate(model, data)


def new_scheme(values: dict) -> Document:
    """«Ny ordning»: the scheme's own fields; for nødnett, the first office's weekdays if given."""
    data: Document = {k: values[k] for k in ("code", "name", "kind", "start", "end") if values.get(k)}
    data["description"] = values.get("description", "")
    data["partners"] = partners(values.get("partners", ""))
    if values.get("kind") == "nodnett" and values.get("office"):
        data["office_days"] = [{"office": values["office"], "weekdays": values.get("weekdays", [])}]
    return data


def partners(text: str) -> list[str]:
    """«1825, 1826» → ["1825", "1826"]: the partner municipalities of an intermunicipal scheme."""
    return [number for number in re.split(r"[,;\s]+", text) if number]


def basics(data: Document, values: dict) -> Document:
    data.update(name=values.get("name", ""), description=values.get("description", ""))
    data.update(start=values.get("start") or None, end=values.get("end") or None)
    data["partners"] = partners(values.get("partners", ""))
    data["max_wishes_per_month"] = values.get("max_wishes_per_month") or None
    return data


def add_template(data: Document, values: dict) -> Document:
    data["shift_templates"].append(_part(ShiftTemplateIn, values).model_dump())
    return data


def remove_template(data: Document, values: dict) -> Document:
    data["shift_templates"] = [t for t in data["shift_templates"] if t["code"] != values.get("code")]
    return data


def add_participant(data: Document, values: dict) -> Document:
    """The doctor field is «municipality:hpr» (a partner's doctor may share an HPR row's number)."""
    municipality, _, hpr = values.get("doctor", "").rpartition(":")
    fields = {**values, "doctor": hpr, "municipality": municipality or None}
    if data["kind"] != "nodnett":
        fields.pop("office", None)
    data["participants"].append(_part(ParticipantIn, fields).model_dump())
    return data


def end_participant(data: Document, values: dict) -> Document:
    """Set the end of one participation (doctor and start say which); the history stays."""
    for participant in data["participants"]:
        if participant["doctor"] == values.get("doctor") and str(participant["start"]) == values.get("start"):
            if not values.get("end"):
                raise ValidationFailed([Problem("end", "sluttdato mangler (påkrevd felt)")])
            participant["end"] = values["end"]
            return data
    raise ValidationFailed([Problem("doctor", "deltakelsen finnes ikke i ordningen")])


def add_target(data: Document, values: dict) -> Document:
    data["targets"].append(_part(TargetIn, values).model_dump())
    return data


def remove_target(data: Document, values: dict) -> Document:
    index = values.get("index", "")
    data["targets"] = [t for i, t in enumerate(data["targets"]) if str(i) != index]
    return data


def set_office_days(data: Document, values: dict) -> Document:
    """The weekdays of one office (NN-OFFICE-DAYS); no weekday removes the office's days."""
    office, weekdays = values.get("office", ""), values.get("weekdays", [])
    if not office:
        raise ValidationFailed([Problem("office", "velg et legekontor", "NN-OFFICE-DAYS")])
    others = [o for o in data["office_days"] if o["office"] != office]
    data["office_days"] = others + ([{"office": office, "weekdays": weekdays}] if weekdays else [])
    return data


def add_bakvakt(data: Document, values: dict) -> Document:
    data["bakvakt_days"].append(_part(BakvaktDayIn, values).model_dump())
    return data


def remove_bakvakt(data: Document, values: dict) -> Document:
    data["bakvakt_days"] = [b for b in data["bakvakt_days"] if str(b["day"]) != values.get("day")]
    return data


#: The edit page's forms: the last part of the address → the change it makes.
CHANGES = {
    "ordning": basics,
    "vakt": add_template,
    "fjern-vakt": remove_template,
    "deltaker": add_participant,
    "avslutt-deltaker": end_participant,
    "mal": add_target,
    "fjern-mal": remove_target,
    "kontordager": set_office_days,
    "bakvakt": add_bakvakt,
    "fjern-bakvakt": remove_bakvakt,
}
MESSAGES = {
    "ordning": "Ordningen er oppdatert.",
    "vakt": "Vakten er lagt til.",
    "fjern-vakt": "Vakten er fjernet.",
    "deltaker": "Deltakeren er lagt til.",
    "avslutt-deltaker": "Deltakelsen er avsluttet.",
    "mal": "Målet er lagt til.",
    "fjern-mal": "Målet er fjernet.",
    "kontordager": "Kontorets dager er lagret (NN-OFFICE-DAYS).",
    "bakvakt": "Bakvaktdagen er lagt til.",
    "fjern-bakvakt": "Bakvaktdagen er fjernet.",
}


def removed_part(scheme: SchemeRead, action: str, values: dict) -> object | None:
    """The shift template, target or bakvakt day a removal form names (the question before removing it
    shows it); None for a form that removes nothing or for one that names nothing the scheme has."""
    if action == "fjern-vakt":
        return next((t for t in scheme.shift_templates if t.code == values.get("code")), None)
    if action == "fjern-mal":
        index = values.get("index", "")
        return next((t for i, t in enumerate(scheme.targets) if str(i) == index), None)
    if action == "fjern-bakvakt":
        return next((b for b in scheme.bakvakt_days if str(b.day) == values.get("day")), None)
    return None


def change(scheme: SchemeRead, action: str, values: dict) -> SchemeIn:
    """The scheme as read with one form's change, as the `SchemeIn` to save."""
    if action not in CHANGES:
        raise NotFound(f"Skjemaet «{action}» finnes ikke.")
    return scheme_in(CHANGES[action](document(scheme), values))
