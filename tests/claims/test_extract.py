"""Attributed claims from real spaCy parses of invented wire-style sentences."""

from __future__ import annotations

import pytest

from storyline.annotate import annotate
from storyline.claims.extract import claims_of
from storyline.model import Document


@pytest.fixture
def claims(nlp):
    def _claims(text: str, published: str | None = "2031-05-08"):
        doc = Document(id="d", source="d.txt", raw_text=text, text=text, published=published)
        parsed = nlp(text)
        return claims_of(parsed, annotate(doc, parsed))

    return _claims


def test_named_official_with_title(claims):
    [claim] = claims("Harbour Ministry spokeswoman Lene Okafor said on Tuesday that the port would reopen.")
    assert claim.speaker == "Harbour Ministry spokeswoman Lene Okafor"
    assert claim.speaker_kind == "named_person"
    assert claim.cue == "say" and claim.stance == "asserts" and not claim.hedged
    assert claim.content == "the port would reopen"
    assert claim.date == "2031-05-06"


def test_anonymous_sources(claims):
    [claim] = claims("The navy moved two frigates north, according to three officials who know the plan.")
    assert claim.speaker_kind == "anonymous" and claim.cue == "according to"
    assert "frigates" in claim.content and "according" not in claim.content


def test_denial_keeps_its_subject(claims):
    [claim] = claims("Velmora has denied shipping rockets to the rebels.")
    assert claim.stance == "denies" and claim.speaker == "Velmora"
    assert claim.content.startswith("Velmora shipping rockets")


def test_hedged_belief_and_listener_left_out(claims):
    first, second = claims("Analysts believe the rebels may run out of fuel. "
                           "A senior diplomat told the Courier that talks would resume in June.")
    assert first.hedged and first.speaker_kind == "anonymous"
    assert second.content == "talks would resume in June" and second.cue == "tell"


def test_pronoun_speaker_resolves_to_the_previous_named_speaker(claims):
    first, second = claims("Mayor Ito Brandt said the bridge was safe. He said repairs would cost little.")
    assert second.speaker == first.speaker == "Mayor Ito Brandt"


def test_relative_clause_is_not_an_attribution(claims):
    assert claims("The plant exports what it believes to be the finest copper in the region.") == []
