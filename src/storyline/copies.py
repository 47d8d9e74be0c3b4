"""Copies: exact, near-duplicate (MinHash LSH), syndicated and paraphrased; origins follow copies.

``CopyDetector`` holds an index of every document seen so far (loaded from the store) and links
each new document to the document it copies, so one wire story re-published forty times counts once."""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

from storyline.model import Document, Features

NUM_PERM = 128
SHINGLE_WORDS = 5
SCHEME = "affine32"  # datasketch 2 permutation scheme; stored signatures must use the same
NEAR_JACCARD = 0.8  # estimated Jaccard of 5-word shingles; above is the same text re-published
SYNDICATED_JACCARD = 0.5  # containment-like overlap of a trimmed re-publication
PARAPHRASE_DOC_SIMILARITY = 0.8  # candidate documents by document vector
PARAPHRASE_SENTENCE_SIMILARITY = 0.75  # a sentence has a counterpart above this cosine
PARAPHRASE_COVERAGE = 0.6  # share of sentences with a counterpart


def normal_words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def minhash_of(text: str) -> np.ndarray:
    words = normal_words(text)
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(len(words) - SHINGLE_WORDS + 1, 1))}
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m.hashvalues.astype(np.uint64)


def body_hash(text: str) -> str:
    return hashlib.sha1(" ".join(normal_words(text)).encode()).hexdigest()


class CopyDetector:
    def __init__(self, documents: list[Document], features: dict[str, Features]):
        self.lsh = MinHashLSH(threshold=SYNDICATED_JACCARD, num_perm=NUM_PERM)
        self.docs: dict[str, Document] = {}
        self.hashes: dict[str, str] = {}
        self.features: dict[str, Features] = {}
        self.ids: list[str] = []
        self.vectors = np.zeros((0, 384), dtype=np.float32)
        for doc in documents:
            if doc.id in features:
                self._remember(doc, features[doc.id])

    def _remember(self, doc: Document, features: Features) -> None:
        self.docs[doc.id] = doc
        self.features[doc.id] = features
        self.hashes.setdefault(body_hash(doc.text), doc.id)
        self.lsh.insert(doc.id, MinHash(num_perm=NUM_PERM, hashvalues=features.minhash, scheme=SCHEME))
        self.ids.append(doc.id)
        self.vectors = np.vstack([self.vectors, features.doc_vector[None, :]])

    def _root(self, doc_id: str) -> str:
        while self.docs[doc_id].copy_of:
            doc_id = self.docs[doc_id].copy_of
        return doc_id

    def assign(self, doc: Document, features: Features) -> None:
        """Set ``copy_of``/``copy_kind`` (and the inherited origin) of a new document, then index it."""
        original, kind = self._find(doc, features)
        if original is not None:
            root = self._root(original)
            doc.copy_of, doc.copy_kind = root, kind
            if self.docs[root].origin:
                doc.origin = self.docs[root].origin
        self._remember(doc, features)

    def _find(self, doc: Document, features: Features) -> tuple[str | None, str | None]:
        exact = self.hashes.get(body_hash(doc.text))
        if exact:
            return exact, "exact"
        mine = MinHash(num_perm=NUM_PERM, hashvalues=features.minhash, scheme=SCHEME)
        best, best_j = None, 0.0
        for other in self.lsh.query(mine):
            j = mine.jaccard(MinHash(num_perm=NUM_PERM, hashvalues=self.features[other].minhash, scheme=SCHEME))
            if j > best_j:
                best, best_j = other, j
        if best is not None:
            return best, "near" if best_j >= NEAR_JACCARD else "syndicated"
        if not len(self.ids) or features.sentence_vectors is None or not len(features.sentence_vectors):
            return None, None
        sims = self.vectors @ features.doc_vector
        for k in np.argsort(-sims)[:5]:
            if sims[k] < PARAPHRASE_DOC_SIMILARITY:
                break
            other = self.features[self.ids[k]].sentence_vectors
            if other is None or not len(other):
                continue
            coverage = float(((features.sentence_vectors @ other.T).max(axis=1) >= PARAPHRASE_SENTENCE_SIMILARITY).mean())
            if coverage >= PARAPHRASE_COVERAGE:
                return self.ids[k], "paraphrase"
        return None, None
