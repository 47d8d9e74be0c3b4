"""Remove boilerplate and other stories' sentences from extracted text, keeping every removal.

``clean_document`` sets ``Document.text`` (the story's own text) and ``Document.removed``
(each removed piece with its kind, from ``KINDS``)."""

from __future__ import annotations

from storyline.clean.boilerplate import strip_boilerplate
from storyline.clean.offtopic import strip_offtopic
from storyline.model import Document

KINDS = (
    "related",  # a related-links heading ("Recommended Stories", "Read more")
    "teaser",  # a teaser of another article inside such a block
    "prompt",  # comment and sharing prompts
    "navigation",  # previous/next and menu links
    "caption",  # photo captions
    "credit",  # photo credits
    "byline",
    "readtime",
    "counter",  # bare numbers (share or comment counters)
    "title_duplicate",
    "offtopic",  # a sentence or headline glued in from another story
)


def clean_document(doc: Document, embedder=None) -> Document:
    paragraphs, removed = strip_boilerplate(doc.raw_text, doc.title)
    paragraphs, off = strip_offtopic(paragraphs, doc.title, embedder)
    doc.text = "\n\n".join(paragraphs)
    doc.removed = removed + off
    return doc
