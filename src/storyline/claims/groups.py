"""The same claim across documents: groups, who supports and who denies them, independent sources.

A claim's ``content`` is a proposition ("Iran sending drones to Russia" for "Iran denied sending drones
to Russia"). Two claims are one group when their contents embed close AND name agreeing entities and
predicates: a denial of sending does not deny training, nor an intention to sell. A claim denies its
group when its stance toward the GROUP's label is negative: it denies the proposition (``stance ==
"denies"``) or its content negates the label's own predicate ("has not sold" against "sold"), but not
both. So ``denying`` never holds an asserting claim whose content agrees with the label, and a negation
of some other predicate ("reported no casualties") denies nothing."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.spatial.distance import squareform

from storyline import vocabulary
from storyline.annotate.entities import gazetteer, mentions
from storyline.annotate.nlp import ParseMemory, parse
from storyline.claims.discrepancies import Role, discrepancies, quantity_roles
from storyline.claims.group_vocabulary import (
    ANAPHORIC_MAX_WORDS,
    ANAPHORIC_NOUNS,
    DEMONSTRATIVES,
    DENIAL_NOUNS,
    INTENTION_VERBS,
    LIGHT_VERBS,
    NEGATORS,
    PREDICATE_CLASSES,
    PREDICATE_NOUNS,
    PRESENCE,
    PRESENCE_PREPOSITIONS,
    PRESENCE_WORDS,
    REFUTATION_OPENINGS,
    REFUTATION_WORDS,
    THEME_CLASSES,
)
from storyline.model import Annotation, Claim, ClaimGroup, ClaimReading, Document, Mention, Sentence

UNKNOWN_SOURCE = "unknown"  # every document with neither origin nor outlet, together: one source


@dataclass(frozen=True)
class GroupSettings:
    """How claims are grouped, with the reason for each default."""

    # Average-linkage cut on the pair score, and the bonus / penalty added when both claims name a shared
    # entity or predicate / name some and share none. Inside one story every claim shares its topic (pair
    # cosines of 0.55-0.7 between different claims of the seeds), so the defaults were set on the seeds and
    # the demo (development, not held out). Across Emergent's 300 unrelated claims the fit half prefers a
    # looser cut (0.3, conflict 0.15): ``storyline eval groups`` fits them there and reports both.
    same_claim: float = 0.55
    agreement: float = 0.05
    conflict: float = 0.25
    # Lexical containment raises a pair only when it shares this many content words (one shared word
    # such as "drones" says nothing).
    min_shared_words: int = 2
    # Label candidates whose summed similarity comes this close to the best are tied, and the first wins:
    # in a group of two the sums differ only by the noise of each content's cosine to itself (about 1e-7,
    # which changes with the batch its vector was embedded in), and a label must not follow that noise.
    label_tie: float = 1e-4


@dataclass(frozen=True)
class Proposition:
    """What a claim's content says, as grouping compares it."""

    entities: frozenset[str]  # entity keys (a capital or demonym as its country)
    # predicate classes of the main verbs, with their theme when known: "TRANSFER:ARMS" for sold drones,
    # "INTEND>TRANSFER:ARMS" for an intention to sell them
    predicates: frozenset[str]
    negated: frozenset[str]  # predicate classes the content negates
    anaphoric: bool  # "the allegations": points back at a claim it does not repeat
    refutes: bool = False  # calls a proposition false whatever its predicate ("a hoax", "debunked")


def entity_key(mention: Mention) -> str:
    """One key for Iran, Tehran and "Iranian": a capital or a demonym stands for its country.

    Single words are cut to four letters so that a demonym the gazetteer lacks ("Valdorian") still meets
    its country ("Valdoria")."""
    name = mention.attributes.get("metonymy") or mention.attributes.get("canonical") or mention.text
    entry = gazetteer().by_name.get(name)
    if entry is not None:
        name = entry.attributes.get("capital_of") or entry.attributes.get("country") or entry.name
    key = " ".join(name.lower().replace("’s", "").replace("'s", "").split())
    return key if " " in key else key[:4]


