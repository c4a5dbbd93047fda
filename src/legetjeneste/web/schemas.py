"""The error bodies the JSON API sends (web/errors.py, web/limits.py), as the OpenAPI documents them.

Every refusal under /api/v1 is `{"detail": {"message", "rule_id", "citation"}}`; a 422 for bad input adds
`problems`, one per field. FastAPI's own list of request validation errors is never sent: web/errors.py
rewrites it into this shape with Norwegian messages.
"""

from typing import Literal

from pydantic import BaseModel, Field


class ProblemRead(BaseModel):
    """One problem with one field of the input."""

    path: str = Field(
        description="Feltets sti, f.eks. «body.listetak», «date» eller «agreements[3].start»; tom for hele "
        "forespørselen"
    )
    message: str = Field(description="Hva som er galt, på norsk")
    rule_id: str | None = Field(description="Regelen som avviser verdien, f.eks. «AGR-LISTETAK»")
    severity: Literal["error", "warning"]


class ErrorDetail(BaseModel):
    message: str = Field(description="Hva som gikk galt, på norsk, slik det kan vises til brukeren")
    rule_id: str | None = Field(description="Regelen som avviser forespørselen, f.eks. «ABS-SICK»")
    citation: str | None = Field(description="Kilden til regelen, f.eks. «ASA 4310 § 13.4»")


class InvalidDetail(ErrorDetail):
    problems: list[ProblemRead] = Field(
        default_factory=list,
        description="Hvert felt med feil (ved ugyldige inndata); mangler når en regel avviser hele "
        "forespørselen",
    )


class ErrorRead(BaseModel):
    """A refusal: 401, 403, 404, 409, 413."""

    detail: ErrorDetail


class InvalidRead(BaseModel):
    """422: bad input with every problem found, or a rule's refusal with its id and citation."""

    detail: InvalidDetail
