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
    first, second = claims(
        "Analysts believe the rebels may run out of fuel. "
        "A senior diplomat told the Courier that talks would resume in June."
    )
    assert first.hedged and first.speaker_kind == "anonymous"
    assert second.content == "talks would resume in June" and second.cue == "tell"


def test_pronoun_speaker_resolves_to_the_previous_named_speaker(claims):
    first, second = claims("Mayor Ito Brandt said the bridge was safe. He said repairs would cost little.")
    assert second.speaker == first.speaker == "Mayor Ito Brandt"


def test_relative_clause_is_not_an_attribution(claims):
    assert claims("The plant exports what it believes to be the finest copper in the region.") == []


def test_quotation_across_sentences_and_said_inside(claims):
    [claim] = claims(
        "Harbour master Robert Miller arrived late. “The cranes are down. Nobody is unloading,” "
        "Miller said. “We need a week.”"
    )
    assert claim.speaker_kind == "named_person" and claim.speaker.endswith("Miller")
    assert "cranes are down" in claim.content and "need a week" in claim.content
    assert "Miller said" not in claim.content


def test_ascii_double_apostrophe_quotation_runs_on_after_said(claims):
    [claim] = claims(
        "Dock foreman Ada Quist waited. ''The cranes are down,'' Quist said. ''We need a week of repairs.''"
    )
    assert claim.speaker.endswith("Quist")
    assert "cranes are down" in claim.content and "need a week" in claim.content


def test_said_after_the_statement_and_told(claims):
    first, second = claims(
        "The convoy reached the border at dawn, two customs officers told the Gazette. "
        "The trucks carried grain, they said."
    )
    assert first.speaker == "two customs officers" and first.speaker_kind == "anonymous"
    assert first.content == "The convoy reached the border at dawn"
    assert second.speaker == "two customs officers" and second.content == "The trucks carried grain"


def test_pronoun_it_resolves_to_the_organization(claims):
    first, second = claims(
        "The Port Authority said in a statement that two berths were closed. "
        "It said repairs would take a month."
    )
    assert second.speaker == first.speaker == "The Port Authority"
    assert second.speaker_kind == "organization"


def test_a_thing_that_cannot_speak_is_no_speaker(claims):
    assert claims("The new terminal allows ships to dock at night, which shows how busy the port is.") == []


def test_showing_a_drone_at_a_fair_is_no_claim(claims):
    assert claims("Velmora first showed the Harrow-9 drone at an arms fair in 2029.") == []
    [claim] = claims("Satellite images show that the Harrow-9 drones were moved north.")
    assert claim.content == "the Harrow-9 drones were moved north"


def test_declined_to_say_states_nothing(claims):
    assert claims("Minister Oda Brun declined to say how many drones Tarsis believes Velmora has sold.") == []


def test_since_x_accused_does_not_attribute_the_main_clause(claims):
    [claim] = claims(
        "The Harrow-9 has become the most debated weapon of the war since Tarsis accused Velmora in May "
        "of supplying it to the rebels."
    )
    assert claim.speaker == "Tarsis" and claim.cue == "accuse"
    assert claim.content.startswith("Velmora") and "supplying it to the rebels" in claim.content
    assert "most debated" not in claim.content


def test_a_denial_of_the_allegations_takes_the_allegation(claims):
    found = claims(
        "Velmora has sold forty Harrow-9 drones to the rebels since March, a senior Tarsian official said. "
        "Velmora's trade ministry rejected the allegations as baseless."
    )
    assertion, denial = found
    assert denial.stance == "denies" and denial.speaker_kind == "organization"
    assert denial.content == assertion.content


def test_no_comment_and_nothing_to_add_are_not_denials(claims):
    for text in (
        "Kremlin aide Pavel Orlov said Moscow had made “no comment on the matter.”",
        "Rebel spokesman Ivo Dask said the command had nothing to add.",
        "The governor reported no casualties after the strike, the ministry said.",
    ):
        assert all(c.stance == "asserts" for c in claims(text)), text


def test_dateline_lede_gets_its_speaker(claims):
    [claim] = claims("MARLOW (Coastpress) — Tarsis's navy said on Monday it had sunk two rebel boats.")
    assert claim.speaker == "Tarsis's navy" and claim.content.endswith("it had sunk two rebel boats")


def test_unresolved_he_keeps_the_claim_without_a_speaker(claims):
    [claim] = claims("He said the harbour would reopen.")
    assert claim.speaker is None and claim.speaker_kind == "anonymous"


def test_nationality_with_officials_is_anonymous(claims):
    [claim] = claims("Tarsian officials say the drones were built in Velmora.")
    assert claim.speaker_kind == "anonymous"


def test_broken_quote_is_not_glued(claims):
    [claim] = claims('A source briefed on the talks said "dozens" of Velmoran engineers had arrived.')
    assert claim.content == '"dozens" of Velmoran engineers had arrived'


