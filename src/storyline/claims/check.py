"""``storyline check``: each stored document's stance toward a user's claim, and the verdict.

The stance model reads the claim as a headline and each document's cleaned text as the body. The
verdict counts independent sources, not documents: copies collapse to their root's source and
documents of unknown origin count together (``groups.source_of``); deniers are counted apart from
supporters, and documents that only report the claim apart from both.

A report of a denial restates the accusation at length, so the model alone reads it as agreeing. The
document's extracted claims about the user's claim (same predicate and entities: the grouping's own test)
correct it: a document that carries a denial and no claim for it disagrees (the denial is its first
evidence); one that carries both sides reports them, it does not agree."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from storyline.claims import stance as st
from storyline.claims.groups import Proposition, opposes, propositions, source_of
from storyline.model import Claim, Document

VERDICT_STANCES = {"agree": "supported", "disagree": "denied", "discuss": "reported"}


@dataclass
class DocumentStance:
    """One document's stance toward the claim, the source it stands for, and its evidence sentences."""

    document: str
    title: str | None
    source: str
    stance: str
    probability: float
    evidence: list[str] = field(default_factory=list)


@dataclass
class Verdict:
    """Distinct independent sources per stance (a source may support in one text and deny in another)."""

    supported: list[str]
    denied: list[str]
    reported: list[str]

    def line(self) -> str:
        return (f"supported by {len(self.supported)} independent sources, denied by {len(self.denied)}, "
                f"reported without endorsement by {len(self.reported)}")


@dataclass
class CheckResult:
    claim: str
    documents: list[DocumentStance]
    verdict: Verdict

    def to_json(self) -> dict:
        data = asdict(self)
        data["verdict"]["line"] = self.verdict.line()
        return data


def body_of(doc: Document) -> str:
    """What the model reads of a document: its cleaned text, else the raw text cleaning had to keep."""
    return doc.text or doc.raw_text


def verdict_of(stances: list[DocumentStance]) -> Verdict:
    """Sources behind each stance, each counted once, in the order documents came."""
    by_stance: dict[str, dict[str, None]] = {name: {} for name in VERDICT_STANCES.values()}
    for item in stances:
        if item.stance in VERDICT_STANCES:
            by_stance[VERDICT_STANCES[item.stance]][item.source] = None
    return Verdict(*(list(by_stance[name]) for name in ("supported", "denied", "reported")))


def sides(claims: list[Claim], target: Proposition) -> tuple[list[Claim], list[Claim]]:
    """The claims about the target proposition (a shared predicate and, when both name entities, a
    shared entity) for it and against it."""
    candidates = [c for c in claims if c.content]
    for_it: list[Claim] = []
    against: list[Claim] = []
    for claim, prop in zip(candidates, propositions([c.content for c in candidates]), strict=True):
        if prop.predicates & target.predicates and (
                not (prop.entities and target.entities) or prop.entities & target.entities):
            (against if opposes(claim, prop, target) else for_it).append(claim)
    return for_it, against


def corrected(label: str, for_it: list[Claim], against: list[Claim]) -> str:
    """The model's label corrected by the document's own claims about the user's claim."""
    if label not in ("agree", "discuss") or not against:
        return label
    return "discuss" if for_it else "disagree"


def check(claim: str, documents: list[Document], model: st.StanceModel,
          claims_of: dict[str, list[Claim]] | None = None) -> CheckResult:
    """The stance of every document toward ``claim``, with evidence, and the verdict over sources;
    ``claims_of`` (the documents' extracted claims) lets a reported denial count as disagreeing."""
    documents = [d for d in documents if body_of(d).strip()]
    target = propositions([claim])[0]
    settings = model.settings
    by_id = {d.id: d for d in documents}
    claims = st.prepare_claims([claim])
    bodies = st.prepare_bodies([body_of(d) for d in documents], settings)
    x = st.feature_matrix([(0, i) for i in range(len(documents))], claims, bodies, model.idf, settings)
    labels = model.predict(x)
    probabilities = model.probabilities(x)
    stances = []
    for i, (doc, body, label) in enumerate(zip(documents, bodies, labels, strict=True)):
        shown = [] if label == "unrelated" else st.evidence(claims[0], body, label, settings)
        evidence = [body.sentences[j] for j in shown]
        for_it, against = sides((claims_of or {}).get(doc.id, []), target)
        if corrected(label, for_it, against) != label:
            label = corrected(label, for_it, against)
            evidence = list(dict.fromkeys([against[0].text, *(c.text for c in for_it[:1]), *evidence]))[:3]
        probability = round(float(probabilities[i, st.STANCES.index(label)]), 3)
        stances.append(DocumentStance(
            document=doc.id,
            title=doc.title,
            source=source_of(doc, by_id),
            stance=label,
            probability=probability,
            evidence=evidence,
        ))
    return CheckResult(claim, stances, verdict_of(stances))


def render(result: CheckResult, width: int = 100) -> str:
    """A plain-text table: one line per document (cut at ``width``), its evidence sentences in full
    under it, then the verdict."""
    lines = [f"claim: {result.claim}", ""]
    lines.append(f"{'stance':<10} {'p':>5}  {'source':<24} document")
    for item in sorted(result.documents, key=lambda s: (st.STANCES.index(s.stance), -s.probability)):
        name = item.title or item.document
        lines.append(f"{item.stance:<10} {item.probability:>5.2f}  {item.source[:24]:<24} {name}"[:width])
        lines += [f"{'':18}> {sentence}" for sentence in item.evidence]
    lines += ["", result.verdict.line()]
    return "\n".join(lines)
