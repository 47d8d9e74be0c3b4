"""Events of one document: who did what to whom, where and when, read from the dependency parse.

One event per event verb (or light verb with an event noun: "imposed sanctions") of a sentence, typed with
the vocabulary in ``storyline.event_vocabulary``. Participants are phrases of the parse with their asides
cut (relative clauses, appositions, datelines); the date is that of a time expression in the event's own
clause, so "a region Morvania annexed in 2014" does not date the sentence's statement."""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.annotate.dates import dossier_date
from storyline.event_vocabulary import (
    ASIDE_DEPENDENCIES,
    ASPECTUAL_VERBS,
    CLAUSE_ASIDES,
    EVENT_NOUNS,
    EVENT_VERBS,
    INTRANSITIVE_TYPES,
    LIGHT_VERBS,
    LOCATIVE_PREPOSITIONS,
    NAMING_PARTICIPLES,
    NEGATING_HEADS,
    OTHER,
    PASSIVE_TYPES,
    PLACE_LABELS,
    QUESTION_MARKS,
    RECIPIENT_PREPOSITIONS,
    RELATIVE_PRONOUNS,
)
from storyline.model import Annotation, Event, TimeExpression

# "TAVRIN (Kestpress) —", "BRASSBURG (AP) —", "— The White House said": a dateline, or a dash left of one.
DATELINE = re.compile(r"^\s*(?:[A-Z][A-Z .'-]+(?:,\s*[A-Z][\w .]+)?\s*(?:\([^)]{1,40}\))?\s*)?[—–-]+\s+")
SET_OFF = {",", "(", "—", "–", "-"}  # punctuation before an apposition that is an aside
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "range": 4, "year": 5, "unknown": 6}


@dataclass(frozen=True)
class EventSettings:
    """Limits on what an event record holds."""

    phrase_words: int = 14  # a longer participant is a clause: only its head noun's own words are kept
    clause_words: int = 45  # an event's text is cut at this many words (a whole paragraph is no event)


def events_of(spacy_doc, annotation: Annotation, settings: EventSettings = EventSettings()) -> list[Event]:
    """Every typed event of a document, in reading order, dated from its own clause."""
    events: list[Event] = []
    sents = [s for s in spacy_doc.sents if s.text.strip()]
    for index, sent in enumerate(sents):
        skip = _dateline_end(sent)
        times = [t for t in annotation.times if sent.start_char <= t.start < sent.end_char]
        anchors = {id(t): anchor(spacy_doc, t, skip) for t in times}
        dating = {a for a in anchors.values() if a is not None}
        for verb, event_type in _triggers(sent, dating):
            own = clause_times(verb, times, anchors)
            date, precision, inferred = best_date(own)
            actor, target = _participants(verb, skip, settings)
            events.append(
                Event(
                    id=f"{annotation.document}:v{len(events) + 1}",
                    date=date,
                    date_precision=precision,
                    type=event_type,
                    actor=actor,
                    target=target,
                    location=_location(verb, annotation, index, sent),
                    text=_clause_text(verb, skip, settings),
                    documents=[annotation.document],
                    sentence=index,
                    action=verb.lemma_.lower(),
                    recipient=_recipient(verb, skip, settings),
                    inferred=inferred,
                    time_starts=[t.start for t in own],
                    main=_is_main(verb),
                )
            )
    return events


def redate_events(annotation: Annotation) -> None:
    """Dates of events again after the document's times were resolved against a borrowed reference date:
    each event keeps the expressions of its own clause (``time_starts``), now resolved and marked inferred."""
    for event in annotation.events:
        own = [t for t in annotation.times if t.start in event.time_starts]
        event.date, event.date_precision, event.inferred = best_date(own)


def _dateline_end(sent) -> int:
    """Index of the first token after a dateline at the start of the sentence (the sentence start if none)."""
    match = DATELINE.match(sent.text)
    if not match:
        return sent.start
    end = sent.start_char + match.end()
    return next((t.i for t in sent if t.idx >= end), sent.end)


