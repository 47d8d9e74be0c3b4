"""Sentences, entities, time expressions and quantities of cleaned documents."""

from __future__ import annotations

from storyline.annotate import dates, entities, quantities
from storyline.model import Annotation, Document, Sentence


def annotate(doc: Document, spacy_doc) -> Annotation:
    """The annotation of one cleaned document from its spaCy parse."""
    spans = [s for s in spacy_doc.sents if s.text.strip()]
    sentences = [Sentence(index=i, start=s.start_char, end=s.end_char, text=s.text.strip())
                 for i, s in enumerate(spans)]
    annotation = Annotation(document=doc.id, sentences=sentences, reference_date=doc.published)
    annotation.mentions = entities.mentions(spacy_doc, sentences)
    annotation.times = dates.find_times(sentences, doc.published)
    annotation.quantities = quantities.find_quantities(sentences)
    return annotation
