"""The same claim across documents: groups, independent sources, denials and discrepancies."""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.spatial.distance import squareform

from storyline.annotate.quantities import interval
from storyline.model import Annotation, Claim, ClaimGroup, Discrepancy, Document, Quantity

SAME_CLAIM_SIMILARITY = 0.62  # claim similarity (see claim_similarity); above is one claim group
DENIAL_LINK_SIMILARITY = 0.5  # centroid cosine above which a denial-only cluster joins an asserting one
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


def attach_denials(clusters: list[list[int]], claims: list[Claim], vectors: np.ndarray) -> list[list[int]]:
    """Denial-only clusters join the asserting cluster they deny.

    "Valdoria denied sending drones" is worded unlike "Valdoria has shipped 40 drones", so the two
    rarely cluster; a denial belongs with the claim it denies when their centroids are close."""
    def centroid(idx: list[int]) -> np.ndarray:
        mean = vectors[idx].mean(axis=0)
        return mean / (np.linalg.norm(mean) or 1.0)

    asserting = [c for c in clusters if any(claims[i].stance == "asserts" and not negated(claims[i].content)
                                            for i in c)]
    if not asserting:
        return clusters
    targets = np.stack([centroid(c) for c in asserting])
    merged = [list(c) for c in asserting]
    kept = []
    for cluster_ in clusters:
        if cluster_ in asserting:
            continue
        sims = targets @ centroid(cluster_)
        best = int(np.argmax(sims))
        if sims[best] >= DENIAL_LINK_SIMILARITY:
            merged[best].extend(cluster_)
        else:
            kept.append(cluster_)
    return sorted(merged + kept, key=lambda idx: (-len(idx), min(idx)))


def group_claims(
    claims: list[Claim], vectors: np.ndarray, docs: dict[str, Document], annotations: dict[str, Annotation]
) -> list[ClaimGroup]:
    """Claim groups with their independent sources, supporting and denying claims, and discrepancies.

    A claim denies the group's claim when its cue is a denial ("denied X") or it asserts a negation
    ("insisted not-X"); the others support it."""
    similarity = claim_similarity([c.content for c in claims], vectors)
    clusters = attach_denials(cluster(similarity, [c.document for c in claims]), claims, vectors)
    groups = []
    for idx in clusters:
        members = [claims[i] for i in idx]
        doc_ids = sorted({c.document for c in members})
        origins = sorted({source_of(docs[d]) for d in doc_ids})
        denying = [c for c in members if c.stance == "denies" or negated(c.content)]
        supporting = [c for c in members if c not in denying]
        distinct = list({claims[i].content: i for i in idx}.values())  # copies do not outvote the rest
        candidates = [i for i in distinct if claims[i] in supporting] or distinct
        central = candidates[int(np.argmax(similarity[np.ix_(candidates, distinct)].sum(axis=1)))]
        groups.append(
            ClaimGroup(
                id=f"g{len(groups) + 1}",
                label=claims[central].content,
                claims=[c.id for c in members],
                documents=doc_ids,
                independent_sources=len(origins),
                supporting=[c.id for c in supporting],
                denying=[c.id for c in denying],
                contested=bool(supporting and denying),
                discrepancies=discrepancies(members, annotations),
                origins=origins,
            )
        )
    return groups


SentenceKey = tuple[str, int]  # (document id, sentence index)


def sentence_support(
    groups: list[ClaimGroup], claims: list[Claim]
) -> dict[SentenceKey, tuple[list[str], int]]:
    """For each (document, sentence) that states a claim: its claim groups and the most independent
    sources behind any of them (the summary prefers such sentences, the timeline cites the groups)."""
    claim_by_id = {c.id: c for c in claims}
    support: dict[SentenceKey, tuple[list[str], int]] = {}
    for group in groups:
        for claim_id in group.claims:
            key = (claim_by_id[claim_id].document, claim_by_id[claim_id].sentence)
            ids, sources = support.get(key, ([], 0))
            support[key] = (ids + [group.id], max(sources, group.independent_sources))
    return support


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z-]+", text.lower()) if w not in STOPWORDS}


def claim_similarity(contents: list[str], vectors: np.ndarray) -> np.ndarray:
    """Pairwise similarity of claim contents: the embedding cosine, raised by lexical containment.

    Short contents ("talks had collapsed" against "wage talks ... had not collapsed") embed far apart
    though they are the same claim; the share of the shorter claim's content words found in the
    longer one catches them."""
    cosine = vectors @ vectors.T
    words = [content_words(c) for c in contents]
    vocabulary = {w: k for k, w in enumerate(sorted(set().union(*words)))}
    if not vocabulary:
        return cosine
    rows = [i for i, ws in enumerate(words) for _ in ws]
    cols = [vocabulary[w] for ws in words for w in ws]
    incidence = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(words), len(vocabulary)))
    shared = (incidence @ incidence.T).toarray()
    sizes = np.array([len(ws) for ws in words], dtype=float)
    containment = shared / np.maximum(np.minimum.outer(sizes, sizes), 1.0)
    raised = np.maximum(cosine, 0.5 * cosine + 0.5 * containment)
    sims = np.where(shared >= MIN_SHARED_WORDS, raised, cosine)
    np.fill_diagonal(sims, np.diag(cosine))  # a claim's similarity to itself stays its cosine
    return sims


def _unit_key(unit: str) -> str:
    return unit.split()[-1].lower().rstrip("s")


def discrepancies(claims: list[Claim], annotations: dict[str, Annotation]) -> list[Discrepancy]:
    """Numbers (same unit) that cannot both be true, and different day dates, given by the claims of
    one group in different documents."""
    numbers: dict[str, list[tuple[Quantity, Claim]]] = defaultdict(list)
    dates: dict[str, list[str]] = defaultdict(list)
    for claim in claims:
        annotation = annotations[claim.document]
        for q in annotation.quantities:
            if q.sentence == claim.sentence and q.value is not None and q.unit:
                numbers[_unit_key(q.unit)].append((q, claim))
        for t in annotation.times:
            if t.sentence == claim.sentence and t.value and t.precision == "day":
                dates[t.value].append(claim.id)
    found = []
    for given in numbers.values():
        conflicting: set[int] = set()
        for i, (q1, c1) in enumerate(given):
            for j in range(i + 1, len(given)):
                q2, c2 = given[j]
                lo1, hi1 = interval(q1)
                lo2, hi2 = interval(q2)
                if c1.document != c2.document and (hi1 < lo2 or hi2 < lo1):
                    conflicting |= {i, j}
        if conflicting:
            values = sorted({given[k][0].text for k in conflicting})
            found.append(Discrepancy("number", values, sorted({given[k][1].id for k in conflicting})))
    if len(dates) > 1:
        found.append(Discrepancy("date", sorted(dates), sorted({c for ids in dates.values() for c in ids})))
    return found
