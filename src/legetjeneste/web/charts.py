"""Charts: SVG drawn on the server (matplotlib), always with the same figures as a table beside them.

A page builds a `Chart` from plain values and shows it with the `chart` macro of `chart.html`:

    {% from "chart.html" import chart %}
    {{ chart(fairness_chart) }}

The SVG scales to the width of its container (no sideways scrolling on a phone), keeps its text as text, and
is named for screen readers by the chart's title; the table holds every value shown, in Norwegian number
format, so nobody needs the picture to read the numbers. The same values give the same SVG, byte for byte.
"""

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from markupsafe import Markup, escape

from legetjeneste import norwegian

# Colours with at least 3:1 contrast against white (WCAG 1.4.11, non-text contrast).
COLOURS = ("#0062ba", "#c45500", "#1a7f37", "#6b3fa0", "#5c6670", "#b3124b")
Value = int | float | Decimal | None


@dataclass(frozen=True)
class Series:
    """One row of values, one per category; None where there is none (a gap, «–» in the table)."""

    label: str
    values: Sequence[Value]


@dataclass(frozen=True)
class Line:
    """A horizontal reference across the chart: a norm, a benchmark, a target, a limit."""

    label: str
    value: Value


@dataclass(frozen=True)
class Chart:
    """`kind` "bar" (grouped bars), "barh" (horizontal bars, for long category names) or "line". `unit` names
    what the values count («timer per uke», «kontakter per 1 000 innbyggere»); `decimals` how the table shows
    them."""

    title: str
    categories: Sequence[str]
    series: Sequence[Series]
    unit: str = ""
    kind: str = "bar"
    lines: Sequence[Line] = field(default_factory=tuple)
    decimals: int = 0
    description: str = ""

    def __post_init__(self) -> None:
        if self.kind not in ("bar", "barh", "line"):
            raise ValueError(f"unknown chart kind {self.kind!r}")
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise ValueError(
                    f"series {series.label!r} has {len(series.values)} values for "
                    f"{len(self.categories)} categories"
                )

    @cached_property
    def svg(self) -> Markup:
        """The chart as an inline <svg> element, named by the title."""
        return Markup(_svg(self))

    @property
    def header(self) -> list[str]:
        """The table's column headings: the category, then one per series."""
        return ["", *(series.label for series in self.series)]

    @property
    def rows(self) -> list[list[str]]:
        """The table's rows: a category and its values in Norwegian format; reference lines last."""
        rows = [
            [category, *(norwegian.number(series.values[i], self.decimals) for series in self.series)]
            for i, category in enumerate(self.categories)
        ]
        for line in self.lines:
            rows.append([line.label, *(norwegian.number(line.value, self.decimals) for _ in self.series)])
        return rows


def _number(value: Value) -> float:
    return float("nan") if value is None else float(value)


def _svg(chart: Chart) -> str:
    from matplotlib import rc_context
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    rows = len(chart.categories)
    height = max(2.6, 0.32 * rows * max(1, len(chart.series)) + 1.2) if chart.kind == "barh" else 3.4
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "legetjeneste", "font.size": 9}):
        figure = Figure(figsize=(7.2, height), layout="constrained")
        axes = figure.add_subplot()
        width = 0.8 / max(1, len(chart.series))
        for index, series in enumerate(chart.series):
            colour = COLOURS[index % len(COLOURS)]
            values = [_number(value) for value in series.values]
            positions = [i + (index - (len(chart.series) - 1) / 2) * width for i in range(rows)]
            if chart.kind == "line":
                axes.plot(range(rows), values, marker="o", color=colour, label=series.label)
            elif chart.kind == "barh":
                axes.barh(positions, values, height=width, color=colour, label=series.label)
            else:
                axes.bar(positions, values, width=width, color=colour, label=series.label)
        for index, line in enumerate(chart.lines):
            draw = axes.axvline if chart.kind == "barh" else axes.axhline
            draw(
                _number(line.value), color="#1e2b3c", linestyle=("--", ":", "-.")[index % 3], label=line.label
            )
        ticks = FuncFormatter(lambda value, _: norwegian.number(value, chart.decimals))
        if chart.kind == "barh":
            axes.set_yticks(range(rows), list(chart.categories))
            axes.invert_yaxis()
            axes.xaxis.set_major_formatter(ticks)
            axes.set_xlabel(chart.unit)
        else:
            axes.set_xticks(
                range(rows),
                list(chart.categories),
                rotation=30 if rows > 8 else 0,
                ha="right" if rows > 8 else "center",
            )
            axes.yaxis.set_major_formatter(ticks)
            axes.set_ylabel(chart.unit)
        axes.spines[["top", "right"]].set_visible(False)
        if len(chart.series) > 1 or chart.lines:
            axes.legend(frameon=False, fontsize=8)
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    return _accessible(out.getvalue(), chart)


def _presentation(match: re.Match) -> str:
    """`style="fill: #fff; stroke: none"` as SVG presentation attributes (`fill="#fff" stroke="none"`): the
    pages' Content-Security-Policy forbids inline styles, not attributes."""
    pairs = (part.split(":", 1) for part in match.group(1).split(";") if ":" in part)
    attributes = []
    for name, value in pairs:
        name, value = name.strip(), value.strip()
        if name == "font-family":
            value = "sans-serif"
        attributes.append(f'{name}="{value}"')
    return " ".join(attributes)


def _accessible(svg: str, chart: Chart) -> str:
    """The bare <svg> element, scaling with its container, with role="img" and the title as its name, its
    styles as presentation attributes (CSP)."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<style[^>]*>.*?</style>", "", svg, flags=re.S)
    svg = re.sub(r'style="([^"]*)"', _presentation, svg)
    svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r"<svg\1", svg, count=1)
    name = escape(f"{chart.title}. {chart.description}".strip().rstrip("."))
    root = f'<svg role="img" aria-label="{name}" class="chart-svg" focusable="false" stroke-linejoin="round"'
    return svg.replace("<svg", root, 1)