def _class_of(token) -> str | None:
    """The predicate class of a verb, or of a noun that names an act ("deliveries"); None otherwise."""
    lemma = token.lemma_.lower()
    if lemma == "be" and _presence(token):
        return PRESENCE
    if lemma in LIGHT_VERBS or lemma in INTENTION_VERBS:
        return None
    if token.pos_ == "VERB":
        return PREDICATE_CLASSES.get(lemma, lemma)
    if token.pos_ == "NOUN" and lemma in PREDICATE_NOUNS:
        return PREDICATE_CLASSES.get(lemma, lemma)
    if token.pos_ == "NOUN" and token.lower_.endswith("ing"):
        return _gerund_class(token.lower_)
    return None


def _gerund_class(word: str) -> str | None:
    """The class of a gerund the tagger took for a noun ("Corvania selling shells": "selling")."""
    stem = word[:-3]
    return next((PREDICATE_CLASSES[s] for s in (stem, stem + "e", stem[:-1]) if s in PREDICATE_CLASSES), None)


def _presence(token) -> bool:
    """A copula that places its subject somewhere: "technicians are on the peninsula", "was present"."""
    return any(
        (c.dep_ == "prep" and c.lower_ in PRESENCE_PREPOSITIONS)
        or (c.dep_ in ("acomp", "advmod") and c.lower_ in PRESENCE_WORDS)
        for c in token.children
    )


