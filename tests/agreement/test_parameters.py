import re
from datetime import date
from decimal import Decimal

import pytest
import yaml

from legetjeneste.agreement import parameters
from legetjeneste.agreement.parameters import (
    PARAMETERS_DIR,
    ParameterError,
    ParameterNotInForce,
    load_parameters,
)
from tests.support import EXAMPLES


def test_every_parameter_value_in_the_repository_names_its_source():
    files = sorted(PARAMETERS_DIR.rglob("*.yaml"))
    assert files, "no parameter files found"
    for path in files:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for since, entry in document["values"].items():
            assert str(entry.get("source") or "").strip(), f"{path.name} {since} has no source"


def test_every_parameter_file_loads_with_description_unit_and_rule_reference():
    loaded = load_parameters()
    assert {"agreements/max_listetak", "agreements/age_limit", "payments/average_rate"} <= set(loaded)
    for item in loaded.values():
        assert item.description and item.unit and item.reference


def test_a_value_without_a_source_is_refused_when_the_parameters_load(tmp_path):
    (tmp_path / "broken.yaml").write_text(
        "description: x\nunit: år\nreference: AGR-AGE-END\nvalues:\n  2024-01-01: {value: 70}\n"
    )
    with pytest.raises(ParameterError, match="mangler kilde"):
        load_parameters(tmp_path)


def test_a_money_value_written_as_a_number_is_refused_because_floats_lose_ore(tmp_path):
    (tmp_path / "rate.yaml").write_text(
        "description: x\nunit: NOK/pasient/år\nreference: PAY-ANNUAL\n"
        "values:\n  2024-01-01: {value: 841.80, source: test}\n"
    )
    with pytest.raises(ParameterError, match="tekst"):
        load_parameters(tmp_path)


def test_max_listetak_is_2500_on_both_sides_of_the_new_regulation_2026_01_01():
    assert parameters.value("agreements/max_listetak", on=date(2025, 12, 31)) == 2500
    assert parameters.value("agreements/max_listetak", on=date(2026, 1, 1)) == 2500
    assert (
        "FOR-2025-12-02-2405"
        in parameters.parameter("agreements/max_listetak").entry_on(date(2026, 1, 1)).source
    )


def test_agreement_age_limit_is_70_until_2026_12_31_and_72_from_2027_01_01_agr_age_end():
    assert parameters.value("agreements/age_limit", on=date(2026, 12, 31)) == 70
    assert parameters.value("agreements/age_limit", on=date(2027, 1, 1)) == 72


def test_average_rate_is_841_80_from_2023_07_01_as_decimal_pay_annual():
    rate = parameters.value("payments/average_rate", on=date(2023, 7, 1))
    assert rate == Decimal("841.80") and isinstance(rate, Decimal)
    assert parameters.value("payments/average_rate", on=date(2026, 3, 1)) == Decimal("841.80")


def test_average_rate_was_442_until_2022_06_30_and_is_not_in_force_during_the_tiered_period():
    assert parameters.value("payments/average_rate", on=date(2022, 6, 30)) == Decimal("442")
    with pytest.raises(ParameterNotInForce):
        parameters.value("payments/average_rate", on=date(2023, 6, 30))


def test_tiered_rates_675_and_544_apply_from_2022_07_01_until_2023_04_30():
    assert parameters.value("payments/tiered_rate", on=date(2022, 7, 1)) == {
        "1-1000": Decimal("675"),
        "1001-2500": Decimal("544"),
    }
    assert parameters.value("payments/tiered_rate", on=date(2023, 4, 30))["1-1000"] == Decimal("675")
    with pytest.raises(ParameterNotInForce):
        parameters.value("payments/tiered_rate", on=date(2023, 5, 1))


def test_asking_for_a_date_before_the_first_value_raises_with_the_rule_id():
    with pytest.raises(ParameterNotInForce) as caught:
        parameters.value("agreements/age_limit", on=date(2020, 1, 1))
    assert caught.value.rule_id == "AGR-AGE-END"


def test_the_parameters_in_force_list_every_parameter_with_its_source():
    listed = {item["name"]: item for item in parameters.in_force(date(2027, 1, 1))}
    assert listed["agreements/age_limit"]["value"] == 72
    assert listed["agreements/age_limit"]["source"].startswith("Endringsforskrift FOR-2026-09-23-1891")


def test_no_national_value_cites_one_municipalitys_own_decision_as_its_source():
    """Issue 13: Vefsn's page cited Kragerø's SU minutes as the national value of NN-EXEMPT."""
    # A municipality's decision (its SU minutes, its council) is its own local value; a national figure may
    # still be cited from where a municipality's plan quotes it (the Vakttårn benchmark in Vefsn's plan).
    municipal = re.compile(r"Kragerø|samarbeidsutvalget|SU-møte|referat|kommunestyre", re.IGNORECASE)
    cited = [
        f"{name}@{entry.since}: {entry.source}"
        for name, item in parameters.all_parameters().items()
        for entry in item.values
        if municipal.search(entry.source)
    ]
    assert cited == []


def test_kragero_keeps_its_six_months_of_nn_exempt_as_its_own_value_with_its_su_minutes():
    document = yaml.safe_load((EXAMPLES / "4014-kragero.yaml").read_text(encoding="utf-8"))
    local = [p for p in document["local_parameters"] if p["name"] == "legevakt/nodnett_exemption_max_months"]
    assert [(p["since"], p["value"]) for p in local] == [(date(2026, 3, 17), 6)]
    assert local[0]["source"].startswith("Referat fra samarbeidsutvalget i Kragerø 17.3.2026")


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("legevakt/max_wishes_per_month", "Legetjenestes egen regel (LV-WISH), ikke fastsatt i lov"),
        ("legevakt/min_rest_hours", "Særavtalen mellom KS og Legeforeningen om leger og turnusleger"),
    ],
)
def test_the_wish_and_rest_parameters_name_their_source_in_plain_norwegian(name, source):
    """Issue 13: their sources read «project rule …» and «prosjektets nedre grense», as a developer writes."""
    for entry in parameters.parameter(name).values:
        assert entry.source.startswith(source)
        assert not re.search(r"project|rule|prosjekt|nedre grense", entry.source, re.IGNORECASE), entry.source
