"""Copies: exact, near-duplicate (MinHash LSH), syndicated and paraphrased; origins follow copies.

``CopyDetector`` holds an index of every document seen so far (rebuilt from the store at each ingest
run) and links each new document to the document it copies, so one wire story re-published forty
times counts once. Candidates come from MinHash LSH and from the nearest document vectors, never from
all pairs; only the few candidates are compared closely (word shingles, then an in-order sentence
alignment), and their sentence vectors are loaded lazily.

Cuts were chosen on ``storyline eval copies`` (synthetic copies of FNC-1 bodies, and the independent
articles on one event of giveme5w1h as hard negatives); ``CopySettings`` says what each separates.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from storyline.embeddings import DIMENSION
from storyline.model import Document, Features

if TYPE_CHECKING:
    from storyline.store import Store

NUM_PERM = 128
SHINGLE_WORDS = 5
SCHEME = "affine32"  # datasketch 2 permutation scheme; stored signatures must use the same
MINHASH_SEED = 1  # datasketch's default seed, the one ``minhash_of`` signs with


@dataclass(frozen=True)
class CopySettings:
    """The cuts that tell copies from independent reports, each with what it separates.

    Figures are from ``storyline eval copies`` (300 FNC-1 originals with 349 synthetic copies; 2,054
    ordered pairs of independent giveme5w1h reports of one event). The cosine cuts are tied to the
    sentence-embedding model (``storyline.embeddings``)."""

    # Lexical candidates: LSH on the estimated Jaccard of 5-word shingles, low on purpose (trimmed
    # syndications go down to 0.27); candidates by document vector are checked word by word too, so LSH
    # is not the only way in.
    lsh_jaccard: float = 0.3
    # At or above this exact Jaccard the two are the same text (near copies: 0.87-0.95; independent
    # reports of one event: at most 0.28); below it, only containment can make them copies.
    near_jaccard: float = 0.8
    # Share of the smaller text's shingles found in the other at or above which it is a trimmed or
    # extended re-publication even if Jaccard is low (syndications: 0.78 and up, 98% above 0.85;
    # independent reports: at most 0.47; pairs sharing 0.5-0.7 are rewrites of one wire story or press
    # release, told apart by the sentence alignment below).
    syndicated_containment: float = 0.7
    # Candidates whose containment, estimated from their MinHash, is below this are not compared word by
    # word (the estimate errs by about 0.1 near the cuts above).
    lexical_check_containment: float = 0.5
    # Same text, but the original's ending (this many words or more) missing from the copy, or the copy
    # running on this far past the original's end: a syndication (trimmed, or an extended version), not a
    # near copy. Near copies lose at most 1 word at the end; trimmed syndications 3 or more; an added
    # boilerplate line is shorter than the extension cut.
    syndicated_trimmed_words: int = 3
    syndicated_extended_words: int = 25
    # Word-for-word copies keep their shared text in long runs: at least ``verbatim_share`` of the shorter
    # text in runs of ``verbatim_run_words`` words or more (near copies: 0.88 and up; syndications: 0.86
    # and up but for 1 in 90); spun copies that kept many words break them up (at most 0.75, median 0.13).
    verbatim_run_words: int = 20
    verbatim_share: float = 0.8
    # Semantic candidates: the nearest stored documents by document vector, and the cosine they need
    # (synthetic copies of every kind: 0.81 and up).
    vector_candidates: int = 8
    candidate_doc_similarity: float = 0.75
    # A sentence has a counterpart when their cosine is at least this, and a paraphrase is a document
    # whose sentences have counterparts, in order, for at least ``paraphrase_coverage`` of them. Spun
    # copies cover 0.75-1.0 (median 0.95). At 0.8/0.7, 2 of the 2,054 independent-report pairs pass, both
    # sharing most sentences verbatim (an AP story and a rewrite of it; the same embedded tweets); 0.8/0.6
    # lets 3 pass, 0.75/0.7 3, 0.85/0.7 none but leaves less room for heavier spinning than the
    # benchmark's. Fewer than 3 aligned sentences (two shared quotes) never make a paraphrase.
    paraphrase_sentence_similarity: float = 0.8
    paraphrase_coverage: float = 0.7
    paraphrase_min_sentences: int = 3
    # Sentence vectors of documents indexed during this run kept in memory; older ones come from the store.
    recent_sentence_vectors: int = 1000


DEFAULTS = CopySettings()

SentenceVectorLoader = Callable[[list[str]], dict[str, np.ndarray]]
LinkLoader = Callable[[list[str]], dict[str, tuple[str | None, str | None]]]  # id -> (copy_of, copy_kind)


def normal_words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def shingles(text: str) -> set[str]:
    """Word ``SHINGLE_WORDS``-grams of the normalised text (a very short text is one shingle)."""
    return _shingles_of(normal_words(text))


def _shingles_of(words: list[str]) -> set[str]:
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(len(words) - SHINGLE_WORDS + 1, 1))}


def minhash_of(text: str) -> np.ndarray:
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME, seed=MINHASH_SEED)
    m.update_batch([s.encode("utf-8") for s in shingles(text)])
    return m.hashvalues.astype(np.uint64)


def _signature(hashvalues: np.ndarray) -> LeanMinHash:
    """A MinHash from stored hash values without regenerating permutations (30x cheaper)."""
    return LeanMinHash(seed=MINHASH_SEED, hashvalues=hashvalues, scheme=SCHEME)


def lexical_kind(new_words: list[str], old_words: list[str],
                 settings: CopySettings = DEFAULTS) -> str | None:
    """How the new text copies the old one word for word, or None when it does not.

    ``near``: the same text lightly edited; ``syndicated``: one text is the other trimmed or
    extended (new headline, paragraphs cut); ``paraphrase``: as much shared text, but broken up by
    edits all through it (a spun copy that kept many of its words)."""
    new, old = _shingles_of(new_words), _shingles_of(old_words)
    common = len(new & old)
    same_text = common / (len(new | old) or 1) >= settings.near_jaccard
    if not same_text and common / (min(len(new), len(old)) or 1) < settings.syndicated_containment:
        return None
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    verbatim = sum(b.size for b in blocks if b.size >= settings.verbatim_run_words)
    if verbatim < settings.verbatim_share * min(len(new_words), len(old_words)):
        return "paraphrase"
    if not same_text:
        return "syndicated"
    trimmed = len(old_words) - blocks[-1].a - blocks[-1].size
    extended = len(new_words) - blocks[-1].b - blocks[-1].size
    if trimmed >= settings.syndicated_trimmed_words or extended >= settings.syndicated_extended_words:
        return "syndicated"
    return "near"


def aligned_sentences(new: np.ndarray, old: np.ndarray,
                      similarity: float = CopySettings.paraphrase_sentence_similarity) -> int:
    """Most sentence pairs at or above cosine ``similarity`` that keep the order of both texts.

    The longest increasing subsequence of the matched pairs (old positions, taken in the new text's
    order): topic-similar reports of one event match sentences all over the place, a copy matches
    them in order."""
    cosines = new.astype(np.float32) @ old.astype(np.float32).T
    rows, columns = np.nonzero(cosines >= similarity)
    order = np.lexsort((-columns, rows))  # by new position, then old position descending: one per row
    tails: list[int] = []  # tails[k]: smallest old position ending an increasing run of length k + 1
    for column in columns[order]:
        k = bisect_left(tails, column)
        if k == len(tails):
            tails.append(int(column))
        else:
            tails[k] = int(column)
    return len(tails)


def paraphrase_coverage(new: np.ndarray, old: np.ndarray, settings: CopySettings = DEFAULTS) -> float:
    """Share of the new text's sentences aligned in order with the old text (0 when too few align)."""
    if not len(new) or not len(old):
        return 0.0
    aligned = aligned_sentences(new, old, settings.paraphrase_sentence_similarity)
    return aligned / len(new) if aligned >= settings.paraphrase_min_sentences else 0.0


