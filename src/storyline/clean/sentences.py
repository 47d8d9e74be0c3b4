"""Sentence splitting that remembers where text was glued together without a space.

Copies scraped from the web glue captions and other stories' headlines onto a sentence
("... in Ukraine.The Pentagon admits ..."); such a join is evidence the next piece is foreign,
so each piece carries ``glued``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.clean.vocabulary import ABBREVIATIONS, SENTENCE_OPENERS

# Sentence-final punctuation (and a closing quote), then either a space or, glued, a capital.
_BOUNDARY = re.compile(
    r"(?P<end>[.!?][\"”’')]?)"
    r"(?P<space>\s+(?=[\"“‘(]?[A-Z0-9À-Ý])|(?=[\"“‘]?(?:[A-ZÀ-Ý][a-zà-ÿA-Z]|[AI]\s)))"
)
_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")
_OPENER_AFTER_WORD = re.compile(r"(?<=[a-z0-9)]) (?=(" + "|".join(sorted(SENTENCE_OPENERS)) + r") [a-z])")
SENTENCE_FINAL = re.compile(r"[.!?…][\"”’')]*$|[\"”’]$")


@dataclass
class Piece:
    """A sentence of a paragraph; ``glued`` when it followed the previous one without a space."""

    text: str
    glued: bool = False

    @property
    def finished(self) -> bool:
        """Whether it ends like a sentence; headlines and truncated text do not."""
        return bool(SENTENCE_FINAL.search(self.text))


def _is_boundary(paragraph: str, match: re.Match) -> bool:
    word = _WORD_BEFORE.search(paragraph[: match.start()])
    token = (word.group(1) if word else "").lower().lstrip("(\"“")
    if match.group("space"):
        if token in ABBREVIATIONS or re.fullmatch(r"[a-z]", token) or re.fullmatch(r"(\w\.)+\w", token):
            return False
        return True
    # Glued: only after a real word of two letters or more ("U.S.Army" is not two sentences).
    return bool(re.fullmatch(r"[\w'’-]*[^\W\d_]{2}", token)) and token not in ABBREVIATIONS


def split_pieces(paragraph: str) -> list[Piece]:
    """The sentences of one paragraph, in order, each marked glued or not."""
    pieces: list[Piece] = []
    start = 0
    glued = False
    for match in _BOUNDARY.finditer(paragraph):
        if not _is_boundary(paragraph, match):
            continue
        text = paragraph[start : match.end("end")].strip()
        if text:
            pieces.append(Piece(text, glued))
        glued = not match.group("space")
        start = match.end()
    rest = paragraph[start:].strip()
    if rest:
        pieces.append(Piece(rest, glued))
    return pieces


def opener_seams(text: str) -> list[int]:
    """Where a sentence opener follows a lower-case word ("... the blast The police said ..."): the places
    a sentence may start inside text that has no punctuation there."""
    return [seam.start() for seam in _OPENER_AFTER_WORD.finditer(text)]


def split_glued_headline(piece: Piece) -> tuple[str, str] | None:
    """A glued piece that starts with a headline and runs on into a sentence ("Local team wins title The
    opposition said ..."): the headline and the sentence; None if there is no such seam."""
    if not piece.glued:
        return None
    seam = _OPENER_AFTER_WORD.search(piece.text)
    if not seam:
        return None
    return piece.text[: seam.start()].strip(), piece.text[seam.end() :].strip()
