"""A GP applies for exemption only for themselves; the panel «Mine fritak» shows the GP's own only."""

from datetime import date

import pytest

from legetjeneste.errors import Forbidden, ValidationFailed
from legetjeneste.legevakt.exemptions import service as exemption_service
from legetjeneste.legevakt.exemptions.own import service
from legetjeneste.legevakt.exemptions.schemas import ExemptionApply

from .conftest import INGRID, JONAS, gp

HEALTH = ExemptionApply(doctor=JONAS, ground="health", start=date(2027, 1, 1), end=date(2027, 3, 31))


def test_a_gp_cannot_apply_for_exemption_on_behalf_of_another_gp_lv_exempt_discretion(open_session, vefsn):
    ingrid = gp(open_session(), INGRID, "lege2@vefsn.example")
    with pytest.raises(ValidationFailed) as error:
        exemption_service.apply_for_exemption(open_session(), actor=ingrid, scheme_id=vefsn, data=HEALTH)
    [problem] = error.value.problems
    assert (problem.path, problem.message) == ("doctor", "en lege kan bare søke om fritak for seg selv")
    jonas = gp(open_session(), JONAS)
    assert service.my_exemptions(open_session(), actor=jonas, doctor_id=jonas.doctor_id)["applications"] == []


def test_a_gp_applies_for_themselves_and_sees_it_pending_on_min_side(open_session, vefsn, jonas):
    applied = exemption_service.apply_for_exemption(open_session(), actor=jonas, scheme_id=vefsn, data=HEALTH)
    found = service.my_exemptions(open_session(), actor=jonas, doctor_id=jonas.doctor_id)
    [mine] = found["applications"]
    assert (mine["id"], mine["status_text"], mine["decided_on"], mine["link"]) == (
        applied.id,
        "Til behandling",
        None,
        True,
    )
    assert found["schemes"] == {vefsn: "Vefsn legevakt"}
    ingrid = gp(open_session(), INGRID, "lege2@vefsn.example")
    assert (
        service.my_exemptions(open_session(), actor=ingrid, doctor_id=ingrid.doctor_id)["applications"] == []
    )
    with pytest.raises(Forbidden):
        service.my_exemptions(open_session(), actor=ingrid, doctor_id=jonas.doctor_id)
