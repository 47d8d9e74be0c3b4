"""Entities for news about conflicts and politics: spaCy's model corrected by gazetteers, canonical entities
within a story, and claim speakers linked to them.

The gazetteers are data, not code: ``data/gazetteers/*.jsonl`` (format in the README.md beside them), plus
files or folders a user names in ``STORYLINE_GAZETTEERS`` (separated by ``os.pathsep``).

Metonymy: a capital that stands for its government ("Tehran denies", "Moscow has used", "relations between
Moscow and Tehran") keeps its text and label, gets ``Mention.attributes["metonymy"] = "Iran"`` and is counted
under the country's entity, which lists it in ``attributes["metonyms"]`` (not among its aliases: "Tehran" is
not another name of Iran). The capital's own entity counts only the mentions that name the place.
"""

from __future__ import annotations

import bisect
import functools
import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Span
from spacy.util import filter_spans

from storyline import settings
from storyline.model import Annotation, Claim, Entity, Mention, Sentence

GAZETTEER_DIR = settings.DATA_DIR / "gazetteers"
USER_GAZETTEERS_ENV = "STORYLINE_GAZETTEERS"
ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EQUIPMENT", "EVENT", "LAW"}
CORRECTOR = "storyline_entities"
RECORD_FIELDS = {"name", "label", "aliases", "demonyms", "ambiguous", "also_person_name"}

# The joint between the name and the number of a designation: "Mohajer-6", "Mohajer 6", "TB2".
DESIGNATION_JOINT = re.compile(r"\b([A-Za-z]+)[-\s]?(\d)")
NAME_NUMBER = r"^[A-Z][A-Za-z]*-\d+[A-Za-z0-9]*$"  # Korsak-7, MQ-9, Kh-47M2
LETTERS_NUMBER = r"^[A-Z]{1,3}\d+[A-Z0-9]*$"  # TB3
NOT_NAME_TOKENS = {"the", "'s", "’s", "'"}
SEPARATORS = {"-", "–", "—", "•", "|"}  # between a caption label or bullet and a name when spaced
POSSESSIVES = {"'s", "’s", "'"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "mx"}  # cut from a name but no title or role
GOVERNMENT_PREPOSITIONS = {"between", "by", "with", "against"}  # "talks with Moscow", "annexed by Moscow"
PRONOUN_SPEAKERS = {"he", "she"}
PRONOUN_LOOKBACK_SENTENCES = 3
PLACE_PREPOSITIONS = {"in", "near", "outside"}  # "in Lenhaven": a place, whatever the model says


@dataclass
class GazetteerEntry:
    """One named thing: canonical name, label, the forms it is written in, and attributes for its entity."""

    name: str
    label: str
    forms: tuple[str, ...]
    ambiguous: frozenset[str] = frozenset()  # forms that name it only before a weapon noun ("Lancet drones")
    also_person_name: bool = False  # a PERSON found by the model keeps its label ("Abrams said")
    attributes: dict[str, Any] = field(default_factory=dict)


def entries_of(record: dict) -> list[GazetteerEntry]:
    """The entry of one gazetteer record, and a NORP entry for its demonyms."""
    name, label = record["name"], record["label"]
    attributes = {k: v for k, v in record.items() if k not in RECORD_FIELDS}
    entries = [GazetteerEntry(name, label, (name, *record.get("aliases", [])),
                              frozenset(record.get("ambiguous", [])), bool(record.get("also_person_name")),
                              attributes)]
    if record.get("demonyms"):
        entries.append(GazetteerEntry(record["demonyms"][0], "NORP", tuple(record["demonyms"]),
                                      attributes={"country": name}))
    return entries


def normal_form(text: str) -> str:
    """A lookup key: lower case, no full stops ("U.S." = "US"), unjoined ("Mohajer 6" = "Mohajer6")."""
    text = re.sub(r"^the\s+", "", text.strip().lower().replace(".", ""))
    return " ".join(DESIGNATION_JOINT.sub(r"\1\2", text).split())


