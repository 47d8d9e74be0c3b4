"""Entity rules on top of spaCy's model, and canonical entities within a story."""

from __future__ import annotations

import bisect
import json
import re
from collections import defaultdict
from collections.abc import Iterable

from storyline import settings
from storyline.model import Annotation, Entity, Mention, Sentence

GAZETTEER_DIR = settings.DATA_DIR / "gazetteers"
ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EQUIPMENT", "EVENT", "LAW"}


def gazetteer_patterns() -> list[dict]:
    """EntityRuler patterns from every ``data/gazetteers/*.jsonl`` file."""
    patterns: list[dict] = []
    for path in sorted(GAZETTEER_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                patterns.append(json.loads(line))
    return patterns


def add_entity_rules(nlp) -> None:
    """An EntityRuler after the statistical NER that corrects its labels with the gazetteers."""
    if "entity_ruler" in nlp.pipe_names:
        return
    ruler = nlp.add_pipe("entity_ruler", after="ner", config={"overwrite_ents": True})
    ruler.add_patterns(gazetteer_patterns())


def mentions(spacy_doc, sentences: list[Sentence]) -> list[Mention]:
    starts = [s.start for s in sentences]
    found = []
    for ent in spacy_doc.ents:
        if ent.label_ not in ENTITY_TYPES:
            continue
        text = ent.text.strip()
        text = re.sub(r"^(the|The)\s+", "", text)
        text = re.sub(r"['’]s$", "", text)
        if not text:
            continue
        found.append(
            Mention(
                text=text,
                label=ent.label_,
                start=ent.start_char,
                end=ent.end_char,
                sentence=max(bisect.bisect_right(starts, ent.start_char) - 1, 0),
                key=ent.ent_id_ or None,
            )
        )
    return found


def canonical_entities(annotations: Iterable[Annotation]) -> list[Entity]:
    """One entity per thing named in a story; short person names join the full name they end."""
    annotations = list(annotations)
    by_key: dict[tuple[str, str], list[tuple[str, Mention]]] = defaultdict(list)
    persons = {
        m.text for a in annotations for m in a.mentions if m.label == "PERSON" and len(m.text.split()) > 1
    }
    for a in annotations:
        for m in a.mentions:
            name = m.key or m.text
            if m.label == "PERSON" and len(name.split()) == 1:
                longer = sorted(p for p in persons if p.split()[-1] == name)
                if len(longer) == 1:
                    name = longer[0]
            by_key[(m.label, name.lower())].append((a.document, m))
    entities = []
    for n, ((label, _), items) in enumerate(
        sorted(by_key.items(), key=lambda kv: (-len(kv[1]), kv[0])), 1
    ):
        names = [m.text for _, m in items]
        canonical = max(set(names), key=lambda t: (len(t.split()) if label == "PERSON" else names.count(t), t))
        if items[0][1].key:
            canonical = items[0][1].key
        entity_id = f"e{n}"
        for _, m in items:
            m.key = entity_id
        entities.append(
            Entity(
                id=entity_id,
                name=canonical,
                type=label,
                aliases=sorted(set(names) - {canonical}),
                documents=sorted({d for d, _ in items}),
                mentions=len(items),
            )
        )
    return entities
