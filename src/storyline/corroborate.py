"""The same claim across documents: groups, independent sources, denials and discrepancies."""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from storyline.model import Annotation, Claim, ClaimGroup, Discrepancy, Document

SAME_CLAIM_SIMILARITY = 0.62  # cosine between claim contents; above is one claim group


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
        sims = vectors @ vectors.T
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
