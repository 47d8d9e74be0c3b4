"""Texts rebuilt from tokens are joined back; ordinary copy is left alone."""

from __future__ import annotations

from storyline.clean import clean_document
from storyline.clean.tokens import detokenize, is_tokenized
from storyline.model import Document

TOKENIZED = (
    "Peru 's President told reporters at 7: 35 am that the talks would go on .\n"
    '" We do n\'t negotiate with hostage takers , " he said ( AP ) .\n'
    "Officials in the U.S. , the spokesman added , were kept informed ."
)


def test_tokenized_text_is_recognised_and_joined():
    assert is_tokenized(TOKENIZED)
    assert detokenize(TOKENIZED).splitlines() == [
        "Peru's President told reporters at 7:35 am that the talks would go on.",
        '"We don\'t negotiate with hostage takers," he said (AP).',
        "Officials in the U.S., the spokesman added, were kept informed.",
    ]


def test_ordinary_copy_is_not_tokenized():
    text = ("The mayor said on Tuesday that the ferry would run at 7:35 a.m. , as before. "
            + "Residents (about 400 of them) signed the petition, organisers said. " * 3
            + "Ferry's timetable ( winter ) stays.")
    assert not is_tokenized(text)


def test_clean_document_detokenizes_text_and_title_without_removals():
    doc = Document(id="t", source="t.txt", raw_text="Peru , Japan talks stall .\n\n" + TOKENIZED,
                   title="Peru , Japan talks stall .")
    clean_document(doc)
    assert doc.title == "Peru, Japan talks stall."
    assert "Peru's President told reporters at 7:35 am" in doc.text
    assert doc.removed == []
