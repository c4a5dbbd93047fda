"""The municipality file: its shape, and parsing that reports every problem with the field's path.

One document with `municipality`, `offices`, `doctors`, `agreements` (each with its `doctor_periods`),
`list_counts`, the absence feature's `absences`, `digital_services`, `absence_assistant` and
`office_notices`, and legevakt's `legevakt_schemes`, `doctor_courses`, `local_parameters` and `exemptions`.
Offices are keyed by organisation number, doctors by HPR number, agreements by id, list counts by
agreement and month, absences by doctor and start, schemes by code, exemptions by scheme, doctor and
start. docs/municipality-file.schema.json is generated from MunicipalityFile.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, Field, ValidationError

from legetjeneste.absence.schemas import AbsenceBase, DigitalService
from legetjeneste.errors import Problem, ValidationFailed
from legetjeneste.legevakt.schemas import DoctorCourseIn, ExemptionIn, LocalParameterIn, SchemeIn
from legetjeneste.lifecycle.file_format import LifecycleCaseIn
from legetjeneste.registry.schemas import (
    AgreementBase,
    DbId,
    DoctorBase,
    DoctorPeriodBase,
    HprNumber,
    Input,
    ListCountBase,
    MunicipalityNumber,
    Name,
    OfficeBase,
    OrganisationNumber,
)
from legetjeneste.validation import problems_from


class MunicipalityIn(Input):
    number: MunicipalityNumber
    name: Name
    inhabitants: Annotated[
        dict[Annotated[int, Field(ge=1900, le=2200)], Annotated[int, Field(ge=0)]],
        Field(description="Innbyggere per år"),
    ] = {}


class DoctorPeriodIn(DoctorPeriodBase):
    doctor: Annotated[HprNumber, Field(description="Legens HPR-nummer (fra doctors)")]
    vikar_for: Annotated[HprNumber | None, Field(description="HPR-nummeret til legen vikaren går for")] = None


class AgreementIn(AgreementBase):
    id: Annotated[DbId, Field(description="Avtalens id i fastlegeregisteret (FLR GPContractId); nøkkelen")]
    office: Annotated[
        OrganisationNumber, Field(description="Legekontorets organisasjonsnummer (fra offices)")
    ]
    doctor_periods: Annotated[
        list[DoctorPeriodIn],
        Field(description=("Alle legeperioder på avtalen; ved import erstatter listen avtalens perioder")),
    ] = []


class ListCountIn(ListCountBase):
    agreement: Annotated[DbId, Field(description="Avtalens id")]


class AbsenceIn(AbsenceBase):
    doctor: Annotated[HprNumber, Field(description="Den fraværende legens HPR-nummer; med start nøkkelen")]
    agreement: Annotated[DbId, Field(description="Avtalen legen er borte fra")]
    vikar: Annotated[
        HprNumber | None, Field(description="Vikarens HPR-nummer ved egen vikar eller kommunens")
    ] = None


class DigitalServicesIn(Input):
    """Which of the GP's services the citizen portal offers; a missing agreement has all of them on."""

    agreement: Annotated[DbId, Field(description="Avtalens id; nøkkelen")]
    offers_digital_services: Annotated[
        bool, Field(description="Legen tilbyr digitale tjenester på Helsenorge")
    ] = True
    booking: bool = True
    e_consultation: bool = True
    prescription_renewal: bool = True
    e_contact: bool = True


class AbsenceAssistantIn(Input):
    agreement: DbId
    colleague: Annotated[HprNumber, Field(description="Kollegaen som svarer tjenestene")]
    services: Annotated[list[DigitalService], Field(min_length=1)]
    start: date
    end: date


class OfficeNoticeIn(Input):
    office: Annotated[OrganisationNumber, Field(description="Legekontorets organisasjonsnummer")]
    text: Annotated[str, Field(min_length=1, max_length=1000, description="Informasjon fra legekontoret")]
    start: date
    end: date | None = None


class MunicipalityFile(Input):
    """A whole municipality: the format of `legetjeneste import` and `legetjeneste export`."""

    municipality: MunicipalityIn
    offices: list[OfficeBase] = []
    doctors: list[DoctorBase] = []
    agreements: list[AgreementIn] = []
    list_counts: list[ListCountIn] = []
    absences: list[AbsenceIn] = []
    digital_services: list[DigitalServicesIn] = []
    absence_assistant: list[AbsenceAssistantIn] = []
    office_notices: list[OfficeNoticeIn] = []
    lifecycle_cases: list[LifecycleCaseIn] = []
    legevakt_schemes: Annotated[
        list[SchemeIn], Field(description="Legevakt- og nødnettordninger; nøkkel: code")
    ] = []
    doctor_courses: Annotated[
        list[DoctorCourseIn],
        Field(description="Kurs legene har fullført (LV-COMPETENCE); nøkkel: doctor, course"),
    ] = []
    local_parameters: Annotated[
        list[LocalParameterIn],
        Field(description="Kommunens egne verdier av nasjonale parametere; nøkkel: name, since"),
    ] = []
    exemptions: Annotated[
        list[ExemptionIn], Field(description="Søknader om og vedtak om fritak; nøkkel: scheme, doctor, start")
    ] = []


