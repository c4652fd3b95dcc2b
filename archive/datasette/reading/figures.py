"""The reading room's two pictures: a thread over time, a site's activity.

Data in, SVG out (``charts.bar_chart``); the choice of what to count and
how to bin it lives here, apart from the drawing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from archive.datasette.reading.charts import Mark, Series, bar_chart, unit_label
from archive.datasette.reading.timeline import Bins, day_start, parse_time

KEPT, REMOVED, ARTICLES = "#4a78b0", "#c8412f", "#5b8c5a"


@dataclass(frozen=True, slots=True)
class Figure:
    """A chart and what a reader should know about it (left out, marked)."""

    svg: Markup
    note: str = ""


def comment_timeline(
    article: Mapping[str, Any], comments: Sequence[Mapping[str, Any]]
) -> Figure | None:
    """Comments per hour (or 6 hours, day, week) from publication on, the ones
    moderators removed later stacked in red; None for a thread without dates."""
    dated = [(parse_time(c.get("published")), c.get("removed_at") is not None) for c in comments]
    times = [t for t, _ in dated if t is not None]
    if not times:
        return None
    published = parse_time(article.get("published"))
    first = min(times + ([published] if published else []))
    bins = Bins.covering(first, max(times))
    kept = bins.count(t for t, removed in dated if t is not None and not removed)
    gone = bins.count(t for t, removed in dated if t is not None and removed)
    series = [Series("comments", kept, KEPT)]
    if any(gone):
        series.append(Series("removed by moderators", gone, REMOVED))
    marks = [Mark(published, "published")] if published else []
    svg = bar_chart(
        bins,
        series,
        title=f"Comments over time ({len(times)} dated)",
        y_label=f"comments {unit_label(bins)}",
        x_label=f"time (UTC), one bar {unit_label(bins)}",
        marks=marks,
    )
    undated = len(comments) - len(times)
    note = f"{undated} comment(s) without a date are not shown." if undated else ""
    return Figure(svg, note)


def site_activity(
    articles_per_day: Sequence[Mapping[str, Any]],
    comments_per_day: Sequence[Mapping[str, Any]],
    *,
    max_bins: int = 120,
) -> list[Figure]:
    """Articles, and comments, per day (or week, month for a long span) over
    one time axis: two charts, one above the other.  Rows are ``{"day":
    "YYYY-MM-DD", "n": count}`` (comments also ``removed``)."""
    a_days = [(day_start(r["day"]), r["n"]) for r in articles_per_day]
    c_days = [(day_start(r["day"]), r["n"], r.get("removed") or 0) for r in comments_per_day]
    moments = [d for d, *_ in a_days + c_days if d is not None]
    if not moments:
        return []
    bins = Bins.covering(min(moments), max(moments), max_bins, finest="day")
    per = unit_label(bins)
    x_label = f"publication date as the page states it, one bar {per}"
    articles = bins.count((d, n) for d, n in a_days if d is not None)
    kept = bins.count((d, n - removed) for d, n, removed in c_days if d is not None)
    gone = bins.count((d, removed) for d, _, removed in c_days if d is not None)
    comment_series = [Series("comments", kept, KEPT)]
    if any(gone):
        comment_series.append(Series("removed by moderators", gone, REMOVED))
    undated = sum(n for d, n in a_days if d is None)
    return [
        Figure(
            bar_chart(
                bins,
                [Series("articles", articles, ARTICLES)],
                title=f"Articles {per}",
                y_label=f"articles {per}",
                x_label=x_label,
            ),
            f"{undated} article(s) without a publication date are not shown." if undated else "",
        ),
        Figure(
            bar_chart(
                bins,
                comment_series,
                title=f"Comments {per}",
                y_label=f"comments {per}",
                x_label=x_label,
            )
        ),
    ]
