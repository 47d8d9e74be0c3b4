"""Words the date annotator recognises: number words, tense cues, units, holidays (month and weekday
names are shared, in ``storyline.vocabulary``).

Kept apart from the rules in ``dates.py`` so that a new word is a data change."""

from __future__ import annotations

# Month names that are also common English words: recognised alone only after a temporal preposition.
AMBIGUOUS_MONTHS = {
    "aug", "dec", "jan", "jun", "mar", "march", "may", "sep",
}

# TimeML suffix of each part of the day.
PARTS_OF_DAY = {
    "morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI",
}

SEASONS = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}

# First month of each season (northern meteorological seasons), to order a season against a date.
SEASON_START = {
    "SP": 3, "SU": 6, "FA": 9, "WI": 12,
}

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25,
    "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30,
    "thirty-first": 31,
}

QUARTER_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12,
    "dozen": 12, "a hundred": 100, "a thousand": 1000, "thousand": 1000,
}

# Counts that name no number ("several years ago"): the expression points vaguely into the past or future.
VAGUE_COUNTS = [
    "several", "a few", "few", "some", "many", "a couple of", "a couple",
]

DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
    "nineties": 9,
}

# Calendar units a relative expression counts in, by their singular name.
UNITS = {
    "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
    "year": "year", "years": "year", "decade": "decade", "decades": "decade", "quarter": "quarter",
    "quarters": "quarter", "century": "century", "centuries": "century",
}

# Expressions that name the present, the past or the future without a calendar period (TimeML *_REF).
REFERENCE_WORDS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "these days": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "current": "PRESENT_REF", "at present": "PRESENT_REF",
    "the present": "PRESENT_REF", "recently": "PAST_REF", "more recently": "PAST_REF",
    "previously": "PAST_REF", "the past": "PAST_REF", "in the past": "PAST_REF", "formerly": "PAST_REF",
    "recent": "PAST_REF", "soon": "FUTURE_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "a later date": "FUTURE_REF", "future": "FUTURE_REF", "as soon as possible": "FUTURE_REF",
}

# Fixed-date holidays (month, day); movable ones are computed in dates.py.
HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "halloween": (10, 31), "independence day": (7, 4), "valentine's day": (2, 14),
}

MOVABLE_HOLIDAYS = [
    "thanksgiving day", "thanksgiving", "easter sunday", "easter",
]

# Words that place the event of a clause after the reference date ("will meet on Wednesday").
FUTURE_CUES = [
    "will", "'ll", "shall", "won't", "plan to", "plans to", "planning to", "planned to", "is to", "are to",
    "is expected to", "are expected to", "is scheduled to", "are scheduled to", "scheduled for", "set to",
    "is due to", "are due to", "going to", "intends to", "intend to", "expects to", "expect to", "hope to",
    "hopes to", "would", "upcoming", "next", "coming", "scheduled", "planned", "planning", "plans",
    "expected to", "forecast to", "likely to",
]

# Words that place it before ("said on Thursday"); other past forms are recognised by their "-ed" ending.
PAST_CUES = [
    "said", "told", "was", "were", "had", "did", "met", "began", "went", "came", "took", "gave", "made",
    "saw", "sent", "spoke", "wrote", "held", "left", "won", "lost", "fell", "rose", "struck", "shot",
    "brought", "bought", "sold", "paid", "led", "fled", "flew", "ran", "thought", "knew", "got", "became",
    "built", "found", "kept", "felt", "heard", "meant", "quit", "broke", "fought", "drove", "threw", "chose",
    "drew", "grew", "stood", "spent", "sought", "caught", "taught", "ago", "last",
]

# "-ed" words that are not past verbs of the clause.
NOT_PAST = {
    "advanced", "armed", "based", "bed", "called", "concerned", "detailed", "expected", "indeed",
    "interested", "limited", "need", "needed", "proposed", "red", "related", "speed", "supposed", "united",
    "used",
}

# Expressions whose value depends on the quarter a financial report is about.
QUARTER_CONTEXT_WORDS = {
    "period", "quarter", "quarterly",
}

# Years said in words ("nineteen ninety-six").
DECADE_TENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

DIGIT_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}

# Words right before a date that make it a deadline, hence in the future of the reference date.
DEADLINE_CUES = [
    "by", "until", "till", "through", "payable", "effective", "expire", "expires", "expiring", "starting",
    "between now and",
]