class Gazetteer:
    """Gazetteer entries by canonical name and by any of their forms; later files override earlier ones."""

    def __init__(self, entries: Iterable[GazetteerEntry]):
        unique = {(e.name, e.label): e for e in entries}
        self.entries = list(unique.values())
        self.by_name = {e.name: e for e in self.entries}
        self._by_form = {normal_form(f): e for e in self.entries for f in e.forms}

    def lookup(self, text: str) -> GazetteerEntry | None:
        return self._by_form.get(normal_form(text))


def gazetteer_paths() -> list[Path]:
    """The shipped gazetteers, then the user's: files or folders of ``*.jsonl`` named in the env variable."""
    paths = sorted(GAZETTEER_DIR.glob("*.jsonl"))
    for item in os.environ.get(USER_GAZETTEERS_ENV, "").split(os.pathsep):
        if item.strip():
            path = Path(item.strip()).expanduser()
            paths += sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    return paths


def read_gazetteer(paths: Iterable[Path]) -> Gazetteer:
    entries: list[GazetteerEntry] = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                entries += entries_of(json.loads(line))
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(f"{path}:{number}: not a gazetteer record ({error})") from error
    return Gazetteer(entries)


@functools.cache
def gazetteer() -> Gazetteer:
    return read_gazetteer(gazetteer_paths())


def word_list(name: str) -> list[str]:
    """The words of a one-word-a-line file in the gazetteer folder, without ``#`` comments."""
    lines = (GAZETTEER_DIR / name).read_text(encoding="utf-8").splitlines()
    return [w.strip() for w in lines if w.strip() and not w.startswith("#")]


@functools.cache
def weapon_nouns() -> frozenset[str]:
    return frozenset(form for w in word_list("weapon_nouns.txt") for form in (w.lower(), w.lower() + "s"))


@functools.cache
def title_words() -> frozenset[str]:
    return frozenset(word_list("person_titles.txt"))


def spellings(form: str) -> list[str]:
    """A form as written, with a hyphen, a space or nothing between name and number ("Mohajer-6", "Mohajer 6",
    "Mohajer6"), and with the plural "s" when it has a number ("F-16s"). No space after a single letter:
    "A 10" is mostly "a 10-year-old", not the A-10."""
    if not DESIGNATION_JOINT.search(form):
        return [form]
    variants = {form} | {DESIGNATION_JOINT.sub(rf"\1{joint}\2", form) for joint in ("-", "")}
    variants |= {DESIGNATION_JOINT.sub(lambda m: f"{m[1]} {m[2]}" if len(m[1]) > 1 else m[0], form)}
    return sorted(variants | {v + "s" for v in variants})


