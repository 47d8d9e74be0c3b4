"""Online clustering of documents into stories: each new document joins a story or starts one, and only
the stories around it are reconsidered, never the whole corpus.

Two documents are compared on seven similarities (the TF-IDF cosines of their keywords, named entities
and title words; the cosines of the sentence embeddings of their leads and of their titles, the latter
once more weighted by how short the shorter text is, since a teaser or paywall page says little beyond
its title; and the log of the days between them); a logistic regression over document pairs turns
them into the probability that the two belong to one story. As in Miranda et al. (2018, "Multilingual
Clustering of Streaming News") time is one of the features, not a filter, and candidate stories are
shortlisted before the full comparison. A story is scored for a new document by average linkage: the
mean probability over its members. A story must be close to the whole of it, not to one member, which
stops the chaining through one bridging document that joins two related events (a test series of one
year and the next).

A greedy online decision cannot be taken back, so the best candidate stories are re-clustered together
with the new document by average-linkage agglomeration, cut where the mean probability falls below
one half (the regression's own decision boundary): a document that bridges two young stories merges
them, a document that joined the wrong young story moves. A story keeps the features of its first
``MEMBERS`` documents; one larger than that is settled and enters the re-clustering whole.

A story's state (persisted by the store) is a (members, 2, DIMENSION) matrix of lead and title
vectors plus ``StoryState`` as a JSON dict: size, date range, the terms of each member, and the
document counts of the story's terms (trimmed to the most frequent), whose sums are the global document
frequencies for IDF. Assigning one document costs one matrix-vector product over the member vectors
and the pair features of ``SHORTLIST`` stories: O(stories), not O(documents).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storyline.model import Document, Features

# The pair model: a logistic regression fitted on document pairs of the odd-numbered events of the
# giveme5w1h news cluster set, each document compared with the members of every story built so far,
# as the online clusterer sees them (``python -m storyline.eval.story_pairs`` prints these numbers).
# ``storyline eval stories`` reports the odd half, the held-out even half and all events.
PAIR_FEATURES = ("keywords", "lead vector", "title vector", "entities", "title words", "log days apart",
                 "title vector when a text is short")
PAIR_WEIGHTS = np.array([3.66, 6.06, 9.46, 2.75, 1.59, -0.47, 1.52])
PAIR_BIAS = -6.22
JOIN_PROBABILITY = 0.5  # average linkage cut: the pair model's own decision boundary, not tuned
CANDIDATE_PROBABILITY = 0.1  # a story this close (average) takes part in the local re-clustering
RECLUSTER = 3  # candidate stories re-clustered with each new document (1 scores lower; 2 to 5 the same)
SHORTLIST = 20  # candidate stories ranked by their best member cosine before the pair model
SHORT_TEXT_WORDS = 100  # a text shorter than this (a paywall or teaser page) says little: the title counts
LEAD_SENTENCES = 6  # sentences of the lead vector (3 and 10 score within 0.005 of it)
MEMBERS = 30  # documents a story keeps the features of (its first ones); a larger story is settled
PROFILE_LIMITS = {"keywords": 300, "entities": 100, "titles": 60}  # terms kept per story (most frequent)
MEMBER_KEYWORDS = 120  # keywords kept per member (most frequent in the document)
DIMENSION = 384
MIN_WORD_LENGTH = 3
WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")


def words_of(text: str) -> Counter[str]:
    """Lower-cased content words (stop words and short words left out)."""
    words = WORD.findall(text.lower())
    return Counter(w for w in words if len(w) >= MIN_WORD_LENGTH and w not in ENGLISH_STOP_WORDS)


def profile(doc: Document, features: Features) -> dict[str, dict[str, int]]:
    """The terms a document is compared by: keywords of title and text, entities, title words."""
    keywords = words_of(f"{doc.title or ''}\n{doc.text}")
    return {"keywords": dict(sorted(keywords.items(), key=lambda kv: (-kv[1], kv[0]))[:MEMBER_KEYWORDS]),
            "entities": {e.lower(): 1 for e in features.data.get("entities", [])},
            "titles": dict(words_of(doc.title or ""))}


class Vocabulary:
    """Matrix columns of terms, given as terms are first seen."""

    def __init__(self) -> None:
        self.column: dict[str, int] = {}
        self.terms: list[str] = []

    def columns(self, terms: Iterable[str]) -> np.ndarray:
        out = []
        for term in terms:
            if term not in self.column:
                self.column[term] = len(self.terms)
                self.terms.append(term)
            out.append(self.column[term])
        return np.array(out, dtype=np.int64)


@dataclass
class Member:
    """What a story remembers of one of its documents (the vectors are kept in the member matrix)."""

    doc: str
    published: str | None
    words: int
    terms: dict[str, dict[str, int]]
    _rows: dict[tuple[str, int], tuple[np.ndarray, np.ndarray]] = field(
        default_factory=dict, repr=False, compare=False)

    def sublinear_tf(self, name: str, vocabulary: Vocabulary) -> tuple[np.ndarray, np.ndarray]:
        """Columns and 1 + log(count) of the member's terms of one profile, computed once."""
        key = (name, id(vocabulary))
        if key not in self._rows:
            counts = self.terms.get(name, {})
            self._rows[key] = (vocabulary.columns(counts),
                               1 + np.log(np.array(list(counts.values()), dtype=float)))
        return self._rows[key]

    def to_dict(self) -> dict:
        return {"doc": self.doc, "published": self.published, "words": self.words, "terms": self.terms}