def test_said_with_a_colon_introduces_the_next_paragraph(claims):
    [claim] = claims(
        "Mayor Ito Brandt spoke for an hour. Brandt said:\n\n“The bridge is safe. We checked it twice.”\n\n"
        "The council then voted."
    )
    assert claim.speaker == "Brandt" and claim.content == "The bridge is safe. We checked it twice"


def test_as_x_noted_attributes_the_main_clause(claims):
    [claim] = claims("The cranes, as Mayor Ito Brandt said, have been idle since May.")
    assert claim.speaker == "Mayor Ito Brandt" and claim.content == "The cranes have been idle since May"


def test_passive_cue_speaks_through_its_agent(claims):
    [claim] = claims("The closure was first reported by the Harbour Gazette.")
    assert claim.speaker == "the Harbour Gazette" and claim.content == "The closure"
    assert claims("The ship was built by Halden Yards in 2029.") == []


def test_evidence_that_is_what_the_speaker_holds(claims):
    [claim] = claims(
        "Tarsian officials have seen Velmora's reliance on the Harrow-9 drones as evidence that Velmora is "
        "struggling to replenish its stockpile."
    )
    assert claim.content == "Velmora is struggling to replenish its stockpile"


def test_support_verbs_and_urging_are_claims(claims):
    [urged] = claims("Senator Ada Voss urged the council to reopen the port.")
    assert urged.speaker == "Senator Ada Voss" and "reopen the port" in urged.content
    assert claims("The Tarsian navy sailed two frigates north on Monday.") == []


def test_a_quotation_opening_with_that_is_no_relative_clause(claims):
    [claim] = claims("“That was the hardest week of the year,” Harbour Master Ines Falk recalled.")
    assert claim.speaker == "Harbour Master Ines Falk"
    assert claim.content == "That was the hardest week of the year"


def test_a_learned_cue_with_an_object_said_by_a_noun_that_heads_sources(claims):
    [claim] = claims("Rival candidates criticized the harbour plan on Monday.")
    assert claim.speaker == "Rival candidates" and claim.cue == "criticize"
    assert claims("The new terminal allows ships to dock at night.") == []


def test_a_conjoined_clause_with_its_own_subject_is_not_negated_by_the_first(claims):
    [claim] = claims("Oda Brun did not run again, and Lene Okafor said the port would reopen in June.")
    assert claim.speaker == "Lene Okafor" and claim.content == "the port would reopen in June"


def test_saying_beside_declined_to_comment_still_says(claims):
    [claim] = claims("A port official declined to comment, saying the fire inquiry was not finished.")
    assert claim.speaker_kind == "anonymous" and "fire inquiry was not finished" in claim.content


def test_a_cue_inside_a_relative_clause_says_something_of_the_noun(claims):
    found = claims("The inquiry, which the harbour authority said was still open, has cost the port dearly.")
    assert [(c.speaker, c.content) for c in found] == [
        ("the harbour authority", "The inquiry was still open")
    ]


def test_an_appositive_after_the_cue_is_no_part_of_the_speaker(claims):
    [claim, *_] = claims(
        "Okafor further alleges that he was fired for taking time off to fulfil his duties, a claim that the "
        "harbour board strongly disputes."
    )
    assert claim.speaker == "Okafor"
    assert claim.content == "he was fired for taking time off to fulfil his duties"


def test_a_quotation_ended_by_an_exclamation_belongs_to_the_cue_after_it(claims):
    found = claims("“The bridge will never open again!” the harbour master said.")
    assert [(c.speaker, c.content) for c in found] == [
        ("the harbour master", "The bridge will never open again!")
    ]


def test_a_wh_word_of_a_clause_of_its_own_asks_nothing(claims):
    [claim] = claims("What's more, the new bridge will cost far less than planned, the engineers say.")
    assert claim.speaker == "the engineers" and "the new bridge will cost far less" in claim.content


def test_that_inside_a_quotation_before_an_inverted_speaker_is_no_relative_pronoun(claims):
    [claim] = claims(
        "“Any pilot working on the river probably needs to earn money while they train for the exam — "
        "sometimes that includes night shifts and that’s not necessarily a conflict,” said harbour spokesman "
        "Ole Brandt."
    )
    assert claim.speaker == "harbour spokesman Ole Brandt" and claim.content.startswith("Any pilot")


def test_a_quotation_goes_on_past_a_question(claims):
    [claim] = claims(
        "“The ferries are late again,” said harbour spokesman Ole Brandt. “Who pays? It is the passengers.”"
    )
    assert claim.speaker == "harbour spokesman Ole Brandt" and "It is the passengers" in claim.content


def test_a_quotation_goes_on_past_a_claim_that_quotes_nothing(claims):
    found = claims(
        "“The ferries are late again,” Ole Brandt said, referring to the harbour board. "
        "“They have not kept one timetable this year.”"
    )
    assert any("kept one timetable" in c.content and c.speaker == "Ole Brandt" for c in found)


