"""Sentence splitting that keeps abbreviations whole and remembers glued joins."""

from __future__ import annotations

from storyline.clean.sentences import Piece, split_glued_headline, split_pieces


def test_abbreviations_and_initials_do_not_end_sentences():
    text = "The U.S. envoy met Dr. Lind on Jan. 14 in Washington. She left at 4 p.m. on Friday."
    assert [p.text for p in split_pieces(text)] == [
        "The U.S. envoy met Dr. Lind on Jan. 14 in Washington.", "She left at 4 p.m. on Friday."]


def test_glued_sentences_are_split_and_marked():
    text = "the deal was signed on Monday.A drone on display in Lenhaven.  Officials told NBN.NBN said so."
    pieces = split_pieces(text)
    assert [(p.text, p.glued) for p in pieces] == [
        ("the deal was signed on Monday.", False),
        ("A drone on display in Lenhaven.", True),
        ("Officials told NBN.", False),
        ("NBN said so.", True),
    ]


def test_unfinished_glued_piece_is_a_headline_shape():
    last = split_pieces("It will sell hundreds of drones for its war.The navy tests a new missile")[-1]
    assert last.glued and not last.finished


def test_headline_glued_in_front_of_a_sentence_is_cut_at_the_seam():
    piece = Piece("Local team wins regional chess title The opposition called for an inquiry.", glued=True)
    assert split_glued_headline(piece) == ("Local team wins regional chess title",
                                           "The opposition called for an inquiry.")
    assert split_glued_headline(Piece(piece.text, glued=False)) is None