class EntityCorrector:
    """Pipeline component after ``ner``: gazetteer names and unseen weapon designations ("Korsak-7 drones")
    replace the model's entities where it mislabels them (Crimea as ORG, Shahed-129 as PERSON) and are added
    where it found none. A longer model entity wins when it holds another capitalised word that is not in a
    gazetteer ("Crimea Bridge" stays; "the United Nations" and "Kh-101 cruise" give way)."""

    def __init__(self, nlp, names: Gazetteer):
        self.gazetteer = names
        self.any_case = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact_case = PhraseMatcher(nlp.vocab, attr="ORTH")
        for index, entry in enumerate(names.entries):
            numbered, worded = [], []
            for form in entry.forms:
                for spelling in spellings(form):
                    if any(c.isdigit() for c in spelling):
                        numbered.append(spelling)
                    else:
                        worded += sorted({spelling, spelling.upper()})
            if numbered:
                self.any_case.add(str(index), [nlp.make_doc(s) for s in numbered])
            if worded:
                self.exact_case.add(str(index), [nlp.make_doc(s) for s in worded])
        self.ambiguous = {i: {normal_form(f) for f in e.ambiguous} for i, e in enumerate(names.entries)}
        nouns = {"LOWER": {"IN": sorted(weapon_nouns())}}
        modifiers = {"IS_LOWER": True, "POS": {"IN": ["ADJ", "NOUN", "VERB", "PUNCT"]}, "OP": "{0,3}"}
        proper = {"IS_TITLE": True, "POS": "PROPN"}
        self.designations = Matcher(nlp.vocab)
        self.designations.add("1", [[{"TEXT": {"REGEX": NAME_NUMBER}}, modifiers, nouns]])
        self.designations.add("2", [[proper, {"IS_DIGIT": True}, modifiers, nouns],
                                    [proper, {"TEXT": {"REGEX": LETTERS_NUMBER}}, modifiers, nouns]])

    def __call__(self, doc):
        named = filter_spans(self._gazetteer_spans(doc))
        covered = {i for span in named for i in range(span.start, span.end)}
        designated = [s for s in filter_spans(self._designation_spans(doc))
                      if not covered.intersection(range(s.start, s.end))]
        covered |= {i for span in designated for i in range(span.start, span.end)}
        entities = [e for e in map(self._tidy, doc.ents) if e is not None]
        for span in named + designated:
            overlapping = [e for e in entities if e.start < span.end and span.start < e.end]
            if any(self._model_wins(e, span, covered) for e in overlapping):
                continue
            entities = [e for e in entities if e not in overlapping] + [span]
        doc.ents = sorted(entities, key=lambda e: e.start)
        return doc

    def _tidy(self, span):
        """The model's entity cut at a line break or a spaced dash ("FILE - Foreign Office"), keeping
        its longest piece; None for all-lowercase spans and bare weapon nouns ("UAVs"), which name nothing."""
        pieces, piece = [], []
        for token in span:
            if "\n" in token.text or (token.text in SEPARATORS and token.whitespace_):
                pieces.append(piece)
                piece = []
            elif not token.is_space:
                piece.append(token)
        pieces.append(piece)
        longest = max(pieces, key=len)
        if not longest or not any(t.is_title or t.is_upper or t.is_digit for t in longest):
            return None
        if len(longest) == 1 and longest[0].lower_ in weapon_nouns():
            return None
        if len(longest) == len(span):
            return span
        return Span(span.doc, longest[0].i, longest[-1].i + 1, label=span.label_, span_id=span.id_)

    def _gazetteer_spans(self, doc):
        nouns = weapon_nouns()
        for key, start, end in [*self.any_case(doc), *self.exact_case(doc)]:
            index = int(doc.vocab.strings[key])
            entry = self.gazetteer.entries[index]
            if normal_form(doc[start:end].text) in self.ambiguous[index] and (
                end >= len(doc) or doc[end].lower_ not in nouns
            ):
                continue
            yield Span(doc, start, end, label=entry.label, span_id=entry.name)

    def _designation_spans(self, doc):
        for key, start, _ in self.designations(doc):
            length = int(doc.vocab.strings[key])
            if doc[start].ent_type_ in ("NORP", "GPE"):
                continue
            yield Span(doc, start, start + length, label="EQUIPMENT")

    def _model_wins(self, model_span, span, covered: set[int]) -> bool:
        entry = self.gazetteer.by_name.get(span.id_)
        if model_span.label_ == "PERSON" and entry is not None and entry.also_person_name:
            return span.end >= len(span.doc) or span.doc[span.end].lower_ not in weapon_nouns()
        extra = [t for t in model_span if not span.start <= t.i < span.end and t.i not in covered]
        return any((t.is_title or t.is_upper) and t.lower_ not in NOT_NAME_TOKENS for t in extra)


def add_entity_rules(nlp) -> None:
    """Add the gazetteer and designation corrections after spaCy's statistical NER (once)."""
    if not Language.has_factory(CORRECTOR):
        Language.factory(CORRECTOR, func=lambda nlp, name: EntityCorrector(nlp, gazetteer()))
    if CORRECTOR not in nlp.pipe_names:
        nlp.add_pipe(CORRECTOR, after="ner")


def mentions(spacy_doc, sentences: list[Sentence]) -> list[Mention]:
    """Entity mentions of a parsed document, named as written but without a leading "the", a possessive or
    (for persons) a title. Attributes: ``canonical`` (gazetteer name), ``metonymy`` (the country a capital
    stands for), ``title`` (a person's title or role)."""
    starts = [s.start for s in sentences]
    names = gazetteer()
    found = []
    for ent in spacy_doc.ents:
        if ent.label_ not in ENTITY_TYPES:
            continue
        span = _without_article_and_possessive(ent)
        attributes: dict[str, Any] = {}
        if span is not None and ent.label_ == "PERSON":
            span, title = _name_and_title(span)
            if title:
                attributes["title"] = title
        if span is None or not any(c.isalpha() for c in span.text):
            continue
        entry = names.by_name.get(ent.ent_id_) if ent.ent_id_ else None
        if entry is not None:
            attributes["canonical"] = entry.name
            if entry.attributes.get("capital_of") and _stands_for_government(span):
                attributes["metonymy"] = entry.attributes["capital_of"]
        found.append(
            Mention(
                text=span.text,
                label=ent.label_,
                start=span.start_char,
                end=span.end_char,
                sentence=max(bisect.bisect_right(starts, span.start_char) - 1, 0),
                attributes=attributes,
            )
        )
    return found


