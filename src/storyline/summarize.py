"""Extractive summary of a story in which every sentence cites its documents and claim groups.

The first sentence tells the story's central claim (the claim group with the most independent sources)
with its source count; the others are chosen for centrality, corroboration and diversity (maximal
marginal relevance). A contested claim is said as contested: its sentence names who denies it and the
denial follows it. The caller hands in the candidates' vectors (the build stored them: embedding them
again would cost more than the rest of the report) and their claim support (the timeline uses it too)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storyline.claims.groups import SentenceKey
from storyline.embeddings import DIMENSION, Embedder, unit
from storyline.model import Annotation, Claim, ClaimGroup, Document, Features, SummarySentence

Candidate = tuple[str, int, str]  # (document, sentence index, text)


@dataclass(frozen=True)
class SummarySettings:
    """How long the summary is and how it weighs what it picks (set on the demo and seeds: development)."""

    sentences: int = 6  # a few sentences: a reader's first screen
    diversity: float = 0.7  # MMR weight of relevance against redundancy
    same_sentence: float = 0.9  # cosine above which two sentences say the same thing (copies)
    corroboration: float = 0.15  # weight of log(1 + independent sources) beside centrality (0 for no claim)
    position: float = 0.1  # weight of 1 / (1 + sentence index): news puts the essential first
    min_words: int = 8  # shorter sentences are fragments or captions
    max_words: int = 60  # longer ones are run-on paragraphs
    speakers: int = 3  # named in an attribution at most


def is_body_sentence(text: str, doc: Document) -> bool:
    """A sentence of the article body: not its headline, not a fragment without final punctuation."""
    if doc.title and " ".join(text.split()).lower() == " ".join(doc.title.split()).lower():
        return False
    return text.rstrip().endswith((".", "!", '"', "”", "'", "’"))


def summary_candidates(annotations: list[Annotation], docs: dict[str, Document],
                       features: dict[str, Features], model: Embedder) -> tuple[list[Candidate], np.ndarray]:
    """The body sentences of a story's originals (copies only repeat them) with their unit vectors: the
    ones the build stored, embedded again only for a document stored without them."""
    candidates: list[Candidate] = []
    vectors: list[np.ndarray | None] = []
    for a in annotations:
        doc = docs[a.document]
        if doc.copy_of:
            continue
        stored = features[a.document].sentence_vectors if a.document in features else None
        stored = stored if stored is not None and len(stored) == len(a.sentences) else None
        for position, s in enumerate(a.sentences):
            if is_body_sentence(s.text, doc):
                candidates.append((a.document, s.index, s.text))
                vectors.append(None if stored is None else stored[position])
    missing = [k for k, v in enumerate(vectors) if v is None]
    for k, vector in zip(missing, model.encode([candidates[k][2] for k in missing]), strict=True):
        vectors[k] = vector
    return candidates, (unit(np.stack(vectors).astype(np.float32)) if vectors
                        else np.zeros((0, DIMENSION), dtype=np.float32))



def summarize(
    candidates: list[Candidate],
    vectors: np.ndarray,
    groups: list[ClaimGroup],
    claims: list[Claim],
    support: dict[SentenceKey, tuple[list[str], int]],
    settings: SummarySettings = SummarySettings(),
) -> list[SummarySentence]:
    """Pick the central claim's sentence, then central, corroborated, diverse sentences, each cited.

    ``vectors`` holds the candidates' unit sentence embeddings, row for row; ``support`` is
    ``claims.groups.sentence_support(groups, claims)``."""
    if not candidates:
        return []
    relevance = _relevance(candidates, vectors, support, settings)
    sims = vectors @ vectors.T
    chosen: list[int] = []
    lead = _lead(candidates, groups, claims, relevance)
    if lead is not None:
        chosen.append(lead)
    remaining = set(range(len(candidates))) - set(chosen)
    covered = {g for k in chosen for g in support.get(candidates[k][:2], ([], 0))[0]}
    while remaining and len(chosen) < settings.sentences:

        def score(k: int) -> float:
            redundancy = max((sims[k, j] for j in chosen), default=0.0)
            return settings.diversity * relevance[k] - (1 - settings.diversity) * redundancy

        best = max(remaining, key=score)
        remaining.discard(best)
        groups_of = set(support.get(candidates[best][:2], ([], 0))[0])
        if groups_of & covered:
            continue  # a claim group is told once (its denial follows it, below)
        if not any(sims[best, j] >= settings.same_sentence for j in chosen):
            chosen.append(best)
            covered |= groups_of
    chosen = _with_denials(chosen, candidates, groups, claims)
    return [_cited(k, candidates, sims, groups, claims, settings) for k in chosen]


def _relevance(
    candidates: list[Candidate], vectors: np.ndarray, support, settings: SummarySettings
) -> np.ndarray:
    centroid = vectors.mean(axis=0)
    centroid /= np.linalg.norm(centroid) or 1.0
    centrality = vectors @ centroid
    corroboration = np.array([support.get((d, i), ([], 0))[1] for d, i, _ in candidates], dtype=float)
    position = np.array([1.0 / (1 + i) for _, i, _ in candidates])
    length_ok = np.array(
        [1.0 if settings.min_words <= len(t.split()) <= settings.max_words else 0.3 for _, _, t in candidates]
    )
    return (
        centrality + settings.corroboration * np.log1p(corroboration) + settings.position * position
    ) * length_ok


def central_group(groups: list[ClaimGroup]) -> ClaimGroup | None:
    """The story's central claim: the most independent sources, then the most supporting claims."""
    backed = [g for g in groups if g.supporting]
    return max(backed, key=lambda g: (g.independent_sources, len(g.supporting)), default=None)


