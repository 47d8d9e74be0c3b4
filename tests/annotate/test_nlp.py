"""The spaCy pipeline as the annotate stage loads and batches it."""

from __future__ import annotations

from storyline.annotate.entities import CORRECTOR
from storyline.annotate.nlp import parse


def test_pipeline_keeps_what_claims_need_and_corrects_after_ner(nlp):
    names = nlp.pipe_names
    assert {"parser", "lemmatizer"} <= set(names)
    assert names.index(CORRECTOR) == names.index("ner") + 1


def test_parse_keeps_order_and_gazetteer_ids_across_processes(nlp):
    texts = [f"Report {i}: Russia fired Kh-101 missiles at Crimea and the U.S. objected." for i in range(6)]
    batched = [[(e.text, e.label_, e.ent_id_) for e in d.ents]
               for d in nlp.pipe(texts, batch_size=2, n_process=2)]
    assert batched == [[(e.text, e.label_, e.ent_id_) for e in d.ents] for d in parse(texts)]
    assert ("U.S.", "GPE", "United States") in batched[-1]
    assert [d.text for d in parse(texts)] == texts


LONG_STORY = "\n\n".join(
    f"Union leader Mara Voss said on Tuesday that cargo traffic in Port Alda fell by {n} percent in March. "
    f"\"We will not go back without a written offer,\" she told reporters at the northern terminal {n}."
    for n in range(12))


def test_a_long_text_is_parsed_in_pieces_into_one_doc_with_the_same_analysis(nlp):
    from storyline.textcut import pieces

    parts = pieces(LONG_STORY, 300)
    assert len(parts) > 5 and "".join(parts) == LONG_STORY and all(len(p) <= 300 for p in parts)
    assert all(p.endswith("\n\n") for p in parts[:-1])  # cut at paragraph breaks
    (whole,), (joined,) = parse([LONG_STORY], chunk_chars=100_000), parse([LONG_STORY], chunk_chars=300)
    assert joined.text == LONG_STORY
    assert [(e.start_char, e.end_char, e.label_) for e in joined.ents] == [
        (e.start_char, e.end_char, e.label_) for e in whole.ents]
    assert [s.start_char for s in joined.sents] == [s.start_char for s in whole.sents]
    # the tagger looks a few tokens across a paragraph break: the first word of a piece may differ slightly
    pairs = zip(joined, whole, strict=True)
    same = sum((a.dep_, a.head.i, a.tag_) == (b.dep_, b.head.i, b.tag_) for a, b in pairs)
    assert same >= 0.97 * len(whole)


def test_a_line_longer_than_a_piece_is_cut_at_sentence_ends_or_spaces():
    from storyline.textcut import pieces

    line = "The port said cargo fell. " * 50 + "x" * 700
    parts = pieces(line, 200)
    assert "".join(parts) == line and all(len(p) <= 200 for p in parts)
    assert all(p.endswith(". ") for p in parts[:6])
