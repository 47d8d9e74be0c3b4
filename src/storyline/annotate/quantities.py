"""Quantities with their unit and vagueness ("dozens", "more than 1,000 miles", "19%", "$1.2 billion").

A ``Quantity`` has the amount's ``value`` (None for vague amounts such as "dozens" or "a relatively small
number"), its ``unit`` (the counted noun phrase, "%", a currency code such as ``USD``, ``months`` for a
duration like "an eight-month salvo", ``years old`` for an age like "22-year-old"), ``vague`` and the
``qualifier`` that bounds or approximates it ("more than", "about"). Numbers that are not amounts are left
out: years and other dates (whatever ``dates`` recognises), clock times, ordinals and numbers inside names
and designations ("Shahed-136", "F-16", "Resolution 2231")."""

from __future__ import annotations

import math
import re

from storyline.annotate import dates
from storyline.annotate.quantity_vocabulary import (
    APPROXIMATION,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DESIGNATION_WORDS,
    NOT_UNIT_WORDS,
    QUALIFIER_BOUNDS,
    QUALIFIERS,
    SCALES,
    SIZE_ADJECTIVES,
    SIZE_ADVERBS,
    TENS,
    TIME_UNITS,
    UNITS_BELOW_TWENTY,
    VAGUE_AMOUNTS,
    VAGUE_RANGES,
    WORD_AMOUNTS,
)
from storyline.model import Quantity, Sentence


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_WORD_NUMBER = (
    r"(?:(?:"
    + _alternatives(TENS)
    + r")(?:-(?:"
    + _alternatives(UNITS_BELOW_TWENTY)
    + r"))?|"
    + _alternatives(UNITS_BELOW_TWENTY)
    + r")"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s*(?P<scale>" + _alternatives(s for s in SCALES if len(s) > 2) + r"|bn|m|k)\b)?"