def _lead(
    candidates: list[Candidate], groups: list[ClaimGroup], claims: list[Claim], relevance: np.ndarray
) -> int | None:
    """The candidate that states the central claim best (a sentence of one of its supporting claims)."""
    group = central_group(groups)
    if group is None:
        return None
    by_id = {c.id: c for c in claims}
    keys = {(by_id[c].document, by_id[c].sentence) for c in group.supporting if c in by_id}
    stating = [k for k, (d, i, _) in enumerate(candidates) if (d, i) in keys]
    return max(stating, key=lambda k: relevance[k], default=None)


def _with_denials(
    chosen: list[int], candidates: list[Candidate], groups: list[ClaimGroup], claims: list[Claim]
) -> list[int]:
    """Each chosen sentence of a contested claim followed by a sentence of its denial (once)."""
    by_id = {c.id: c for c in claims}
    index = {(d, i): k for k, (d, i, _) in enumerate(candidates)}
    out: list[int] = []
    for k in chosen:
        if k in out:
            continue
        out.append(k)
        doc, sentence, _ = candidates[k]
        for group in groups:
            supports = any(
                (by_id[c].document, by_id[c].sentence) == (doc, sentence)
                for c in group.supporting
                if c in by_id
            )
            if not supports:
                continue
            denial = next(
                (
                    index[key]
                    for c in group.denying
                    if c in by_id and (key := (by_id[c].document, by_id[c].sentence)) in index
                ),
                None,
            )
            if denial is not None and denial not in out:
                out.append(denial)
    return out


def _cited(
    k: int,
    candidates: list[Candidate],
    sims: np.ndarray,
    groups: list[ClaimGroup],
    claims: list[Claim],
    settings: SummarySettings,
) -> SummarySentence:
    """A summary sentence with its documents (its copies and the supporters of its claims), groups, source
    count and, when contested, who says it and who denies it."""
    by_id = {c.id: c for c in claims}
    same = [j for j in range(len(candidates)) if sims[k, j] >= settings.same_sentence] + [k]
    keys = {(candidates[j][0], candidates[j][1]) for j in same}
    documents = {candidates[j][0] for j in same}
    mine = [
        g
        for g in groups
        if any((by_id[c].document, by_id[c].sentence) in keys for c in g.claims if c in by_id)
    ]
    supported = [
        g
        for g in mine
        if any((by_id[c].document, by_id[c].sentence) in keys for c in g.supporting if c in by_id)
    ]
    denied = [g for g in mine if g not in supported]
    for group in supported:
        documents.update(by_id[c].document for c in group.supporting if c in by_id)
    sources = max((g.independent_sources for g in supported), default=1)
    deniers = _speakers([c for g in supported for c in g.denying], by_id, settings.speakers)
    attribution = f"{_count(sources)}"
    if supported and deniers:
        sayers = _speakers([c for g in supported for c in g.supporting], by_id, settings.speakers)
        sayers = sayers or "sources"
        attribution = f"{sayers} {_says(sayers)} so ({_count(sources)}); {deniers} {_verb(deniers)} it"
    elif denied and not supported:
        denier = _speakers([c for g in denied for c in g.denying if by_id[c].document in documents], by_id, 1)
        sayers = _speakers([c for g in denied for c in g.supporting], by_id, settings.speakers)
        sayers = sayers or "others"
        attribution = f"{denier or 'a source'} {_verb(denier)} what {sayers} {_says(sayers)}"
    return SummarySentence(
        text=candidates[k][2],
        documents=sorted(documents),
        claim_groups=sorted(g.id for g in mine),
        independent_sources=sources,
        contested=bool(deniers or denied),
        denied_by=_names(
            [c for g in supported for c in g.denying]
            if supported
            else [c for g in denied for c in g.denying],
            by_id,
        ),
        attribution=attribution,
    )


def _names(claim_ids: list[str], by_id: dict[str, Claim]) -> list[str]:
    """Named speakers of claims (people and organisations), then "anonymous sources" once for the rest."""
    said = [by_id[c] for c in claim_ids if c in by_id]
    named = [c.speaker for c in said if c.speaker and c.speaker_kind in ("named_person", "organization")]
    anonymous = ["anonymous sources"] if any(c.speaker_kind == "anonymous" for c in said) else []
    return list(dict.fromkeys(named + anonymous))


def _speakers(claim_ids: list[str], by_id: dict[str, Claim], limit: int) -> str:
    names = _names(claim_ids, by_id)[:limit]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def _says(names: str) -> str:
    return "say" if " and " in names or names == "anonymous sources" else "says"


def _count(sources: int) -> str:
    return f"{sources} independent source" + ("" if sources == 1 else "s")


def _verb(names: str) -> str:
    return "deny" if " and " in names else "denies"
