"""Line-level boilerplate: related-link blocks and their teasers, prompts, navigation, captions and
credits, bylines, read-time, counters, repeated titles, newsletter sign-up forms and publisher notices
(copyright lines, rights reservations, print-edition notes).

Each line is judged whole, together with its neighbours' shape: a caption is the line above a credit,
a related block runs from its heading over every teaser group until a group that reads like story text.
A line that is not boilerplate as a whole loses the sentences that are publisher notices or subscription
promotions ("... All rights reserved."), matched one whole sentence at a time.

A long line (a one-line article, as some extractors give) is never judged whole: it loses the sign-up
prompt or video-player chrome glued to its start or end, and the sentences that are boilerplate on
their own, and keeps the rest; only when the rest is short is the line boilerplate after all (a long
newsletter sign-up form)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.clean.sentences import SENTENCE_FINAL, opener_seams, split_pieces
from storyline.clean.vocabulary import (
    BULLETS,
    BYLINE,
    CAPTION_MARKERS,
    CHROME_PROMPT,
    COUNTER,
    CREDIT,
    EMBEDDED_CAPTION,
    EMBEDDED_CREDIT,
    INLINE_RELATED,
    LEADING_CHROME,
    MAX_TAGLINE_WORDS,
    NAVIGATION,
    NOTICE,
    PRINT_EDITION,
    PROMO,
    PROMPT,
    READTIME,
    RELATED_HEADING_PATTERN,
    SERVICE_BAR,
    SIGNUP_FORM,
    STAFF_CREDIT,
    TAGLINE,
    TRAILING_CHROME,
)
from storyline.model import Removal
from storyline.vocabulary import RELATED_HEADINGS

MAX_HEADING_WORDS = 8  # a related-block heading or a byline is short
MAX_TEASER_TITLE_WORDS = 25
MIN_SIGNUP_PHRASES = 2  # distinct sign-up form phrases that make a line the form
MIN_CAPTION_WORDS = 3  # of a caption cut off the front of a story sentence
# A line this long is well over a heading, a teaser or a caption: it carries story text unless what is
# left of it, once its boilerplate segments are gone, is shorter than this.
LONG_LINE_WORDS = 30
_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’')]*$")


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
    if EMBEDDED_CREDIT.fullmatch(stripped):
        return "credit"
    if embedded_caption(stripped) == (stripped, ""):
        return "caption"
    if len({normal(m.group()) for m in SIGNUP_FORM.finditer(stripped)}) >= MIN_SIGNUP_PHRASES:
        return "prompt"  # a newsletter sign-up form
    if PRINT_EDITION.fullmatch(stripped):
        return "notice"
    if SERVICE_BAR.fullmatch(stripped):
        return "navigation"
    if STAFF_CREDIT.fullmatch(stripped) or (
        len(stripped.split()) <= MAX_HEADING_WORDS * 2 and BYLINE.fullmatch(stripped)
    ):
        return "byline"
    if next_text is not None and CREDIT.fullmatch(next_text.strip()) and len(split_pieces(stripped)) == 1:
        return "caption"  # a one-sentence line right above a photo credit
    return None


def embedded_caption(text: str) -> tuple[str, str] | None:
    """A caption introduced by its label ("Image copyright <credit> Image caption <caption>") and the story
    sentence glued after it, if any: (caption, sentence). A caption has no final punctuation, so a line
    that has it is a caption run into a sentence; it is cut only at a single clear seam ("... the blast
    The police said ..."), and None if there is none or there is no such caption."""
    match = EMBEDDED_CAPTION.fullmatch(text)
    if not match:
        return None
    caption = match.group("caption")
    if not _ENDS_SENTENCE.search(caption):
        return text, ""
    seams = opener_seams(caption)
    if len(seams) != 1 or len(caption[:seams[0]].split()) < MIN_CAPTION_WORDS:
        return None
    cut = match.start("caption") + seams[0]
    return text[:cut].strip(), text[cut:].strip()


def sentence_kind(text: str) -> str | None:
    """The kind of one sentence that is a publisher notice or a subscription promotion, else None."""
    if NOTICE.fullmatch(text):
        return "notice"
    if PROMO.fullmatch(text):
        return "prompt"
    return None


def _is_tagline(text: str) -> bool:
    return len(text.split()) <= MAX_TAGLINE_WORDS and bool(TAGLINE.fullmatch(text))


def strip_sentences(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A line without its notice and promotion sentences, and those sentences with their kinds; a line
    made of nothing else goes whole (with the slogans of what it promotes)."""
    pieces = split_pieces(text)
    kinds = [sentence_kind(piece.text) for piece in pieces]
    if not any(kinds):
        return text, []
    if "prompt" in kinds and all(k or _is_tagline(p.text) for k, p in zip(kinds, pieces, strict=True)):
        kinds = [k or "prompt" for k in kinds]
    footer = kinds[0] == "notice" and (kinds[1:2] == ["notice"] or not any(p.finished for p in pieces[1:]))
    if footer:
        kinds = ["notice"] * len(kinds)  # a copyright footer: what follows on its line is terms of use
    if all(kinds) and len(set(kinds)) == 1:
        return "", [(text, kinds[0])]
    kept = " ".join(piece.text for piece, kind in zip(pieces, kinds, strict=True) if not kind)
    return kept, [(piece.text, kind) for piece, kind in zip(pieces, kinds, strict=True) if kind]


def is_long(text: str) -> bool:
    return len(text.split()) >= LONG_LINE_WORDS


def is_story_line(text: str) -> bool:
    """A long line ending like a sentence: a paragraph of a story unless it is set off as a list item or
    indented (a teaser's summary)."""
    return is_long(text) and bool(SENTENCE_FINAL.search(text.strip()))


def strip_chrome(text: str) -> tuple[str, list[Removal]]:
    """A line without the sign-up prompt or video-player chrome glued to its start and end."""
    removed: list[Removal] = []
    for pattern in (LEADING_CHROME, TRAILING_CHROME):
        match = pattern.search(text)
        if match and match.group().strip():
            chrome = match.group().strip()
            removed.append(Removal(chrome, "prompt" if CHROME_PROMPT.search(chrome) else "navigation"))
            text = (text[: match.start()] + " " + text[match.end() :]).strip()
    return text, removed


def strip_segments(text: str, kind: str | None) -> tuple[str, list[Removal]]:
    """A long line without its boilerplate segments (chrome at its ends, sentences that are boilerplate
    on their own), and those segments. ``kind`` is the line's kind as a whole: when what is left is
    short, or is still boilerplate as a whole, nothing is kept ("")."""
    rest, removed = strip_chrome(" ".join(text.split()))
    if kind:
        pieces = split_pieces(rest)
        kinds = [line_kind(piece.text, None) for piece in pieces]
        removed += [Removal(p.text, k) for p, k in zip(pieces, kinds, strict=True) if k]
        rest = " ".join(p.text for p, k in zip(pieces, kinds, strict=True) if not k)
        if not is_long(rest) or line_kind(rest, None):
            return "", removed
    return rest, removed


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
        kept, segments = line.text, []
        if is_long(line.text):
            kept, segments = strip_segments(line.text, kind)
            kind = None if kept else kind
        if related_group is not None:
            if is_story_line(line.text) and not (kind or line.indented or line.bulleted):
                related_group = None  # a paragraph of the story, even without a blank line before it
            elif kind or line.group == related_group or _looks_like_teaser(line):
                removed.append(Removal(line.raw, kind or "teaser"))
                related_group = line.group
                continue
            else:
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
        removed.extend(segments)
        text_of_line = re.sub(r"\s+", " ", kept)
        caption = embedded_caption(text_of_line)
        if caption:
            removed.append(Removal(caption[0], "caption"))
            text_of_line = caption[1]
        whole = text_of_line
        text_of_line, notices = strip_sentences(text_of_line)
        removed.extend(Removal(line.raw if t == whole == line.text else t, k) for t, k in notices)
        if not text_of_line:
            continue
        if line.group == joinable_group and not SENTENCE_FINAL.search(paragraphs[-1]):
            paragraphs[-1] += " " + text_of_line  # a hard-wrapped paragraph
        else:
            paragraphs.append(text_of_line)
        joinable_group = line.group
    return paragraphs, removed