@dataclass
class StoryState:
    """What the clusterer remembers of a story between runs (the member vectors are kept beside it)."""

    size: int = 0
    first: str | None = None  # earliest publication date, YYYY-MM-DD
    last: str | None = None
    terms: dict[str, dict[str, int]] = field(default_factory=dict)  # profile -> term -> documents with it
    members: list[Member] = field(default_factory=list)

    @property
    def settled(self) -> bool:
        """Larger than its members: some documents are not known by features, so it is never split."""
        return self.size > len(self.members)

    @classmethod
    def from_dict(cls, data: dict) -> StoryState:
        return cls(size=data.get("size", 0), first=data.get("first"), last=data.get("last"),
                   terms={name: dict(data.get("terms", {}).get(name, {})) for name in PROFILE_LIMITS},
                   members=[Member(m["doc"], m.get("published"), m.get("words", 0), m.get("terms", {}))
                            for m in data.get("members", [])])

    def to_dict(self) -> dict:
        return {"size": self.size, "first": self.first, "last": self.last, "terms": self.terms,
                "members": [m.to_dict() for m in self.members]}


@dataclass
class Item:
    """A document as the pair model sees it."""

    member: Member
    vector: np.ndarray  # lead vector, unit length
    title: np.ndarray  # title vector, unit length

    @property
    def day(self) -> int | None:
        return _day(self.member.published)


def _day(value: str | None) -> int | None:
    try:
        return date.fromisoformat(value[:10]).toordinal() if value else None
    except ValueError:
        return None


def _top(counts: dict[str, int], limit: int) -> dict[str, int]:
    if len(counts) <= limit:
        return counts
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit])


def title_vector(doc: Document) -> np.ndarray:
    """The sentence embedding of the title (of the text's start when there is no title), unit length."""
    from storyline.annotate.nlp import embedder

    return embedder().encode([doc.title or doc.text[:200]])[0]


def lead_vector(features: Features) -> np.ndarray:
    """The mean sentence embedding of the lead (the first ``LEAD_SENTENCES``), unit length: news puts
    the event first, and the background further down is what related events share."""
    lead = features.sentence_vectors[:LEAD_SENTENCES] if features.sentence_vectors is not None else None
    vector = (lead.astype(np.float32).mean(axis=0) if lead is not None and len(lead)
              else np.asarray(features.doc_vector, dtype=np.float32))
    return vector / (np.linalg.norm(vector) or 1.0)


def pair_probability(similarities: np.ndarray) -> np.ndarray:
    """The pair model: probability that two documents belong to one story, from their similarities."""
    return 1 / (1 + np.exp(-(similarities @ PAIR_WEIGHTS + PAIR_BIAS)))


