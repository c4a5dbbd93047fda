"""What a recorded distribution shows: counts, the seed and whether the draw is reproduced — no names."""

from collections import Counter
from datetime import date

from pydantic import BaseModel

from legetjeneste.citizens.distribution import rules

KIND_TEXTS = {
    "reduction": "Listereduksjon ved trekning",
    "vacant": "Ledig liste fordelt",
    "manual": "Innbyggere uten liste fordelt",
}
RULE_IDS = {"reduction": "CIT-REDUCTION-DRAW", "vacant": "AGR-VACANT", "manual": "CIT-UNASSIGNED"}


class DistributionRead(BaseModel):
    id: int
    kind: str
    kind_text: str
    rule_id: str
    agreement_id: int | None
    case_id: int | None
    effective: date
    seed: str | None
    requested: int
    moved: int
    families: int
    considered: int
    to_lists: dict[str, int]  # agreement id ("none": no list had room) → citizens moved there
    reproduced: bool | None  # a draw: drawing again from the record with its seed gives the same families
    created_by: str


def distribution_read(found) -> DistributionRead:
    record = found.record or {}
    targets: Counter[str] = Counter()
    for family, target in zip(record.get("drawn", []), record.get("targets", []), strict=False):
        targets["none" if target is None else str(target)] += len(family)
    reproduced = None
    if found.kind == "reduction" and found.seed is not None:
        again = rules.draw(record.get("families", []), count=found.requested, seed=found.seed)
        reproduced = again == record.get("drawn")
    considered = record.get("families") or record.get("drawn") or []
    return DistributionRead(
        id=found.id,
        kind=found.kind,
        kind_text=KIND_TEXTS[found.kind],
        rule_id=RULE_IDS[found.kind],
        agreement_id=found.agreement_id,
        case_id=found.case_id,
        effective=found.effective,
        seed=found.seed,
        requested=found.requested,
        moved=found.moved,
        families=found.families,
        considered=sum(len(family) for family in considered),
        to_lists=dict(targets),
        reproduced=reproduced,
        created_by=found.created_by,
    )
