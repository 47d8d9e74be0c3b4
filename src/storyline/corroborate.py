"""The same claim across documents: groups, independent sources, denials and discrepancies."""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np

from storyline.model import Annotation, Claim, ClaimGroup, Discrepancy, Document

SAME_CLAIM_SIMILARITY = 0.62  # claim similarity (see claim_similarity); above is one claim group
MIN_SHARED_WORDS = 2  # lexical containment counts only when the claims share this many content words
STOPWORDS = frozenset(
    "a an the of to in on at for by with from and or but that this these those it its is are was were be been "
    "has have had will would could should may might can said says say told according as than more about not no "
    "he she they we i his her their our which who whom what when where while also into over after before".split()
)


def source_of(doc: Document) -> str:
    """The independent source a document stands for: its origin, else its outlet, else itself."""
    return doc.origin or doc.outlet or doc.id


def group_claims(
    claims: list[Claim], vectors: np.ndarray, docs: dict[str, Document], annotations: dict[str, Annotation]
) -> list[ClaimGroup]:
    """Claim groups by single-link clustering of claim contents above ``SAME_CLAIM_SIMILARITY``."""
    n = len(claims)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    if n:
        sims = claim_similarity([c.content for c in claims], vectors)
        for i in range(n):
            for j in np.nonzero(sims[i, i + 1 :] >= SAME_CLAIM_SIMILARITY)[0]:
                parent[find(i + 1 + int(j))] = find(i)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        members[find(i)].append(i)
    groups = []
    for root, idx in sorted(members.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        group_claims_ = [claims[i] for i in idx]
        doc_ids = sorted({c.document for c in group_claims_})
        origins = sorted({source_of(docs[d]) for d in doc_ids})
        supporting = [c.id for c in group_claims_ if c.stance == "asserts"]
        denying = [c.id for c in group_claims_ if c.stance == "denies"]
        centroid = vectors[idx].mean(axis=0)
        label_claim = group_claims_[int(np.argmax(vectors[idx] @ centroid))]
        groups.append(
            ClaimGroup(
                id=f"g{len(groups) + 1}",
                label=label_claim.content,
                claims=[c.id for c in group_claims_],
                documents=doc_ids,
                independent_sources=len(origins),
                supporting=supporting,
                denying=denying,
                contested=bool(supporting and denying),
                discrepancies=discrepancies(group_claims_, annotations),
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
            found.append(Discrepancy("number", sorted(values), sorted({c for ids in values.values() for c in ids})))
    if len(dates) > 1:
        found.append(Discrepancy("date", sorted(dates), sorted({c for ids in dates.values() for c in ids})))
    return found
