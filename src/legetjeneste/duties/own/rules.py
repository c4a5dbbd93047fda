"""The GP's own view of municipal duties as pure functions: the proportional list reduction an order offers
(DUTY-LIST-REDUCTION) as a link to the GP's own list-reduction request, prefilled with the proposed size."""

from datetime import date
from urllib.parse import urlencode

from legetjeneste.dates import add_months

# The GP's own request form on Min side (lifecycle/own/pages.py) reads these query parameters; «later_tasks»
# is the list-reduction ground «senere pålagte oppgaver» (AGR-LISTREDUCE, ASA 4310 § 10.7 and § 12.1).
LIST_REDUCTION_FORM = "/min-side/saker/list_reduction"
LATER_TASKS = "later_tasks"


def earliest_reduction(*, today: date, notice_months: int, first_day: date) -> date:
    """AGR-LISTREDUCE, ASA 4310 § 10.7 — the earliest day a reduction asked for today can take effect (it is
    discussed at least `notice_months` before), and never before the ordered work begins."""
    return max(add_months(today, notice_months), first_day)


def list_reduction_link(
    *, agreement_id: int, listetak: int, effective_from: date, task_name: str, case_number: str | None
) -> str:
    """DUTY-LIST-REDUCTION, ASA 4310 § 12.1 — the GP's list-reduction request prefilled: the agreement, the
    ground (a later-imposed task), the proposed listetak, the earliest day and a note naming the order."""
    decision = f", vedtak {case_number}" if case_number else ""
    note = (
        f"Forholdsmessig listereduksjon etter pålegg om {task_name.lower()}{decision} (DUTY-LIST-REDUCTION)."
    )
    query = {
        "agreement_id": agreement_id,
        "ground": LATER_TASKS,
        "listetak": listetak,
        "effective_from": effective_from.isoformat(),
        "text": note,
    }
    return f"{LIST_REDUCTION_FORM}?{urlencode(query)}"
