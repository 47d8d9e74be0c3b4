"""The timeline as an inline SVG chart: one bar per entry from the first to the last day of its date, so
a month is wider than a day; drawn here, without scripts or network access."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

WIDTH = 760  # pixels of the drawing area
LABELS = 150  # pixels left of it for the dates
ROW = 18  # pixels per entry
MAX_ROWS = 60  # a longer timeline is cut (the list below the chart has every entry)
TICKS = 12  # at most this many month ticks, else years
COLOURS = {  # by event type; anything else grey
    "PROVIDE": "#1f77b4",
    "ACQUIRE": "#17becf",
    "DEPLOY": "#9467bd",
    "TRAIN": "#8c564b",
    "SHOW": "#bcbd22",
    "ATTACK": "#d62728",
    "FAIL": "#ff7f0e",
    "SANCTION": "#2ca02c",
    "ACCUSE": "#e377c2",
    "DENY": "#7f0000",
    "STATEMENT": "#555555",
}


def timeline_svg(entries: list[dict[str, Any]]) -> str:
    """An SVG of the dated entries (already in order); empty when none has a date."""
    rows = [t for t in entries if t.get("start") and t.get("end")][:MAX_ROWS]
    if not rows:
        return ""
    first = min(dt.date.fromisoformat(t["start"]) for t in rows)
    last = max(dt.date.fromisoformat(t["end"]) for t in rows)
    days = max((last - first).days, 1)

    def x(day: dt.date) -> float:
        return LABELS + WIDTH * (day - first).days / days

    height = ROW * len(rows) + 30
    parts = [
        f'<svg class="timeline-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {LABELS + WIDTH + 10} {height}" width="100%">'
        "<title>Timeline of the story's events by date</title>"
    ]
    for row, entry in enumerate(rows):
        start, end = dt.date.fromisoformat(entry["start"]), dt.date.fromisoformat(entry["end"])
        left, right = x(start), x(end + dt.timedelta(days=1)) if end < last else x(end)
        y = row * ROW + 4
        colour = COLOURS.get(entry.get("type") or "", "#888888")
        dashed = ' stroke-dasharray="3 2" fill-opacity="0.4"' if entry.get("inferred") else ""
        label = f"{entry['date']} {entry.get('type') or ''}".strip()
        tip = escape(f"{label}{' (inferred)' if entry.get('inferred') else ''}: {entry['text']}")
        parts.append(
            f'<g><title>{tip}</title><text x="{LABELS - 6}" y="{y + 11}" text-anchor="end" '
            f'font-size="11">{escape(label)}</text><rect x="{left:.1f}" y="{y}" '
            f'width="{max(right - left, 4):.1f}" height="{ROW - 6}" rx="2" fill="{colour}" '
            f'stroke="{colour}"{dashed}/></g>'
        )
    axis = ROW * len(rows) + 8
    parts.append(f'<line x1="{LABELS}" y1="{axis}" x2="{LABELS + WIDTH}" y2="{axis}" stroke="#999"/>')
    for tick, text in _ticks(first, last):
        parts.append(
            f'<line x1="{x(tick):.1f}" y1="{axis}" x2="{x(tick):.1f}" y2="{axis + 4}" stroke="#999"/>'
            f'<text x="{x(tick):.1f}" y="{axis + 16}" text-anchor="middle" font-size="10">{text}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    """First days of months (every few months) over the span, or first days of years over a long one."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months > TICKS * 3:
        return [(dt.date(y, 1, 1), str(y)) for y in range(first.year + 1, last.year + 1)] or [
            (first, str(first.year))
        ]
    step = max(1, -(-months // TICKS))
    ticks = []
    year, month = first.year, first.month
    for k in range(0, months + 1, step):
        y, m = divmod(month - 1 + k, 12)
        day = dt.date(year + y, m + 1, 1)
        if first <= day <= last:
            ticks.append((day, day.strftime("%b %Y")))
    return ticks or [(first, first.isoformat())]
