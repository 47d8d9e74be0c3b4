"""The cue model: whether a verb or noun of a parse is an attribution cue, learnt on PolNeAR's train split.

Rules know the speech verbs; the model knows the rest of what annotators count as attribution ("criticized
the plan", "urged Congress to act", "endorsed Clinton", "Trump's claim that ...") and, from the parse around
the word (what it governs, who its subject is, quotation marks nearby), when such a word reports a stance and
when it tells an event ("Velmora showed the drone at a fair"). It is a logistic regression over sparse string
features, ``data/claims/cue_model.json``, written by ``python -m storyline.claims.train_cues``."""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from storyline import settings
from storyline.claims.vocabulary import ANONYMOUS_HEADS, GROUP_PRONOUNS, PERSON_PRONOUNS, THING_PRONOUNS

MODEL_PATH = settings.DATA_DIR / "claims" / "cue_model.json"
OBJECT_DEPS = {"dobj", "xcomp", "prep", "attr", "acomp", "dative", "oprd"}
SUBJECTS = {"nsubj", "nsubjpass"}
CANDIDATE_POS = {"VERB", "AUX", "NOUN"}
QUOTE_MARKS = {"“", "”", '"', "‘‘", "’’", "``", "''", "‘", "’"}


def candidate(token) -> bool:
    """A word that may be a cue: a verb or noun, not an auxiliary ("has" of "has learned")."""
    return token.pos_ in CANDIDATE_POS and token.dep_ not in ("aux", "auxpass")


def frame(verb) -> str:
    """What a verb governs: "clause" (a that-clause or reported clause), "object", or "none"; "noun" for a
    noun ("his call for", "the denial of")."""
    if verb.pos_ == "NOUN":
        return "noun"
    deps = {c.dep_ for c in verb.children}
    if "ccomp" in deps:
        return "clause"
    if deps & OBJECT_DEPS:
        return "object"
    return "none"


def subject(verb):
    """The subject of a cue verb, or of the verb it continues ("..., adding that", "said and added")."""
    token = verb
    for _ in range(3):
        found = [c for c in token.children if c.dep_ in SUBJECTS]
        if found:
            return found[0]
        if token.dep_ == "acl" and token.tag_ == "VBG":
            return token.head  # "a statement saying ...", "protesters chanting ..."
        if token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.head is not token.head:
            token = token.head  # "by saying", "without naming": on to the preposition's verb
        elif token.dep_ not in ("conj", "advcl", "xcomp") or token.head is token:
            return None
        token = token.head
    return None


def _owner(noun):
    """Who a statement noun belongs to: "Trump's claim", "a report by the Post"."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [
        g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from") for g in c.children
    ]
    return owners[0] if owners else None


def speaker_class(token) -> str:
    """A coarse kind of a would-be speaker: person, org, place, anonymous, pronoun kinds, noun or none."""
    if token is None:
        return "none"
    lower = token.lower_
    if lower in PERSON_PRONOUNS:
        return "pron_person"
    if lower in GROUP_PRONOUNS:
        return "pron_group"
    if lower in THING_PRONOUNS or token.pos_ == "PRON":
        return "pron_thing"
    if token.ent_type_ == "PERSON":
        return "person"
    if token.ent_type_ == "ORG":
        return "org"
    if token.ent_type_ in ("GPE", "NORP"):
        return "place"
    if lower in ANONYMOUS_HEADS or token.lemma_.lower() in ANONYMOUS_HEADS:
        return "anonymous"
    return "propn" if token.pos_ == "PROPN" else "noun"


def _quote_near(token, window: int = 3) -> bool:
    """A quotation mark a few tokens before or after: '“...,” she said', 'said: “...'."""
    doc = token.doc
    return any(
        doc[i].text in QUOTE_MARKS
        for i in range(max(token.i - window, 0), min(token.i + window + 1, len(doc)))
    )


def features(token) -> list[str]:
    """The sparse features of a candidate cue: its word, frame and place in the parse, what it governs, who
    would be speaking and the quotation marks around it."""
    lemma = token.lemma_.lower()
    verb_frame = frame(token)
    who = speaker_class(_owner(token) if token.pos_ == "NOUN" else subject(token))
    children = {c.dep_ for c in token.children}
    found = [
        "bias",
        f"l={lemma}",
        f"lf={lemma}|{verb_frame}",
        f"f={verb_frame}",
        f"d={token.dep_}",
        f"ld={lemma}|{token.dep_}",
        f"t={token.tag_}",
        f"s={who}",
        f"ls={lemma}|{who}",
        f"fs={verb_frame}|{who}",
    ]
    found += [f"c={d}" for d in sorted(children)]
    found += [f"p={lemma}|{c.lower_}" for c in token.children if c.dep_ in ("prep", "prt")]
    found += _governed(token, lemma)
    clauses = [c for c in token.children if c.dep_ in ("ccomp", "acl") and c.i > token.i]
    if any(c.left_edge.lower_ in ("whether", "if", "how", "what", "why", "who") for c in clauses):
        found.append("wh")
    if any(g.dep_ == "mark" and g.lower_ == "that" for c in clauses for g in c.children):
        found.append("that")
    if token.dep_ in ("xcomp", "conj", "advcl") and token.head is not token:
        found.append(f"h={token.head.lemma_.lower()}")
    if "neg" in children:
        found.append("neg")
    if _quote_near(token):
        found += ["q", f"qs={who}"]
    if any(t.text in QUOTE_MARKS for t in token.sent):
        found.append("qsent")
    if token.i + 1 < len(token.doc) and token.nbor().text == ":":
        found.append("colon")
    return found


def _governed(token, lemma: str) -> list[str]:
    """What the word governs, by the words themselves: "called for a wall" and "urged Congress to act" are
    statements, "sent trainers" and "allows ships to dock" are not, and the object's word or entity type tells
    them apart where the verb's lemma alone cannot ("refused to disclose", "voted for the bill")."""
    found = []
    for child in token.children:
        if child.i < token.i or child.dep_ not in OBJECT_DEPS:
            continue
        word = child.lemma_.lower()
        if child.dep_ == "prep":
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            word = f"{word}+{objects[0].lemma_.lower() if objects else '-'}"
        found += [f"o={child.dep_}|{word}", f"lo={lemma}|{child.dep_}|{word}"]
        if child.ent_type_:
            found.append(f"oe={lemma}|{child.dep_}|{child.ent_type_}")
    return found


@dataclass
class CueModel:
    """Weights of a logistic regression over ``features``; a word it never saw as a cue gets only the
    weights of its frame and surroundings."""

    weights: dict[str, float]

    def probability(self, token) -> float:
        """P(the token is an annotated attribution cue); 0 without a model."""
        if not self.weights:
            return 0.0
        score = sum(self.weights.get(f, 0.0) for f in features(token))
        return 1 / (1 + math.exp(-max(min(score, 30.0), -30.0)))


class DocumentCues:
    """The cue model's probabilities of the words of one parse, each computed once: attribution asks for a
    word up to twice (as a verb or noun cue, then as a cue for the span model)."""

    def __init__(self, model: CueModel) -> None:
        self.model = model
        self.known: dict[int, float] = {}

    def probability(self, token) -> float:
        if token.i not in self.known:
            self.known[token.i] = self.model.probability(token)
        return self.known[token.i]


@functools.cache
def cue_model(path: Path = MODEL_PATH) -> CueModel:
    """The committed model; an empty one when it is missing (the rules alone then)."""
    if not path.exists():
        return CueModel({})
    data = json.loads(path.read_text(encoding="utf-8"))
    return CueModel({k: float(v) for k, v in data["weights"].items()})
