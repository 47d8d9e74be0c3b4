"""The cited extractive summary: central, corroborated, not repeated, every sentence cited."""

from __future__ import annotations

from storyline.summarize import summarize


def test_summary_prefers_corroborated_sentences_and_cites_copies(embedder):
    sentences = [
        ("a", 0, "Velmora shipped forty rockets to the rebel army in March, officials said."),
        ("b", 0, "Velmora shipped forty rockets to the rebel army in March, officials said."),
        ("a", 1, "The rebels fired the rockets at the airport of the capital on Tuesday."),
        ("c", 0, "Velmora denied shipping any rockets to the rebels and called the claims lies."),
        ("c", 1, "The weather in the capital was mild for the season."),
    ]
    vectors = embedder.encode([t for _, _, t in sentences])
    summary = summarize(sentences, vectors, {("a", 0): (["g1"], 3), ("c", 0): (["g1"], 3)})
    texts = [s.text for s in summary]
    assert texts[0] == sentences[0][2]
    assert texts.count(sentences[0][2]) == 1
    assert summary[0].documents == ["a", "b"] and summary[0].claim_groups == ["g1"]
    assert all(s.documents for s in summary)