def _without_article_and_possessive(span):
    start = span.start + (span[0].lower_ == "the")
    end = span.end - (span[-1].lower_ in POSSESSIVES)
    return span.doc[start:end] if start < end else None


def _name_and_title(span):
    """A person's name without the title words the model left in it, and the title or role around it:
    before the name ("Foreign Ministry spokeswoman Marta Quillon") or in apposition after it."""
    titles = title_words()
    cut = 0
    while cut < len(span) - 1 and span[cut].lower_.rstrip(".") in titles:
        cut += 1
    words = f"{_title_before(span)} {span[:cut].text}".split()
    while words and words[0].lower().rstrip(".") in HONORIFICS:
        words.pop(0)
    return span[cut:], " ".join(words) or _title_after(span)


def _title_before(span) -> str:
    """The noun phrase just before a name that the name belongs to ("Russian President", "the ministry's
    spokesman" when the parser made the name its apposition), from the last dash or comma on."""
    doc = span.doc
    root = span.root
    phrase = root.head if root.dep_ == "appos" and root.head.i == span.start - 1 else root
    start = span.start
    for i in sorted((t.i for t in phrase.subtree if t.i < span.start), reverse=True):
        if i != start - 1:
            break
        start = i
    start = max([start] + [t.i + 1 for t in doc[start : span.start] if t.is_punct])
    while start < span.start and doc[start].pos_ == "DET":
        start += 1
    title = doc[start : span.start]
    if not len(title) or title[-1].pos_ not in ("NOUN", "PROPN") or title[-1].ent_type_ == "PERSON":
        return ""
    return title.text


def _title_after(span) -> str:
    """A role in apposition after the name ("Elena Varga, the deputy minister, said"), without its article;
    no numbers ("Gill Ardent, 31,") and no pronouns ("himself")."""
    doc = span.doc
    for child in span.root.children:
        if child.dep_ != "appos" or child.i < span.end or child.ent_type_ == "PERSON" or child.pos_ == "PRON":
            continue
        phrase = doc[child.left_edge.i : child.right_edge.i + 1]
        start = next((t.i for t in phrase if t.pos_ not in ("DET", "PRON")), phrase.end)
        title = doc[start : phrase.end]
        if 0 < len(title) <= 12 and not any(t.pos_ in ("VERB", "AUX") or t.like_num for t in title):
            return title.text
    return ""


def _stands_for_government(span) -> bool:
    """A capital as the doer or owner ("Tehran denies", "Moscow's drones") or after "between", "by", "with",
    "against" stands for its government; all-caps datelines ("WASHINGTON (AP)") and places do not."""
    if span.text.isupper():
        return False
    token = span.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ in ("nsubj", "nsubjpass", "poss"):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in GOVERNMENT_PREPOSITIONS


def canonical_entities(annotations: Iterable[Annotation]) -> list[Entity]:
    """One entity per thing named in a story, most mentioned first; sets each mention's ``key`` to its id.

    Joined into one entity: gazetteer forms ("U.S." = "US" = "United States"), a person's short names
    ("Quillon" → "Marta Quillon", when only one person of the story has that surname) and the same name
    mislabelled as ORG/GPE, an acronym and the one name it abbreviates, capitals for their country."""
    annotations = list(annotations)
    _retype_persons(annotations)
    items = [(a.document, m) for a in annotations for m in a.mentions]
    key_of = {id(m): _name_key(m) for _, m in items}
    _join_short_person_names(items, key_of)
    _join_acronyms(items, key_of)
    groups: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
    for document, mention in items:
        groups[key_of[id(mention)]].append((document, mention))
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    entities = []
    for n, (key, group) in enumerate(ranked, 1):
        entity = _entity(f"e{n}", key, group)
        for _, mention in group:
            mention.key = entity.id
        entities.append(entity)
    return entities


