"""The cited extractive summary: the central claim first with its source count, a contested claim said
as contested with its denial, copies cited, no claim group told twice."""

from __future__ import annotations

from storyline.model import Claim, ClaimGroup
from storyline.summarize import summarize

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
    summary = summarize(SENTENCES, GROUPS, CLAIMS)
    first, second = summary[:2]
    assert first.text == SENTENCES[0][2] and first.independent_sources == 2
    assert first.documents == ["a", "b", "d"] and first.claim_groups == ["g1"]
    assert first.contested and first.denied_by == ["Velmora"]
    assert first.attribution == "anonymous sources say so (2 independent sources); Velmora denies it"
    assert second.text == SENTENCES[3][2] and second.documents == ["c"]
    texts = [s.text for s in summary]
    assert texts.count(SENTENCES[0][2]) == 1 and SENTENCES[5][2] not in texts  # g1 is told once
    assert all(s.documents for s in summary)
