"""The cue model: its features on real parses of invented sentences, fitting, and the committed weights."""

from __future__ import annotations

from storyline.claims import train_cues
from storyline.claims.cues import candidate, cue_model, features, speaker_class


def _token(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


def test_features_tell_the_frame_the_speaker_and_quotes(nlp):
    said = _token(nlp, "“The bridge is safe,” Ito Brandt said on Monday.", "said")
    found = features(said)
    assert "s=person" in found and "q" in found and "l=say" in found
    warned = _token(nlp, "The harbour authority warned that the cranes were failing.", "warned")
    assert "f=clause" in features(warned) and "that" in features(warned)
    asked = _token(nlp, "The senator asked whether the port would reopen.", "asked")
    assert "wh" in features(asked)



def test_features_name_what_the_word_governs(nlp):
    called = features(_token(nlp, "Senator Ada Voss called for a sea wall.", "called"))
    assert "o=prep|for+wall" in called and "lo=call|prep|for+wall" in called
    refused = features(_token(nlp, "The harbour master refused to disclose the budget.", "refused"))
    assert "lo=refuse|xcomp|disclose" in refused
    sailed = features(_token(nlp, "Voss sailed to Tarsia.", "Voss"))
    assert not any(f.startswith(("o=", "lo=")) for f in sailed)  # a noun governing nothing after it

def test_auxiliaries_are_no_candidates(nlp):
    doc = nlp("The council has learned that the mayor resigned.")
    assert [t.text for t in doc if candidate(t)] == ["council", "learned", "mayor", "resigned"]


def test_speaker_classes(nlp):
    doc = nlp("He said that two officials and Kestria met the Harbour Trust.")
    assert speaker_class(doc[0]) == "pron_person"
    assert speaker_class(next(t for t in doc if t.text == "officials")) == "anonymous"
    assert speaker_class(None) == "none"


def test_fit_learns_a_cue_word_and_drops_rare_features():
    rows = [["bias", "l=urge", "s=person"]] * 20 + [["bias", "l=sail", "s=person"]] * 20 + [["bias", "l=x"]]
    labels = [1] * 20 + [0] * 21
    weights = train_cues.fit(rows, labels, penalty=10.0)
    assert weights["l=urge"] > 0 > weights.get("l=sail", -1.0)
    assert "l=x" not in weights  # seen once: below MIN_COUNT


def test_committed_model_tells_a_stance_from_an_event(nlp):
    model = cue_model()
    urged = _token(nlp, "Senator Ada Voss urged the council to reopen the port.", "urged")
    endorsed = _token(nlp, "The Harbour Workers Union endorsed Ada Voss for mayor.", "endorsed")
    sailed = _token(nlp, "The Tarsian navy sailed two frigates north on Monday.", "sailed")
    assert model.probability(urged) > 0.5 and model.probability(endorsed) > 0.5
    assert model.probability(sailed) < 0.3
