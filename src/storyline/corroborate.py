"""The same claim across documents: groups, independent sources, denials and discrepancies."""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from storyline.model import Annotation, Claim, ClaimGroup, Discrepancy, Document

SAME_CLAIM_SIMILARITY = 0.62  # claim similarity (see claim_similarity); above is one claim group
CANNOT_LINK = 2.0  # distance between two claims of one document
NEGATION = re.compile(r"\b(not|no|never|nothing|none|neither|nor)\b|n't\b", re.IGNORECASE)
MIN_SHARED_WORDS = 2  # lexical containment counts only when the claims share this many content words
STOPWORDS = frozenset(
    "a an the of to in on at for by with from and or but that this these those it its is are was were be "
    "been has have had will would could should may might can said says say told according as than more "
    "about not no he she they we i his her their our which who whom what when where while also into over "
    "after before".split()
)


def source_of(doc: Document) -> str:
    """The independent source a document stands for: its origin, else its outlet, else itself."""
    return doc.origin or doc.outlet or doc.id


def negated(text: str) -> bool:
    return bool(NEGATION.search(text))


def cluster(similarity: np.ndarray, documents: list[str]) -> list[list[int]]:
    """Average-linkage clusters of claims above ``SAME_CLAIM_SIMILARITY``.

    Average linkage does not chain one story's claims into one group as single linkage does; two
    claims of one document are never one group (a document states a claim once), except copies."""
    n = len(documents)
    if n == 0:
        return []
    if n == 1:
        return [[0]]
    distance = 1.0 - similarity
    same_document = np.equal.outer(np.array(documents), np.array(documents))
    distance[same_document] = CANNOT_LINK
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(np.clip(distance, 0.0, None), checks=False), method="average")
    labels = fcluster(tree, t=1.0 - SAME_CLAIM_SIMILARITY, criterion="distance")
    members: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        members[int(label)].append(i)
    return sorted(members.values(), key=lambda idx: (-len(idx), idx[0]))


def group_claims(
    claims: list[Claim], vectors: np.ndarray, docs: dict[str, Document], annotations: dict[str, Annotation]
) -> list[ClaimGroup]:
    """Claim groups with their independent sources, supporting and denying claims, and discrepancies.

    A claim supports the group when its stance and the polarity of its content agree ("said X", or
    "denied not-X"); it denies when they differ ("denied X", "insisted not-X")."""
    similarity = claim_similarity([c.content for c in claims], vectors)
    groups = []
    for idx in cluster(similarity, [c.document for c in claims]):
        members = [claims[i] for i in idx]
        doc_ids = sorted({c.document for c in members})
        origins = sorted({source_of(docs[d]) for d in doc_ids})
        positive = [c for c in members if (c.stance == "denies") == negated(c.content)]
        negative = [c for c in members if c not in positive]
        if len(negative) > len(positive):  # the group is about the proposition most claims make
            positive, negative = negative, positive
        central = idx[int(np.argmax(similarity[np.ix_(idx, idx)].sum(axis=1)))]
        label_claim = claims[central] if claims[central] in positive else positive[0]
        groups.append(
            ClaimGroup(
                id=f"g{len(groups) + 1}",
                label=label_claim.content,
                claims=[c.id for c in members],
                documents=doc_ids,
                independent_sources=len(origins),
                supporting=[c.id for c in positive],
                denying=[c.id for c in negative],
                contested=bool(positive and negative),
                discrepancies=discrepancies(members, annotations),
                origins=origins,
            )
        )
    return groups


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z-]+", text.lower()) if w not in STOPWORDS}


def claim_similarity(contents: list[str], vectors: np.ndarray) -> np.ndarray:
    """Pairwise similarity of claim contents: the embedding cosine, raised by lexical containment.

    Short contents ("talks had collapsed" against "wage talks ... had not collapsed") embed far apart
    though they are the same claim; the share of the shorter claim's content words found in the
    longer one catches them."""
    sims = vectors @ vectors.T
    words = [content_words(c) for c in contents]
    for i in range(len(contents)):
        for j in range(i + 1, len(contents)):
            shared = len(words[i] & words[j])
            if shared >= MIN_SHARED_WORDS:
                containment = shared / min(len(words[i]), len(words[j]))
                sims[i, j] = sims[j, i] = max(sims[i, j], 0.5 * sims[i, j] + 0.5 * containment)
    return sims


def discrepancies(claims: list[Claim], annotations: dict[str, Annotation]) -> list[Discrepancy]:
    """Different numbers (same unit) or different dates given by the claims of one group."""
    numbers: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    dates: dict[str, list[str]] = defaultdict(list)
    document_of = {c.id: c.document for c in claims}
    for claim in claims:
        annotation = annotations[claim.document]
        for q in annotation.quantities:
            if q.sentence == claim.sentence and q.value is not None and q.unit:
                numbers[q.unit.split()[-1].lower()][q.text].append(claim.id)
        for t in annotation.times:
            if t.sentence == claim.sentence and t.value and t.precision == "day":
                dates[t.value].append(claim.id)
    found = []
    for values in numbers.values():
        distinct_docs = {document_of[c] for ids in values.values() for c in ids}
        if len(values) > 1 and len(distinct_docs) > 1:
            claim_ids = sorted({c for ids in values.values() for c in ids})
            found.append(Discrepancy("number", sorted(values), claim_ids))
    if len(dates) > 1:
        found.append(Discrepancy("date", sorted(dates), sorted({c for ids in dates.values() for c in ids})))
    return found
