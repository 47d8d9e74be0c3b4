"""Extractive summary of a story in which every sentence cites its documents and claim groups."""

from __future__ import annotations

import numpy as np

from storyline.model import SummarySentence

SUMMARY_SENTENCES = 6
DIVERSITY = 0.7  # MMR weight of relevance against redundancy
SAME_SENTENCE = 0.9  # cosine above which two sentences say the same thing (copies)


def summarize(
    sentences: list[tuple[str, int, str]],
    vectors: np.ndarray,
    support: dict[tuple[str, int], tuple[list[str], int]],
) -> list[SummarySentence]:
    """Pick central, corroborated, diverse sentences.

    ``sentences`` are (document, sentence index, text); ``support`` maps a sentence to the claim
    groups it belongs to and the independent sources behind them."""
    if not sentences:
        return []
    centroid = vectors.mean(axis=0)
    centroid /= np.linalg.norm(centroid) or 1.0
    centrality = vectors @ centroid
    sims = vectors @ vectors.T
    corroboration = np.array([support.get((d, i), ([], 1))[1] for d, i, _ in sentences], dtype=float)
    position = np.array([1.0 / (1 + i) for _, i, _ in sentences])
    length_ok = np.array([1.0 if 8 <= len(t.split()) <= 60 else 0.3 for _, _, t in sentences])
    relevance = (centrality + 0.15 * np.log1p(corroboration) + 0.1 * position) * length_ok
    chosen: list[int] = []
    candidates = set(range(len(sentences)))
    while candidates and len(chosen) < SUMMARY_SENTENCES:
        def score(k: int) -> float:
            redundancy = max((sims[k, j] for j in chosen), default=0.0)
            return DIVERSITY * relevance[k] - (1 - DIVERSITY) * redundancy

        best = max(candidates, key=score)
        candidates.discard(best)
        if any(sims[best, j] >= SAME_SENTENCE for j in chosen):
            continue
        chosen.append(best)
    summary = []
    for k in chosen:
        doc, index, text = sentences[k]
        same = sorted({sentences[j][0] for j in range(len(sentences)) if sims[k, j] >= SAME_SENTENCE} | {doc})
        groups = sorted({g for j in range(len(sentences)) if sims[k, j] >= SAME_SENTENCE
                         for g in support.get((sentences[j][0], sentences[j][1]), ([], 0))[0]})
        summary.append(SummarySentence(text=text, documents=same, claim_groups=groups))
    return summary
