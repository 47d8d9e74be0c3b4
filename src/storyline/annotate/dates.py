"""Time expressions found in sentences and resolved against a reference (publication) date.

Values follow TimeML (ISO 8601 with its extensions), so that the same resolver can be measured on
TempEval-3 (``storyline.eval.tempeval``). ``TimeExpression.value`` is one of

- ``YYYY-MM-DD`` (precision ``day``), ``YYYY-Www`` / ``YYYY-Www-WE`` (``week``; ISO week, the weekend),
  ``YYYY-MM`` (``month``), ``YYYY-Qn`` (``quarter``), ``YYYY-Hn`` (``half``; half-year),
  ``YYYY-SP|SU|FA|WI`` (``season``), ``YYYY`` (``year``), ``YYY`` (``decade``: ``199`` is the 1990s),
  ``YY`` (``century``: ``19`` is the 1900s);
- ``START/END`` with ``YYYY-MM-DD`` ends (``range``): a stretch that runs up to (or from) the reference
  date, such as "in recent weeks" (the 28 days before it) or "the past month";
- ``None`` when the expression names no calendar period ("recently", "now", "soon": TimeML's
  ``PAST_REF``/``PRESENT_REF``/``FUTURE_REF``, kept in ``Resolution.timeml`` only) or when it is relative
  and there is no reference date to resolve it against.

``relative`` marks values computed from the reference date (or from a previous expression), ``inferred``
those computed from an estimated reference date. Relative expressions look at the tense of their clause:
"said Thursday" is the last Thursday on or before the reference, "will meet on Thursday" the next one.
``contract_date`` maps a value onto the dossier's ``YYYY[-MM[-DD]]`` date and day/month/year precision.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import statistics
from dataclasses import dataclass

from dateutil.easter import easter

from storyline.annotate.time_vocabulary import (
    AMBIGUOUS_MONTHS,
    DEADLINE_CUES,
    DECADE_TENS,
    DECADE_WORDS,
    DIGIT_WORDS,
    FUTURE_CUES,
    HOLIDAYS,
    MOVABLE_HOLIDAYS,
    NOT_PAST,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    PAST_CUES,
    QUARTER_CONTEXT_WORDS,
    QUARTER_ORDINALS,
    REFERENCE_WORDS,
    SEASON_START,
    SEASONS,
    UNITS,
    VAGUE_COUNTS,
)
from storyline.model import Sentence, TimeExpression
from storyline.vocabulary import MONTHS, WEEKDAYS

PAST, UNKNOWN, FUTURE = -1, 0, 1
SOON_DAYS = 92  # a date this close ahead, named without tense, is an upcoming one ("payable Jan. 2")
NEAR_CUE = 30  # characters: a named day of a month follows only a tense cue this close, else the nearest date
ANAPHORA_SENTENCES = 3  # how far back "a year earlier" or "the quarter" look for the period they refer to
RECENT_DAYS = {"day": 7, "week": 28, "month": 90, "year": 3 * 365, "quarter": 270, "decade": 3650}


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_FULL_MONTHS = {max((m for m in MONTHS if MONTHS[m] == n), key=len) for n in range(1, 13)}
_MONTH = (  # full names, or abbreviations with an optional dot
    r"(?P<month>"
    + _alternatives(_FULL_MONTHS)
    + "|(?:"
    + _alternatives(set(MONTHS) - _FULL_MONTHS)
    + r")\.?)"
)
_WEEKDAY = r"(?P<weekday>" + _alternatives(WEEKDAYS) + r")"
_DAY = r"(?P<day>\d{1,2}(?:st|nd|rd|th)?|" + _alternatives(ORDINALS) + r")(?![\d:/-])"
_YEAR = r"(?P<year>(?:1[6-9]|20)\d{2})(?![\d%-])"
_COUNT = r"(?P<count>\d+|" + _alternatives([*NUMBER_WORDS, *VAGUE_COUNTS]) + r")"
_UNIT = r"(?P<unit>" + _alternatives(UNITS) + r")"
_SEASON = r"(?P<season>" + _alternatives(SEASONS) + r")"
_PART = r"(?P<mod>early|mid|late|the early|the late|the middle of|the beginning of|the start of|the end of)"
_TEMPORAL_PREPOSITION = re.compile(
    r"\b(?:in|on|since|during|by|until|till|through|from|to|before|after|of|early|mid|late|last|this|next"
    r"|between|and|or|around|about|until|throughout|starting|beginning|ending|the)\s*-?\s*$",
    re.I,
)

PATTERNS: list[tuple[str, re.Pattern]] = [
    (kind, re.compile(pattern, re.I))
    for kind, pattern in [
        ("iso", r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
        ("slash", r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d{2})\b"),
        (
            "month_day",
            r"\b(?:" + _WEEKDAY + r",?\s+)?(?:(?P<which>this coming|this past|next|last)\s+)?"
            r"(?:(?:around|about)\s+)?" + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?",
        ),
        ("day_month", r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?"),
        (
            "month_year",
            r"\b(?:"
            + _PART
            + r"[\s-]*)?"
            + _MONTH
            + r",?\s+(?:of\s+)?(?:"
            + _YEAR
            + r"|(?P<which>last|this|next) year)",
        ),
        (
            "month",
            r"\b(?:"
            + _PART
            + r"[\s-]*)?(?:(?P<which>last|this|next|this past|this coming)\s+)?"
            + _MONTH
            + r"(?![\w-])",
        ),
        (
            "decade",
            r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]*)?(?:(?P<decade>(?:1[6-9]|20)\d0)s|'(?P<short>\d0)s"
            r"|(?P<word>" + _alternatives(DECADE_WORDS) + r"))\b",
        ),
        (
            "century",
            r"\b(?:the\s+)?(?:(?P<number>\d{1,2})(?:st|nd|rd|th)|(?P<ordinal>"
            + _alternatives(ORDINALS)
            + r"))[\s-]+century\b",
        ),
        (
            "year",
            r"\b(?:(?:"
            + _PART
            + r"|(?P<fiscal>fiscal|calendar)|mid)[\s-]*)?"
            + _YEAR
            + r"(?!\s*(?:%|percent))",
        ),
        (
            "half",
            r"\b(?:the\s+)?(?P<half>first|second|last|latter)\s+half\s+of\s+(?:"
            + _YEAR
            + r"|(?:the|this) year|(?P<which>last|next) year)",
        ),
        (
            "quarter",
            r"\b(?:(?P<det>the|this|its|that|last year's|this year's|next year's)\s+)?"
            r"(?P<mods>(?:(?:fiscal|latest|current|recent|previous|comparable|corresponding|same|year-ago|year-earlier"
            r"|first|second|third|fourth|1st|2nd|3rd|4th|(?:1[6-9]|20)\d{2})[\s-]+)*)quarter(?![\w-])"
            r"(?:\s+(?:of|in)\s+" + _YEAR + r"|\s+a\s+year\s+(?P<ago>ago|earlier))?",
        ),
        (
            "period",
            r"\b(?:the\s+)?(?P<mods>(?:(?:latest|year-ago|year-earlier|comparable|corresponding|same)[\s-]+)+)"
            r"period(?:\s+(?P<ago>a year (?:ago|earlier)|last year))?",
        ),
        ("year_ago", r"\b(?P<adj>year-ago|year-earlier)\b"),
        (
            "season",
            r"\b(?:(?P<which>this|last|next|this past|this coming|the|early|late|the early|the late)\s+)?"
            + _SEASON
            + r"(?:\s+(?:of\s+)?"
            + _YEAR
            + r")?\b",
        ),
        (
            "weekday",
            r"\b(?:(?P<which>last|this|next|this coming|this past|the previous|the following|early|late"
            r"|earlier|later)\s+)?"
            + _WEEKDAY
            + r"(?:'s)?(?:\s+(?P<part>"
            + _alternatives(PARTS_OF_DAY)
            + r"))?\b",
        ),
        (
            "spelled_year",
            r"\b(?P<century>nineteen|twenty)[\s-]+(?P<tens>" + _alternatives(DECADE_TENS) + r")"
            r"(?:[\s-]+(?P<unit>"
            + _alternatives(DIGIT_WORDS)
            + r"))?\b|\b(?:the year )?(?P<millennium>two thousand)"
            r"(?:\s+(?:and\s+)?(?P<small>" + _alternatives(DIGIT_WORDS) + r"))?\b",
        ),
        (
            "deictic",
            r"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?P<word>today|tonight|yesterday|tomorrow"
            r"|this (?:morning|afternoon|evening)|last night|(?:the )?day before yesterday"
            r"|the day after tomorrow)\b",
        ),
        (
            "ago",
            r"\b(?:(?:almost|nearly|about|some|roughly|more than|over|just|only)\s+)?"
            + _COUNT
            + r"\s+"
            + _UNIT
            + r"\s+(?:or so\s+)?(?P<direction>ago|earlier|before|later|after|from now|hence)\b",
        ),
        (
            "range",
            r"\b(?:in\s+)?(?:the\s+)?(?P<which>recent|past|last|coming|next|following|previous)\s+"
            r"(?:(?:" + _COUNT + r")\s+)?(?P<unit>days|weeks|months|years|quarters|decades)\b",
        ),
        (
            "unit",
            r"\b(?P<which>last|this|next|the past|the previous|the coming|the current|the following"
            r"|the same|that|the|earlier this|later this|early this|late this|early next|late next"
            r"|early last|late last"
            r"|earlier in the|later in the|the end of the|the end of this|the end of last|the end of next"
            r"|the beginning of the|the beginning of this|the middle of the|the rest of the|the rest of this"
            r"|the full|the whole|the current fiscal|the fiscal|the latest fiscal)"
            r"\s+(?P<unit>week|weekend|month|year|decade|century)\b",
        ),
        ("year_end", r"\b(?:(?:the|this|last|next)\s+)?(?P<word>year-end|year end|year's end)\b"),
        (
            "holiday",
            r"\b(?:(?P<which>last|this|next)\s+)?(?P<holiday>"
            + _alternatives([*HOLIDAYS, *MOVABLE_HOLIDAYS])
            + r")\b",
        ),
        ("reference", r"\b(?P<word>" + _alternatives(REFERENCE_WORDS) + r")\b"),
    ]
]
_FUTURE = re.compile(r"\b(?:" + _alternatives(FUTURE_CUES) + r")\b", re.I)
_DEADLINE = re.compile(r"\b(?:" + _alternatives(DEADLINE_CUES) + r")\s+(?:on\s+)?$", re.I)
_PASSIVE = re.compile(r"\b(?:be|been|being|is|are|get|gets)\s+$", re.I)
_COMPARISON = re.compile(r"year[- ](?:ago|earlier)|last year|previous|comparable|corresponding")
_PAST = re.compile(r"\b(?:" + _alternatives(set(PAST_CUES)) + r"|[a-z]{3,}ed)\b", re.I)


@dataclass(frozen=True)
class Resolution:
    """What one expression means: our ``value`` (see the module docstring) and its TimeML ``timeml`` value."""

    value: str | None
    precision: str
    relative: bool
    timeml: str | None = None


UNRESOLVED = Resolution(None, "unknown", True)


@dataclass(frozen=True)
class Context:
    """One matched expression as a resolver rule sees it."""

    groups: dict[str, str | None]
    text: str  # the expression, lower-cased
    direction: int  # tense of its clause: PAST, UNKNOWN or FUTURE
    near: int  # tense from a cue close to the expression only
    sentence: str
    index: int  # of the sentence in the document


def _day(date: dt.date) -> Resolution:
    return Resolution(date.isoformat(), "day", True)


def _month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    total = year * 12 + month - 1 + months
    return total // 12, total % 12 + 1


def _week_value(date: dt.date) -> str:
    year, week, _ = date.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _quarter_of(date: dt.date) -> tuple[int, int]:
    return date.year, (date.month - 1) // 3 + 1


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    digits = re.match(r"\d+", word)
    if digits:
        return int(digits.group(0))
    return NUMBER_WORDS.get(word, ORDINALS.get(word))


def _full_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 1900 if year > 30 else 2000
    return year


def tense(text: str, start: int, end: int, within: int | None = None) -> int:
    """Whether the clause around text[start:end] speaks of the past (-1), the future (+1) or cannot tell (0):
    a deadline word right before the expression ("by", "until", "payable") means the future unless a past
    cue is close, otherwise the tense cue nearest to the expression decides ("said Thursday" / "plan to meet
    on Wednesday"), if it is at most ``within`` characters away."""
    if _DEADLINE.search(text[:start]) and within is None:
        return FUTURE if tense(text, start, end, within=NEAR_CUE) != PAST else PAST
    best: tuple[int, int] | None = None
    for direction, pattern in ((FUTURE, _FUTURE), (PAST, _PAST)):
        for match in pattern.finditer(text):
            if match.start() < end and start < match.end():
                continue
            word = match.group(0).lower()
            if direction == PAST and (word in NOT_PAST or _PASSIVE.search(text[: match.start()])):
                continue
            if direction == PAST and any(
                f.start() <= match.start() < f.end() for f in _FUTURE.finditer(text)
            ):
                continue
            distance = start - match.end() if match.end() <= start else match.start() - end
            if best is None or distance < best[0]:
                best = (distance, direction)
    return best[1] if best and (within is None or best[0] <= within) else UNKNOWN


def _weekday_date(ref: dt.date, weekday: int, direction: int, which: str) -> dt.date:
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if which in ("next", "this coming", "the following"):
        return ref + dt.timedelta(days=ahead or 7)
    if which in ("last", "this past", "the previous"):
        return ref - dt.timedelta(days=back or 7)
    if which == "this" or direction == FUTURE:
        return ref + dt.timedelta(days=ahead)
    return ref - dt.timedelta(days=back)


def _year_for_month(ref: dt.date, month: int, day: int | None, direction: int, which: str) -> int:
    """The year of a month (and day) named without one: the last such month for the past, the next for
    the future; a named day with no tense cue is in the next few months or else in the past year."""
    if which == "last":
        return ref.year if month < ref.month else ref.year - 1
    if which == "next":
        return ref.year if month > ref.month else ref.year + 1
    if which in ("this", "this coming", "this past"):
        return ref.year
    here = (month, day or 1)
    now = (ref.month, ref.day if day else 1)
    if direction == FUTURE:
        return ref.year if here >= now else ref.year + 1
    if direction == PAST or day is None:
        return ref.year if here <= now else ref.year - 1
    ahead = dt.date(ref.year if here >= now else ref.year + 1, month, min(day, 28))
    return ahead.year if (ahead - ref).days <= SOON_DAYS else ahead.year - 1


class Resolver:
    """Resolves the expressions of one document in reading order. It remembers the last period mentioned,
    which anaphoric expressions ("a year earlier", "the quarter", "that year") refer to."""

    def __init__(self, reference: dt.date | None):
        self.ref = reference
        self.last: tuple[int, Resolution] | None = None  # (sentence index, resolution)
        self.last_quarter: tuple[int, str] | None = None

    def resolve(self, kind: str, match: re.Match, sentence: str, index: int) -> Resolution:
        text = match.group(0).lower()
        if kind == "weekday" and text.endswith("'s"):
            direction = near = PAST  # "Wednesday's ruling" has happened
        else:
            direction = tense(sentence, match.start(), match.end())
            near = tense(sentence, match.start(), match.end(), within=NEAR_CUE)
        result = getattr(self, f"_{kind}")(Context(match.groupdict(), text, direction, near, sentence, index))
        if result.timeml is None:
            result = Resolution(result.value, result.precision, result.relative, result.value)
        if result.value and "/" not in result.value and not _COMPARISON.search(text):
            self.last = (index, result)
            if result.precision == "quarter":
                self.last_quarter = (index, result.value)
        return result

    # Absolute dates.

    def _iso(self, c: Context) -> Resolution:
        return self._absolute_day(int(c.groups["year"]), int(c.groups["month"]), int(c.groups["day"]))

    def _slash(self, c: Context) -> Resolution:
        return self._absolute_day(_full_year(c.groups["year"]), int(c.groups["month"]), int(c.groups["day"]))

    def _absolute_day(self, year: int, month: int, day: int) -> Resolution:
        try:
            return Resolution(dt.date(year, month, day).isoformat(), "day", False)
        except ValueError:
            return UNRESOLVED

    def _month_day(self, c: Context) -> Resolution:
        month, day = MONTHS[c.groups["month"].lower().rstrip(".")], _number(c.groups["day"])
        if day is None or not 1 <= day <= 31:
            return UNRESOLVED
        if c.groups.get("year"):
            return self._absolute_day(int(c.groups["year"]), month, day)
        if self.ref is None:
            return UNRESOLVED
        year = _year_for_month(self.ref, month, day, c.near, (c.groups.get("which") or "").lower())
        resolved = self._absolute_day(year, month, day)
        return Resolution(resolved.value, resolved.precision, True) if resolved.value else resolved

    _day_month = _month_day

    def _month_year(self, c: Context) -> Resolution:
        month = MONTHS[c.groups["month"].lower().rstrip(".")]
        if c.groups.get("year"):
            return Resolution(_month_value(int(c.groups["year"]), month), "month", False)
        if self.ref is None:
            return UNRESOLVED
        year = self.ref.year + {"last": -1, "this": 0, "next": 1}[c.groups["which"].lower()]
        return Resolution(_month_value(year, month), "month", True)

    def _month(self, c: Context) -> Resolution:
        if self.ref is None:
            return UNRESOLVED
        month = MONTHS[c.groups["month"].lower().rstrip(".")]
        year = _year_for_month(self.ref, month, None, c.direction, (c.groups.get("which") or "").lower())
        return Resolution(_month_value(year, month), "month", True)

    def _year(self, c: Context) -> Resolution:
        return Resolution(c.groups["year"], "year", False)

    def _spelled_year(self, c: Context) -> Resolution:
        if c.groups.get("millennium"):
            return Resolution(
                str(2000 + DIGIT_WORDS.get((c.groups.get("small") or "").lower(), 0)), "year", False
            )
        century = 1900 if c.groups["century"].lower() == "nineteen" else 2000
        unit = DIGIT_WORDS.get((c.groups.get("unit") or "").lower(), 0)
        return Resolution(str(century + DECADE_TENS[c.groups["tens"].lower()] + unit), "year", False)

    def _decade(self, c: Context) -> Resolution:
        if c.groups.get("decade"):
            return Resolution(c.groups["decade"][:3], "decade", False)
        tens = int(c.groups["short"][0]) if c.groups.get("short") else DECADE_WORDS[c.groups["word"].lower()]
        century = 19 if self.ref is None or tens * 10 > self.ref.year % 100 else self.ref.year // 100
        return Resolution(f"{century}{tens}", "decade", False)

    def _century(self, c: Context) -> Resolution:
        number = int(c.groups["number"]) if c.groups.get("number") else ORDINALS[c.groups["ordinal"].lower()]
        return Resolution(f"{number - 1:02d}", "century", False)

    def _half(self, c: Context) -> Resolution:
        half = 1 if c.groups["half"].lower() == "first" else 2
        if c.groups.get("year"):
            return Resolution(f"{c.groups['year']}-H{half}", "half", False)
        if self.ref is None:
            return UNRESOLVED
        year = self.ref.year + {"last": -1, "next": 1}.get((c.groups.get("which") or "").lower(), 0)
        return Resolution(f"{year}-H{half}", "half", True)

    # Financial periods.

    def _quarter(self, c: Context) -> Resolution:
        joined = (c.groups.get("mods") or "").lower().strip()
        mods = re.split(r"[\s-]+", joined)
        det = (c.groups.get("det") or "").lower()
        numbers = [QUARTER_ORDINALS[m] for m in mods if m in QUARTER_ORDINALS]
        years = [int(m) for m in mods if m.isdigit()]
        if not numbers and not years and not det and mods == [""]:
            return UNRESOLVED  # "a quarter of the vote"
        year_ago = bool(_COMPARISON.search(joined) or c.groups.get("ago") or det == "last year's")
        if c.groups.get("year") or years:
            year = int(c.groups.get("year") or years[0])
            if numbers:
                return Resolution(f"{year}-Q{numbers[0]}", "quarter", False)
            return Resolution(str(year), "year", False)
        if self.ref is None:
            return UNRESOLVED
        if numbers:
            quarter = numbers[0]
            year, current = _quarter_of(self.ref)
            if det == "next year's":
                year += 1
            elif det != "this year's" and quarter > current and c.direction != FUTURE:
                year -= 1
            if year_ago:
                year -= 1
            return Resolution(f"{year}-Q{quarter}", "quarter", True)
        if "current" in mods or det == "this":
            year, quarter = _quarter_of(self.ref)
        else:
            year, quarter = self._quarter_in_context(c.index)
        return Resolution(f"{year - 1 if year_ago else year}-Q{quarter}", "quarter", True)

    def _quarter_in_context(self, index: int) -> tuple[int, int]:
        """The quarter an anaphoric "the quarter" or "a year earlier" is about: the last one mentioned,
        else the last completed quarter (the one a company reports on)."""
        if self.last_quarter and index - self.last_quarter[0] <= ANAPHORA_SENTENCES:
            year, quarter = self.last_quarter[1].split("-Q")
            return int(year), int(quarter)
        year, quarter = _quarter_of(self.ref)
        return (year, quarter - 1) if quarter > 1 else (year - 1, 4)

    def _period(self, c: Context) -> Resolution:
        if self.ref is None:
            return UNRESOLVED
        year, quarter = self._quarter_in_context(c.index)
        year_ago = bool(_COMPARISON.search(c.text))
        return Resolution(f"{year - 1 if year_ago else year}-Q{quarter}", "quarter", True)

    def _year_ago(self, c: Context) -> Resolution:
        if self.ref is None:
            return UNRESOLVED
        if self._about_quarters(c.sentence, c.index):
            year, quarter = self._quarter_in_context(c.index)
            return Resolution(f"{year - 1}-Q{quarter}", "quarter", True)
        return Resolution(str(self.ref.year - 1), "year", True)

    def _about_quarters(self, sentence: str, index: int) -> bool:
        words = set(re.findall(r"[a-z]+", sentence.lower()))
        recent_quarter = self.last_quarter is not None and index - self.last_quarter[0] <= ANAPHORA_SENTENCES
        return bool(words & QUARTER_CONTEXT_WORDS) or recent_quarter

    # Seasons, weekdays, days.

    def _season(self, c: Context) -> Resolution:
        season = SEASONS[c.groups["season"].lower()]
        which = (c.groups.get("which") or "").lower()
        if c.groups.get("year"):
            return Resolution(f"{c.groups['year']}-{season}", "season", False)
        if not which or (season == "FA" and which in ("the", "early", "late", "the early", "the late")):
            return UNRESOLVED  # "fall" is mostly the verb; a bare season name is mostly not a date
        if self.ref is None:
            return UNRESOLVED
        start = SEASON_START[season]
        months_now = self.ref.year * 12 + self.ref.month
        this_year = self.ref.year - (1 if season == "WI" and self.ref.month < 3 else 0)
        started = this_year * 12 + start <= months_now
        ended = this_year * 12 + start + 3 <= months_now
        if which in ("last", "this past"):
            year = this_year if ended else this_year - 1
        elif which in ("next", "this coming"):
            year = this_year if not started else this_year + 1
        elif which == "this":
            year = this_year
        elif c.direction == FUTURE:
            year = this_year + 1 if ended else this_year
        else:
            year = this_year if started else this_year - 1
        return Resolution(f"{year}-{season}", "season", True)

    def _weekday(self, c: Context) -> Resolution:
        if self.ref is None:
            return UNRESOLVED
        weekday = WEEKDAYS.index(c.groups["weekday"].lower())
        date = _weekday_date(self.ref, weekday, c.direction, (c.groups.get("which") or "").lower())
        part = PARTS_OF_DAY.get((c.groups.get("part") or "").lower())
        return Resolution(date.isoformat(), "day", True, f"{date.isoformat()}{part}" if part else None)

    def _deictic(self, c: Context) -> Resolution:
        if self.ref is None:
            return UNRESOLVED
        word = c.groups["word"].lower()
        shift = (
            -2
            if "before yesterday" in word
            else 2
            if "after tomorrow" in word
            else (-1 if word in ("yesterday", "last night") else 1 if word == "tomorrow" else 0)
        )
        return _day(self.ref + dt.timedelta(days=shift))

    def _holiday(self, c: Context) -> Resolution:
        if self.ref is None:
            return UNRESOLVED
        name = c.groups["holiday"].lower()
        which = (c.groups.get("which") or "").lower()
        step = PAST if which == "last" else FUTURE if which == "next" else c.direction or PAST
        year = self.ref.year
        for _ in range(3):
            date = self._holiday_date(name, year)
            if (step == PAST and date <= self.ref) or (step == FUTURE and date >= self.ref):
                return _day(date)
            year += step
        return UNRESOLVED

    @staticmethod
    def _holiday_date(name: str, year: int) -> dt.date:
        if name in HOLIDAYS:
            return dt.date(year, *HOLIDAYS[name])
        if name.startswith("easter"):
            return easter(year)
        november = dt.date(year, 11, 1)
        return november + dt.timedelta(days=(3 - november.weekday()) % 7 + 21)  # fourth Thursday

    # Relative periods.

    def _ago(self, c: Context) -> Resolution:
        if self.ref is None:
            return UNRESOLVED
        count, unit = _number(c.groups["count"]), UNITS[c.groups["unit"].lower()]
        backwards = c.groups["direction"].lower() in ("ago", "earlier", "before")
        if count is None:
            return Resolution(None, "unknown", True, "PAST_REF" if backwards else "FUTURE_REF")
        sign = -1 if backwards else 1
        anchored = c.groups["direction"].lower() not in ("ago", "from now", "hence")
        if unit == "year" and count == 1 and self._about_quarters(c.sentence, c.index):
            year, quarter = self._quarter_in_context(c.index)
            return Resolution(f"{year - 1}-Q{quarter}", "quarter", True)
        base = self.ref
        recent = (
            self.last if anchored and self.last and c.index - self.last[0] <= ANAPHORA_SENTENCES else None
        )
        if recent and recent[1].precision == "day":
            base = dt.date.fromisoformat(recent[1].value)
        elif recent and recent[1].precision == "month" and unit in ("day", "week"):
            return recent[1]  # "died three days later" after "last month": that month, no finer
        return _shift(base, unit, sign * count)

    def _range(self, c: Context) -> Resolution:
        which, unit = c.groups["which"].lower(), UNITS[c.groups["unit"].lower()]
        forward = which in ("coming", "next", "following")
        timeml = "FUTURE_REF" if forward else "PAST_REF"
        if self.ref is None:
            return Resolution(None, "unknown", True, timeml)
        count = _number(c.groups["count"]) if c.groups.get("count") else None
        days = _span_days(unit, count) if count else RECENT_DAYS[unit]
        other = self.ref + dt.timedelta(days=days if forward else -days)
        ends = sorted([self.ref, other])
        return Resolution(f"{ends[0].isoformat()}/{ends[1].isoformat()}", "range", True, timeml)

    def _unit(self, c: Context) -> Resolution:
        if self.ref is None:
            return UNRESOLVED
        which, unit = c.groups["which"].lower(), c.groups["unit"].lower()
        if which in ("the past", "the previous") and unit in ("week", "month", "year"):
            return _range_back(self.ref, unit)
        recent = self.last if self.last and c.index - self.last[0] <= ANAPHORA_SENTENCES else None
        if which in ("that", "the same") and recent and (anchored := _truncate(recent[1], unit)):
            return anchored
        if (
            which == "the following"
            and recent
            and unit == "year"
            and (anchored := _truncate(recent[1], unit))
        ):
            return Resolution(str(int(anchored.value) + 1), "year", True)
        shift = (
            -1
            if which.startswith(("last", "early last", "late last", "the end of last"))
            else (1 if which.split()[-1] in ("next", "coming", "following") else 0)
        )
        if unit == "weekend":
            saturday = _weekday_date(
                self.ref,
                5,
                FUTURE if shift > 0 else c.direction,
                "next" if shift > 0 else "last" if shift < 0 else "",
            )
            return Resolution(f"{_week_value(saturday)}-WE", "week", True)
        return _shift(self.ref, unit, shift)

    def _year_end(self, c: Context) -> Resolution:
        if self.ref is None:
            return UNRESOLVED
        shift = -1 if c.text.startswith("last") else 1 if c.text.startswith("next") else 0
        return Resolution(str(self.ref.year + shift), "year", True)

    def _reference(self, c: Context) -> Resolution:
        return Resolution(None, "unknown", True, REFERENCE_WORDS[c.groups["word"].lower()])


def _shift(ref: dt.date, unit: str, amount: int) -> Resolution:
    """The calendar period ``amount`` units away from ``ref``, at the unit's precision."""
    if unit == "day":
        return _day(ref + dt.timedelta(days=amount))
    if unit == "week":
        return Resolution(_week_value(ref + dt.timedelta(weeks=amount)), "week", True)
    if unit == "month":
        return Resolution(_month_value(*_add_months(ref.year, ref.month, amount)), "month", True)
    if unit == "quarter":
        year, quarter = _quarter_of(ref)
        total = year * 4 + quarter - 1 + amount
        return Resolution(f"{total // 4}-Q{total % 4 + 1}", "quarter", True)
    if unit == "decade":
        return Resolution(str(ref.year // 10 + amount)[:3], "decade", True)
    if unit == "century":
        return Resolution(f"{ref.year // 100 + amount:02d}", "century", True)
    return Resolution(str(ref.year + amount), "year", True)


def _span_days(unit: str, count: int) -> int:
    return count * {"day": 1, "week": 7, "month": 30, "quarter": 91, "year": 365, "decade": 3650}[unit]


def _range_back(ref: dt.date, unit: str) -> Resolution:
    """ "The past month": the stretch of one unit that ends at the reference date."""
    start = ref - dt.timedelta(days=_span_days(unit, 1))
    return Resolution(f"{start.isoformat()}/{ref.isoformat()}", "range", True, _shift(ref, unit, -1).value)


def _truncate(resolution: Resolution, unit: str) -> Resolution | None:
    """The ``unit`` that contains a previously resolved period ("that year" after "in June 1998")."""
    value = resolution.value or ""
    if unit == "year" and re.match(r"\d{4}", value):
        return Resolution(value[:4], "year", True)
    if unit == "month" and re.match(r"\d{4}-\d{2}", value):
        return Resolution(value[:7], "month", True)
    if unit == "week" and resolution.precision == "day":
        return Resolution(_week_value(dt.date.fromisoformat(value)), "week", True)
    return None


@dataclass
class Found:
    """A matched expression with its place in the sentence and its resolution."""

    kind: str
    start: int
    end: int
    text: str
    resolution: Resolution


def _acceptable(kind: str, match: re.Match, sentence: str) -> bool:
    """Filters for matches that are mostly not dates: "may" the verb, numbers that are not years."""
    groups = match.groupdict()
    month = groups.get("month")
    if month and not month[0].isupper() and not month.isdigit():
        return False
    if (
        kind == "month"
        and month
        and month.lower() in AMBIGUOUS_MONTHS
        and not (groups.get("mod") or groups.get("which"))
        and not _TEMPORAL_PREPOSITION.search(sentence[: match.start()])
    ):
        return False
    if kind == "month" and len(month.rstrip(".")) <= 3 and month.lower() != "may":
        return False  # a lone abbreviation ("Jan") is rarely a date
    if kind == "year":
        before = sentence[: match.start()]
        after = sentence[match.end() :]
        if re.search(r"[$€£#]\s*$|\b(?:No|Resolution|Number|Flight|Route)\.?\s*$", before) or re.match(
            r"[,.]\d", after
        ):
            return False
        if (
            re.match(r"\s+[a-z]+s\b", after)
            and not (groups.get("mod") or groups.get("fiscal"))
            and not _TEMPORAL_PREPOSITION.search(before)
        ):
            return False  # "2000 troops"
        if re.search(r"[A-Za-z]-$", before):
            return False  # a designation such as "F-2014"
    if kind == "weekday" and not groups["weekday"][0].isupper():
        return False
    return True


@functools.lru_cache(maxsize=20_000)
def _matches(text: str) -> tuple[tuple[str, re.Match], ...]:
    """The time expressions of one sentence, longest match first where they overlap, in reading order.

    Cached by text: the dates and the quantities of a document both scan its sentences, and a report
    scans them again when it infers references."""
    candidates = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if match.group(0).strip() and _acceptable(kind, match, text):
                candidates.append((kind, match))
    candidates.sort(key=lambda c: (-(c[1].end() - c[1].start()), c[1].start()))
    chosen: list[tuple[str, re.Match]] = []
    for kind, match in candidates:
        if all(match.end() <= m.start() or m.end() <= match.start() for _, m in chosen):
            chosen.append((kind, match))
    return tuple(sorted(chosen, key=lambda c: c[1].start()))


def scan(sentences: list[Sentence], reference: dt.date | None) -> list[tuple[Sentence, Found]]:
    """Every time expression of a document, longest match first, resolved in reading order."""
    resolver = Resolver(reference)
    found: list[tuple[Sentence, Found]] = []
    for sentence in sentences:
        for kind, match in _matches(sentence.text):
            resolution = resolver.resolve(kind, match, sentence.text, sentence.index)
            if resolution.timeml is None and resolution.value is None and kind in ("quarter", "season"):
                continue  # matched words that are not a date after all ("a quarter of", "the fall of")
            found.append((sentence, Found(kind, match.start(), match.end(), match.group(0), resolution)))
    return found


def find_times(
    sentences: list[Sentence], reference: str | None, inferred: bool = False
) -> list[TimeExpression]:
    """Time expressions of all sentences, resolved against ``reference`` (``YYYY-MM-DD``)."""
    ref = dt.date.fromisoformat(reference[:10]) if reference else None
    times = []
    for sentence, item in scan(sentences, ref):
        resolution = item.resolution
        times.append(
            TimeExpression(
                text=item.text,
                start=sentence.start + item.start,
                end=sentence.start + item.end,
                sentence=sentence.index,
                value=resolution.value,
                precision=resolution.precision if resolution.value else "unknown",
                inferred=bool(inferred and resolution.relative and resolution.value),
                relative=resolution.relative,
            )
        )
    return times


def resolve_expression(
    text: str,
    sentence: str,
    start: int,
    reference: dt.date | None,
    resolver: Resolver | None = None,
    index: int = 0,
) -> Resolution:
    """The resolution of a given expression ``text`` found at ``start`` in ``sentence``: the longest
    pattern match inside it, with the tense of its sentence. Used to score resolution apart from detection."""
    resolver = resolver or Resolver(reference)
    end = start + len(text)
    best: tuple[tuple[int, int, int], str, re.Match] | None = None
    for kind, pattern in PATTERNS:
        for match in [*pattern.finditer(sentence, 0, end), *pattern.finditer(sentence)]:
            shared = min(end, match.end()) - max(start, match.start())
            if shared <= 0 or not start <= match.start() < end or not _acceptable(kind, match, sentence):
                continue
            score = (match.end() <= end, shared, -len(match.group(0)))  # inside the given text first
            if best is None or score > best[0]:
                best = (score, kind, match)
    if best is None:
        return UNRESOLVED
    return resolver.resolve(best[1], best[2], sentence, index)


def contract_date(time: TimeExpression) -> tuple[str | None, str]:
    """The dossier's ``YYYY[-MM[-DD]]`` date and ``day|month|year|unknown`` precision of a time expression:
    weeks by the month of their Thursday, quarters, halves and seasons by their year, ranges by the
    month they end in; decades and centuries have no such date."""
    value = time.value
    if not value:
        return None, "unknown"
    if time.precision in ("day", "month", "year"):
        return value, time.precision
    if time.precision == "week":
        year, week = re.match(r"(\d{4})-W(\d{2})", value).groups()
        thursday = dt.date.fromisocalendar(int(year), int(week), 4)
        return thursday.isoformat()[:7], "month"
    if time.precision in ("quarter", "half", "season"):
        return value[:4], "year"
    if time.precision == "range":
        return value.split("/")[1][:7], "month"
    return None, "unknown"


def dossier_date(time: TimeExpression) -> tuple[str | None, str]:
    """The date an event or a timeline entry shows and its precision, keeping what the text said: a week
    (``YYYY-Www``, ``-WE`` for a weekend) or a season (``YYYY-SU``) stays one, and quarters, halves and
    stretches such as "in recent weeks" (``START/END``) are ranges. Decades and centuries have no date."""
    if not time.value:
        return None, "unknown"
    if time.precision in ("day", "week", "month", "season", "year"):
        return time.value, time.precision
    if time.precision in ("quarter", "half", "range"):
        return time.value, "range"
    return None, "unknown"


def date_span(date: str, precision: str) -> tuple[dt.date, dt.date]:
    """First and last day of a ``dossier_date``: what timelines order by and charts draw."""
    if precision == "day":
        day = dt.date.fromisoformat(date)
        return day, day
    if precision == "week":
        year, week = (int(x) for x in re.match(r"(\d{4})-W(\d{2})", date).groups())
        first = dt.date.fromisocalendar(year, week, 6 if date.endswith("-WE") else 1)
        return first, dt.date.fromisocalendar(year, week, 7)
    if precision == "month":
        year, month = int(date[:4]), int(date[5:7])
        following = dt.date(*_add_months(year, month, 1), 1)
        return dt.date(year, month, 1), following - dt.timedelta(days=1)
    if precision == "season":
        year, month = _add_months(int(date[:4]), SEASON_START[date[5:7]], 0)
        end_year, end_month = _add_months(year, month, 3)
        return dt.date(year, month, 1), dt.date(end_year, end_month, 1) - dt.timedelta(days=1)
    if precision == "range" and "/" in date:
        start, end = date.split("/")
        return dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    if precision == "range":  # a quarter or a half of a year
        year, part, number = int(date[:4]), date[5], int(date[6])
        months = 3 if part == "Q" else 6
        first = (number - 1) * months + 1
        end_year, end_month = _add_months(year, first, months)
        return dt.date(year, first, 1), dt.date(end_year, end_month, 1) - dt.timedelta(days=1)
    year = int(date[:4])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _lower_bound(times: list[TimeExpression]) -> dt.date | None:
    """The latest absolute date a text mentions (start of its month or year): it was written after it."""
    bounds = []
    for t in times:
        if t.relative or not t.value:
            continue
        if t.precision == "day":
            bounds.append(dt.date.fromisoformat(t.value))
        elif t.precision == "month":
            bounds.append(dt.date.fromisoformat(t.value + "-01"))
        elif t.precision == "year":
            bounds.append(dt.date(int(t.value), 1, 1))
    return max(bounds) if bounds else None


def estimate_reference(story_dates: list[str], own: list[TimeExpression]) -> str | None:
    """A reference date for an undated document.

    Its story's dated documents give a window (the story's copies appear close together), its own absolute
    dates a lower bound (it was written after the latest of them). The estimate is the median publication
    date of the story's documents not older than that bound; with no such peers, the bound itself when it is
    a day; otherwise None (nothing supports a guess)."""
    bound = _lower_bound(own)
    peers = sorted(dt.date.fromisoformat(d[:10]) for d in story_dates)
    consistent = [d for d in peers if bound is None or d >= bound]
    if consistent:
        return statistics.median_low(consistent).isoformat()
    days = [t.value for t in own if not t.relative and t.value and t.precision == "day"]
    if bound is not None and days and max(days) == bound.isoformat():
        return bound.isoformat()
    return None


def infer_references(docs, annotations) -> None:
    """Resolve the time expressions of a story's undated documents against an estimated reference date
    and mark those resolutions as inferred (also on the claims of the re-dated sentences)."""
    story_dates = [d.published for d in docs if d.published]
    for doc in docs:
        annotation = annotations[doc.id]
        if doc.published:
            continue
        reference = estimate_reference(story_dates, annotation.times)
        if reference is None or (reference == annotation.reference_date and annotation.reference_inferred):
            continue
        annotation.reference_date = reference
        annotation.reference_inferred = True
        annotation.times = find_times(annotation.sentences, reference, inferred=True)
        for claim in annotation.claims:
            dated = (t for t in annotation.times if t.sentence == claim.sentence and t.value)
            claim.date = next((d for d, _ in map(contract_date, dated) if d), None)