class StoryClusterer:
    """Assigns documents to stories one at a time, in the order given (the pipeline feeds them by date).

    ``changed`` collects the stories whose state changed, ``moved`` the earlier documents whose story
    the local re-clustering changed, and ``removed`` the stories it left without documents."""

    def __init__(self, states: dict[str, tuple[np.ndarray | None, dict]]):
        self.ids: list[str] = []
        self.states: dict[str, StoryState] = {}
        self.members: dict[str, np.ndarray] = {}
        for sid, (vectors, data) in states.items():
            state = StoryState.from_dict(data)
            if vectors is None or np.ndim(vectors) != 3 or len(vectors) != len(state.members):
                continue  # written by an older clusterer: the story is kept but not matched again
            self.ids.append(sid)
            self.states[sid] = state
            self.members[sid] = np.asarray(vectors, dtype=np.float16)
        self.documents = sum(s.size for s in self.states.values())
        self.frequency: dict[str, Counter[str]] = {name: Counter() for name in PROFILE_LIMITS}
        for state in self.states.values():
            for name, counts in state.terms.items():
                self.frequency[name].update(counts)
        self._vocabulary = {name: Vocabulary() for name in PROFILE_LIMITS}
        self.changed: set[str] = set()
        self.moved: dict[str, str] = {}
        self.removed: set[str] = set()
        self.next_number = 1 + max((int(sid[1:]) for sid in states if sid[1:].isdigit()), default=0)
        self._index()

    def _index(self) -> None:
        """The member lead vectors of all stories in one matrix (grown by doubling), with the
        story row of each."""
        self.row = {sid: i for i, sid in enumerate(self.ids)}
        blocks = [self.members[sid][:, 0] for sid in self.ids]
        self.rows = sum(len(b) for b in blocks)
        self._vectors = np.zeros((max(2 * self.rows, 64), DIMENSION), dtype=np.float32)
        self._owner = np.zeros(len(self._vectors), dtype=np.int64)
        if blocks:
            self._vectors[: self.rows] = np.vstack(blocks)
            self._owner[: self.rows] = np.repeat(np.arange(len(self.ids)), [len(b) for b in blocks])

    def _append_member(self, story_row: int, vector: np.ndarray) -> None:
        if self.rows == len(self._vectors):
            self._vectors = np.vstack([self._vectors, np.zeros_like(self._vectors)])
            self._owner = np.concatenate([self._owner, np.zeros_like(self._owner)])
        self._vectors[self.rows] = vector
        self._owner[self.rows] = story_row
        self.rows += 1

    def state_records(self, ids: Iterable[str]) -> dict[str, tuple[np.ndarray, dict]]:
        """Member vectors and JSON state of the given stories, as ``Store.save_story_states`` takes them."""
        return {sid: (self.members[sid], self.states[sid].to_dict()) for sid in ids if sid in self.states}

    def item(self, doc: Document, features: Features) -> Item:
        """The document as the pair model compares it."""
        title = np.asarray(title_vector(doc), dtype=np.float32)
        return Item(Member(doc.id, (doc.published or "")[:10] or None, len(doc.text.split()),
                           profile(doc, features)),
                    lead_vector(features), title / (np.linalg.norm(title) or 1.0))

    def member_items(self, sid: str) -> list[Item]:
        vectors = self.members[sid].astype(np.float32)
        return [Item(m, vectors[i, 0], vectors[i, 1]) for i, m in enumerate(self.states[sid].members)]

    def assign(self, doc: Document, features: Features, story_of: dict[str, str]) -> str:
        """The story id for a new document (also set on ``doc.story`` and in ``story_of``); copies join
        their original's story. Earlier documents the re-clustering moves are updated in ``story_of``."""
        item = self.item(doc, features)
        if doc.copy_of and doc.copy_of in story_of:
            sid = story_of[doc.copy_of]
            self.add(sid, item)
        else:
            sid = self._recluster(item, story_of)
        doc.story = story_of[doc.id] = sid
        return sid

    def candidates(self, item: Item) -> list[tuple[str, float]]:
        """Shortlisted stories with their average pair probability to the document, best first."""
        if not self.ids:
            return []
        best = np.full(len(self.ids), -np.inf, dtype=np.float32)
        np.maximum.at(best, self._owner[: self.rows], self._vectors[: self.rows] @ item.vector)
        shortlist = [self.ids[i] for i in np.argsort(-best)[:SHORTLIST] if np.isfinite(best[i])]
        members = [self.member_items(sid) for sid in shortlist]
        probability = pair_probability(self.similarities([item], [m for ms in members for m in ms]))[0]
        bounds = np.cumsum([0] + [len(ms) for ms in members])
        spans = zip(shortlist, bounds[:-1], bounds[1:], strict=True)
        scored = [(sid, float(probability[a:b].mean())) for sid, a, b in spans]
        return sorted(scored, key=lambda s: -s[1])

    def _recluster(self, item: Item, story_of: dict[str, str]) -> str:
        """Average-linkage re-clustering of the new document with its best candidate stories; returns
        the document's story."""
        chosen = [sid for sid, p in self.candidates(item)[:RECLUSTER] if p >= CANDIDATE_PROBABILITY]
        pool, start, fixed, previous = [item], [[0]], [False], {}
        for sid in chosen:
            rows = list(range(len(pool), len(pool) + len(self.states[sid].members)))
            pool.extend(self.member_items(sid))
            previous.update((row, sid) for row in rows)
            settled = self.states[sid].settled
            start.extend([rows] if settled else [[row] for row in rows])
            fixed.extend([True] if settled else [False] * len(rows))
        groups = average_linkage(pair_probability(self.similarities(pool, pool)), start, fixed,
                                 JOIN_PROBABILITY)
        owners = [{previous[row] for row in group if row} for group in groups]
        unchanged = all(len(o) <= 1 for o in owners) and sum(1 for o in owners if o) == len(chosen)
        if unchanged:  # the document joined one story or starts its own; nothing else moves
            joined = next(g for g in groups if 0 in g)
            sid = previous[joined[1]] if len(joined) > 1 else self._new_id()
            self.add(sid, item)
            return sid
        return self._regroup(pool, groups, previous, story_of)

    def _regroup(self, pool: list[Item], groups: list[list[int]], previous: dict[int, str],
                 story_of: dict[str, str]) -> str:
        """Rebuild the re-clustered stories from their new groups: a group keeps the story id most of
        its members had (a settled story keeps its own), the others get new ids."""
        kept = {sid: (self.states[sid], self.members[sid]) for sid in set(previous.values())}
        for sid in kept:
            self._forget(sid)
        found = ""
        for group in sorted(groups, key=len, reverse=True):
            settled = [previous[row] for row in group if row in previous and kept[previous[row]][0].settled]
            owners = Counter(previous[row] for row in group if row in previous)
            sid = next((s for s, _ in owners.most_common() if s not in self.states), None) or self._new_id()
            if settled:
                sid = settled[0]
                self._restore(sid, *kept[sid])
            members = sorted((row for row in group if not (settled and previous.get(row) == sid)),
                             key=lambda row: (pool[row].day or 0, row))
            for row in members:
                if row and previous[row] != sid:
                    self.moved[pool[row].member.doc] = story_of[pool[row].member.doc] = sid
                self.add(sid, pool[row])
            found = sid if 0 in group else found
        self.removed |= set(kept) - set(self.states)
        self.removed -= set(self.states)
        self._index()
        return found

    def _new_id(self) -> str:
        sid = f"s{self.next_number}"
        self.next_number += 1
        return sid

    def _forget(self, sid: str) -> None:
        """Take a story out (its documents are about to be added again, or it is restored as it was)."""
        state = self.states.pop(sid)
        del self.members[sid]
        self.ids.remove(sid)
        for name, counts in state.terms.items():
            self.frequency[name].subtract(counts)
        self.documents -= state.size
        self.changed.add(sid)

    def _restore(self, sid: str, state: StoryState, vectors: np.ndarray) -> None:
        self.states[sid], self.members[sid] = state, vectors
        self.ids.append(sid)
        for name, counts in state.terms.items():
            self.frequency[name].update(counts)
        self.documents += state.size

    def similarities(self, left: Sequence[Item], right: Sequence[Item]) -> np.ndarray:
        """The pair model's similarities of every left item with every right one, in ``PAIR_FEATURES``
        order: shape (len(left), len(right), features)."""
        out = np.zeros((len(left), len(right), len(PAIR_FEATURES)), dtype=np.float32)
        if not left or not right:
            return out
        for k, name in ((0, "keywords"), (3, "entities"), (4, "titles")):
            a, b = self._tf_idf_rows(name, [x.member for x in left], [x.member for x in right])
            out[..., k] = (a @ b.T).toarray()
        out[..., 1] = np.array([x.vector for x in left]) @ np.array([x.vector for x in right]).T
        out[..., 2] = np.array([x.title for x in left]) @ np.array([x.title for x in right]).T
        days = [np.array([np.nan if x.day is None else x.day for x in side], dtype=float)
                for side in (left, right)]
        out[..., 5] = np.nan_to_num(np.log1p(np.abs(days[0][:, None] - days[1][None, :])), nan=0.0)
        words = [np.array([x.member.words for x in side], dtype=float) for side in (left, right)]
        shortness = np.clip(1 - np.minimum(words[0][:, None], words[1][None, :]) / SHORT_TEXT_WORDS, 0, 1)
        out[..., 6] = out[..., 2] * shortness
        return out

    def _tf_idf_rows(self, name: str, *sides: Sequence[Member]) -> list[csr_matrix]:
        """Unit-length TF-IDF rows of the members' terms (sublinear TF, cached on each member); IDF from
        the documents clustered so far (smoothed, so unseen terms count most)."""
        vocabulary = self._vocabulary[name]
        rows = [[member.sublinear_tf(name, vocabulary) for member in side] for side in sides]
        used = np.unique(np.concatenate([c for side in rows for c, _ in side] + [np.zeros(0, np.int64)]))
        terms, frequency = vocabulary.terms, self.frequency[name]
        counts = np.array([frequency.get(terms[c], 0) for c in used], dtype=float)
        idf = 1 + np.log((self.documents + 1) / (1 + counts))
        matrices = []
        for side in rows:
            columns = np.concatenate([c for c, _ in side] + [np.zeros(0, np.int64)])
            weights = np.concatenate([w for _, w in side] + [np.zeros(0)])
            weights = weights * idf[np.searchsorted(used, columns)]
            lengths = np.array([len(c) for c, _ in side], dtype=np.int64)
            row = np.repeat(np.arange(len(side)), lengths)
            norms = np.sqrt(np.bincount(row, weights**2, minlength=len(side)))
            weights = weights / np.where(norms > 0, norms, 1.0)[row]
            indptr = np.concatenate([[0], np.cumsum(lengths)])
            matrices.append(csr_matrix((weights, columns, indptr), shape=(len(side), len(terms) + 1)))
        return matrices

    def add(self, sid: str, item: Item) -> None:
        """Add a document to a story (a new one if ``sid`` is unknown)."""
        state = self.states.get(sid)
        if state is None:
            state = self.states[sid] = StoryState()
            self.row[sid] = len(self.ids)
            self.ids.append(sid)
            self.members[sid] = np.zeros((0, 2, DIMENSION), dtype=np.float16)
        if not state.settled and len(state.members) < MEMBERS:
            state.members.append(item.member)
            member = np.stack([item.vector, item.title]).astype(np.float16)[None]
            self.members[sid] = np.concatenate([self.members[sid], member])
            self._append_member(self.row[sid], member[0, 0])
        for name, limit in PROFILE_LIMITS.items():
            old = Counter(state.terms.get(name, {}))
            new = Counter(_top(dict(old + Counter(item.member.terms.get(name, {}).keys())), limit))
            state.terms[name] = dict(new)
            self.frequency[name].update(new - old)
            self.frequency[name].subtract(old - new)
        if item.member.published:
            state.first = min(state.first or item.member.published, item.member.published)
            state.last = max(state.last or item.member.published, item.member.published)
        state.size += 1
        self.documents += 1
        self.changed.add(sid)


