"""Line-level boilerplate: related blocks, prompts, captions, bylines, counters, read-time."""

from __future__ import annotations

import re

from storyline.clean.vocabulary import CAPTION_PATTERNS, LINE_PATTERNS, RELATED_HEADINGS
from storyline.model import Removal


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def strip_boilerplate(text: str, title: str | None) -> tuple[list[str], list[Removal]]:
    """Paragraphs of the body without boilerplate lines, and the removed lines with their kinds."""
    kept: list[str] = []
    removed: list[Removal] = []
    lines = [line.strip(" \t\u2022·") for line in text.splitlines()]
    in_related = False
    title_seen = False
    for line in lines:
        if not line:
            continue
        low = _normal(line)
        if low in RELATED_HEADINGS:
            removed.append(Removal(line, "related"))
            in_related = True
            continue
        if in_related:
            removed.append(Removal(line, "teaser"))
            continue
        if title and low == _normal(title):
            if title_seen or kept:
                removed.append(Removal(line, "title_duplicate"))
                continue
            title_seen = True
            kept.append(line)
            continue
        kind = next((k for k, pattern in LINE_PATTERNS if pattern.fullmatch(line)), None)
        if kind is None and any(p.search(line) for p in CAPTION_PATTERNS):
            kind = "caption"
        if kind:
            removed.append(Removal(line, kind))
            continue
        kept.append(re.sub(r"\s+", " ", line))
    return kept, removed