def _triggers(sent, dating: set[int]) -> list[tuple[object, str]]:
    """(verb, type) of every event verb of a sentence, negated ones and "began" before its verb left out;
    a verb of no type that a time expression dates is an OTHER event unless it is an aside ("annexed in
    2014" about something the sentence mentions)."""
    found = []
    for token in sent:
        if token.pos_ not in ("VERB", "AUX") or token.dep_ in ("aux", "auxpass", "amod", "compound"):
            continue
        if any(c.dep_ == "neg" for c in token.children):
            continue
        lemma = token.lemma_.lower()
        if lemma in ASPECTUAL_VERBS and any(c.dep_ == "xcomp" and _type_of(c) for c in token.children):
            continue
        if _unreal(token):
            continue
        event_type = _type_of(token)
        if not event_type and token.i in dating and token.dep_ not in ASIDE_DEPENDENCIES:
            event_type = OTHER
        if event_type:
            found.append((token, event_type))
    return found


def _is_main(verb) -> bool:
    """The event a sentence is about: its root verb, what the root verb reports, or what either of them
    begins (not an infinitive of purpose, a gerund or a relative clause)."""
    if verb.dep_ == "xcomp":
        verb = verb.head
    return verb.dep_ == "ROOT" or (verb.dep_ in ("ccomp", "conj") and verb.head.dep_ == "ROOT")


def _unreal(verb) -> bool:
    """An event that did not happen or is only asked about: governed by "denied", "barred from" (the
    denial is the event), or in a "whether"/"if" clause."""
    if any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in verb.children):
        return True
    head = verb.head.head if verb.head.pos_ == "ADP" else verb.head
    return verb.dep_ in ("xcomp", "pcomp", "ccomp") and head.lemma_.lower() in NEGATING_HEADS


def _type_of(token) -> str | None:
    lemma = token.lemma_.lower()
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    if lemma in LIGHT_VERBS:
        for obj in objects:
            if obj.lemma_.lower() in EVENT_NOUNS:
                return EVENT_NOUNS[obj.lemma_.lower()]
    if lemma in INTRANSITIVE_TYPES and not objects:
        return INTRANSITIVE_TYPES[lemma]
    passive = any(c.dep_ == "nsubjpass" for c in token.children)
    if passive and lemma in PASSIVE_TYPES and not any(c.dep_ == "agent" for c in token.children):
        return PASSIVE_TYPES[lemma]
    return EVENT_VERBS.get(lemma) if token.pos_ == "VERB" else None


def clause_times(verb, times: list[TimeExpression], anchors: dict[int, int | None]) -> list[TimeExpression]:
    """The time expressions of a sentence that date this verb's event (``anchors``: ``id(time)`` -> the
    verb index ``anchor`` found for it)."""
    clause = _clause(verb)
    return [t for t in times if anchors[id(t)] is not None and anchors[id(t)] in clause]


def _clause(verb) -> set[int]:
    """Token indices whose time expressions date this verb's event: the verb, the verb it is the infinitive
    or gerund of ("began demonstrating", "plan to discuss"), the verbs governed that way by it, and a
    "when" clause's verbs ("when Morvania started deploying drones in August, many had failures")."""
    clause = {verb.i}
    if verb.dep_ == "xcomp":
        clause.add(verb.head.i)
    for child in verb.children:
        if child.dep_ == "xcomp":
            clause.add(child.i)
        if child.dep_ == "advcl" and any(m.dep_ == "advmod" and m.lower_ == "when" for m in child.children):
            clause.update(t.i for t in child.subtree if t.pos_ in ("VERB", "AUX"))
        if child.dep_ == "prep" and child.lower_ == "after":  # "soon after taking delivery in August"
            clause.update(t.i for t in child.subtree if t.pos_ in ("VERB", "AUX"))
    return clause


def anchor(spacy_doc, time: TimeExpression, skip: int = 0) -> int | None:
    """The verb whose clause a time expression belongs to: its nearest verbal ancestor in the parse."""
    span = spacy_doc.char_span(time.start, time.end, alignment_mode="expand")
    token = span.root if span is not None and len(span) else None
    while token is not None and token.i >= skip:
        verbal = token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass", "amod")
        if verbal and not _naming(token):  # "also known as ... in June": June is not the naming's
            return token.i
        if token.head.i == token.i:
            return token.i
        token = token.head
    return None