def demonym_of(demonym: str, place: str) -> bool:
    """"Valdorian" of "Valdoria", "Iranian" of "Iran", "Kestrian" of "Kestria"."""
    stem = place.lower()
    return demonym.lower() in {stem + "n", stem + "an", stem + "ian", stem.rstrip("ae") + "ian", stem + "i"}


def _retype_persons(annotations: list[Annotation]) -> None:
    """One-word "persons" the model made of unfamiliar names, told apart by the story's own text: the
    demonym of a place named in the story ("Kestrian" beside "Kestria") is NORP; a name written after "in",
    "near" or "outside" ("in Lenhaven") that is no part of a longer person's name is GPE."""
    mentions = [(a, m) for a in annotations for m in a.mentions]
    names = {m.text for _, m in mentions if m.label != "PERSON" or " " not in m.text}
    person_words = {w for _, m in mentions if m.label == "PERSON" and " " in m.text for w in m.text.split()}
    placed = set()
    for annotation, mention in mentions:
        if mention.sentence >= len(annotation.sentences):
            continue
        sentence = annotation.sentences[mention.sentence]
        before = sentence.text[: mention.start - sentence.start].split()[-1:]
        after = sentence.text[mention.end - sentence.start :]
        if before and before[0].lower() in PLACE_PREPOSITIONS and not after.startswith(("'s", "’s")):
            placed.add(mention.text)
    for _, mention in mentions:
        if mention.label != "PERSON" or " " in mention.text:
            continue
        if any(demonym_of(mention.text, name) for name in names if name != mention.text):
            mention.label = "NORP"
        elif mention.text in placed and mention.text not in person_words:
            mention.label = "GPE"


def _name_key(mention: Mention) -> str:
    """``person:<name>`` for persons, ``name:<name>`` for everything else, by gazetteer name where known."""
    if "metonymy" in mention.attributes:
        return "name:" + normal_form(mention.attributes["metonymy"])
    if "canonical" in mention.attributes:
        return "name:" + normal_form(mention.attributes["canonical"])
    if mention.label == "PERSON":
        return "person:" + normal_form(mention.text)
    entry = gazetteer().lookup(mention.text)
    return "name:" + normal_form(entry.name if entry else mention.text)


def _join_short_person_names(items, key_of: dict[int, str]) -> None:
    """Point a person's shorter name ("Quillon", "Ms Quillon" once the title is cut) to the one longer name of
    the story that ends with it; the same for a non-gazetteer ORG/GPE/NORP mention that is such a name."""
    persons = {tuple(key_of[id(m)].removeprefix("person:").split())
               for _, m in items if key_of[id(m)].startswith("person:")}
    names = gazetteer()
    for _, mention in items:
        key = key_of[id(mention)]
        if key.startswith("person:"):
            words = tuple(key.removeprefix("person:").split())
        elif "canonical" in mention.attributes or names.lookup(mention.text) or mention.label == "EQUIPMENT":
            continue
        else:
            words = tuple(key.removeprefix("name:").split())
        longer = {p for p in persons if len(p) > len(words) and p[-len(words):] == words}
        if len(longer) == 1:
            key_of[id(mention)] = "person:" + " ".join(longer.pop())
        elif not key.startswith("person:") and words in persons:
            key_of[id(mention)] = "person:" + " ".join(words)


def _join_acronyms(items, key_of: dict[int, str]) -> None:
    """Point an all-caps acronym ("NSC") to the one multi-word organization name of the story it fits."""
    initials: dict[str, set[str]] = defaultdict(set)
    for _, mention in items:
        words = [w for w in mention.text.split() if w[:1].isupper()]
        if mention.label == "ORG" and len(words) > 1:
            initials["".join(w[0] for w in words).lower()].add(key_of[id(mention)])
    for _, mention in items:
        text = mention.text.replace(".", "")
        if mention.label in ("ORG", "GPE") and text.isupper() and 2 <= len(text) <= 6 and " " not in text:
            targets = initials.get(text.lower(), set())
            if len(targets) == 1:
                key_of[id(mention)] = next(iter(targets))