AMOUNT = re.compile(
    r"(?<![\w.,$€£¥-])(?:(?P<qualifier>" + _alternatives(QUALIFIERS) + r")\s+)?"
    r"(?:(?P<vague>" + _alternatives(VAGUE_AMOUNTS) + r")\b"
    r"|(?P<size>an?\s+[\"“]?(?:(?:"
    + _alternatives(SIZE_ADVERBS)
    + r")\s+)?(?:"
    + _alternatives(SIZE_ADJECTIVES)
    + r")\s+(?:number|amount)[\"”]?(?:\s+of)?)(?!\w)"
    r"|(?P<word_amount>" + _alternatives(WORD_AMOUNTS) + r")\b"
    r"|(?P<currency>US\$|[$€£¥])\s?(?P<money>"
    + _DIGITS
    + r")"
    + _SCALE.replace("scale", "money_scale")
    + r"|(?P<number>"
    + _DIGITS
    + r")(?![\d:])(?P<ordinal>st|nd|rd|th)?"
    + _SCALE
    + r"|(?P<words>"
    + _WORD_NUMBER
    + r")\b(?:\s+(?P<word_scale>hundred|thousand|million|billion)\b)?)"
    r"(?:\s*(?P<percent>%|percent\b|per cent\b))?"
    r"(?:-(?P<time_unit>" + _alternatives(TIME_UNITS) + r")(?P<age>-old)?\b)?",
    re.IGNORECASE,
)
_UNIT_WORD = re.compile(r"[\"”’']?\s+(?:of\s+)?([A-Za-z][\w'’-]*)")  # "dozens" of personnel
_CLOCK = re.compile(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|[ap]m\b|o'clock)", re.IGNORECASE)
_DESIGNATION_BEFORE = re.compile(r"(?:[A-Za-z]+-|#|\b(?P<word>[A-Z][\w.]*)\.?\s)$")
_AGE_AFTER = re.compile(r"\s+years?\s+old\b", re.IGNORECASE)
_UNIT_WORDS = 3  # at most this many words make a unit ("Iranian-made attack drones")


def _number_value(text: str) -> float | None:
    text = text.lower().replace(",", "")
    try:
        return float(text)
    except ValueError:
        pass
    parts = text.split("-")
    if parts[0] in TENS:
        return float(TENS[parts[0]] + (UNITS_BELOW_TWENTY.get(parts[1], 0) if len(parts) > 1 else 0))
    return float(UNITS_BELOW_TWENTY[text]) if text in UNITS_BELOW_TWENTY else None


def _unit_after(sentence: str, end: int) -> tuple[str | None, int]:
    """The counted noun phrase after an amount, and where it ends: up to a few words, stopping at
    function words, verbs and punctuation."""
    words: list[str] = []
    position = end
    while len(words) < _UNIT_WORDS:
        match = _UNIT_WORD.match(sentence, position)
        if (
            not match
            or match.group(1).lower() in NOT_UNIT_WORDS
            or (words and "of" in match.group(0).split())
        ):
            break
        words.append(match.group(1))
        position = match.end()
        if not re.fullmatch(
            r"[A-Z][\w-]*|[\w]+-\w+[\w-]*|\w+(?:ian|ese|ish|ed|al|ic|ive|ary|ern|ing)", match.group(1)
        ):
            break  # a noun ends the phrase; adjectives and names before it continue it
    return (" ".join(words) or None), position


def _is_designation(sentence: str, start: int) -> bool:
    match = _DESIGNATION_BEFORE.search(sentence[:start])
    if not match:
        return False
    word = match.group("word")
    return word is None or word.lower().rstrip(".") in DESIGNATION_WORDS


def find_quantities(sentences: list[Sentence]) -> list[Quantity]:
    """Quantities of all sentences, excluding numbers that belong to dates, times, ordinals and names."""
    date_spans = {s.index: [] for s in sentences}
    for sentence, found in dates.scan(sentences, None):
        date_spans[sentence.index].append((found.start, found.end))
    quantities = []
    for sentence in sentences:
        for match in AMOUNT.finditer(sentence.text):
            quantity = _quantity(match, sentence, date_spans[sentence.index])
            if quantity:
                quantities.append(quantity)
    return quantities


def _quantity(match: re.Match, sentence: Sentence, date_spans: list[tuple[int, int]]) -> Quantity | None:
    g = match.groupdict()
    text = sentence.text
    number_start = (
        match.start("number") if g["number"] else match.start("words") if g["words"] else match.start()
    )
    if any(s < match.end() and number_start < e for s, e in date_spans):
        return None  # part of a date ("Oct. 8", "2014", "two days ago")
    if g["ordinal"] or _CLOCK.match(text, match.end()) or _is_designation(text, match.start()):
        return None
    if g["number"] and re.match(r"-\d|/\d|\.\d|-[A-Za-z]", text[match.end() :]):
        return None  # ranges of identifiers, versions, fractions of names ("136-B")
    value, unit, vague, end = None, None, False, match.end()
    if g["vague"] or g["size"]:
        vague = True
    elif g["word_amount"]:
        value = float(WORD_AMOUNTS[g["word_amount"].lower()])
    elif g["money"]:
        value = float(g["money"].replace(",", "")) * SCALES.get((g["money_scale"] or "").lower(), 1)
        unit = CURRENCY_SYMBOLS[g["currency"].upper()]
    elif g["number"]:
        value = float(g["number"].replace(",", "")) * SCALES.get((g["scale"] or "").lower(), 1)
    else:
        value = _number_value(g["words"])
        if value is not None and g["word_scale"]:
            value *= SCALES[g["word_scale"].lower()]
    if g["percent"]:
        unit = "%"
    elif g["time_unit"]:
        age = g["age"] or _AGE_AFTER.match(text, end)
        unit = "years old" if age and g["time_unit"].lower() == "year" else TIME_UNITS[g["time_unit"].lower()]
        end = _AGE_AFTER.match(text, end).end() if age and not g["age"] else end
    elif _AGE_AFTER.match(text, end) and not g["vague"]:
        unit, end = "years old", _AGE_AFTER.match(text, end).end()
    elif unit is None:
        unit, end = _unit_after(text, end)
        currency = CURRENCY_WORDS.get((unit or "").lower())
        unit = currency or unit
    if (
        g["words"]
        and g["words"].lower() == "one"
        and (unit is None or re.match(r"\s+of\b", text[match.end() :]))
    ):
        return None  # "one" as a pronoun ("one of them")
    if not (vague or value is not None):
        return None
    qualifier = (g["qualifier"] or "").lower() or None
    return Quantity(
        text=text[match.start() : end],
        start=sentence.start + match.start(),
        end=sentence.start + end,
        sentence=sentence.index,
        value=value,
        unit=unit,
        vague=vague,
        qualifier=qualifier,
    )


def interval(quantity: Quantity) -> tuple[float, float]:
    """The values a quantity admits: "more than 120" is (120, inf), "about 40" is 40 ± 20%, "dozens"
    is (24, 199); a vague amount without a known range admits anything."""
    value = quantity.value
    if value is None:
        lowered = quantity.text.lower()
        return next((r for words, r in VAGUE_RANGES.items() if words in lowered), (-math.inf, math.inf))
    bound = QUALIFIER_BOUNDS.get((quantity.qualifier or "").lower())
    if bound == "lower":
        return value, math.inf
    if bound == "upper":
        return -math.inf, value
    if bound == "near" or quantity.vague:
        return value * (1 - APPROXIMATION), value * (1 + APPROXIMATION)
    return value, value