def best_date(times: list[TimeExpression]) -> tuple[str | None, str, bool]:
    dated = [(dossier_date(t), t.inferred) for t in times if t.value]
    dated = [(d, inferred) for d, inferred in dated if d[0]]
    if not dated:
        return None, "unknown", False
    (date, precision), inferred = min(dated, key=lambda d: PRECISION_RANK[d[0][1]])
    return date, precision, inferred


def _participants(verb, skip: int, settings: EventSettings) -> tuple[str | None, str | None]:
    """Actor and target: the subject and object, the passive's agent and subject, an infinitive's
    subject from the verb it depends on; a relative pronoun stands for the noun its clause is about."""
    subject = _child(verb, ("nsubj",), skip)
    passive = _child(verb, ("nsubjpass",), skip)
    agent = next(
        (g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None
    )
    obj = _child(verb, ("dobj", "obj"))
    if passive is not None:
        subject, obj = agent, passive
    if subject is None and passive is None:
        subject = _inherited_subject(verb)
    if obj is not None and obj.lemma_.lower() in EVENT_NOUNS:  # "imposed sanctions on X": X is the target
        obj = next(
            (
                g
                for p in obj.children
                if p.dep_ == "prep" and p.lower_ in ("on", "against")
                for g in p.children
                if g.dep_ == "pobj"
            ),
            None,
        )
    return _phrase(_resolve(subject, verb), skip, settings), _phrase(_resolve(obj, verb), skip, settings)


def _inherited_subject(verb):
    """The subject of the clause an infinitive, gerund or second verb depends on ("Valdoria began
    demonstrating", "Morvanians faced problems soon after taking delivery", "the driver collapsed ...
    and died")."""
    for _ in range(3):
        if verb.dep_ not in ("xcomp", "conj", "pcomp", "advcl"):
            return None
        verb = verb.head.head if verb.head.pos_ == "ADP" else verb.head
        subject = _child(verb, ("nsubj", "nsubjpass"))
        if subject is not None:
            return subject
    return None


def _recipient(verb, skip: int, settings: EventSettings) -> str | None:
    dative = _child(verb, ("dative",))
    if dative is not None and dative.dep_ == "dative" and dative.pos_ == "ADP":
        dative = _child(dative, ("pobj",))
    if dative is None:
        dative = next(
            (
                g
                for p in verb.children
                if p.dep_ == "prep" and p.lower_ in RECIPIENT_PREPOSITIONS
                for g in p.children
                if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")
            ),
            None,
        )
    return _phrase(_resolve(dative, verb), skip, settings)


def _child(token, deps: tuple[str, ...], skip: int = 0):
    """The first child with one of these dependencies outside the dateline (spaCy may make it a subject)."""
    return next((c for c in token.children if c.dep_ in deps and c.i >= skip), None)


def _resolve(token, verb):
    """A relative pronoun ("which", "that") is replaced by the noun whose relative clause the verb heads."""
    if token is None:
        return None
    if token.lower_ in RELATIVE_PRONOUNS:
        return verb.head if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN") else None
    if token.pos_ == "PRON":
        return None
    return token


def _phrase(token, skip: int, settings: EventSettings) -> str | None:
    """The words of a participant without its asides; a long one is cut to its head and the words before."""
    if token is None:
        return None
    words = _without_asides(token, skip)
    if len(words) > settings.phrase_words:
        words = [t for t in words if t.i <= token.i or t.dep_ in ("compound", "flat")]
    text = _join(words).strip(" ,;:—–-\"“”'")
    return text or None


def _without_asides(token, skip: int, asides: frozenset[str] = ASIDE_DEPENDENCIES) -> list:
    """Tokens of the subtree of ``token`` without its asides (relative clauses, appositions) and dateline."""
    cut: set[int] = set()
    doc = token.doc
    for t in token.subtree:
        if t.i == token.i or t.dep_ not in asides:
            continue
        first = min(s.i for s in t.subtree)
        if t.dep_ == "appos" and (first == 0 or doc[first - 1].text not in SET_OFF):
            continue  # "spokeswoman Anna Voss": the name is the participant, not an aside
        cut.update(s.i for s in t.subtree)
    return sorted((t for t in token.subtree if t.i not in cut and t.i >= skip), key=lambda t: t.i)


def _clause_text(verb, skip: int, settings: EventSettings) -> str:
    """The event as the text tells it: its clause from the subject to the end, asides cut; an infinitive or
    second verb gets the subject of the verb it depends on ("Valdoria began demonstrating", "the driver ...
    died")."""
    own = _without_asides(verb, skip, CLAUSE_ASIDES)
    words = {t for t in own if not (t.dep_ == "mark" and t.head.i == verb.i)}
    subject = _inherited_subject(verb) if _child(verb, ("nsubj", "nsubjpass")) is None else None
    if verb.dep_ == "xcomp":
        head = verb.head
        words |= {head, *(w for c in head.children if c.dep_ in ("aux", "neg", "dobj") for w in c.subtree)}
        words |= {w for c in head.children if _naming(c) for w in _named_out(c)}
    if subject is not None and subject.pos_ != "PRON":
        words |= set(_without_asides(subject, skip))
    ordered = sorted(words, key=lambda t: t.i)[: settings.clause_words]
    text = _join(ordered).strip(" ,;:—–-")
    return text[0].upper() + text[1:] if text else text


def _naming(token) -> bool:
    return token.tag_ == "VBN" and token.lemma_.lower() in NAMING_PARTICIPLES


def _named_out(participle) -> list:
    """What the parse hung on a naming participle that belongs to the clause above ("..., also known as
    UAVs, to Morvania at Halden Airfield in June"): its phrases other than the name itself."""
    return [
        w
        for c in participle.children
        if c.dep_ == "prep" and c.lower_ != "as" or c.dep_ in ("npadvmod", "advmod") and c.lower_ != "also"
        for w in c.subtree
    ]


def _join(tokens: list) -> str:
    """Words of a parse joined as the text has them, with a space where words between were cut; a comma
    that opened a cut aside goes with it."""
    kept = [
        t
        for k, t in enumerate(tokens)
        if not (t.text == "," and k + 1 < len(tokens) and tokens[k + 1].i != t.i + 1)
    ]
    pieces = []
    for before, token in zip([None, *kept], kept, strict=False):
        if before is not None and not before.whitespace_ and token.i != before.i + 1:
            pieces.append(" ")
        pieces.append(token.text_with_ws)
    text = re.sub(r"\s+([,.;:!?)])", r"\1", "".join(pieces))
    return re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", re.sub(r"[,;:]\s*\.$", ".", text)).strip()


def _location(verb, annotation: Annotation, index: int, sent) -> str | None:
    """A place introduced by a locative preposition in the event's own clause, never a person: the
    entity annotator's label decides when it has the mention, else spaCy's."""
    labels = {(m.start, m.end): m.label for m in annotation.mentions if m.sentence == index}
    sentence = next((s for s in annotation.sentences if s.index == index), None)
    base = (sentence.start - sent.start_char) if sentence else 0
    for prep in _own_tokens(verb):
        if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE_PREPOSITIONS:
            continue
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            span = [
                t
                for t in noun.subtree
                if t.i <= noun.i and t.dep_ in ("compound", "amod", "pobj", "det") and t.ent_type_
            ] or [noun]
            start, end = span[0].idx + base, span[-1].idx + len(span[-1].text) + base
            label = next((lab for (s, e), lab in labels.items() if s <= start and end <= e), noun.ent_type_)
            if label in PLACE_LABELS:
                return _join(span)
    return None


def _own_tokens(verb) -> list:
    """Tokens of the verb's clause (and of the verb it is the infinitive of) not inside another clause: a
    reported clause has its own places; a naming participle ("also known as ... at Halden") is no clause."""
    top = verb.head if verb.dep_ == "xcomp" else verb
    cut: set[int] = set()
    for t in top.subtree:
        if t.i in (verb.i, top.i) or t.pos_ not in ("VERB", "AUX"):
            continue
        clause = t.dep_ in ("ccomp", "relcl", "acl", "advcl", "conj")
        if clause and t.lemma_.lower() not in NAMING_PARTICIPLES:
            cut.update(s.i for s in t.subtree)
    return [t for t in top.subtree if t.i not in cut]
