"""Dated events (who did what to whom, where, when) and the story's timeline, by event date."""

from __future__ import annotations

from storyline.annotate.dates import contract_date
from storyline.model import Annotation, Event, TimelineEntry
from storyline.timeline_vocabulary import EVENT_TYPES

PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}


def events_of(spacy_doc, annotation: Annotation) -> list[Event]:
    """Events of one document: a sentence with a resolved date and an event verb from the vocabulary."""
    events: list[Event] = []
    sents = [s for s in spacy_doc.sents if s.text.strip()]
    for index, sent in enumerate(sents):
        times = [t for t in annotation.times if t.sentence == index]
        if not times:
            continue
        for token in sent:
            event_type = EVENT_TYPES.get(token.lemma_.lower()) if token.pos_ == "VERB" else None
            if not event_type:
                continue
            actor = next((c for c in token.children if c.dep_ == "nsubj"), None)
            target = next((c for c in token.children if c.dep_ in ("dobj", "dative")), None)
            location = next(
                (m.text for m in annotation.mentions
                 if m.sentence == index and m.label in ("GPE", "LOC") and "metonymy" not in m.attributes),
                None,
            )
            date, precision = event_date(annotation, index)
            events.append(
                Event(
                    id=f"{annotation.document}:v{len(events) + 1}",
                    date=date,
                    date_precision=precision,
                    type=event_type,
                    actor=_phrase(actor),
                    target=_phrase(target),
                    location=location,
                    text=sent.text.strip(),
                    documents=[annotation.document],
                    sentence=index,
                )
            )
            break
    return events


def _phrase(token) -> str | None:
    if token is None:
        return None
    doc = token.doc
    return doc[token.left_edge.i : token.right_edge.i + 1].text


def event_date(annotation: Annotation, sentence: int) -> tuple[str | None, str]:
    """Date and precision of a sentence's most precise resolved time expression, in the dossier's form."""
    dated = [contract_date(t) for t in annotation.times if t.sentence == sentence and t.value]
    dated = [d for d in dated if d[0]]
    if not dated:
        return None, "unknown"
    return min(dated, key=lambda d: PRECISION_RANK[d[1]])


def redate_events(annotation: Annotation) -> None:
    """Dates of events again, after the document's reference date was estimated."""
    for event in annotation.events:
        event.date, event.date_precision = event_date(annotation, event.sentence)


def build_timeline(
    annotations: list[Annotation], claims_by_sentence: dict[tuple[str, int], list[str]], same_text
) -> list[TimelineEntry]:
    """Entries for every sentence of the story with a resolved date, merged across copies, by date."""
    entries: list[TimelineEntry] = []
    by_date: dict[str, list[TimelineEntry]] = {}  # only entries of one date can be the same event
    for annotation in annotations:
        sentence_text = {s.index: s.text for s in annotation.sentences}
        for index in sorted({t.sentence for t in annotation.times if t.value}):
            date, precision = event_date(annotation, index)
            if date is None:
                continue
            text = sentence_text.get(index, "")
            groups = claims_by_sentence.get((annotation.document, index), [])
            existing = next((e for e in by_date.get(date, []) if same_text(e.text, text)), None)
            if existing:
                existing.documents = sorted(set(existing.documents) | {annotation.document})
                existing.claim_groups = sorted(set(existing.claim_groups) | set(groups))
                continue
            entry = TimelineEntry(date, precision, text, [annotation.document], list(groups))
            entries.append(entry)
            by_date.setdefault(date, []).append(entry)
    entries.sort(key=lambda e: (e.date, PRECISION_RANK[e.precision]))
    return entries
