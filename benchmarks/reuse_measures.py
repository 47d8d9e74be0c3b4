"""Could a build reuse what it already computed instead of parsing claim contents and embedding event texts
again (issue 11)? Measurement only, over stores that ``storyline build`` wrote:

    python benchmarks/reuse_measures.py STORE [STORE ...]

- Claim contents: each content's reading (``ClaimReading``) from its own parse, as the build makes it,
  against the reading of its span in the document's parse (``Span.as_doc``): how many contents are one
  span of the document, how many of their readings are identical, and the first differing ones.
- Event texts: how many event vectors ``timeline.story_events`` can read (every event of a story of several
  originals with at least three events, for the background check; elsewhere the events in a pair its rules
  would compare: same type, overlapping dates; copies and their originals of one type), and how many of a
  story's events and timeline entries change when the event's sentence vector, or the static table's
  vector of its text, stands in for its clause's contextual vector (the timeline's cuts as they are)."""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from storyline.annotate import annotate, dates
from storyline.annotate.nlp import parse
from storyline.claims.discrepancies import quantity_roles
from storyline.claims.extract import claims_of
from storyline.claims.groups import proposition_of, read_claims
from storyline.embeddings import embedder, static_embedder
from storyline.events import redate_events
from storyline.model import ClaimReading, Event
from storyline.store import Store
from storyline.timeline import _overlap, _root, build_timeline, story_events

SHOWN = 10


def span_reading(claim_id: str, span) -> ClaimReading:
    """What grouping would read of a content from its span of the document's parse."""
    doc = span.as_doc()
    found = proposition_of(doc)
    return ClaimReading(claim_id, sorted(found.entities), sorted(found.predicates), sorted(found.negated),
                        found.anaphoric, found.refutes, [list(r) for r in quantity_roles(doc)])


def claim_readings(store: Store) -> None:
    docs = store.documents()
    total = spans = same = 0
    shown = []
    for doc, parsed in zip(docs, parse([d.text for d in docs]), strict=True):
        claims = claims_of(parsed, annotate(doc, parsed))
        for claim, alone in zip(claims, read_claims(claims), strict=True):
            total += 1
            start = parsed.text.find(claim.content)
            span = parsed.char_span(start, start + len(claim.content)) if start >= 0 else None
            if span is None:
                continue
            spans += 1
            reading = span_reading(claim.id, span)
            same += reading == alone
            if reading != alone and len(shown) < SHOWN:
                shown.append(f"    {claim.content[:90]!r}\n      alone {alone.entities} {alone.predicates}"
                             f"\n      span  {reading.entities} {reading.predicates}")
    print(f"  claims {total}; content one span of the document {spans}; readings identical {same}")
    print("\n".join(shown))


def _compared(a: Event, b: Event) -> bool:
    """A pair ``story_events`` compares by vector: same type, both dated and overlapping, or both not."""
    if a.type != b.type or (a.date is None) != (b.date is None):
        return False
    return a.date is None or _overlap(a, b)


def read_vectors(events: list[Event], root: dict[str, str]) -> set[int]:
    """Indices of the events whose vectors ``story_events`` may read (an upper bound)."""
    originals = [i for i, e in enumerate(events) if root[e.documents[0]] == e.documents[0]]
    if len(originals) >= 3 and len(set(root.values())) >= 2:
        return set(range(len(events)))
    needed: set[int] = set()
    for k, i in enumerate(originals):
        pairs = [j for j in originals[:k] if _compared(events[j], events[i])]
        needed.update([i, *pairs] if pairs else [])
    for i in set(range(len(events))) - set(originals):
        same_type = [j for j in originals if events[j].type == events[i].type]
        needed.update([i, *same_type] if same_type else [])
    return needed


def story_timeline(store: Store, story_id: str, vectors_of: str) -> tuple[int, set, set]:
    """The story's event count, its events (id, documents, background) and timeline entries with the
    event vectors ``vectors_of`` says: "clause" (as built), "sentence" or "static"."""
    ids = store.story_documents(story_id)
    docs = {d.id: d for d in store.documents(ids)}
    annotations = store.annotations(ids)
    dates.infer_references([docs[d] for d in ids], annotations)
    for annotation in annotations.values():
        if annotation.reference_inferred:
            redate_events(annotation)
    events = [e for d in ids for e in annotations[d].events]
    if not events:
        return 0, set(), set()
    if vectors_of == "sentence":
        texts = [annotations[e.documents[0]].sentences[e.sentence].text for e in events]
    else:
        texts = [e.text for e in events]
    vectors = (static_embedder() if vectors_of == "static" else embedder()).encode(texts)
    told, keys = story_events(events, docs, np.asarray(vectors))
    entries = build_timeline(told, keys, {})
    return (len(events), {(e.id, tuple(e.documents), e.background) for e in told},
            {(t.date, t.text, tuple(t.documents), t.background) for t in entries})


def event_vectors(store: Store) -> None:
    events = read = 0
    changed = {"sentence": [0, 0], "static": [0, 0]}
    told_total = entries_total = 0
    for story in store.stories():
        ids = store.story_documents(story.id)
        docs = {d.id: d for d in store.documents(ids)}
        annotations = store.annotations(ids)
        found = [e for d in ids for e in annotations[d].events]
        events += len(found)
        read += len(read_vectors(found, {d: _root(d, docs) for d in docs}))
        _, told, entries = story_timeline(store, story.id, "clause")
        told_total, entries_total = told_total + len(told), entries_total + len(entries)
        for kind, counts in changed.items():
            _, other_told, other_entries = story_timeline(store, story.id, kind)
            counts[0] += len(told - other_told)
            counts[1] += len(entries - other_entries)
    print(f"  events {events}; vectors story_events may read {read}")
    print(f"  story events {told_total}, timeline entries {entries_total}; not the same with: " + "; ".join(
        f"{kind} vectors {e} events, {t} entries" for kind, (e, t) in changed.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stores", type=Path, nargs="+")
    args = parser.parse_args()
    for path in args.stores:
        store = Store(path)
        print(path)
        claim_readings(store)
        event_vectors(store)


if __name__ == "__main__":
    main()
