"""The ABS-* parameters resolved for a day (the rules take them as plain values)."""

from datetime import date
from functools import lru_cache

from legetjeneste.absence.counters.rules import Quotas
from legetjeneste.agreement import parameters


@lru_cache(maxsize=4096)
def quotas_on(day: date) -> Quotas:
    def value(name: str):
        return parameters.value(f"absence/{name}", on=day)

    return Quotas(
        sick_days_paid=value("sick_days_paid"),
        child_sickness_quota=value("child_sickness_quota"),
        cap_13_4_days=value("cap_13_4_days"),
        parental_days_paid=value("parental_days_paid"),
        union_days=value("union_days"),
        public_duty_days=value("public_duty_days"),
        collegial_days=value("collegial_days"),
    )
