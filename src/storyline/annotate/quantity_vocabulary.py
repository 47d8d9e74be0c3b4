"""Words the quantity annotator recognises: number words, scales, qualifiers, vague amounts, currencies.

Kept apart from the rules in ``quantities.py`` so that a new word is a data change."""

from __future__ import annotations

UNITS_BELOW_TWENTY = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}

TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}

SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
    "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3,
}

# Amounts named by a word that stands for a number ("a dozen").
WORD_AMOUNTS = {
    "a dozen": 12, "half a dozen": 6, "a hundred": 100, "a thousand": 1000, "a million": 1e6,
    "a billion": 1e9, "a couple of": 2, "a pair of": 2,
}

# Amounts that name no number; they are vague and have no value.
VAGUE_AMOUNTS = [
    "tens of thousands", "hundreds of thousands", "millions", "thousands", "hundreds", "dozens", "scores",
    "several", "a few", "a handful of", "numerous", "a number of", "a couple", "many",
]

# "a relatively small number": an adjective of size before "number" or "amount".
SIZE_ADVERBS = [
    "relatively", "very", "fairly", "comparatively", "extremely", "rather", "quite",
]

SIZE_ADJECTIVES = [
    "small", "large", "significant", "limited", "growing", "increasing", "substantial", "unknown",
    "undisclosed", "huge", "modest", "sizable", "sizeable", "big", "tiny", "high", "low",
]

# Words before a number that bound or approximate it.
QUALIFIERS = [
    "more than", "less than", "fewer than", "at least", "at most", "about", "around", "roughly", "nearly",
    "almost", "up to", "over", "some", "approximately", "an estimated", "as many as", "as much as",
    "as few as", "no more than", "under", "just over", "just under", "well over", "close to",
]

# What a qualifier says about the true value: at least it, at most it, or near it.
QUALIFIER_BOUNDS = {
    **dict.fromkeys(["more than", "at least", "over", "as many as", "as much as", "just over", "well over"],
                    "lower"),
    **dict.fromkeys(["less than", "fewer than", "at most", "up to", "as few as", "no more than", "under",
                     "just under"], "upper"),
    **dict.fromkeys(["about", "around", "roughly", "nearly", "almost", "some", "approximately",
                     "an estimated", "close to"], "near"),
}
APPROXIMATION = 0.2  # "about 40" admits 32 to 48

# The values a vague amount admits, by the words that make it (matched in order, longest first), so that
# "dozens" and "a relatively small number" of one thing can be told apart. A "small number" is read as
# under 20: below "dozens" (two dozen at least) and in line with "a handful" or "several".
VAGUE_RANGES = {
    "hundreds of thousands": (2e5, 999_999), "tens of thousands": (2e4, 99_999), "millions": (2e6, 999e6),
    "thousands": (2000, 9999), "hundreds": (200, 999), "dozens": (24, 199), "scores": (40, 199),
    "a handful": (2, 6), "a few": (2, 6), "a couple": (2, 3), "several": (3, 9),
    "small number": (1, 20), "tiny number": (1, 10), "limited number": (1, 20), "modest number": (1, 20),
}

CURRENCY_SYMBOLS = {
    "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
}

CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "rubles": "RUB",
    "roubles": "RUB", "rials": "IRR", "hryvnias": "UAH", "yuan": "CNY", "yen": "JPY",
}

# Units of time that make "an eight-month salvo" a duration and "22-year-old" an age.
TIME_UNITS = {
    "second": "seconds", "minute": "minutes", "hour": "hours", "day": "days", "week": "weeks",
    "month": "months", "year": "years", "decade": "decades",
}

# Capitalised words before a number that make it part of a name ("Resolution 2231", "Flight 752").
DESIGNATION_WORDS = {
    "act", "airbus", "apollo", "article", "battalion", "bill", "block", "boeing", "brigade", "building",
    "chapter", "class", "covid", "decree", "division", "flight", "galaxy", "gate", "highway", "iphone",
    "level", "model", "no", "number", "order", "page", "paragraph", "phase", "regiment", "resolution", "room",
    "route", "section", "type", "unit", "version", "windows",
}

# Words after a number that end its unit phrase: function words and common verbs.
NOT_UNIT_WORDS = {
    "a", "about", "after", "against", "also", "an", "and", "are", "as", "at", "be", "been", "before",
    "between", "but", "by", "can", "could", "during", "each", "for", "from", "had", "has", "have", "he",
    "her", "here", "his", "i", "if", "in", "into", "is", "it", "its", "less", "may", "might", "more", "not",
    "of", "on", "or", "over", "per", "percent", "said", "say", "says", "she", "should", "since", "so", "than",
    "that", "the", "their", "then", "there", "these", "they", "this", "those", "times", "to", "was", "we",
    "were", "when", "where", "which", "while", "who", "will", "with", "would", "you",
}
