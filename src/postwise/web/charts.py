"""Charts drawn on the server as SVG: no script, no library from elsewhere, readable as text.

A :class:`Chart` is a title, category labels along one axis and one or more series of
numbers; :func:`bar_chart` draws it as (stacked) columns, :func:`hbar_chart` as horizontal
bars for long labels such as rule kinds. Colours come from the stylesheet (classes
``series-0``…), every label is escaped, and each chart carries a ``<title>`` and ``<desc>``
for screen readers; the page shows the same numbers in a table and as CSV, so the picture is
never the only way to read them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Chart:
    """Numbers by category, one series per stack layer (or one series alone)."""

    id: str
    title: str
    description: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = ""
    has_data: bool | None = None  # None: the chart has data when any value is not zero

    @property
    def empty(self) -> bool:
        if self.has_data is not None:
            return not self.has_data
        return not self.categories or all(v == 0 for s in self.series for v in s.values)

    @property
    def whole(self) -> bool:
        """Counts (whole numbers): the axis then shows whole numbers only."""
        return all(float(v).is_integer() for s in self.series for v in s.values)

    def rows(self) -> list[list[str]]:
        """The numbers as a table: a header row, then one row per category."""
        out = [["", *(s.name for s in self.series)]]
        for i, category in enumerate(self.categories):
            out.append([category, *(_number(s.values[i]) for s in self.series)])
        return out

    def csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        header, *body = self.rows()
        writer.writerow(["category", *header[1:]])
        for row in body:
            writer.writerow([_csv_safe(cell) for cell in row])
        return buffer.getvalue()


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _csv_safe(cell: str) -> str:
    """Keep spreadsheet programs from running a cell as a formula."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@") and not _is_number(cell) else cell


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def axis_top(chart: Chart, value: float) -> float:
    """The top of the value axis: a round number, 100 for shares, and for counts one that
    four grid steps divide into whole numbers."""
    if chart.unit == "%":
        return 100.0
    top = _nice_max(value)
    if chart.whole:
        top = max(4.0, 4.0 * -(-top // 4))
    return top


def _nice_max(value: float) -> float:
    """A round top for the axis: 1, 2, 5 × a power of ten, at least ``value``."""
    if value <= 0:
        return 1.0
    power = 1.0
    while power * 10 <= value:
        power *= 10
    while power > value:
        power /= 10
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def _open(chart: Chart, width: int, height: int) -> list[str]:
    cid = escape(chart.id)
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{cid}-title {cid}-desc">',
        f'<title id="{cid}-title">{escape(chart.title)}</title>',
        f'<desc id="{cid}-desc">{escape(chart.description)}</desc>',
    ]


def bar_chart(chart: Chart, width: int = 640, height: int = 260) -> Markup:
    """Columns per category, the series stacked bottom to top."""
    left, right, top, bottom = 44.0, 12.0, 12.0, 48.0
    plot_w, plot_h = width - left - right, height - top - bottom
    totals = [sum(s.values[i] for s in chart.series) for i in range(len(chart.categories))]
    top_value = axis_top(chart, max(totals, default=0))
    out = _open(chart, width, height)
    for step in range(5):
        value = top_value * step / 4
        y = top + plot_h - plot_h * step / 4
        out.append(
            f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>'
        )
        out.append(
            f'<text class="axis" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{_number(value)}</text>"
        )
    n = max(len(chart.categories), 1)
    slot = plot_w / n
    bar = max(min(slot * 0.7, 48), 2)
    every = max(1, round(n / 12))  # at most a dozen labels along the bottom
    for i, category in enumerate(chart.categories):
        x = left + slot * i + (slot - bar) / 2
        base = top + plot_h
        for k, series in enumerate(chart.series):
            value = series.values[i]
            if value <= 0:
                continue
            h = plot_h * value / top_value
            base -= h
            out.append(
                f'<rect class="series-{k}" x="{x:.1f}" y="{base:.1f}" width="{bar:.1f}" '
                f'height="{h:.1f}"><title>{escape(category)}: {escape(series.name)} '
                f"{_number(value)}{escape(chart.unit)}</title></rect>"
            )
        if i % every == 0:
            out.append(
                f'<text class="axis" x="{x + bar / 2:.1f}" y="{top + plot_h + 16}" '
                f'text-anchor="middle">{escape(category)}</text>'
            )
    out.append(_legend(chart.series, left, height - 12))
    out.append("</svg>")
    return Markup("".join(out))


def hbar_chart(chart: Chart, width: int = 640, row: int = 26) -> Markup:
    """One horizontal bar per category (first series), the number at its end."""
    left, right, top = 150, 48, 8
    values = chart.series[0].values if chart.series else ()
    height = top * 2 + row * max(len(chart.categories), 1)
    plot_w = width - left - right
    top_value = axis_top(chart, max(values, default=0))
    out = _open(chart, width, height)
    for i, category in enumerate(chart.categories):
        y = top + row * i
        value = values[i]
        w = plot_w * value / top_value
        out.append(
            f'<text class="axis" x="{left - 8}" y="{y + row * 0.65:.1f}" text-anchor="end">'
            f"{escape(category)}</text>"
        )
        out.append(
            f'<rect class="series-0" x="{left}" y="{y + 4}" width="{w:.1f}" height="{row - 8}">'
            f"<title>{escape(category)}: {_number(value)}{escape(chart.unit)}</title></rect>"
        )
        out.append(
            f'<text class="value" x="{left + w + 6:.1f}" y="{y + row * 0.65:.1f}">'
            f"{_number(value)}{escape(chart.unit)}</text>"
        )
    out.append("</svg>")
    return Markup("".join(out))


def _legend(series: Sequence[Series], x: float, y: float) -> str:
    if len(series) < 2:
        return ""
    parts = []
    for k, s in enumerate(series):
        parts.append(
            f'<rect class="series-{k}" x="{x}" y="{y - 10}" width="12" height="12"/>'
            f'<text class="legend" x="{x + 16}" y="{y}">{escape(s.name)}</text>'
        )
        x += 24 + 8 * len(s.name)
    return "".join(parts)
