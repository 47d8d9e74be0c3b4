"""Attributed statements from dependency parses: speaker, cue, content, stance and hedging."""

from __future__ import annotations

import bisect
import re

from storyline.annotate.dates import contract_date
from storyline.claims.vocabulary import (
    ANONYMOUS_HEADS,
    DENIAL_VERBS,
    HEDGE_CUES,
    HEDGE_WORDS,
    REPORTING_VERBS,
)
from storyline.model import Annotation, Claim

SUBJECTS = {"nsubj", "nsubjpass"}
EMBEDDED = {"relcl", "acl", "amod", "pcomp", "csubj"}  # a verb here does not attribute the sentence
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
QUOTE_PAIRS = (("“", "”"), ('"', '"'))
DATELINE = re.compile(r"^\s*[A-Z][A-Z .,'-]+\s*\([^)]{1,30}\)\s*[-—–]+\s*")


def speaker_kind(span) -> str:
    """named_person, organization or anonymous, from the entities and head noun of the speaker."""
    labels = {e.label_ for e in span.ents}
    if "PERSON" in labels:
        return "named_person"
    head = span.root
    if head.lemma_.lower() in ANONYMOUS_HEADS or head.text.lower() in ANONYMOUS_HEADS:
        if head.lemma_.lower() in {"spokesman", "spokeswoman", "spokesperson"} and labels & {"ORG", "GPE"}:
            return "organization"
        return "anonymous"
    if labels & {"ORG", "GPE", "NORP", "FAC"} or head.pos_ == "PROPN":
        return "organization"
    if head.pos_ == "PRON":
        return "anonymous"
    return "organization"


def _span_text(tokens) -> str:
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text.strip(" ,.\"“”'")


def _content(verb, subject) -> str:
    """What is claimed: the verb's clausal complement; for "X did Y, officials said (, citing Z)" the
    sentence without the attribution; else the rest of the predicate ("denied shipping rockets")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses:
        return _strip(_span_text([t for c in clauses for t in c.subtree]))
    sent = verb.sent
    if verb.dep_ in ("parataxis", "ccomp", "advcl", "conj") and verb.head.i < verb.i:
        attribution = set(verb.subtree)
        return _strip(_span_text([t for t in sent if t not in attribution and t.i < verb.left_edge.i]))
    excluded = {verb, *subject.subtree}
    predicate = [t for t in verb.subtree if t.i > verb.i and t not in excluded and not t.is_punct]
    if predicate:
        return _strip(_span_text(predicate))
    return _strip(_span_text([t for t in sent if t not in excluded]))


def _strip(content: str) -> str:
    """A claim or speaker phrase without dateline, leading "that", edge punctuation and unpaired quotes."""
    content = DATELINE.sub("", content)
    content = re.sub(r"^(that|whether)\s+", "", content, flags=re.IGNORECASE)
    content = content.strip(" \n\t,.;:-—")
    for opening, closing in QUOTE_PAIRS:
        marks = content.count(opening) + (content.count(closing) if closing != opening else 0)
        if marks % 2 and content.startswith(opening):  # a quotation cut by the claim's start (or end)
            content = content[len(opening) :]
        elif marks % 2 and (opening == closing or content.count(opening) > content.count(closing)):
            content += closing
    return content.strip(" \n\t,.;:-—")


def _hedged(sent, cue_lemma: str) -> bool:
    return cue_lemma in HEDGE_CUES or any(t.lower_ in HEDGE_WORDS for t in sent)


def claim_date(annotation: Annotation, sentence: int) -> str | None:
    """The dossier date of the first resolved time expression in the claim's sentence."""
    return next((contract_date(t)[0] for t in annotation.times if t.sentence == sentence and t.value), None)


def _reporting_verb(sent):
    """The first reporting verb of a sentence that carries a statement (not one inside a relative
    clause such as "what it believes to be"), with its subject."""
    for token in sent:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in REPORTING_VERBS:
            continue
        if token.dep_ in EMBEDDED:
            continue
        subjects = [c for c in token.children if c.dep_ in SUBJECTS]
        if subjects and subjects[0].lower_ not in ("what", "which", "that", "who"):
            return token, subjects[0]
    return None


def _attribution(sent) -> tuple[str, str, str, str, str] | None:
    """(speaker, speaker kind, cue, stance, content) of a sentence, or None when nobody is quoted."""
    found = _reporting_verb(sent)
    if found is not None:
        verb, subject = found
        speaker = _strip(_span_text(list(subject.subtree)))
        lemma = verb.lemma_.lower()
        stance = "denies" if lemma in DENIAL_VERBS else "asserts"
        content = _content(verb, subject)
        following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if stance == "denies" and following is not None and following.tag_ == "VBG":
            content = f"{speaker} {content}"  # "Iran denied sending drones" is about "Iran sending drones"
        kind = speaker_kind(sent.doc[subject.left_edge.i : subject.right_edge.i + 1])
        return speaker, kind, lemma, stance, content
    match = re.search(r"\baccording to ([^,.;]+)", sent.text, re.IGNORECASE)
    if match is None:
        return None
    span = sent.doc.char_span(sent.start_char + match.start(1), sent.start_char + match.end(1),
                              alignment_mode="expand")
    kind = speaker_kind(span) if span is not None and len(span) else "anonymous"
    content = _strip(sent.text[: match.start()] + sent.text[match.end() :])
    return match.group(1).strip(), kind, "according to", "asserts", content


def claims_of(spacy_doc, annotation: Annotation) -> list[Claim]:
    """Claims of one document, one per sentence with a reporting verb or an "according to" phrase."""
    claims: list[Claim] = []
    starts = [s.start for s in annotation.sentences]
    for sent in spacy_doc.sents:
        if not sent.text.strip() or sent.text.rstrip().endswith("?"):
            continue  # a question asks, it claims nothing
        found = _attribution(sent)
        if found is None:
            continue
        index = max(bisect.bisect_right(starts, sent.start_char) - 1, 0)
        speaker, kind, cue, stance, content = found
        if speaker and speaker.lower() in PRONOUNS:
            previous = next((c for c in reversed(claims) if c.speaker_kind == "named_person"), None)
            if previous is not None and speaker.lower() in ("he", "she"):
                speaker, kind = previous.speaker, previous.speaker_kind
        claims.append(
            Claim(
                id=f"{annotation.document}:c{len(claims) + 1}",
                document=annotation.document,
                text=sent.text.strip(),
                content=content or sent.text.strip(),
                speaker=speaker or None,
                speaker_kind=kind if speaker else "unattributed",
                cue=cue,
                stance=stance,
                hedged=_hedged(sent, cue),
                date=claim_date(annotation, index),
                sentence=index,
            )
        )
    return claims
