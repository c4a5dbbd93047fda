"""Charts are SVG drawn on the server with their figures as a table (DESIGN.md, "Stack")."""

from decimal import Decimal

import pytest

from legetjeneste.web.charts import Chart, Line, Series
from legetjeneste.web.templating import templates


def tilsyn_chart() -> Chart:
    return Chart(
        title="Legetimer mot norm",
        categories=["Avdeling A", "Avdeling B"],
        series=[Series("Planlagt", [Decimal("12.5"), None]), Series("Norm", [15, 10])],
        unit="timer per uke",
        lines=[Line("Norm totalt", 25)],
        decimals=1,
    )


def test_a_chart_is_an_svg_named_by_its_title_that_scales_with_its_container():
    svg = str(tilsyn_chart().svg)
    assert svg.startswith('<svg role="img" aria-label="Legetimer mot norm"')
    head = svg[: svg.index(">")]
    assert "width=" not in head and "viewBox=" in head


def test_the_same_values_draw_the_same_svg_byte_for_byte():
    assert str(tilsyn_chart().svg) == str(tilsyn_chart().svg)


def test_the_table_holds_every_value_in_norwegian_format_with_a_dash_for_no_value():
    assert tilsyn_chart().rows == [
        ["Avdeling A", "12,5", "15,0"],
        ["Avdeling B", "–", "10,0"],
        ["Norm totalt", "25,0", "25,0"],
    ]


def test_a_series_with_fewer_values_than_categories_is_refused():
    with pytest.raises(ValueError, match="Planlagt"):
        Chart(title="T", categories=["a", "b"], series=[Series("Planlagt", [1])])


def test_the_chart_macro_shows_the_svg_and_the_table_with_its_caption():
    page = templates.env.from_string('{% from "chart.html" import chart %}{{ chart(c) }}').render(
        c=tilsyn_chart()
    )
    assert '<figure class="chart">' in page and '<svg role="img"' in page
    assert "<caption>Legetimer mot norm</caption>" in page and '<td class="number">12,5</td>' in page


def test_a_chart_holds_no_inline_style_the_content_security_policy_would_block():
    svg = str(tilsyn_chart().svg)
    assert "style=" not in svg and "<style" not in svg
    assert 'fill="#0062ba"' in svg and 'font-size="9px"' in svg