SECTIONS: dict[str, type[BaseModel]] = {
    "offices": OfficeBase,
    "doctors": DoctorBase,
    "agreements": AgreementIn,
    "list_counts": ListCountIn,
    "absences": AbsenceIn,
    "digital_services": DigitalServicesIn,
    "absence_assistant": AbsenceAssistantIn,
    "office_notices": OfficeNoticeIn,
    "lifecycle_cases": LifecycleCaseIn,
    "legevakt_schemes": SchemeIn,
    "doctor_courses": DoctorCourseIn,
    "local_parameters": LocalParameterIn,
    "exemptions": ExemptionIn,
}


@dataclass
class ParsedFile:
    """What parsed, each item with its index in the file, and the keys the file mentions at all."""

    municipality: MunicipalityIn | None = None
    items: dict[str, list[tuple[int, Any]]] = field(default_factory=lambda: {name: [] for name in SECTIONS})
    mentioned_organisation_numbers: set[str] = field(default_factory=set)
    mentioned_hpr_numbers: set[str] = field(default_factory=set)
    mentioned_agreement_ids: set[int] = field(default_factory=set)

    @property
    def offices(self) -> list[tuple[int, OfficeBase]]:
        return self.items["offices"]

    @property
    def doctors(self) -> list[tuple[int, DoctorBase]]:
        return self.items["doctors"]

    @property
    def agreements(self) -> list[tuple[int, AgreementIn]]:
        return self.items["agreements"]

    @property
    def list_counts(self) -> list[tuple[int, ListCountIn]]:
        return self.items["list_counts"]

    @property
    def absences(self) -> list[tuple[int, AbsenceIn]]:
        return self.items["absences"]

    @property
    def digital_services(self) -> list[tuple[int, DigitalServicesIn]]:
        return self.items["digital_services"]

    @property
    def absence_assistant(self) -> list[tuple[int, AbsenceAssistantIn]]:
        return self.items["absence_assistant"]

    @property
    def office_notices(self) -> list[tuple[int, OfficeNoticeIn]]:
        return self.items["office_notices"]


def parse_file(document: Any) -> tuple[ParsedFile, list[Problem]]:
    """Parse item by item so that one bad item does not hide the problems of the others."""
    parsed, problems = ParsedFile(), []
    if not isinstance(document, dict):
        return parsed, [Problem("", "filen må inneholde ett objekt med municipality, offices, doctors, …")]
    for key in document:
        if key != "municipality" and key not in SECTIONS:
            problems.append(Problem(str(key), "er en ukjent del av kommunefilen"))
    try:
        parsed.municipality = MunicipalityIn.model_validate(document.get("municipality"))
    except ValidationError as error:
        problems += problems_from(error, prefix=("municipality",))
    for name, model in SECTIONS.items():
        raw_items = document.get(name, [])
        if not isinstance(raw_items, list):
            problems.append(Problem(name, "må være en liste"))
            continue
        for index, raw in enumerate(raw_items):
            _remember_keys(parsed, name, raw)
            try:
                parsed.items[name].append((index, model.model_validate(raw)))
            except ValidationError as error:
                problems += problems_from(error, prefix=(name, index))
    return parsed, problems


def _remember_keys(parsed: ParsedFile, section: str, raw: Any) -> None:
    """Keys of items that failed to parse still count as present, so references to them raise no echo."""
    if not isinstance(raw, dict):
        return
    key = {"offices": "organisation_number", "doctors": "hpr_number", "agreements": "id"}.get(section)
    if key is None or raw.get(key) is None:
        return
    if section == "offices":
        parsed.mentioned_organisation_numbers.add(str(raw[key]))
    elif section == "doctors":
        parsed.mentioned_hpr_numbers.add(str(raw[key]))
    elif isinstance(raw[key], int):
        parsed.mentioned_agreement_ids.add(raw[key])


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML 1.1 without its surprises for identifiers: 0301 stays "0301" (not octal 193), 12:30 stays text.

    libyaml's parser when PyYAML has it (it is several times faster); the safe constructor either way.
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:int"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(0|[1-9][0-9_]*)$"), list("-+0123456789")
)


def load_document(text: str, *, filename: str = "") -> Any:
    """Read YAML or JSON text; a syntax error becomes a problem naming the line."""
    try:
        if filename.lower().endswith(".json"):
            return json.loads(text)
        return yaml.load(text, Loader=_Loader)  # noqa: S506 (a safe loader)
    except json.JSONDecodeError as error:
        raise ValidationFailed(
            [Problem("", f"filen er ikke gyldig JSON (linje {error.lineno}: {error.msg})")]
        ) from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (linje {mark.line + 1})" if mark else ""
        raise ValidationFailed([Problem("", f"filen er ikke gyldig YAML{where}")]) from error


class _PlainDumper(yaml.SafeDumper):
    """Writes repeated values out in full: no YAML anchors and aliases in a file people edit."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_document(document: dict, *, as_json: bool = False) -> str:
    if as_json:
        return json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n"
    return yaml.dump(document, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=110)


def json_schema() -> dict:
    """The JSON Schema of the municipality file, as committed in docs/municipality-file.schema.json."""
    schema = MunicipalityFile.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://legetjeneste.example/schemas/municipality-file.schema.json",
        "title": "Kommunefil for legetjeneste",
        **{key: value for key, value in schema.items() if key != "title"},
    }
