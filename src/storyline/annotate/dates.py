"""Time expressions found in sentences and resolved against a reference (publication) date."""

from __future__ import annotations

import datetime as dt
import re

from storyline.model import Sentence, TimeExpression

MONTHS = {
    m: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        1,
    )
    for m in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
PATTERNS = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("mdy", re.compile(r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b", re.I)),
    ("dmy", re.compile(r"\b(?P<d>\d{1,2})\s+" + _MONTH + r",?\s+(?P<y>\d{4})\b", re.I)),
    ("md", re.compile(r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d{4})", re.I)),
    ("my", re.compile(r"\b" + _MONTH + r",?\s+(?P<y>\d{4})\b", re.I)),
    ("month", re.compile(r"\b(?:in|since|during|by|until|early|late|mid-?)\s+" + _MONTH + r"\b(?!\s+\d)", re.I)),
    ("weekday", re.compile(r"\b(?:on\s+|last\s+|this\s+|next\s+)?(?P<wd>" + "|".join(WEEKDAYS) + r")\b", re.I)),
    ("relative", re.compile(r"\b(?P<rel>yesterday|today|tomorrow|last (?:week|month|year)|this (?:week|month|year)"
                            r"|next (?:week|month|year)|(?:in )?recent (?:days|weeks|months))\b", re.I)),
    ("season", re.compile(r"\b(?P<which>this|last|next)\s+(?P<season>spring|summer|autumn|fall|winter)\b", re.I)),
    ("year", re.compile(r"\b(?:in|since|during|by|until)\s+(?P<y>(?:19|20)\d{2})\b")),
]


def _date(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _month_shift(ref: dt.date, months: int) -> str:
    total = ref.year * 12 + ref.month - 1 + months
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def resolve(kind: str, match: re.Match, ref: dt.date | None) -> tuple[str | None, str, bool]:
    """(value, precision, relative) of one matched expression."""
    g = match.groupdict()
    if kind == "iso":
        return _date(int(g["y"]), int(g["m"]), int(g["d"])), "day", False
    if kind in ("mdy", "dmy"):
        return _date(int(g["y"]), MONTHS[g["month"].lower()], int(g["d"])), "day", False
    if kind == "my":
        return f"{int(g['y']):04d}-{MONTHS[g['month'].lower()]:02d}", "month", False
    if kind == "year":
        return g["y"], "year", False
    if ref is None:
        return None, "unknown", True
    if kind == "md":
        month = MONTHS[g["month"].lower()]
        year = ref.year if month <= ref.month + 1 else ref.year - 1
        return _date(year, month, int(g["d"])), "day", True
    if kind == "month":
        month = MONTHS[g["month"].lower()]
        year = ref.year if month <= ref.month else ref.year - 1
        return f"{year:04d}-{month:02d}", "month", True
    if kind == "weekday":
        target = WEEKDAYS.index(g["wd"].lower())
        text = match.group(0).lower()
        delta = (ref.weekday() - target) % 7
        if text.startswith("next"):
            return (ref + dt.timedelta(days=(target - ref.weekday()) % 7 or 7)).isoformat(), "day", True
        if text.startswith("last") and delta == 0:
            delta = 7
        return (ref - dt.timedelta(days=delta)).isoformat(), "day", True
    if kind == "relative":
        rel = g["rel"].lower()
        if rel == "today":
            return ref.isoformat(), "day", True
        if rel == "yesterday":
            return (ref - dt.timedelta(days=1)).isoformat(), "day", True
        if rel == "tomorrow":
            return (ref + dt.timedelta(days=1)).isoformat(), "day", True
        if rel.endswith("month"):
            shift = {"last": -1, "this": 0, "next": 1}[rel.split()[0]]
            return _month_shift(ref, shift), "month", True
        if rel.endswith("year"):
            shift = {"last": -1, "this": 0, "next": 1}[rel.split()[0]]
            return str(ref.year + shift), "year", True
        if rel.endswith("week"):
            shift = {"last": -7, "this": 0, "next": 7}[rel.split()[0]]
            day = ref + dt.timedelta(days=shift)
            iso = day.isocalendar()
            return f"{iso.year:04d}-W{iso.week:02d}", "week", True
        return _month_shift(ref, 0), "range", True
    if kind == "season":
        year = ref.year + {"this": 0, "last": -1, "next": 1}[g["which"].lower()]
        return f"{year:04d}-{SEASONS[g['season'].lower()]}", "season", True
    return None, "unknown", True


def find_times(sentences: list[Sentence], reference: str | None, inferred: bool = False) -> list[TimeExpression]:
    """Time expressions of all sentences, resolved against ``reference`` (``YYYY-MM-DD``)."""
    ref = dt.date.fromisoformat(reference) if reference else None
    found: list[TimeExpression] = []
    for sentence in sentences:
        taken: list[tuple[int, int]] = []
        for kind, pattern in PATTERNS:
            for match in pattern.finditer(sentence.text):
                start, end = match.span()
                if any(start < e and s < end for s, e in taken):
                    continue
                taken.append((start, end))
                value, precision, relative = resolve(kind, match, ref)
                found.append(
                    TimeExpression(
                        text=match.group(0),
                        start=sentence.start + start,
                        end=sentence.start + end,
                        sentence=sentence.index,
                        value=value,
                        precision=precision if value else "unknown",
                        inferred=bool(relative and inferred and value),
                        relative=relative,
                    )
                )
    found.sort(key=lambda t: t.start)
    return found


def estimate_reference(doc_published: str | None, story_dates: list[str], own: list[TimeExpression]) -> str | None:
    """A reference date for an undated document: the latest publication date of its story's dated
    documents, else the latest absolute day-precision date in its own text; None when nothing supports one."""
    if doc_published:
        return doc_published
    if story_dates:
        return max(story_dates)
    absolute = [t.value for t in own if t.value and not t.relative and t.precision == "day"]
    return max(absolute) if absolute else None


def infer_references(docs, annotations) -> None:
    """Resolve the time expressions of undated documents against an estimated reference date."""
    story_dates = [d.published for d in docs if d.published]
    for doc in docs:
        annotation = annotations[doc.id]
        if doc.published:
            continue
        reference = estimate_reference(None, story_dates, annotation.times)
        if reference is None or reference == annotation.reference_date:
            continue
        annotation.reference_date = reference
        annotation.reference_inferred = True
        annotation.times = find_times(annotation.sentences, reference, inferred=True)
        for claim in annotation.claims:
            claim.date = next((t.value for t in annotation.times if t.sentence == claim.sentence and t.value), None)
