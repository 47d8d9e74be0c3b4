"""``clean_document`` end to end with the real embedding model: glued captions and headlines, a foreign
sentence after the title or inside a paragraph, and story sentences that must stay."""

from __future__ import annotations

import pytest

from storyline.clean import KINDS, OfftopicSettings, clean_document
from storyline.clean.offtopic import WORD_VECTORS
from storyline.model import Document

TITLE = "Aldermark says Valdorian engineers are servicing drones on the Sarvik peninsula"

STORY = [
    "Valdorian engineers are servicing and programming Korsak-7 drones on the occupied Sarvik peninsula, "
    "Aldermark's defence ministry said on Thursday.",
    "Ministry spokeswoman Helka Strand said a small number of Valdorian engineers were working at three "
    "launch sites near the port of Kessary.",
    "Aldermark first accused Valdoria of selling the drones to Morvania in the summer. Valdoria has denied "
    "sending any drones.",
    "Strand said the drones had suffered repeated failures in September before the engineers arrived.",
    "Aldermark imposed new sanctions on Valdoria this month over the violent dispersal of student protests "
    "that followed the death of a young activist in police custody.",
    "Her death set off the largest demonstrations in Valdoria in a decade.",
    "Aldermark will present its evidence to the Council of Nations next week, Strand said.",
]


def cleaned(paragraphs: list[str], embedder, words: str = "static") -> Document:
    doc = Document(id="d", source="d.txt", raw_text="\n\n".join([TITLE, *paragraphs]), title=TITLE)
    return clean_document(doc, embedder, OfftopicSettings(words))


def removed(doc: Document) -> list[tuple[str, str]]:
    return [(r.kind, r.text) for r in doc.removed]


@pytest.mark.parametrize("words", WORD_VECTORS)
def test_clean_document_stays_unchanged(embedder, words):
    doc = cleaned(STORY, embedder, words)
    assert doc.removed == []
    assert doc.text == "\n\n".join([TITLE, *STORY])


@pytest.mark.parametrize("words", WORD_VECTORS)
def test_story_sentences_that_drift_in_topic_are_kept(embedder, words):
    doc = cleaned(STORY, embedder, words)
    assert "student protests" in doc.text and "largest demonstrations" in doc.text


def test_caption_glued_inside_a_paragraph_is_removed(embedder):
    glued = (STORY[1] + "A Valdorian Korsak-7 drone on display at an arms fair in Lenhaven on May 3, 2021.  "
             "Korsak-7 and Sarn-3 are the models Valdoria offered, officials told NBN.NBN first reported "
             "the engineers' presence in September.")
    doc = cleaned([STORY[0], glued, *STORY[2:]], embedder)
    assert removed(doc) == [("caption", "A Valdorian Korsak-7 drone on display at an arms fair in Lenhaven "
                                        "on May 3, 2021.")]
    assert "officials told NBN. NBN first reported" in doc.text


def test_headline_fused_to_the_end_of_a_paragraph_is_removed(embedder):
    fused = STORY[3].rstrip(".") + " in their war.The navy admits it sent new anti-ship missiles to Kestria"
    doc = cleaned([*STORY[:3], fused, *STORY[4:]], embedder)
    assert removed(doc) == [("offtopic", "The navy admits it sent new anti-ship missiles to Kestria")]
    assert doc.text.count("\n\n") == len(STORY)


def test_headline_fused_in_front_of_a_sentence_is_removed(embedder):
    sentence = "The ministry said the engineers would stay on the peninsula until the spring."
    fused = STORY[1] + "Local team wins regional chess title " + sentence
    doc = cleaned([STORY[0], fused, *STORY[2:]], embedder)
    assert removed(doc) == [("offtopic", "Local team wins regional chess title")]
    assert STORY[1] + " " + sentence in doc.text


@pytest.mark.parametrize("words", WORD_VECTORS)
def test_unrelated_sentence_after_the_title_is_removed(embedder, words):
    intruder = "The pop star thanked her fans for their patience after the tour dates were moved to spring."
    doc = cleaned([intruder, *STORY], embedder, words)
    assert removed(doc) == [("offtopic", intruder)]
    assert doc.text == "\n\n".join([TITLE, *STORY])


@pytest.mark.parametrize("words", WORD_VECTORS)
def test_unrelated_sentence_inside_a_paragraph_is_removed(embedder, words):
    intruder = ("Scientists have discovered a new species of frog in the cloud forests of the eastern "
                "mountains.")
    doc = cleaned([*STORY[:3], STORY[3] + " " + intruder, *STORY[4:]], embedder, words)
    assert removed(doc) == [("offtopic", intruder)]


def test_every_removal_has_a_known_kind(embedder):
    raw = "\n".join([TITLE, "", TITLE, "56", "By LINA MARSH", "·2 min read", "", *STORY, "",
                     "Post a Comment", "", "Recommended Stories", "", "  • Valdoria denies selling drones",
                     "", "Previous Post Next Post"])
    doc = clean_document(Document(id="d", source="d.txt", raw_text=raw, title=TITLE), embedder)
    assert {r.kind for r in doc.removed} <= set(KINDS)
    assert [r.kind for r in doc.removed] == ["title_duplicate", "counter", "byline", "readtime", "prompt",
                                             "related", "teaser", "navigation"]


def test_without_embedder_only_orthographic_cues_are_used():
    fused = STORY[3].rstrip(".") + " in their war.The navy admits it sent new anti-ship missiles to Kestria"
    intruder = "The pop star thanked her fans for their patience after the tour dates were moved to spring."
    doc = Document(id="d", source="d.txt", raw_text="\n\n".join([TITLE, intruder, fused]), title=TITLE)
    clean_document(doc)
    assert [r.kind for r in doc.removed] == ["offtopic"]
    assert intruder in doc.text


def test_a_batch_cleaned_in_one_embedding_call_matches_each_document_alone(embedder):
    from storyline.embeddings import Embedder
    from storyline.pipeline import _clean

    intruder = "The pop star thanked her fans for their patience after the tour dates were moved to spring."
    raws = ["\n\n".join([TITLE, *STORY]), "\n\n".join([TITLE, intruder, *STORY]), " \n\n "]
    alone = [clean_document(Document(id=f"d{k}", source=f"d{k}.txt", raw_text=raw, title=TITLE), embedder)
             for k, raw in enumerate(raws)]
    errors = []
    batch = _clean([Document(id=f"d{k}", source=f"d{k}.txt", raw_text=raw, title=TITLE)
                    for k, raw in enumerate(raws)], Embedder(), errors)  # its own cache
    assert [(d.text, d.removed) for d in batch] == [(d.text, d.removed) for d in alone if d.text.strip()]
    assert removed(batch[1]) == [("offtopic", intruder)]
    assert [(e.source, e.error) for e in errors] == [("d2.txt", "no text")]
