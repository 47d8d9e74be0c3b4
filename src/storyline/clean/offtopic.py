"""Sentences glued in from another story, found by their distance from the document's own content."""

from __future__ import annotations

import re

import numpy as np

from storyline.model import Removal

SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])")
OFFTOPIC_SIMILARITY = 0.15  # cosine to the rest of the document; below is another story


def split_sentences(paragraph: str) -> list[str]:
    return [s for s in SENTENCE_END.split(paragraph) if s.strip()]


def strip_offtopic(paragraphs: list[str], title: str | None, embedder) -> tuple[list[str], list[Removal]]:
    """Paragraphs without sentences that are far from the document's centroid."""
    if embedder is None:
        return paragraphs, []
    sentences = [(i, s) for i, p in enumerate(paragraphs) for s in split_sentences(p)]
    if len(sentences) < 4:
        return paragraphs, []
    vectors = embedder.encode([s for _, s in sentences])
    total = vectors.sum(axis=0)
    removed: list[Removal] = []
    keep = np.ones(len(sentences), dtype=bool)
    for k, (_, sentence) in enumerate(sentences):
        rest = total - vectors[k]
        rest /= np.linalg.norm(rest) or 1.0
        if float(vectors[k] @ rest) < OFFTOPIC_SIMILARITY:
            keep[k] = False
            removed.append(Removal(sentence, "offtopic"))
    out: list[list[str]] = [[] for _ in paragraphs]
    for k, (i, sentence) in enumerate(sentences):
        if keep[k]:
            out[i].append(sentence)
    return [" ".join(p) for p in out if p], removed