def average_linkage(probability: np.ndarray, groups: list[list[int]], fixed: list[bool],
                    cut: float) -> list[list[int]]:
    """Merge groups of rows while the best mean pair probability between two groups reaches ``cut``;
    two fixed groups (settled stories) never merge."""
    groups, fixed = [list(g) for g in groups], np.array(fixed, dtype=bool)
    membership = np.zeros((len(groups), len(probability)))
    for k, group in enumerate(groups):
        membership[k, group] = 1
    sums = membership @ probability @ membership.T
    sizes = membership.sum(axis=1)
    while len(groups) > 1:
        mean = sums / np.outer(sizes, sizes)
        np.fill_diagonal(mean, -np.inf)
        mean[np.ix_(fixed, fixed)] = -np.inf
        i, j = sorted(np.unravel_index(int(np.argmax(mean)), mean.shape))
        if mean[i, j] < cut:
            break
        groups[i] += groups.pop(j)
        fixed[i] |= fixed[j]
        sums[i] += sums[j]
        sums[:, i] += sums[:, j]
        sizes[i] += sizes[j]
        sums = np.delete(np.delete(sums, j, axis=0), j, axis=1)
        sizes, fixed = np.delete(sizes, j), np.delete(fixed, j)
    return groups


def story_title(docs: list[Document]) -> str | None:
    """The title that best says what the story's documents share: the original (not a copy) whose title
    keywords occur in the largest share of the story's documents; earlier documents win ties."""
    originals = [d for d in docs if not d.copy_of and d.title] or [d for d in docs if d.title]
    if not originals:
        return None
    share = Counter(w for d in docs for w in words_of(f"{d.title or ''}\n{d.text}"))

    def coverage(doc: Document) -> float:
        words = [w for w in WORD.findall(doc.title.lower()) if w in share]
        return sum(share[w] for w in words) / (len(words) + 1)

    return max(originals, key=lambda d: (coverage(d), -(_day(d.published) or 0))).title