def test_a_place_before_a_colon_labels_a_topic_and_says_nothing(claims):
    assert claims("Norway: Teenage Sailor From Bergen Killed In Harbour Fire") == []
    assert claims("Portugal: Missing Ferry Sparks Security Concerns") == []
    [claim] = claims("Strand: Valdoria sent the drones in June")
    assert claim.speaker == "Strand"


def test_a_person_the_document_names_or_a_speaking_noun_before_a_colon_speaks(claims):
    # the parser hangs "No outside pressure ..." on "Okafor" as on a topic label's word
    found = claims("Okafor: No outside pressure on inquiry.\n\nHarbour minister Lene Okafor spoke on Monday.")
    assert [(c.speaker, c.content) for c in found] == [("Okafor", "No outside pressure on inquiry")]
    [claim] = claims("Insiders: Okafor will survive the vote.")
    assert claim.speaker == "Insiders" and claim.speaker_kind == "anonymous"
    assert claim.content == "Okafor will survive the vote"


def test_a_fact_that_means_something_is_the_writers_inference(claims):
    assert claims("The harbour's reopening means the ferries will run again by May.") == []
    [claim] = claims("“I meant the ferries will run by May,” Okafor said.")
    assert claim.speaker == "Okafor" and "ferries will run by May" in claim.content


def test_first_person_inside_a_quotation_is_the_quotations_speaker(claims):
    found = claims(
        "Mayor Ito Brandt opened the bridge on Monday. "
        "“I think the harbour will reopen by May,” said port director Lene Okafor."
    )
    assert [c.speaker for c in found] == ["port director Lene Okafor"]
    assert "harbour will reopen" in found[0].content


def test_quotation_goes_on_past_a_first_person_cue(claims):
    [claim] = claims(
        "“The harbour reopens in May,” port director Lene Okafor said. “And I know the crews are ready.”"
    )
    assert claim.speaker == "port director Lene Okafor"
    assert "crews are ready" in claim.content


def test_clause_joined_to_the_cue_goes_on_with_the_statement(claims):
    [claim] = claims(
        "Lene Okafor said the harbour would reopen in May, but she does not expect cruise ships before July."
    )
    assert claim.content.startswith("the harbour would reopen") and "cruise ships" in claim.content
    [claim] = claims("Lene Okafor said the harbour would reopen in May, and there was no money for a dock.")
    assert "no money for a dock" in claim.content


def test_quoted_question_with_its_speaker_is_a_claim(claims):
    [claim] = claims("Lene Okafor said the dredging was late and asked, “Who is going to pay for it now?”")
    assert claim.speaker == "Lene Okafor" and "dredging was late" in claim.content
    assert claims("Who is going to pay for the dredging now?") == []


def test_regarded_as_is_the_speakers_judgement(claims):
    [claim] = claims("Harbour pilots see the new breakwater as a danger to small boats.")
    assert (
        claim.speaker == "Harbour pilots" and claim.content == "the new breakwater as a danger to small boats"
    )
    assert claims("Lene Okafor saw the breakwater as she drove past.") == []
    assert claims("Velmora may see the breakwater as a threat.") == []


def test_what_a_poll_shows_or_finds(claims):
    first, second = claims(
        "A new Courier poll shows Okafor and Brandt in a dead heat. "
        "A recent harbour survey found 70 percent support for the breakwater."
    )
    assert first.speaker == "A new Courier poll" and "dead heat" in first.content
    assert second.cue == "find" and second.content.startswith("70 percent support")
    assert claims("Divers found a crack in the breakwater.") == []


def test_poll_before_the_main_clause_states_it(claims):
    found = claims("In a Courier poll released Sunday, most residents backed the breakwater.")
    assert ("a Courier poll released Sunday", "most residents backed the breakwater") in [
        (c.speaker, c.content) for c in found
    ]
    assert claims("Three wrecks were listed in the harbour survey.") == []


def test_poll_after_the_main_clause_states_it(claims):
    found = claims("Mayor Ilse Roth leads her rival by nine points in the Courier survey.")
    assert ("the Courier survey", "Mayor Ilse Roth leads her rival by nine points") in [
        (c.speaker, c.content) for c in found
    ]
    assert claims("The ferry operator was named in the harbour report.") == []


def test_statement_after_a_refusal_is_a_claim(claims):
    [claim] = claims(
        "Chairman Ito Brandt declined to name the delegates but said one was a supporter of the plan."
    )
    assert claim.speaker == "Chairman Ito Brandt" and claim.content == "one was a supporter of the plan"


def test_quotation_goes_on_into_a_sentence_that_ends_in_it(claims):
    [claim] = claims(
        "“The harbour reopens in May,” Lene Okafor said. "
        "Unless the storms return, “nothing will stop the ferries and the cargo ships this year.”"
    )
    assert "cargo ships" in claim.content


def test_possessive_owner_of_a_statement_noun_is_resolved(claims):
    found = claims(
        "Mayor Ito Brandt visited the dam on Monday. His warning that the dam could fail went unheeded."
    )
    assert [(c.speaker, c.content) for c in found] == [("Ito Brandt", "the dam could fail")]
