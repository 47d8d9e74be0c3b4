"""Where the documents of one claim group disagree: amounts of the same thing, days of the same event.

Only values given by different documents are compared (one article's accusation day and denial day are two
facts, not a disagreement), and only amounts in the same role: the same counted unit governed by the same
predicate or noun ("sent a small number of personnel" against "dozens of personnel were dispatched"; not "a
top speed of 109 mph" against "60 mph in four seconds")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations

from storyline.annotate.quantities import find_quantities, interval
from storyline.claims.group_vocabulary import PREDICATE_CLASSES
from storyline.model import Annotation, Claim, Discrepancy, Quantity, Sentence

Role = tuple[str, str | None]  # (counted unit, what governs the amount)


def _unit_key(unit: str) -> str:
    """The counted noun, with any designation before it: "Korsak-7 drones" and "Sarn-3 drones" are two
    things, "Iranian personnel" and "personnel" one."""
    words = unit.lower().split()
    return " ".join([w for w in words[:-1] if any(ch.isdigit() for ch in w)] + [words[-1].rstrip("s")])


def amount_text(quantity: Quantity) -> str:
    """The amount phrase without the counted noun: "more than 120", "a relatively small number"."""
    text = quantity.text
    if quantity.unit and text.endswith(quantity.unit):
        text = re.sub(r"\s+of$", "", text[: -len(quantity.unit)].rstrip())
    return text.replace("“", "").replace("”", "").replace('"', "").strip() or quantity.text


def role(quantity: Quantity, parsed) -> Role:
    """The unit and the word governing the amount in the parsed content (a verb as its predicate class)."""
    unit = _unit_key(quantity.unit or "")
    span = None if parsed is None else parsed.char_span(quantity.start, quantity.end, alignment_mode="expand")
    if span is None or not len(span):
        return unit, None
    inside = {t.i for t in span}
    token = span.root
    if span[-1].dep_ == "compound" and span[-1].head.i not in inside:  # "about 200,000 artillery | shells"
        token = span[-1].head
        unit = _unit_key(token.lemma_)
    while token.head.i != token.i and (token.head.i in inside or token.head.pos_ == "ADP"):
        token = token.head
    head = token.head
    if head.i == token.i:
        return unit, None
    lemma = head.lemma_.lower()
    return unit, PREDICATE_CLASSES.get(lemma, lemma)


def amounts(content: str) -> list[Quantity]:
    """The amounts of a content that can conflict: counted, with a value or vague ("dozens")."""
    return [q for q in find_quantities([Sentence(0, 0, len(content), content)])
            if q.unit and (q.value is not None or q.vague)]


def quantity_roles(parsed) -> list[Role]:
    """The role of each of ``amounts`` in a content's own parse (kept at analysis: reports parse nothing)."""
    return [role(q, parsed) for q in amounts(parsed.text)]


def _numbers(claims: Sequence[Claim], roles: Sequence[Sequence[Role]]) -> list[Discrepancy]:
    given: dict[Role, list[tuple[Quantity, Claim]]] = {}
    for claim, claim_roles in zip(claims, roles, strict=True):
        for q, (unit, governor) in zip(amounts(claim.content), claim_roles, strict=True):
            given.setdefault((unit, governor), []).append((q, claim))
    found = []
    for given_amounts in given.values():
        conflicting: set[int] = set()
        for (i, (q1, c1)), (j, (q2, c2)) in combinations(enumerate(given_amounts), 2):
            lo1, hi1 = interval(q1)
            lo2, hi2 = interval(q2)
            if c1.document != c2.document and (hi1 < lo2 or hi2 < lo1):
                conflicting |= {i, j}
        if conflicting:
            values = sorted({amount_text(given_amounts[k][0]) for k in conflicting})
            found.append(Discrepancy("number", values, sorted({given_amounts[k][1].id for k in conflicting})))
    return found


def _days(claim: Claim, annotation: Annotation | None) -> set[str]:
    """Day dates the claim's content gives (resolved in its document's sentence)."""
    if annotation is None:
        return set()
    return {t.value for t in annotation.times
            if t.sentence == claim.sentence and t.value and t.precision == "day" and t.text in claim.content}


def _dates(claims: Sequence[Claim], annotations: dict[str, Annotation]) -> list[Discrepancy]:
    days = [(c, _days(c, annotations.get(c.document))) for c in claims]
    values: set[str] = set()
    ids: set[str] = set()
    for (c1, d1), (c2, d2) in combinations(days, 2):
        if d1 and d2 and c1.document != c2.document and not d1 & d2:
            values |= d1 | d2
            ids |= {c1.id, c2.id}
    return [Discrepancy("date", sorted(values), sorted(ids))] if values else []


def discrepancies(
    claims: Sequence[Claim], roles: Sequence[Sequence[Role]], annotations: dict[str, Annotation]
) -> list[Discrepancy]:
    """Amounts that cannot both be true and different days, given by different documents of one group.

    Pass the group's supporting claims (a denial's amount is the one it denies, not a value it gives) with
    the ``quantity_roles`` of each one's content."""
    return _numbers(claims, roles) + _dates(claims, annotations)
