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
