"""Remove boilerplate and other stories' sentences from extracted text, keeping every removal.

``clean_document`` sets ``Document.text`` (the story's own text, paragraphs separated by blank lines)
and ``Document.removed`` (each removed piece with its kind, from ``KINDS``). Lines are judged first
(``boilerplate``), then the sentences of what is left (``offtopic``)."""

from __future__ import annotations

from storyline.clean.boilerplate import strip_boilerplate
from storyline.clean.offtopic import strip_offtopic
from storyline.model import Document

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


def clean_document(doc: Document, embedder=None) -> Document:
    """Clean ``doc.raw_text`` into ``doc.text`` and ``doc.removed``; without an embedder only the
    orthographic cues are used, not coherence."""
    title = doc.title or next((line.strip() for line in doc.raw_text.splitlines() if line.strip()), None)
    paragraphs, removed = strip_boilerplate(doc.raw_text, title)
    paragraphs, off_story = strip_offtopic(paragraphs, title, embedder)
    doc.text = "\n\n".join(paragraphs)
    doc.removed = removed + off_story
    return doc