def _entity(entity_id: str, key: str, group: list[tuple[str, Mention]]) -> Entity:
    mentions = [m for _, m in group]
    names = gazetteer()
    canonical = next((m.attributes.get("metonymy") or m.attributes.get("canonical") for m in mentions
                      if "metonymy" in m.attributes or "canonical" in m.attributes), None)
    entry = names.by_name.get(canonical) if canonical else None
    if entry is None and not key.startswith("person:"):
        entry = next((e for e in map(names.lookup, (m.text for m in mentions)) if e), None)
    written = Counter(m.text for m in mentions if "metonymy" not in m.attributes)
    if entry is not None:
        name, label = entry.name, entry.label
    elif key.startswith("person:"):
        name, label = max(written, key=lambda t: (len(t.split()), written[t], t)), "PERSON"
    else:
        name = max(written, key=lambda t: (written[t], t))
        label = Counter(m.label for m in mentions).most_common(1)[0][0]
    attributes = dict(entry.attributes) if entry is not None else {}
    titles = Counter(m.attributes["title"] for m in mentions if m.attributes.get("title"))
    if titles:
        attributes["titles"] = [t for t, _ in titles.most_common()]
    metonyms = sorted({m.text for m in mentions if "metonymy" in m.attributes})
    if metonyms:
        attributes["metonyms"] = metonyms
    aliases = set(written)
    if label == "PERSON" and len(name.split()) > 1:
        aliases.add(name.split()[-1])  # the surname a later document may use alone
    return Entity(
        id=entity_id,
        name=name,
        type=label,
        aliases=sorted(aliases - {name}),
        documents=sorted({d for d, _ in group}),
        mentions=len(group),
        attributes=attributes,
    )


def link_speakers(claims: Iterable[Claim], annotations: Iterable[Annotation], entities: list[Entity]) -> None:
    """Set each claim's ``speaker_entity`` to the entity its speaker names; call after ``canonical_entities``.

    A person named in the speaker phrase comes first ("ministry spokeswoman Marta Quillon"), then an
    organization, then a place or people ("Iran's foreign ministry" and "Tehran" as a government → Iran;
    "Iranian" → Iran when Iran is an entity of the story). "he"/"she" is the person last named in the three
    sentences before.
    Anonymous speakers ("a US official") stay unlinked: the country is their employer, not the speaker."""
    by_document = {a.document: a for a in annotations}
    by_name = {normal_form(n): e.id for e in entities for n in (e.name, *e.aliases)}
    for claim in claims:
        annotation = by_document.get(claim.document)
        if claim.speaker and claim.speaker_kind != "anonymous" and annotation is not None:
            claim.speaker_entity = _speaker_entity(claim, annotation, by_name)


def _speaker_entity(claim: Claim, annotation: Annotation, by_name: dict[str, str]) -> str | None:
    speaker = claim.speaker or ""
    if speaker.lower() in PRONOUN_SPEAKERS:
        earlier = [m for m in annotation.mentions if m.label == "PERSON" and m.key
                   and claim.sentence - PRONOUN_LOOKBACK_SENTENCES <= m.sentence < claim.sentence]
        return max(earlier, key=lambda m: m.start).key if earlier else None
    named = [m for m in annotation.mentions if m.sentence == claim.sentence and m.key
             and re.search(rf"(?<!\w){re.escape(m.text)}(?!\w)", speaker)]
    if not named:  # a speaker resolved from a pronoun is named in an earlier sentence
        named = [m for m in annotation.mentions if m.sentence < claim.sentence and m.key
                 and re.search(rf"(?<!\w){re.escape(m.text)}(?!\w)", speaker)]
    for labels in (("PERSON",), ("ORG",), ("GPE", "LOC", "FAC"), ("NORP",)):
        candidates = [m for m in named if m.label in labels]
        if candidates:
            chosen = min(candidates, key=lambda m: m.start)  # the head of "the US, France and the UK"
            country = gazetteer().by_name.get(chosen.attributes.get("canonical", ""))
            if chosen.label == "NORP" and country and country.attributes.get("country"):
                return by_name.get(normal_form(country.attributes["country"]), chosen.key)
            return chosen.key
    return by_name.get(normal_form(re.sub(r"['’]s$", "", speaker)))
