"""The tilsyn page's cover forms (TILSYN-COVER): a named substitute for a unit on a day, a stand-in for the
kommuneoverlege's function on a day, a municipal doctor who is not a GP, and such a doctor's absence."""

from fastapi import APIRouter, Request

from legetjeneste.duties.tilsyn import pages as tilsyn_pages
from legetjeneste.duties.tilsyn.cover import service
from legetjeneste.duties.tilsyn.cover.schemas import MunicipalAbsenceIn, MunicipalDoctorAdd, SubstituteIn
from legetjeneste.errors import Problem, ValidationFailed
from legetjeneste.norwegian import day_text, span_text
from legetjeneste.web.deps import ActorDep, FormDep, SessionDep
from legetjeneste.web.forms import parse_form

router = APIRouter(include_in_schema=False)
PAGE = "/kommuner/{number}/tilsyn"


def _id(values: dict[str, str], name: str, message: str) -> int:
    text = values.get(name, "")
    if not text.isdigit():
        raise ValidationFailed([Problem(name, message)])
    return int(text)


def _named(request, number, session, actor, form, *, name, field, missing, write, covers, anchor):
    """A substitute named for one day of what `field` names (a unit, or a municipal doctor's function):
    `write(holder_id, data)` saves it, `covers(saved)` says what it covers in the message."""

    def use_case(values):
        data = parse_form(SubstituteIn, values)
        return write(_id(values, field, missing), data)

    def done(saved):
        return (
            f"{saved.substitute} er stedfortreder for {covers(saved)} {day_text(saved.day)} (TILSYN-COVER).",
            anchor,
        )

    return tilsyn_pages.submitted(
        request, number, session, actor, form, name=name, use_case=use_case, done=done
    )


@router.post(PAGE + "/stedfortreder")
def name_substitute(request: Request, number: str, session: SessionDep, actor: ActorDep, form: FormDep):
    """TILSYN-COVER — a named substitute for a unit on a day, from the cover table."""

    def write(unit_id, data):
        return service.name_substitute(session, actor=actor, unit_id=unit_id, day=data.day, name=data.name)

    return _named(
        request, number, session, actor, form, name="stedfortreder", field="unit_id",
        missing="velg avdelingen", write=write, covers=lambda saved: saved.unit, anchor="fravaer",
    )  # fmt: skip


@router.post(PAGE + "/stedfortreder-funksjon")
def name_standin(request: Request, number: str, session: SessionDep, actor: ActorDep, form: FormDep):
    """TILSYN-COVER, VEFSN 8.1.3 — a named stand-in for the kommuneoverlege's function on a day."""

    def write(doctor_id, data):
        return service.name_standin(
            session, actor=actor, municipal_doctor_id=doctor_id, day=data.day, name=data.name
        )

    return _named(
        request, number, session, actor, form, name="funksjon", field="municipal_doctor_id",
        missing="velg legen", write=write, covers=lambda saved: saved.unit.lower(), anchor="stedfortreder",
    )  # fmt: skip


@router.post(PAGE + "/kommunale-leger")
def add_municipal_doctor(request: Request, number: str, session: SessionDep, actor: ActorDep, form: FormDep):
    """TILSYN-COVER — a municipal doctor who is not a GP (the sykehjemslege, the kommuneoverlege)."""

    def use_case(values):
        data = parse_form(MunicipalDoctorAdd, values)
        return service.add_municipal_doctor(session, actor=actor, municipality_number=number, data=data)

    def done(saved):
        return f"{saved.name} er registrert som {saved.role_label.lower()}.", "kommunale-leger"

    return tilsyn_pages.submitted(
        request, number, session, actor, form, name="lege", use_case=use_case, done=done
    )


@router.post(PAGE + "/kommunale-leger/fravaer")
def add_absence(request: Request, number: str, session: SessionDep, actor: ActorDep, form: FormDep):
    """TILSYN-COVER — a municipal doctor's absence; their planned hours then stand uncovered."""

    def use_case(values):
        doctor_id = _id(values, "municipal_doctor_id", "velg legen")
        data = parse_form(MunicipalAbsenceIn, values)
        return service.add_absence(session, actor=actor, municipal_doctor_id=doctor_id, data=data), data

    def done(result):
        saved, data = result
        return (
            f"{saved.name} er registrert borte {span_text(data.start, data.end)} (TILSYN-COVER).",
            "fravaer",
        )

    return tilsyn_pages.submitted(
        request, number, session, actor, form, name="fravaer", use_case=use_case, done=done
    )
