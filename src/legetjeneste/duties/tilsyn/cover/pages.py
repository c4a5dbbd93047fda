"""The tilsyn page's cover forms (TILSYN-COVER): a named substitute for a unit on a day, a stand-in for the
kommuneoverlege's function on a day, a municipal doctor who is not a GP, and such a doctor's absence."""

from fastapi import APIRouter, Request

from legetjeneste.duties.tilsyn import pages as tilsyn_pages
from legetjeneste.duties.tilsyn.cover import service
from legetjeneste.duties.tilsyn.cover.schemas import MunicipalAbsenceIn, MunicipalDoctorAdd, SubstituteIn
from legetjeneste.errors import Problem, ValidationFailed
from legetjeneste.norwegian import day_text, span_text
from legetjeneste.web.deps import ActorDep, SessionDep
from legetjeneste.web.forms import parse_form

router = APIRouter(include_in_schema=False)
PAGE = "/kommuner/{number}/tilsyn"


def _id(values: dict[str, str], name: str, message: str) -> int:
    text = values.get(name, "")
    if not text.isdigit():
        raise ValidationFailed([Problem(name, message)])
    return int(text)


@router.post(PAGE + "/stedfortreder")
async def name_substitute(request: Request, number: str, session: SessionDep, actor: ActorDep):
    """TILSYN-COVER — a named substitute for a unit on a day, from the cover table."""

    def use_case(values):
        data = parse_form(SubstituteIn, values)
        unit_id = _id(values, "unit_id", "velg avdelingen")
        return service.name_substitute(session, actor=actor, unit_id=unit_id, day=data.day, name=data.name)

    def done(saved):
        return (
            f"{saved.substitute} er stedfortreder for {saved.unit} {day_text(saved.day)} (TILSYN-COVER).",
            "fravaer",
        )

    return await tilsyn_pages.submitted(
        request, number, session, actor, form="stedfortreder", use_case=use_case, done=done
    )


@router.post(PAGE + "/stedfortreder-funksjon")
async def name_standin(request: Request, number: str, session: SessionDep, actor: ActorDep):
    """TILSYN-COVER, VEFSN 8.1.3 — a named stand-in for the kommuneoverlege's function on a day."""

    def use_case(values):
        data = parse_form(SubstituteIn, values)
        doctor_id = _id(values, "municipal_doctor_id", "velg legen")
        return service.name_standin(
            session, actor=actor, municipal_doctor_id=doctor_id, day=data.day, name=data.name
        )

    def done(saved):
        role, day = saved.unit.lower(), day_text(saved.day)
        return f"{saved.substitute} er stedfortreder for {role} {day} (TILSYN-COVER).", "stedfortreder"

    return await tilsyn_pages.submitted(
        request, number, session, actor, form="funksjon", use_case=use_case, done=done
    )


@router.post(PAGE + "/kommunale-leger")
async def add_municipal_doctor(request: Request, number: str, session: SessionDep, actor: ActorDep):
    """TILSYN-COVER — a municipal doctor who is not a GP (the sykehjemslege, the kommuneoverlege)."""

    def use_case(values):
        data = parse_form(MunicipalDoctorAdd, values)
        return service.add_municipal_doctor(session, actor=actor, municipality_number=number, data=data)

    def done(saved):
        return f"{saved.name} er registrert som {saved.role_label.lower()}.", "kommunale-leger"

    return await tilsyn_pages.submitted(
        request, number, session, actor, form="lege", use_case=use_case, done=done
    )


@router.post(PAGE + "/kommunale-leger/fravaer")
async def add_absence(request: Request, number: str, session: SessionDep, actor: ActorDep):
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

    return await tilsyn_pages.submitted(
        request, number, session, actor, form="fravaer", use_case=use_case, done=done
    )
