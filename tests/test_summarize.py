"""The cited extractive summary: the central claim first with its source count, a contested claim said
as contested with its denial, copies cited, no claim group told twice."""

from __future__ import annotations

import numpy as np

from storyline.claims.groups import sentence_support
from storyline.embeddings import Embedder, embedder
from storyline.model import Annotation, Claim, ClaimGroup, Document, Features, Sentence
from storyline.summarize import summarize, summary_candidates

SENTENCES = [
    ("a", 0, "Velmora shipped forty rockets to the rebel army in March, officials said."),
    ("b", 0, "Velmora shipped forty rockets to the rebel army in March, officials said."),
    ("a", 1, "The rebels fired the rockets at the airport of the capital on Tuesday."),
    ("c", 0, "Velmora denied shipping any rockets to the rebels and called the claims lies."),
    ("c", 1, "The weather in the capital was mild for the season, forecasters said."),
    ("d", 0, "Velmora delivered the forty rockets in March, two diplomats told the Courier."),
]


def claim(cid: str, doc: str, sentence: int, speaker: str, kind: str, stance: str = "asserts") -> Claim:
    return Claim(
        id=cid,
        document=doc,
        text="",
        content="Velmora shipped rockets",
        speaker=speaker,
        speaker_kind=kind,
        cue="said",
        stance=stance,
        hedged=False,
        sentence=sentence,
    )


CLAIMS = [
    claim("k1", "a", 0, "officials", "anonymous"),
    claim("k2", "d", 0, "two diplomats", "anonymous"),
    claim("k3", "c", 0, "Velmora", "organization", "denies"),
    claim("k4", "c", 1, "forecasters", "anonymous"),
]
GROUPS = [
    ClaimGroup(
        id="g1",
        label="Velmora shipped rockets",
        claims=["k1", "k2", "k3"],
        documents=["a", "c", "d"],
        independent_sources=2,
        supporting=["k1", "k2"],
        denying=["k3"],
        contested=True,
        denying_sources=1,
    ),
    ClaimGroup(
        id="g2",
        label="mild weather",
        claims=["k4"],
        documents=["c"],
        independent_sources=1,
        supporting=["k4"],
        denying=[],
        contested=False,
    ),
]


def test_central_claim_first_with_its_sources_and_its_denial_next():
    vectors = embedder().encode([t for _, _, t in SENTENCES])
    summary = summarize(SENTENCES, vectors, GROUPS, CLAIMS, sentence_support(GROUPS, CLAIMS))
    first, second = summary[:2]
    assert first.text == SENTENCES[0][2] and first.independent_sources == 2
    assert first.documents == ["a", "b", "d"] and first.claim_groups == ["g1"]
    assert first.contested and first.denied_by == ["Velmora"]
    assert first.attribution == "anonymous sources say so (2 independent sources); Velmora denies it"
    assert second.text == SENTENCES[3][2] and second.documents == ["c"]
    texts = [s.text for s in summary]
    assert texts.count(SENTENCES[0][2]) == 1 and SENTENCES[5][2] not in texts  # g1 is told once
    assert all(s.documents for s in summary)


class CountingEmbedder(Embedder):
    """The real model, remembering which texts the caller asked it to embed."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def encode(self, texts):
        self.asked.extend(texts)
        return super().encode(texts)


def _annotation(doc: str, texts: list[str]) -> Annotation:
    start, sentences = 0, []
    for i, text in enumerate(texts):
        sentences.append(Sentence(i, start, start + len(text), text))
        start += len(text) + 1
    return Annotation(doc, sentences)


def test_summary_candidates_reuse_stored_vectors_and_skip_copies():
    texts = {"a": [SENTENCES[0][2], SENTENCES[2][2]], "b": [SENTENCES[5][2]], "c": [SENTENCES[0][2]]}
    docs = {d: Document(d, f"{d}.txt", " ".join(t)) for d, t in texts.items()}
    docs["c"].copy_of = "a"
    stored = embedder().encode(texts["a"]).astype(np.float16)
    features = {"a": Features("a", sentence_vectors=stored), "b": Features("b")}  # b stored without them
    model = CountingEmbedder()
    candidates, vectors = summary_candidates([_annotation(d, t) for d, t in texts.items()], docs, features,
                                             model)
    assert [(d, i) for d, i, _ in candidates] == [("a", 0), ("a", 1), ("b", 0)]
    assert model.asked == texts["b"]  # a's vectors come from the store, the copy c is no candidate
    assert np.allclose(vectors[:2], stored.astype(np.float32), atol=2e-3)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