def _theme(token) -> str | None:
    """The kind of thing a predicate moves: the head of its object or passive subject, looking through
    "a small number of" and "dozens of"."""
    for child in token.children:
        subject_of_copula = child.dep_ == "nsubj" and token.lemma_ == "be"
        if child.dep_ not in ("dobj", "nsubjpass", "obj") and not subject_of_copula:
            continue
        of = [g for p in child.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        heads = [child, *of]
        for head in heads:
            theme = THEME_CLASSES.get(head.lemma_.lower()) or THEME_CLASSES.get(head.lower_.rstrip("s"))
            if theme:
                return theme
    return None


def _negated(token) -> bool:
    """A negator on the word, its object or subject ("did not send", "sent no drones", "no technician was
    present", "never trained")."""
    for child in token.children:
        if child.dep_ == "neg" or child.lower_ in NEGATORS:
            return True
        negated_argument = any(g.lower_ in NEGATORS for g in child.children)
        if child.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and negated_argument:
            return True
    return False


def _intention(token):
    """The intention verb a verb depends on ("intends to sell"), or None."""
    head = token.head
    while token.dep_ in ("xcomp", "ccomp", "conj", "dobj") and head.i != token.i:
        if head.lemma_.lower() in INTENTION_VERBS:
            return head
        token, head = head, head.head
    return None


def main_predicates(doc) -> list:
    """The words that carry a content's proposition: the nearest ones to the root that have a predicate
    class, walking through light and intention verbs ("is that ... put", "intends to sell"). Verbs of
    subordinate detail ("to launch against", "after taking delivery") are not the claim's predicate."""
    level = [t for t in doc if t.head.i == t.i][:1]
    seen: set[int] = set()
    while level:
        found = [t for t in level if _class_of(t) is not None]
        if found:
            conjuncts = [c for t in found for c in t.conjuncts if _class_of(c) is not None]
            return found + [c for c in conjuncts if c.i not in {t.i for t in found}]
        seen.update(t.i for t in level)
        level = [c for t in level for c in t.children if c.i not in seen and not c.is_punct]
    return []


def proposition_of(doc) -> Proposition:
    """The entities, main predicate classes, negations and anaphora of one parsed content."""
    text = doc.text
    keys = frozenset(entity_key(m) for m in mentions(doc, [Sentence(0, 0, len(text), text)]))
    predicates, negated = set(), set()
    for token in main_predicates(doc):
        cls = _class_of(token)
        theme = _theme(token)
        intention = _intention(token)
        cls = cls if theme is None else f"{cls}:{theme}"
        if intention is not None:
            cls = "INTEND>" + cls
        predicates.add(cls)
        if _negated(token) or (intention is not None and _negated(intention)):
            negated.add(cls)
    words = [t for t in doc if not t.is_punct]
    root = next((t for t in doc if t.head.i == t.i), None)
    if root is not None and root.lower_ in DENIAL_NOUNS:
        negated |= predicates  # "its denial that drones had been sent" negates the sending
    anaphoric = bool(
        root is not None
        and len(words) <= ANAPHORIC_MAX_WORDS
        and root.lower_ in ANAPHORIC_NOUNS
        and any(c.lower_ in DEMONSTRATIVES for c in root.children)
    )
    refutes = any(t.lower_ in REFUTATION_WORDS for t in doc) or text.lower().startswith(REFUTATION_OPENINGS)
    return Proposition(keys, frozenset(predicates), frozenset(negated), anaphoric, refutes)


def propositions(contents: Sequence[str]) -> list[Proposition]:
    """Propositions of claim contents, each parsed alone."""
    return [proposition_of(d) for d in parse(list(contents))]


def read_claims(claims: Sequence[Claim], processes: int = 1,
                memory: ParseMemory | None = None) -> list[ClaimReading]:
    """What grouping reads of each claim's content parsed alone (``ClaimReading``): done at analysis,
    a batch's contents in one call, so that a report parses nothing (nor loads spaCy). One process by
    default: on 596 contents of 60 FNC-1 bodies two took 2.8 CPU-s and more wall time against one's
    2.0 (each short Doc is sent back from the worker, which costs more than parsing it). ``memory``:
    parses of contents kept from earlier batches (``parse``)."""
    if not claims:
        return []
    readings = []
    parsed = parse([c.content for c in claims], processes=processes, memory=memory)
    for claim, doc in zip(claims, parsed, strict=True):
        prop = proposition_of(doc)
        readings.append(ClaimReading(claim.id, sorted(prop.entities), sorted(prop.predicates),
                                     sorted(prop.negated), prop.anaphoric, prop.refutes,
                                     [list(r) for r in quantity_roles(doc)]))
    return readings


def _readings(claims: Sequence[Claim], annotations: dict[str, Annotation]) -> list[ClaimReading]:
    """Each claim's stored reading; the claims without one (a store written before they were kept, an
    evaluation's claims) are parsed here."""
    stored = {r.claim: r for a in annotations.values() for r in a.claim_readings}
    found: list[ClaimReading | None] = [stored.get(c.id) for c in claims]
    missing = [i for i, r in enumerate(found) if r is None]
    for i, reading in zip(missing, read_claims([claims[i] for i in missing]), strict=True):
        found[i] = reading
    return [r for r in found if r is not None]


def _proposition(reading: ClaimReading) -> Proposition:
    return Proposition(frozenset(reading.entities), frozenset(reading.predicates), frozenset(reading.negated),
                       reading.anaphoric, reading.refutes)


def _roles(reading: ClaimReading) -> list[Role]:
    return [(unit or "", governor) for unit, governor in reading.roles]


def source_of(doc: Document, docs: dict[str, Document] | None = None) -> str:
    """The independent source a document stands for.

    A copy counts as its root's source (its outlet only re-published it); otherwise the origin (whose
    reporting it carries), else the outlet that published it (its own reporting), else ``UNKNOWN_SOURCE``:
    documents with neither are counted together as one source, not one each, since nothing says they are
    independent."""
    seen = {doc.id}
    while doc.copy_of and docs and doc.copy_of in docs and doc.copy_of not in seen:
        doc = docs[doc.copy_of]
        seen.add(doc.id)
    if doc.origin:
        return doc.origin
    if doc.copy_of:
        return f"copy of {doc.copy_of}"  # its root is not at hand; it counts with that root
    return doc.outlet or UNKNOWN_SOURCE


def content_words(text: str) -> set[str]:
    return set(vocabulary.content_words(text, min_length=2))


def _incidence(sets: Sequence[frozenset[str] | set[str]]) -> csr_matrix:
    vocabulary = {w: k for k, w in enumerate(sorted(set().union(*sets)))} if sets else {}
    rows = [i for i, s in enumerate(sets) for _ in s]
    cols = [vocabulary[w] for s in sets for w in s]
    return csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(sets), max(len(vocabulary), 1)))


