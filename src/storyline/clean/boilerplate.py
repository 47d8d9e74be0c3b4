"""Line-level boilerplate: related-link blocks and their teasers, prompts, navigation, captions and
credits, bylines, read-time, counters and repeated titles.

Each line is judged whole, together with its neighbours' shape: a caption is the line above a credit,
a related block runs from its heading over every teaser group until a group that reads like story text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.clean.sentences import SENTENCE_FINAL, split_pieces
from storyline.clean.vocabulary import (
    BULLETS,
    BYLINE,
    CAPTION_MARKERS,
    COUNTER,
    CREDIT,
    INLINE_RELATED,
    NAVIGATION,
    PROMPT,
    READTIME,
    RELATED_HEADING_PATTERN,
    RELATED_HEADINGS,
    STAFF_CREDIT,
)
from storyline.model import Removal

MAX_HEADING_WORDS = 8  # a related-block heading or a byline is short
MAX_TEASER_TITLE_WORDS = 25


@dataclass
class Line:
    """One line of the raw text: stripped of bullets and indentation, which are remembered."""

    text: str
    raw: str  # as written, bullet included, for the removal record
    indented: bool
    bulleted: bool
    group: int  # index of the blank-line separated group it belongs to


def normal(text: str) -> str:
    """Lower-cased, single-spaced form for comparing lines."""
    return " ".join(text.lower().split())


def _lines(text: str) -> list[Line]:
    lines: list[Line] = []
    group = 0
    for raw in text.splitlines():
        if not raw.strip():
            group += 1
            continue
        body = raw.strip()
        stripped = body.lstrip(BULLETS).strip()
        bulleted = stripped != body and bool(re.match(r"[•·●▪■►▸*]|[-–—]\s", body))
        lines.append(Line(stripped if bulleted else body, body, raw[:1].isspace(), bulleted, group))
    return lines


def _is_related_heading(text: str) -> bool:
    low = normal(text).rstrip(":").strip()
    if len(low.split()) > MAX_HEADING_WORDS:
        return False
    return low in RELATED_HEADINGS or bool(RELATED_HEADING_PATTERN.fullmatch(text.strip()))


def _looks_like_teaser(line: Line) -> bool:
    """A line that can open a teaser group: a list item, an indented line, or a headline."""
    if line.bulleted or line.indented:
        return True
    headline_shaped = not SENTENCE_FINAL.search(line.text) or line.text.endswith("?")
    return headline_shaped and len(line.text.split()) <= MAX_TEASER_TITLE_WORDS


def line_kind(text: str, next_text: str | None) -> str | None:
    """The boilerplate kind of one line on its own, or None for story text."""
    stripped = text.strip()
    if COUNTER.fullmatch(stripped):
        return "counter"
    if READTIME.fullmatch(stripped):
        return "readtime"
    if NAVIGATION.fullmatch(stripped):
        return "navigation"
    if PROMPT.fullmatch(stripped):
        return "prompt"
    if INLINE_RELATED.fullmatch(stripped) and not SENTENCE_FINAL.search(stripped.rstrip(".")):
        return "related"
    if CREDIT.fullmatch(stripped):
        return "credit"
    if any(marker.search(stripped) for marker in CAPTION_MARKERS):
        return "caption"
    if STAFF_CREDIT.fullmatch(stripped) or (
        len(stripped.split()) <= MAX_HEADING_WORDS * 2 and BYLINE.fullmatch(stripped)
    ):
        return "byline"
    if next_text is not None and CREDIT.fullmatch(next_text.strip()) and len(split_pieces(stripped)) == 1:
        return "caption"  # a one-sentence line right above a photo credit
    return None


def strip_boilerplate(text: str, title: str | None) -> tuple[list[str], list[Removal]]:
    """Paragraphs of the body without boilerplate lines, and the removed lines with their kinds.

    The first line equal to the title stays (it is the story's headline); later copies go."""
    lines = _lines(text)
    paragraphs: list[str] = []
    removed: list[Removal] = []
    title_key = normal(title) if title else None
    title_kept = False
    related_group: int | None = None  # the group of the latest line inside a related block
    joinable_group = -1  # the group whose last kept line may continue on the next line
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) and lines[i + 1].group == line.group else None
        kind = line_kind(line.text, following.text if following else None)
        if related_group is not None:
            if kind or line.group == related_group or _looks_like_teaser(line):
                removed.append(Removal(line.raw, kind or "teaser"))
                related_group = line.group
                continue
            related_group = None
        if _is_related_heading(line.text):
            removed.append(Removal(line.raw, "related"))
            related_group = line.group
            continue
        if title_key and normal(line.text) == title_key:
            if title_kept or paragraphs:
                removed.append(Removal(line.raw, "title_duplicate"))
                continue
            title_kept = True
            paragraphs.append(line.text)
            continue
        if kind:
            removed.append(Removal(line.raw, kind))
            continue
        text_of_line = re.sub(r"\s+", " ", line.text)
        if line.group == joinable_group and not SENTENCE_FINAL.search(paragraphs[-1]):
            paragraphs[-1] += " " + text_of_line  # a hard-wrapped paragraph
        else:
            paragraphs.append(text_of_line)
        joinable_group = line.group
    return paragraphs, removed
