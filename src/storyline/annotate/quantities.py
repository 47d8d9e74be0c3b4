"""Quantities with their unit and vagueness ("dozens", "more than 1,000 miles", "19%")."""

from __future__ import annotations

import re

from storyline.model import Quantity, Sentence

VAGUE = {
    "dozens": 24.0, "hundreds": 200.0, "thousands": 2000.0, "scores": 40.0, "several": 3.0,
    "a few": 3.0, "a handful": 4.0, "a relatively small number": None, "a small number": None,
    "a large number": None, "many": None,
}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "fifty": 50, "a hundred": 100,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
QUALIFIERS = r"(?P<qual>more than|less than|fewer than|at least|at most|about|around|roughly|nearly|almost|up to|over|some)?\s*"
_VAGUE = "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))
_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
QUANTITY = re.compile(
    r"\b" + QUALIFIERS
    + r"(?:(?P<vague>" + _VAGUE + r")|(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|(?P<word>" + _WORDS + r"))"
    + r"(?:\s*(?P<scale>thousand|million|billion|trillion))?"
    + r"(?:\s*(?P<pct>%|percent\b))?"
    + r"(?:\s+(?:of\s+)?(?P<unit>(?:[A-Z][\w-]*-?\w*\s+)?[a-z][a-z-]+))?",
    re.IGNORECASE,
)
NOT_UNITS = {"and", "or", "of", "the", "to", "in", "on", "at", "a", "an", "that", "who", "which", "were", "was",
             "have", "had", "has", "are", "is", "said", "from", "by", "for", "with"}


def find_quantities(sentences: list[Sentence]) -> list[Quantity]:
    found: list[Quantity] = []
    for sentence in sentences:
        for m in QUANTITY.finditer(sentence.text):
            g = m.groupdict()
            if g["num"] and re.fullmatch(r"(19|20)\d{2}", g["num"]) and not g["scale"] and not g["pct"]:
                continue  # a year, not a quantity
            if g["word"] and g["word"].lower() == "one" and not g["unit"]:
                continue
            value: float | None
            if g["vague"]:
                value = VAGUE[g["vague"].lower()]
            elif g["num"]:
                value = float(g["num"].replace(",", ""))
            else:
                value = float(NUMBER_WORDS[g["word"].lower()])
            if value is not None and g["scale"]:
                value *= SCALES[g["scale"].lower()]
            unit = "%" if g["pct"] else (g["unit"] or "").strip() or None
            if unit and unit.split()[0].lower() in NOT_UNITS:
                unit = None
            text = m.group(0)
            if g["unit"] and unit is None:
                text = text[: m.start("unit") - m.start()].rstrip()
            found.append(
                Quantity(
                    text=text,
                    start=sentence.start + m.start(),
                    end=sentence.start + m.start() + len(text),
                    sentence=sentence.index,
                    value=value,
                    unit=unit,
                    vague=bool(g["vague"]) or bool(g["qual"] and g["qual"].lower() in ("about", "around", "roughly", "nearly", "some")),
                    qualifier=(g["qual"] or "").lower() or None,
                )
            )
    return found