def _shared(sets: Sequence[frozenset[str] | set[str]]) -> tuple[np.ndarray, np.ndarray]:
    """How many members each pair of sets shares, and whether both are non-empty."""
    incidence = _incidence(sets)
    shared = (incidence @ incidence.T).toarray()
    sizes = np.array([len(s) for s in sets])
    return shared, np.logical_and.outer(sizes > 0, sizes > 0)


def _predicate_agreement(props: Sequence[Proposition]) -> tuple[np.ndarray, np.ndarray]:
    """Pairs that share a predicate (a class without a known theme matches any theme of that class), and
    pairs that both name predicates."""
    full = [p.predicates for p in props]
    bare = [frozenset(k.split(":")[0] for k in p.predicates) for p in props]
    untyped = [frozenset(k for k in p.predicates if ":" not in k) for p in props]
    both = full + bare + untyped
    incidence = _incidence(both)
    n = len(props)
    product = (incidence @ incidence.T).toarray()
    shared = product[:n, :n] + product[n : 2 * n, 2 * n :] + product[2 * n :, n : 2 * n]
    sizes = np.array([len(s) for s in full])
    return shared > 0, np.logical_and.outer(sizes > 0, sizes > 0)


def claim_similarity(contents: Sequence[str], vectors: np.ndarray, min_shared_words: int = 2) -> np.ndarray:
    """Pairwise similarity of claim contents: the embedding cosine, raised by lexical containment.

    Short contents ("talks had collapsed" against "wage talks ... had not collapsed") embed far apart
    though they are the same claim; the share of the shorter claim's content words found in the
    longer one catches them."""
    cosine = vectors @ vectors.T
    words = [content_words(c) for c in contents]
    shared, _ = _shared(words)
    sizes = np.array([len(ws) for ws in words], dtype=float)
    containment = shared / np.maximum(np.minimum.outer(sizes, sizes), 1.0)
    raised = np.maximum(cosine, 0.5 * cosine + 0.5 * containment)
    sims = np.where(shared >= min_shared_words, raised, cosine)
    np.fill_diagonal(sims, np.diag(cosine))  # a claim's similarity to itself stays its cosine
    return sims


def pair_scores(
    similarity: np.ndarray, props: Sequence[Proposition], opposing: np.ndarray, settings: GroupSettings
) -> np.ndarray:
    """Similarity adjusted by the agreement of entities and predicates.

    A pair where one claim opposes a proposition (a denial, a negated predicate) must share a predicate
    class and not name disjoint entities: "Iran denied sending drones" says nothing about training."""
    if not len(props):
        return similarity
    shared_entities, both_entities = _shared([p.entities for p in props])
    predicate_agree, both_predicates = _predicate_agreement(props)
    entity_conflict = both_entities & (shared_entities == 0)
    predicate_conflict = both_predicates & ~predicate_agree
    score = (
        similarity
        + settings.agreement * ((shared_entities > 0).astype(float) + predicate_agree)
        - settings.conflict * (entity_conflict.astype(float) + predicate_conflict)
    )
    either_opposes = np.logical_or.outer(opposing, opposing)
    allowed = predicate_agree & ~entity_conflict
    return np.where(either_opposes & ~allowed, np.minimum(score, 0.0), score)