class CopyDetector:
    """Links each new document to the root (earliest version) of the copy family it belongs to.

    Build it from what is stored (``from_store``), then call ``assign`` on each new document in
    publication order. Sentence vectors of stored documents are only read for the few candidates of a
    paraphrase check, through ``load_sentence_vectors``.

    The root is the earliest version: within a batch the pipeline indexes the earliest, then the
    longest, first; a document arriving later but dated before its family's root becomes the root.
    An undated or same-day fuller version arriving in a later run stays a copy of the stored one:
    the family still counts once, only which member is called the original differs."""

    def __init__(
        self,
        documents: Iterable[Document],
        features: dict[str, Features],
        load_sentence_vectors: SentenceVectorLoader | None = None,
        settings: CopySettings | None = None,
    ):
        self.settings = settings or CopySettings()
        self.lsh = MinHashLSH(threshold=self.settings.lsh_jaccard, num_perm=NUM_PERM)
        self.docs: dict[str, Document] = {}
        self.by_signature: dict[bytes, str] = {}  # equal texts have equal signatures: exact copies
        self.signatures: dict[str, np.ndarray] = {}
        self.sizes: dict[str, int] = {}
        self.members: dict[str, list[str]] = {}  # root id -> ids of its copies
        self.ids: list[str] = []
        self.vectors = np.zeros((1024, DIMENSION), dtype=np.float32)  # doc vectors, grown by doubling
        self.recent: dict[str, np.ndarray] = {}
        self.read_ahead: dict[str, np.ndarray] = {}  # stored sentence vectors read for the current batch
        self.load_sentence_vectors = load_sentence_vectors
        with self.lsh.insertion_session() as session:
            for doc in documents:
                if doc.id in features:
                    self._remember(doc, features[doc.id], session)
                    if doc.copy_of:
                        self.members.setdefault(doc.copy_of, []).append(doc.id)

    @classmethod
    def from_store(cls, store: Store, documents: list[Document],
                   settings: CopySettings | None = None) -> CopyDetector:
        """The index of the stored ``documents`` without reading any sentence vectors up front."""

        return cls(documents, store.features(sentences=False), store.sentence_vectors, settings)

    def _remember(self, doc: Document, features: Features, lsh=None) -> None:
        self.docs[doc.id] = doc
        self.by_signature.setdefault(features.minhash.tobytes(), doc.id)
        self.signatures[doc.id] = features.minhash
        self.sizes[doc.id] = max(doc.text.count(" ") + 2 - SHINGLE_WORDS, 1)  # shingles, about
        (lsh or self.lsh).insert(doc.id, _signature(features.minhash))
        if len(self.ids) == len(self.vectors):
            self.vectors = np.concatenate([self.vectors, np.zeros_like(self.vectors)])
        self.vectors[len(self.ids)] = features.doc_vector
        self.ids.append(doc.id)
        if features.sentence_vectors is not None:
            self.recent[doc.id] = features.sentence_vectors
            if len(self.recent) > self.settings.recent_sentence_vectors:
                del self.recent[next(iter(self.recent))]

    def forget(self, ids: Iterable[str], stored_links: LinkLoader) -> None:
        """Take deleted documents out of the index. The store made each deleted original's earliest
        surviving copy the family's original: ``stored_links`` reads those copies' links back (the cost
        follows the deleted families, not the corpus)."""
        gone = set(ids) & self.docs.keys()
        if not gone:
            return
        orphans = [m for i in gone for m in self.members.pop(i, []) if m not in gone]
        for doc_id in gone:
            doc = self.docs.pop(doc_id)
            if doc.copy_of in self.members:
                self.members[doc.copy_of] = [m for m in self.members[doc.copy_of] if m != doc_id]
            self.lsh.remove(doc_id)
            if self.by_signature.get(signature := self.signatures.pop(doc_id).tobytes()) == doc_id:
                del self.by_signature[signature]
            del self.sizes[doc_id]
            self.recent.pop(doc_id, None)
        kept = [k for k, doc_id in enumerate(self.ids) if doc_id not in gone]
        self.vectors[: len(kept)] = self.vectors[kept]
        self.ids = [self.ids[k] for k in kept]
        for doc_id, (copy_of, kind) in stored_links(orphans).items():
            doc = self.docs[doc_id]
            doc.copy_of, doc.copy_kind = copy_of, kind
            if copy_of:
                self.members.setdefault(copy_of, []).append(doc_id)
            self.by_signature.setdefault(self.signatures[doc_id].tobytes(), doc_id)

    def read_batch_candidates(self, batch: Iterable[Features]) -> None:
        """Read the stored sentence vectors that the paraphrase checks of a batch's documents may compare, in
        one query (the store scans a whole table to find a few ids: a query per document re-read it per
        document). Indexing the batch adds no stored candidate, only the batch's own documents, which
        ``recent`` holds; what was read for the previous batch is dropped."""
        wanted = {c for features in batch for c in self.candidates(features)} - self.recent.keys()
        loader = self.load_sentence_vectors
        self.read_ahead = loader(sorted(wanted)) if wanted and loader is not None else {}

    def root(self, doc_id: str) -> str:
        while self.docs[doc_id].copy_of:
            doc_id = self.docs[doc_id].copy_of
        return doc_id

    def assign(self, doc: Document, features: Features) -> list[Document]:
        """Set ``copy_of``/``copy_kind`` (and the family's origin) of a new document, then index it.

        Returns the already indexed documents this changed (to be saved again): when the new document
        was published before the root of the family it copies, it becomes the root, and a family whose
        root had no origin takes the origin the new copy carries."""
        match, kind = self.find(doc, features)
        changed: list[Document] = []
        if match is not None and kind is not None:
            root = self.docs[self.root(match)]
            if _earlier(doc, root):
                changed = self._reroot(root, doc, kind)
            else:
                doc.copy_of, doc.copy_kind = root.id, kind
                self.members.setdefault(root.id, []).append(doc.id)
                doc.origin = root.origin or doc.origin
                changed = self._set_family_origin(root.id, doc.origin)
        self._remember(doc, features)
        return changed

    def _reroot(self, old_root: Document, new_root: Document, kind: str) -> list[Document]:
        """Make ``new_root`` (published earlier) the root of ``old_root``'s family."""
        family = [old_root.id, *self.members.pop(old_root.id, [])]
        for member_id in family:
            self.docs[member_id].copy_of = new_root.id
        old_root.copy_kind = kind
        self.members[new_root.id] = family
        new_root.origin = new_root.origin or old_root.origin
        changed = {d.id: d for d in (self.docs[m] for m in family)}
        changed.update({d.id: d for d in self._set_family_origin(new_root.id, new_root.origin)})
        return list(changed.values())

    def _set_family_origin(self, root_id: str, origin: str | None) -> list[Document]:
        """Give every indexed member of the family ``origin``; the members that changed."""
        family = [self.docs[m] for m in (root_id, *self.members.get(root_id, [])) if m in self.docs]
        changed = [d for d in family if origin and d.origin != origin]
        for d in changed:
            d.origin = origin
        return changed

    def find(self, doc: Document, features: Features) -> tuple[str | None, str | None]:
        """The indexed document the new one copies, and how: exact, near, syndicated or paraphrase."""
        words = normal_words(doc.text)
        same_signature = self.by_signature.get(features.minhash.tobytes())
        if same_signature and normal_words(self.docs[same_signature].text) == words:
            return same_signature, "exact"
        candidates = self.candidates(features)
        size = max(len(words) - SHINGLE_WORDS + 1, 1)
        estimates = {c: self._estimated_containment(features.minhash, size, c) for c in candidates}
        best = max(candidates, key=estimates.__getitem__, default=None)
        if best is not None and estimates[best] >= self.settings.lexical_check_containment:
            kind = lexical_kind(words, normal_words(self.docs[best].text), self.settings)
            if kind:
                return best, kind
        return self._paraphrased(features, candidates)

    def candidates(self, features: Features) -> list[str]:
        """The indexed documents a new one may copy: its MinHash LSH neighbours, then its nearest vectors."""
        return list(dict.fromkeys([*self.lsh.query(_signature(features.minhash)), *self._nearest(features)]))

    def _estimated_containment(self, minhash: np.ndarray, size: int, other: str) -> float:
        """Shared shingles over the smaller set, from the MinHash Jaccard and the two set sizes."""
        jaccard = float(np.mean(minhash == self.signatures[other]))
        other_size = self.sizes[other]
        return jaccard / (1 + jaccard) * (size + other_size) / min(size, other_size)

    def _nearest(self, features: Features) -> list[str]:
        """Up to ``settings.vector_candidates`` indexed documents closest by document vector."""
        count = len(self.ids)
        if not count or features.doc_vector is None:
            return []
        sims = self.vectors[:count] @ features.doc_vector
        wanted = self.settings.vector_candidates
        nearest = np.argpartition(-sims, min(wanted, count) - 1)[:wanted]
        nearest = nearest[np.argsort(-sims[nearest])]
        return [self.ids[k] for k in nearest if sims[k] >= self.settings.candidate_doc_similarity]

    def _paraphrased(self, features: Features, candidates: list[str]) -> tuple[str | None, str | None]:
        """The candidate whose sentences cover most of the new document's, in order."""
        new = features.sentence_vectors
        if new is None or not len(new) or not candidates:
            return None, None
        vectors = self._sentence_vectors(candidates)
        best, best_coverage = None, self.settings.paraphrase_coverage
        for candidate in candidates:
            if candidate in vectors:
                coverage = paraphrase_coverage(new, vectors[candidate], self.settings)
                if coverage >= best_coverage:
                    best, best_coverage = candidate, coverage
        return (best, "paraphrase") if best else (None, None)

    def _sentence_vectors(self, ids: list[str]) -> dict[str, np.ndarray]:
        found = {i: self.recent[i] for i in ids if i in self.recent}
        found.update((i, self.read_ahead[i]) for i in ids if i not in found and i in self.read_ahead)
        missing = [i for i in ids if i not in found]
        if missing and self.load_sentence_vectors is not None:
            found.update(self.load_sentence_vectors(missing))
        return found


def _earlier(a: Document, b: Document) -> bool:
    """Whether ``a`` was published strictly before ``b`` (both dates known)."""
    return bool(a.published and b.published and a.published < b.published)
