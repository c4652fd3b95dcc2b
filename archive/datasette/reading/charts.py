"""Bar charts drawn server-side as inline SVG: no JavaScript, no CDN.

The archive must work offline and its pages must be safe to open, so the
charts are plain SVG markup built here, with every piece of text escaped.
One function draws a (stacked) bar chart over time bins with both axes, tick
labels, axis titles, a legend and vertical marks (a publication time);
each bar carries a ``<title>`` tooltip with its exact count.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup, escape

from archive.datasette.reading.timeline import Bins

LEFT, RIGHT, TOP, BOTTOM = 46, 14, 28, 46
LABEL_FORMATS = {
    "hour": "%m-%d %H:%M",
    "6 hours": "%m-%d %H:%M",
    "day": "%Y-%m-%d",
    "week": "%Y-%m-%d",
    "month": "%Y-%m",
}


@dataclass(frozen=True, slots=True)
class Series:
    """One stacked layer of bars: a legend label, a count per bin, a fill colour."""

    label: str
    counts: Sequence[int]
    color: str


@dataclass(frozen=True, slots=True)
class Mark:
    """A vertical line at a moment, with a short label (e.g. "published")."""

    at: datetime
    label: str


def nice_ticks(top: int, most: int = 5) -> list[int]:
    """Round tick values from 0 that reach at least ``top`` in at most ``most`` + 1 ticks.

    >>> nice_ticks(7), nice_ticks(0), nice_ticks(230)
    ([0, 2, 4, 6, 8], [0, 1], [0, 50, 100, 150, 200, 250])
    """
    if top <= 0:
        return [0, 1]
    raw = top / most
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(1, int(step))
    return [i * step for i in range(math.ceil(top / step) + 1)]


def bar_chart(
    bins: Bins,
    series: Sequence[Series],
    *,
    title: str,
    y_label: str,
    x_label: str,
    marks: Sequence[Mark] = (),
    width: int = 720,
    height: int = 220,
) -> Markup:
    """An SVG bar chart of ``series`` stacked over ``bins``; safe markup."""
    totals = [sum(s.counts[i] for s in series) for i in range(len(bins.starts))]
    ticks = nice_ticks(max(totals, default=0))
    plot_w, plot_h = width - LEFT - RIGHT, height - TOP - BOTTOM
    slot = plot_w / max(1, len(bins.starts))

    def y(value: float) -> float:
        return TOP + plot_h - plot_h * value / ticks[-1]

    out = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<text class="chart-title" x="{LEFT}" y="16" font-size="13" font-weight="bold">'
        f"{escape(title)}</text>",
    ]
    out += _y_axis(ticks, y, width)
    out += _bars(bins, series, y, slot)
    out += _x_axis(bins, slot, plot_h)
    out += _marks(bins, marks, slot, plot_h)
    out += _legend(series, width)
    out += [
        f'<text class="axis-title" x="{LEFT + plot_w / 2:.1f}" y="{height - 6}" font-size="11"'
        f' text-anchor="middle">{escape(x_label)}</text>',
        f'<text class="axis-title" transform="translate(12 {TOP + plot_h / 2:.1f}) rotate(-90)"'
        f' font-size="11" text-anchor="middle">{escape(y_label)}</text>',
        "</svg>",
    ]
    return Markup("".join(out))


def _y_axis(ticks: list[int], y, width: int) -> list[str]:
    out = ['<g class="axis y-axis" font-size="10" fill="#555">']
    for tick in ticks:
        out.append(
            f'<line x1="{LEFT}" x2="{width - RIGHT}" y1="{y(tick):.1f}" y2="{y(tick):.1f}"'
            f' stroke="#e4e4e4"/><text x="{LEFT - 5}" y="{y(tick) + 3:.1f}"'
            f' text-anchor="end">{tick}</text>'
        )
    out.append(
        f'<line x1="{LEFT}" x2="{LEFT}" y1="{y(0):.1f}" y2="{y(ticks[-1]):.1f}" stroke="#888"/></g>'
    )
    return out


def _bars(bins: Bins, series: Sequence[Series], y, slot: float) -> list[str]:
    out = ['<g class="bars">']
    gap = 1 if slot > 3 else 0
    fmt = LABEL_FORMATS[bins.unit]
    for i, start in enumerate(bins.starts):
        base = 0
        for s in series:
            n = s.counts[i]
            if not n:
                continue
            x = LEFT + i * slot + gap / 2
            tip = f"{start.strftime(fmt)}: {n} {s.label}"
            out.append(
                f'<rect class="bar" x="{x:.2f}" y="{y(base + n):.1f}" width="{max(slot - gap, 0.5):.2f}"'
                f' height="{y(base) - y(base + n):.1f}" fill="{escape(s.color)}">'
                f"<title>{escape(tip)}</title></rect>"
            )
            base += n
    out.append("</g>")
    return out


def _x_axis(bins: Bins, slot: float, plot_h: float) -> list[str]:
    bottom = TOP + plot_h
    n = len(bins.starts)
    every = max(1, math.ceil(n / max(1, int((n * slot) // 90))))
    fmt = LABEL_FORMATS[bins.unit]
    out = [
        f'<g class="axis x-axis" font-size="10" fill="#555">'
        f'<line x1="{LEFT}" x2="{LEFT + n * slot:.1f}" y1="{bottom}" y2="{bottom}" stroke="#888"/>'
    ]
    for i in range(0, n, every):
        x = LEFT + i * slot
        if i and x > LEFT + n * slot - 50:
            break  # its label would run off the chart
        out.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{bottom}" y2="{bottom + 4}" stroke="#888"/>'
            f'<text x="{x:.1f}" y="{bottom + 15}" text-anchor="start">'
            f"{escape(bins.starts[i].strftime(fmt))}</text>"
        )
    out.append("</g>")
    return out


def _marks(bins: Bins, marks: Sequence[Mark], slot: float, plot_h: float) -> list[str]:
    out = []
    for mark in marks:
        where = bins.position(mark.at)
        if where is None:
            continue
        x = LEFT + where * slot
        out.append(
            f'<g class="mark"><line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{TOP + plot_h}"'
            f' stroke="#333" stroke-dasharray="3 3"/><text x="{x + 3:.1f}" y="{TOP + 10}"'
            f' font-size="10" fill="#333">{escape(mark.label)}</text></g>'
        )
    return out


def _legend(series: Sequence[Series], width: int) -> list[str]:
    out = ['<g class="legend" font-size="11">']
    x = width - RIGHT
    for s in reversed(series):
        x -= 7 * len(s.label) + 24
        out.append(
            f'<rect x="{x}" y="7" width="10" height="10" fill="{escape(s.color)}"/>'
            f'<text x="{x + 14}" y="16">{escape(s.label)}</text>'
        )
    out.append("</g>")
    return out


def unit_label(bins: Bins) -> str:
    """``per hour``, ``per day``... for axis titles."""
    return "per " + bins.unit
