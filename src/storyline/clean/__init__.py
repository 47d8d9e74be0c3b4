"""Remove boilerplate and other stories' sentences from extracted text, keeping every removal.

``clean_document`` sets ``Document.text`` (the story's own text, paragraphs separated by blank lines)
and ``Document.removed`` (each removed piece with its kind, from ``KINDS``). Lines are judged first
(``boilerplate``), then the sentences of what is left (``offtopic``). A text rebuilt from tokens is
detokenized first (``tokens``). A batch is cleaned in two steps, ``draft`` and ``finish``, so that the
sentences of all its documents can be embedded in one call between them (``coherence_texts``).

Cleaning never loses a document: one that it would leave without a sentence keeps its raw text
(white space normalised, no removals) and says so in ``Document.warnings``."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.clean.boilerplate import is_long, strip_boilerplate
from storyline.clean.offtopic import Body, OfftopicSettings, coherence_texts, split_body, strip_foreign
from storyline.clean.tokens import detokenize, is_tokenized
from storyline.model import Document, Removal

__all__ = ["KINDS", "Draft", "OfftopicSettings", "clean_document", "draft", "finish", "keep_raw_text"]

EMPTIED_WARNING = "no story text left after cleaning"

KINDS = (
    "related",  # a related-links heading ("Recommended Stories") or a one-line link ("Read more: ...")
    "teaser",  # a title or summary of another article inside a related block
    "prompt",  # comment, sharing and subscription prompts, newsletter sign-up forms
    "navigation",  # previous/next links, tags, breadcrumbs
    "caption",  # photo captions, on their own line or glued into a paragraph
    "credit",  # photo credits
    "notice",  # publisher notices: copyright, "All rights reserved.", no-redistribution, print edition
    "byline",
    "readtime",
    "counter",  # bare numbers (share or comment counters)
    "title_duplicate",
    "offtopic",  # a sentence or headline glued in from another story
)


@dataclass
class Draft:
    """A document with its boilerplate judged, before the off-topic check (which embeds its sentences)."""

    doc: Document
    raw: str  # the raw text, detokenized
    title: str | None  # the title the check compares with (the first line when it looks like one)
    body: Body
    removed: list[Removal]  # boilerplate

    def coherence_texts(self) -> list[str]:
        """What the off-topic check will embed."""
        return coherence_texts(self.body, self.title)


def draft(doc: Document) -> Draft:
    """Boilerplate lines out and the rest split into sentences (the title detokenized in place)."""
    raw = doc.raw_text
    if is_tokenized(raw):
        raw = detokenize(raw)
        doc.title = detokenize(doc.title) if doc.title else doc.title
    first = next((line.strip() for line in raw.splitlines() if line.strip()), None)
    title = doc.title or (first if first and not is_long(first) else None)  # a long line is no headline
    paragraphs, removed = strip_boilerplate(raw, title)
    return Draft(doc, raw, title, split_body(paragraphs, title), removed)


def finish(drafted: Draft, embedder=None, offtopic: OfftopicSettings | None = None) -> Document:
    """Set ``doc.text`` and ``doc.removed`` from a draft; without an embedder only the orthographic cues
    are used, not coherence."""
    doc = drafted.doc
    doc.warnings = [w for w in doc.warnings if not w.startswith(EMPTIED_WARNING)]
    paragraphs, off_story = strip_foreign(drafted.body, drafted.title, embedder,
                                          offtopic or OfftopicSettings())
    doc.text = "\n\n".join(paragraphs)
    doc.removed = drafted.removed + off_story
    if not [p for p in paragraphs if p != doc.title] and (doc.removed or not paragraphs):
        keep_raw_text(doc, drafted.raw)  # nothing but the headline left, if even that: cleaning took the rest
    return doc


def clean_document(doc: Document, embedder=None, offtopic: OfftopicSettings | None = None) -> Document:
    """Clean ``doc.raw_text`` into ``doc.text`` and ``doc.removed``; without an embedder only the
    orthographic cues are used, not coherence."""
    return finish(draft(doc), embedder, offtopic)


def keep_raw_text(doc: Document, raw: str) -> None:
    """Keep a document that cleaning would empty: whatever it is, dropping it would lose it silently."""
    doc.warnings.append(f"{EMPTIED_WARNING}: its raw text is kept ({len(doc.removed)} removals undone)")
    doc.text = "\n\n".join(" ".join(line.split()) for line in raw.splitlines() if line.strip())
    doc.removed = []
