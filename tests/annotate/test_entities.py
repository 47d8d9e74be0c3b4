"""Entities with the real spaCy model: gazetteer corrections, unseen designations, canonical entities,
metonymy and speaker linking, on invented texts in the style of the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.annotate.entities import (
    canonical_entities,
    link_speakers,
    mentions,
    normal_form,
    read_gazetteer,
    spellings,
)
from storyline.model import Annotation, Claim, Document, Sentence

SEEDS = Path("/work/shared/corpus/seeds")


def annotation_of(nlp, document: str, text: str) -> Annotation:
    spacy_doc = nlp(text)
    sentences = [Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(spacy_doc.sents)]
    return Annotation(document=document, sentences=sentences, mentions=mentions(spacy_doc, sentences))


def found(annotation: Annotation) -> set[tuple[str, str]]:
    return {(m.text, m.label) for m in annotation.mentions}


def entity_named(entities, name):
    return next(e for e in entities if e.name == name)


def test_gazetteer_equipment_in_its_spellings(nlp):
    annotation = annotation_of(
        nlp, "d1",
        "Ukraine asked for F-16s and HIMARS, while Russia fired Kh-101 cruise missiles. "
        "The Mohajer 6 and the Shaheds were seen over Kherson Oblast.",
    )
    canonical = {m.text: m.attributes.get("canonical") for m in annotation.mentions if m.label == "EQUIPMENT"}
    assert canonical == {"F-16s": "F-16", "HIMARS": "HIMARS", "Kh-101": "Kh-101", "Mohajer 6": "Mohajer-6",
                         "Shaheds": "Shahed"}
    assert ("Kherson Oblast", "GPE") in found(annotation)


def test_place_the_model_calls_an_organization_is_a_place(nlp):
    annotation = annotation_of(nlp, "d1", "Iran has sent trainers to Crimea to train Russian troops.")
    assert ("Crimea", "GPE") in found(annotation)
    assert ("Russian", "NORP") in found(annotation)


def test_a_longer_model_entity_keeps_its_name(nlp):
    annotation = annotation_of(nlp, "d1", "The Crimea Bridge was hit on Saturday.")
    assert "Crimea Bridge" in {m.text for m in annotation.mentions}
    assert ("Crimea", "GPE") not in found(annotation)


def test_unseen_designation_next_to_a_weapon_noun(nlp):
    annotation = annotation_of(
        nlp, "d1", "Valdoria shipped 40 Korsak-7 loitering drones and a handful of Sarn 3 drones to Morvania."
    )
    assert {("Korsak-7", "EQUIPMENT"), ("Sarn 3", "EQUIPMENT")} <= found(annotation)


def test_ambiguous_equipment_name_needs_a_weapon_noun(nlp):
    annotation = annotation_of(nlp, "d1", "The Lancet published a study. Lancet drones hit a depot.")
    equipment = [m for m in annotation.mentions if m.label == "EQUIPMENT"]
    assert [(m.text, m.sentence) for m in equipment] == [("Lancet", 1)]


def test_person_short_names_and_titles_join_one_entity(nlp):
    first = annotation_of(
        nlp, "a",
        "Foreign Ministry spokesman Daniel Hargrove said on Monday that Valdoria had received drones. "
        "Hargrove said the shipments began in August.",
    )
    second = annotation_of(nlp, "b", "Mr. Hargrove's office told reporters that the drones had arrived.")
    entities = canonical_entities([first, second])
    person = entity_named(entities, "Daniel Hargrove")
    assert person.type == "PERSON"
    assert person.aliases == ["Hargrove"]
    assert person.documents == ["a", "b"]
    assert person.mentions == 3
    assert person.attributes["titles"] == ["Foreign Ministry spokesman"]
    assert not any(e.name == "Hargrove" for e in entities)


def test_title_in_apposition_after_the_name(nlp):
    annotation = annotation_of(
        nlp, "a", "Elena Varga, the deputy defence minister of Valdoria, said the drones were Iranian-made."
    )
    person = entity_named(canonical_entities([annotation]), "Elena Varga")
    assert person.attributes["titles"] == ["deputy defence minister of Valdoria"]


def test_apposition_title_without_article_numbers_or_pronouns(nlp):
    def titles(text):
        found_mentions = annotation_of(nlp, "b", text).mentions
        return [m.attributes.get("title") for m in found_mentions if m.label == "PERSON"]

    assert titles("Eran Tolkov, an editor at Voice of Valdoria, said so.") == ["editor at Voice of Valdoria"]
    assert titles("Gill Ardent, 31, joined the unit.") == [None]


def test_country_written_three_ways_is_one_entity(nlp):
    annotation = annotation_of(
        nlp, "a", "The U.S. said on Monday that the US would act. The United States has sent aid."
    )
    country = entity_named(canonical_entities([annotation]), "United States")
    assert country.type == "GPE"
    assert country.aliases == ["U.S.", "US"]
    assert country.mentions == 3


def test_capital_standing_for_its_government_counts_under_the_country(nlp):
    annotation = annotation_of(
        nlp, "a",
        "Tehran denies supplying the drones. Relations between Moscow and Tehran have deepened. "
        "The delegation landed in Tehran on Monday.",
    )
    metonymy = [(m.text, m.attributes.get("metonymy")) for m in annotation.mentions if m.label == "GPE"]
    assert metonymy == [("Tehran", "Iran"), ("Moscow", "Russia"), ("Tehran", "Iran"), ("Tehran", None)]
    entities = canonical_entities([annotation])
    iran, tehran = entity_named(entities, "Iran"), entity_named(entities, "Tehran")
    assert (iran.mentions, iran.attributes["metonyms"], iran.aliases) == (2, ["Tehran"], [])
    assert tehran.mentions == 1
    assert all(m.key == iran.id for m in annotation.mentions if m.attributes.get("metonymy") == "Iran")


def test_speakers_link_to_entities(nlp):
    annotation = annotation_of(
        nlp, "a",
        "Foreign Ministry spokesman Daniel Hargrove said the drones had arrived. "
        "Tehran denies supplying the drones. "
        "Iran's foreign ministry said the report was false. "
        "He said more details would follow. "
        "A Valdorian official said the shipments continued.",
    )
    entities = canonical_entities([annotation])
    speakers = ["Foreign Ministry spokesman Daniel Hargrove", "Tehran", "Iran's foreign ministry", "He",
                "A Valdorian official"]
    kinds = ["named_person", "organization", "organization", "named_person", "anonymous"]
    claims = [Claim(id=f"a:c{i}", document="a", text="", content="", speaker=speaker, speaker_kind=kind,
                    cue="say", stance="asserts", hedged=False, sentence=i)
              for i, (speaker, kind) in enumerate(zip(speakers, kinds, strict=True))]
    link_speakers(claims, [annotation], entities)
    names = {e.id: e.name for e in entities}
    assert [names.get(c.speaker_entity) for c in claims] == [
        "Daniel Hargrove", "Iran", "Iran", "Daniel Hargrove", None
    ]


def test_pronoun_speaker_is_the_person_named_just_before(nlp):
    annotation = annotation_of(
        nlp, "a", "Daniel Hargrove met the envoy on Monday. He said more details would follow."
    )
    entities = canonical_entities([annotation])
    claim = Claim(id="a:c1", document="a", text="", content="", speaker="He", speaker_kind="named_person",
                  cue="say", stance="asserts", hedged=False, sentence=1)
    link_speakers([claim], [annotation], entities)
    assert claim.speaker_entity == entity_named(entities, "Daniel Hargrove").id


def test_spellings_and_normal_forms_of_designations():
    assert spellings("Mohajer-6") == ["Mohajer 6", "Mohajer 6s", "Mohajer-6", "Mohajer-6s", "Mohajer6",
                                      "Mohajer6s"]
    assert spellings("Crimea") == ["Crimea"]
    assert normal_form("Mohajer 6") == normal_form("Mohajer-6") == "mohajer6"
    assert normal_form("the U.S.") == normal_form("US")


def test_user_gazetteer_adds_and_replaces_entries(tmp_path, monkeypatch):
    user = tmp_path / "mine.jsonl"
    user.write_text(
        json.dumps({"name": "Korsak-7", "label": "EQUIPMENT", "kind": "drone", "aliases": ["Korsaks"]}) + "\n"
        + json.dumps({"name": "Valdoria", "label": "GPE", "demonyms": ["Valdorian", "Valdorians"]}) + "\n",
        encoding="utf-8",
    )
    names = read_gazetteer([user])
    assert names.lookup("Korsak 7").attributes == {"kind": "drone"}
    assert names.lookup("Valdorians").label == "NORP"
    assert names.lookup("Valdorians").attributes == {"country": "Valdoria"}

    monkeypatch.setenv("STORYLINE_GAZETTEERS", str(tmp_path))
    from storyline.annotate.entities import gazetteer_paths

    assert gazetteer_paths()[-1] == user


def test_bad_gazetteer_line_names_its_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"name": "Valdoria", "label": "GPE"}\n{"label": "GPE"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl:2"):
        read_gazetteer([path])


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are in /work/shared")
def test_seed_story_entities():
    """The three seeds as one story, through ingest, clean and annotate as the pipeline runs them."""
    from storyline.ingest import read_inputs
    from storyline.pipeline import analyse

    docs = [r for r in read_inputs([str(SEEDS)]) if isinstance(r, Document)]
    analysed, errors = analyse(docs)
    assert not errors
    entities = canonical_entities([a for _, a, _ in analysed])
    persons = {e.name: e for e in entities if e.type == "PERSON"}
    for person in ("John Kirby", "Vedant Patel", "Jake Sullivan", "Dmitry Peskov"):
        assert person.split()[-1] in persons[person].aliases
    assert not {"Kirby", "Patel", "Sullivan", "Peskov"} & set(persons)
    assert entity_named(entities, "Crimea").type == "GPE"
    equipment = {n for e in entities if e.type == "EQUIPMENT" for n in (e.name, *e.aliases)}
    assert {"Mohajer-6", "Shahed-129", "Shahed-191", "Orlan-10", "Bayraktar", "Gray Eagle"} <= equipment


def test_a_speaker_resolved_from_a_pronoun_links_to_the_earlier_name(nlp):
    annotation = annotation_of(
        nlp, "a", "Harbour Ministry spokeswoman Lene Okafor met reporters. The port would reopen, she said."
    )
    entities = canonical_entities([annotation])
    claim = Claim(id="a:c1", document="a", text="", content="",
                  speaker="Harbour Ministry spokeswoman Lene Okafor",
                  speaker_kind="named_person", cue="say", stance="asserts", hedged=False, sentence=1)
    link_speakers([claim], [annotation], entities)
    assert claim.speaker_entity == entity_named(entities, "Lene Okafor").id


def test_unfamiliar_demonyms_and_places_are_not_persons(nlp):
    annotation = annotation_of(
        nlp, "a",
        "The drones hit Kestria overnight. Kestrian air defences shot down most of them. "
        "Foreign minister Ana Dunmore flew to Lenhaven. The talks in Lenhaven went on for hours.",
    )
    assert ("Kestrian", "PERSON") in {(m.text, m.label) for m in annotation.mentions}  # the model's guess
    types = {e.name: e.type for e in canonical_entities([annotation])}
    assert types["Kestrian"] == "NORP" and types["Ana Dunmore"] == "PERSON"
