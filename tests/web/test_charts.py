"""Charts as SVG: escaped labels, honest axes, and the same numbers as CSV."""

from __future__ import annotations

import csv
import io
from xml.etree import ElementTree

import pytest

from postwise.web.charts import Chart, Series, _nice_max, axis_top, bar_chart, hbar_chart


def chart(categories: tuple[str, ...], *series: tuple[str, tuple[float, ...]]) -> Chart:
    return Chart(
        id="c",
        title="Posts <per> day",
        description="A & B",
        categories=categories,
        series=tuple(Series(name, values) for name, values in series),
    )


@pytest.mark.parametrize(("value", "top"), [(0, 1), (1, 1), (3, 5), (7, 10), (12, 20), (480, 500)])
def test_the_axis_ends_at_a_round_number_at_or_above_the_highest_value(
    value: float, top: float
) -> None:
    assert _nice_max(value) == top


@pytest.mark.parametrize("draw", [bar_chart, hbar_chart])
def test_a_chart_is_well_formed_svg_with_its_title_and_escaped_labels(draw: object) -> None:
    c = chart(("<script>", "b"), ("ready", (1.0, 2.0)), ("held", (0.0, 3.0)))
    svg = str(draw(c))  # type: ignore[operator]
    root = ElementTree.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img"
    assert root.find(f"{ns}title").text == "Posts <per> day"  # type: ignore[union-attr]
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_stacked_columns_have_one_bar_per_non_zero_value() -> None:
    svg = str(bar_chart(chart(("mon", "tue"), ("a", (1.0, 0.0)), ("b", (2.0, 3.0)))))
    rects = ElementTree.fromstring(svg).findall(".//{http://www.w3.org/2000/svg}rect")
    bars = [r for r in rects if r.find("{http://www.w3.org/2000/svg}title") is not None]
    assert len(bars) == 3


def test_csv_has_a_header_and_one_row_per_category_and_defuses_formulas() -> None:
    c = chart(("=SUM(A1)", "plain"), ("ready", (1.0, 2.5)))
    rows = list(csv.reader(io.StringIO(c.csv())))
    assert rows == [["category", "ready"], ["'=SUM(A1)", "1"], ["plain", "2.5"]]


@pytest.mark.parametrize(
    ("values", "unit", "top"),
    [((1.0,), "", 4.0), ((7.0,), "", 12.0), ((2.5,), "", 5.0), ((30.0,), "%", 100.0)],
)
def test_counts_get_whole_grid_steps_and_shares_end_at_100(
    values: tuple[float, ...], unit: str, top: float
) -> None:
    c = Chart("c", "t", "d", ("a",), (Series("s", values),), unit=unit)
    assert axis_top(c, max(values)) == top


def test_a_share_of_nothing_is_empty_but_a_share_of_zero_is_not() -> None:
    assert Chart("c", "t", "d", ("a",), (Series("s", (0.0,)),), has_data=True).empty is False
    assert Chart("c", "t", "d", ("a",), (Series("s", (0.0,)),), has_data=False).empty is True


def test_an_all_zero_chart_is_empty() -> None:
    assert chart(("a",), ("x", (0.0,))).empty
    assert not chart(("a",), ("x", (1.0,))).empty