def cluster(scores: np.ndarray, documents: Sequence[str], threshold: float) -> list[list[int]]:
    """Average-linkage clusters of claims whose mean pair score reaches ``threshold``.

    Average linkage does not chain one story's claims into one group as single linkage does. Two claims
    of one document alone never form a group (a document rarely states one claim twice), but their pair
    counts as neutral inside a larger group: a lede and a later detail of one article can both join
    another outlet's claim."""
    n = len(documents)
    if n == 0:
        return []
    if n == 1:
        return [[0]]
    distance = 1.0 - scores
    same_document = np.equal.outer(np.array(documents), np.array(documents))
    distance[same_document] = 1.0 - threshold + 1e-6
    np.fill_diagonal(distance, 0.0)
    distance = np.clip((distance + distance.T) / 2, 0.0, None)
    tree = linkage(squareform(distance, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
    members: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        members[int(label)].append(i)
    return sorted(members.values(), key=lambda idx: (-len(idx), idx[0]))


def _sentence_entities(claim: Claim, annotation: Annotation | None) -> set[str]:
    if annotation is None:
        return set()
    return {entity_key(m) for m in annotation.mentions if m.sentence == claim.sentence}


def _antecedent(
    i: int, claims: Sequence[Claim], props: Sequence[Proposition], group_of: dict[int, int],
    groups: list[list[int]], annotations: dict[str, Annotation],
) -> int | None:
    """The group an anaphoric denial ("rejected the allegations as baseless") points back at.

    The most recent earlier claim of its document that names an entity of the denial's sentence (the
    accused); else the story's largest group naming such an entity."""
    claim = claims[i]
    entities = _sentence_entities(claim, annotations.get(claim.document)) | set(props[i].entities)
    if not entities:
        return None
    earlier = [
        j for j, c in enumerate(claims)
        if c.document == claim.document and c.sentence < claim.sentence and j in group_of
        and (_sentence_entities(c, annotations.get(c.document)) | props[j].entities) & entities
    ]
    if earlier:
        return group_of[max(earlier, key=lambda j: claims[j].sentence)]
    naming = [g for g, idx in enumerate(groups) if any(props[j].entities & entities for j in idx)]
    return max(naming, key=lambda g: len({claims[j].document for j in groups[g]}), default=None)


def opposes(claim: Claim, prop: Proposition, label: Proposition) -> bool:
    """Whether a member is against the group's label: it denies the proposition, or its content negates a
    predicate the label states (or affirms one the label negates) or calls it false ("a hoax"), but not
    both (a denial of a negation supports)."""
    shared = prop.predicates & label.predicates
    content_opposes = (bool(prop.negated & shared) != bool(label.negated & shared)) or (
        prop.refutes and not label.refutes and claim.stance != "denies")
    return (claim.stance == "denies") != content_opposes


def _label_index(idx: list[int], claims: Sequence[Claim], props: Sequence[Proposition],
                 similarity: Callable[[], np.ndarray], tie: float) -> int:
    """The group's most central asserted, un-negated content (copies do not outvote the rest); the first
    of those within ``tie`` of the most central."""
    distinct = list({claims[i].content: i for i in idx}.values())
    plain = [i for i in distinct if claims[i].stance != "denies" and not props[i].negated]
    asserted = [i for i in distinct if claims[i].stance != "denies"]
    candidates = plain or asserted or distinct
    if len(candidates) == 1:
        return candidates[0]
    centrality = similarity()[np.ix_(candidates, distinct)].sum(axis=1)
    return candidates[int(np.flatnonzero(centrality >= centrality.max() - tie)[0])]


def group_claims(
    claims: list[Claim], vectors: np.ndarray | Callable[[], np.ndarray], docs: dict[str, Document],
    annotations: dict[str, Annotation], settings: GroupSettings | None = None,
) -> list[ClaimGroup]:
    """Claim groups with their supporting and denying claims, independent sources and discrepancies.

    ``vectors``: the contents' embeddings, or what embeds them, called only when they are compared (claims
    of two documents, or a label chosen among several contents): most stories of one document never are."""
    settings = settings or GroupSettings()
    readings = _readings(claims, annotations)
    props = [_proposition(r) for r in readings]
    similarity = functools.cache(lambda: claim_similarity(
        [c.content for c in claims], vectors() if callable(vectors) else vectors, settings.min_shared_words))
    opposing = np.array([c.stance == "denies" or bool(p.negated) for c, p in zip(claims, props, strict=True)])
    pointing = {i for i, c in enumerate(claims) if props[i].anaphoric and c.stance == "denies"}
    rest = [i for i in range(len(claims)) if i not in pointing]
    if len({claims[i].document for i in rest}) > 1:
        scores = pair_scores(similarity()[np.ix_(rest, rest)], [props[i] for i in rest], opposing[rest],
                             settings)
        found = cluster(scores, [claims[i].document for i in rest], settings.same_claim)
    else:  # two claims of one document alone never form a group (``cluster``)
        found = [[k] for k in range(len(rest))]
    clusters = [[rest[k] for k in c] for c in found]
    group_of = {i: g for g, idx in enumerate(clusters) for i in idx}
    for i in sorted(pointing):
        target = _antecedent(i, claims, props, group_of, clusters, annotations)
        if target is None:
            clusters.append([i])
            target = len(clusters) - 1
        else:
            clusters[target].append(i)
        group_of[i] = target
    clusters.sort(key=lambda idx: (-len(idx), min(idx)))
    return [
        _group(f"g{n + 1}", sorted(idx), claims, props, readings, similarity, docs, annotations, settings)
        for n, idx in enumerate(clusters)
    ]


def _group(
    group_id: str, idx: list[int], claims: Sequence[Claim], props: Sequence[Proposition],
    readings: Sequence[ClaimReading],
    similarity: Callable[[], np.ndarray], docs: dict[str, Document], annotations: dict[str, Annotation],
    settings: GroupSettings,
) -> ClaimGroup:
    label = _label_index([i for i in idx if not props[i].anaphoric] or idx, claims, props, similarity,
                         settings.label_tie)
    against = {i for i in idx if i != label and opposes(claims[i], props[i], props[label])}
    if claims[label].stance == "denies":
        against.add(label)  # a group of denials only: its label is the proposition they deny
    supporting = [claims[i] for i in idx if i not in against]
    denying = [claims[i] for i in idx if i in against]
    origins = sorted({source_of(docs[c.document], docs) for c in supporting})
    return ClaimGroup(
        id=group_id,
        label=claims[label].content,
        claims=[claims[i].id for i in idx],
        documents=sorted({claims[i].document for i in idx}),
        independent_sources=len(origins),
        supporting=[c.id for c in supporting],
        denying=[c.id for c in denying],
        contested=bool(supporting and denying),
        discrepancies=discrepancies([claims[i] for i in idx if i not in against],
                                    [_roles(readings[i]) for i in idx if i not in against], annotations),
        origins=origins,
        denying_sources=len({source_of(docs[c.document], docs) for c in denying}),
    )


SentenceKey = tuple[str, int]  # (document id, sentence index)


def sentence_support(
    groups: list[ClaimGroup], claims: list[Claim]
) -> dict[SentenceKey, tuple[list[str], int]]:
    """For each (document, sentence) that states a claim: its claim groups and the most independent
    sources behind any of them (the summary prefers such sentences, the timeline cites the groups)."""
    claim_by_id = {c.id: c for c in claims}
    support: dict[SentenceKey, tuple[list[str], int]] = {}
    for group in groups:
        for claim_id in group.claims:
            key = (claim_by_id[claim_id].document, claim_by_id[claim_id].sentence)
            ids, sources = support.get(key, ([], 0))
            support[key] = (ids + [group.id], max(sources, group.independent_sources))
    return support
