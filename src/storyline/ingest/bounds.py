"""A bound on a document's length, so one huge file cannot take a batch's time and memory."""

from __future__ import annotations

from storyline import settings
from storyline.model import Document
from storyline.textcut import cut_point


def bound_length(doc: Document, limit: int = settings.MAX_DOCUMENT_CHARS) -> Document:
    """Keep the first ``limit`` characters of a longer text, cut at a paragraph break or a sentence end,
    and say so in a warning (the dossier lists it): the cut is never silent."""
    if len(doc.raw_text) > limit:
        end = cut_point(doc.raw_text, 0, limit)
        doc.warnings.append(f"text cut to its first {end:,} of {len(doc.raw_text):,} characters "
                            f"(documents are bounded to {limit:,})")
        doc.raw_text = doc.raw_text[:end]
    return doc
