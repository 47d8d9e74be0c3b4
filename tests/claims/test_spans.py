"""The span model: its path features on real parses of invented sentences, fitting, and the committed weights
reading content and source around a cue the rules make nothing of."""

from __future__ import annotations

import numpy as np

from storyline.claims import train_spans
from storyline.claims.extract import (
    ClaimSettings,
    _said_words,
    _whole_content,
    attributions,
    quote_regions,
)
from storyline.claims.spans import LABELS, Cue, Words, path, span_model
from storyline.eval.claims import Gold


def _token(doc, word: str):
    return next(t for t in doc if t.text == word)


def _words(doc) -> Words:
    return Words.of(doc, frozenset(i for start, end in quote_regions(doc) for i in range(start, end)))


def test_path_goes_down_to_the_clause_and_up_to_a_sibling(nlp):
    doc = nlp("Port officials said the cranes would fail.")
    said = Cue.of(_token(doc, "said"))
    assert path(_words(doc), said, _token(doc, "officials").i) == ["vnsubj"]
    assert path(_words(doc), said, _token(doc, "fail").i) == ["vccomp"]
    doc = nlp("The union said on Monday that it was urging the port to reopen.")
    urging = Cue.of(_token(doc, "urging"))
    assert path(_words(doc), urging, _token(doc, "union").i) == ["^ccomp", "vnsubj"]
    assert path(_words(doc), urging, urging.i) == []


def test_examples_label_content_source_and_cue_words(nlp):
    text = "The engineer said the cranes would fail."
    doc = nlp(text)

    def span(words: str) -> list[tuple[int, int]]:
        start = text.index(words)
        return [(start, start + len(words))]

    gold = Gold(span("the cranes would fail"), span("The engineer"), span("said"))
    article = train_spans.Article("a", text, [[gold]])
    rows, labels = train_spans.examples([article], [doc])
    words = [t for t in doc if not t.is_space]
    by_word = {t.text: LABELS[label] for t, label in zip(words, labels, strict=True)}
    assert by_word["engineer"] == "source" and by_word["cranes"] == "content" and by_word["said"] == "none"
    assert len(rows) == len(labels) == len(doc)


def test_fit_gives_weights_relative_to_none():
    rows = [["bias", "p1=vnsubj"]] * 30 + [["bias", "p1=vccomp"]] * 30 + [["bias", "p1=vpunct"]] * 30
    labels = [2] * 30 + [1] * 30 + [0] * 30
    weights = train_spans.fit(rows, labels)
    assert weights["source"]["p1=vnsubj"] > 0 and weights["content"]["p1=vccomp"] > 0
    assert set(weights) == {"none", "content", "source"} and not weights["none"]


def test_committed_model_reads_clause_and_subject(nlp):
    doc = nlp("Senator Ada Voss argued that the port should reopen.")
    argued = _token(doc, "argued")
    positions, probabilities = span_model().probabilities(_words(doc), argued, (0, len(doc)))
    found = {
        doc[i].text: dict(zip(LABELS, p, strict=True)) for i, p in zip(positions, probabilities, strict=True)
    }
    assert found["Voss"]["source"] > 0.5 and found["reopen"]["content"] > 0.5
    assert found["argued"]["content"] < 0.5 and found["."]["content"] < 0.5
    assert np.allclose(probabilities.sum(axis=1), 1.0)


def test_a_source_at_the_sentence_root_ends_the_climb(nlp):
    """The climb to the top of the source phrase compares positions: the root is its own head (this looped
    forever when it compared Token objects, which spaCy makes anew on every access)."""
    doc = nlp("Critics of the harbour plan, the union among them, warned the port on Tuesday.")
    learned = attributions(doc, ClaimSettings(learned_spans=True, source_probability=0.0))
    assert all(a.speaker is not None for a in learned)


def test_learned_spans_only_add_claims_the_rules_miss(nlp):
    doc = nlp("The Harbour Workers Union criticized the plan to close the northern docks.")
    rules = attributions(doc, ClaimSettings(learned_spans=False))
    learned = attributions(doc, ClaimSettings(learned_spans=True))
    assert len(learned) >= len(rules)
    for a in learned:
        assert a.speaker_text and "plan" in " ".join(doc[i].text for i in a.content) or a in rules


def test_learned_cues_that_describe_a_noun_or_report_no_statement_make_no_claim(nlp):
    """The span model reads content around "believes" and "reported" here; the checks of its candidates keep
    a clause that describes a noun and a bare noun phrase from becoming claims."""
    regimes = "Freight slowed after sanctions regimes that the ministry believes have cut off the port."
    for text, cue in (
        (regimes, "believes"),
        ("The Harbour Gazette first reported the inspector's presence in Tavrin.", "reported"),
    ):
        doc = nlp(text)
        found = attributions(doc, ClaimSettings(learned_spans=True))
        assert not [a for a in found if doc[a.cue[0]].text == cue], text


def test_speaker_nouns_are_common_nouns_heading_enough_sources(nlp):
    text = "The critics said the cranes would fail, Mayor Ito Brandt said."
    doc = nlp(text)

    def span(words: str) -> list[tuple[int, int]]:
        start = text.index(words)
        return [(start, start + len(words))]

    critics = Gold(span("the cranes would fail"), span("The critics"), span("said"))
    mayor = Gold(span("The critics said the cranes would fail"), span("Mayor Ito Brandt"), span("said."))
    annotators = [[critics, mayor]] * train_spans.MIN_SPEAKER_COUNT
    assert train_spans.speaker_nouns([train_spans.Article("a", text, annotators)], [doc]) == ["critic"]
    assert train_spans.speaker_nouns([train_spans.Article("a", text, annotators[1:])], [doc]) == []


def test_learned_content_is_taken_as_whole_phrases(nlp):
    doc = nlp("The harbour board urged the ministry, in a letter on Friday, to reopen the old northern quay.")
    urged = _token(doc, "urged")
    picked = [_token(doc, w).i for w in ("ministry", "reopen", "northern")]
    whole = _whole_content(doc, picked, urged.i, (0, len(doc)))
    assert whole == list(range(whole[0], whole[-1] + 1))  # no gaps, and on to the end of "quay"'s phrase
    said = "ministry, in a letter on Friday, to reopen the old northern quay"
    assert doc[whole[0] : whole[-1] + 1].text == said


def test_said_words_keep_to_a_noun_cue_s_phrase_and_leave_out_circumstances(nlp):
    doc = nlp("The mayor's criticism of the tram plan angered the council members.")
    criticism = _token(doc, "criticism")
    picked = [_token(doc, w).i for w in ("tram", "plan", "angered")]
    assert [doc[i].text for i in _said_words(criticism, picked)] == ["tram", "plan"]
    doc = nlp("A young pupil wrote a letter to her teacher after he retired.")
    wrote = _token(doc, "wrote")
    picked = [_token(doc, w).i for w in ("letter", "teacher", "retired")]
    assert [doc[i].text for i in _said_words(wrote, picked)] == ["letter", "teacher"]
