"""What a daily or monthly run answers: each move with its reason and rule, and the counts."""

from datetime import date

from pydantic import BaseModel


class Move(BaseModel):
    citizen_id: int
    from_agreement: int | None
    to_agreement: int | None
    effective: date
    reason: str
    rule_id: str


class LengthRow(BaseModel):
    """AGR-OPEN — an agreement's list length on the 1st from the memberships, beside Helfo's count."""

    agreement_id: int
    listetak: int
    list_length: int
    helfo: int | None
    difference: int | None


class KeptLengthDifference(BaseModel):
    """AGR-OPEN — a list whose kept length (docs/adr/0014) differed from its memberships on the 1st: what was
    kept and what the memberships counted. The monthly run reports it and builds the kept length again."""

    agreement_id: int
    kept: int
    counted: int


class RunResult(BaseModel):
    run_id: int
    municipality_number: str
    kind: str
    day: date
    effective: date
    moved: int
    by_reason: dict[str, int]
    skipped: dict[str, int]
    still_unassigned: int
    letters: dict[str, int]
    moves: list[Move]
    lengths: list[LengthRow] = []
    # The monthly run's check of the kept list lengths: empty unless one had drifted (and was mended).
    kept_lengths_mended: list[KeptLengthDifference] = []


class RunRead(BaseModel):
    id: int
    kind: str
    day: date
    finished: bool
    moved: int
    by_reason: dict[str, int]


class Overview(BaseModel):
    """What the kommuneoverlege sees of the runs: counts, never names."""

    auto_assign: bool
    unassigned: int
    effective: date
    letters_waiting: int
    runs: list[RunRead]
