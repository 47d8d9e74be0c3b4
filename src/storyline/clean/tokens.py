"""Undo tokenization: texts rebuilt from the tokens of a corpus read "Peru 's President", "7: 35 am",
"U.S. , the", "( AP )" and "do n't".

Only unmistakable artefacts are joined (a space before a clitic or a punctuation mark, inside brackets
and straight quotes, inside a clock time), and only in a text that has many of them, so that a stray
space in ordinary copy stays as written. Joining spaces loses no word, so it leaves no ``Removal``."""

from __future__ import annotations

import re

from storyline.clean.vocabulary import CLITICS

MIN_ARTEFACTS = 5  # a text with fewer is ordinary copy with a few stray spaces
MIN_ARTEFACT_RATE = 0.02  # per word: a tokenized text has one per sentence at least (its period)

_CLITIC = re.compile(r"(?<=\w) (" + "|".join(re.escape(c) for c in CLITICS) + r")(?!\w)", re.IGNORECASE)
_BEFORE_PUNCTUATION = re.compile(r"(?<=[\w.)\]'’\"”%]) ([,.;:!?%)\]])(?=\s|$|[\"”’])", re.MULTILINE)
_AFTER_BRACKET = re.compile(r"([(\[]) (?=\S)")
_CLOCK = re.compile(r"\b(\d{1,2}): (\d{2})\b")
_MONEY = re.compile(r"(?<![\w$])([$£€]) (?=\d)")
_PTB_QUOTES = re.compile(r"``|''")


def artefacts(text: str) -> int:
    """How many tokenization artefacts the text has."""
    return sum(len(p.findall(text)) for p in (_CLITIC, _BEFORE_PUNCTUATION, _AFTER_BRACKET, _CLOCK))


def is_tokenized(text: str) -> bool:
    """Whether the text is clearly rebuilt from tokens: many artefacts, at least one per fifty words."""
    found = artefacts(text)
    return found >= MIN_ARTEFACTS and found >= MIN_ARTEFACT_RATE * len(text.split())


def _join_quotes(line: str) -> str:
    """Straight double quotes alternate opening and closing on a line: no space after an opening one,
    none before a closing one. A line with an odd number of quotes is left as it is."""
    parts = line.split('"')
    if len(parts) % 2 == 0:
        return line
    for k in range(1, len(parts), 2):  # the quoted spans
        parts[k] = parts[k].strip(" ")
    return '"'.join(parts)


def detokenize(text: str) -> str:
    """The text with its tokenization artefacts joined; line breaks are kept."""
    text = _PTB_QUOTES.sub('"', text)
    text = _CLITIC.sub(r"\1", text)
    text = _AFTER_BRACKET.sub(r"\1", text)
    text = _BEFORE_PUNCTUATION.sub(r"\1", text)
    text = _BEFORE_PUNCTUATION.sub(r"\1", text)  # "( AP ) ." has two in a row
    text = _CLOCK.sub(r"\1:\2", text)
    text = _MONEY.sub(r"\1", text)
    return "\n".join(_join_quotes(line) for line in text.split("\n"))
