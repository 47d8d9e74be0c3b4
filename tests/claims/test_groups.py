"""Claim groups: independent sources by origin, denials joining only what they deny, discrepancies."""

from __future__ import annotations

from storyline.annotate.quantities import find_quantities
from storyline.claims.discrepancies import role
from storyline.claims.groups import (
    UNKNOWN_SOURCE,
    claim_similarity,
    group_claims,
    opposes,
    propositions,
    source_of,
)
from storyline.model import Annotation, Claim, Document, Mention, Quantity, Sentence, TimeExpression


def claim(doc: str, n: int, content: str, stance: str = "asserts") -> Claim:
    return Claim(id=f"{doc}:c{n}", document=doc, text=content, content=content, speaker="x",
                 speaker_kind="organization", cue="say", stance=stance, hedged=False, sentence=n)


def test_groups_count_origins_and_mark_denials(embedder):
    docs = {
        "wire": Document(id="wire", source="", raw_text="", origin="AP"),
        "copy": Document(id="copy", source="", raw_text="", origin="AP", outlet="Daily", copy_of="wire"),
        "tv": Document(id="tv", source="", raw_text="", origin="NBN"),
        "gov": Document(id="gov", source="", raw_text="", outlet="gov.example"),
    }
    claims = [
        claim("wire", 1, "Velmora shipped 40 rockets to the rebels in May"),
        claim("copy", 1, "Velmora shipped 40 rockets to the rebels in May"),
        claim("tv", 1, "Velmora sent rockets to the rebel army in May"),
        claim("gov", 1, "Velmora shipping rockets to the rebels", stance="denies"),
        claim("tv", 2, "the harvest in the northern valleys was the best in a decade"),
    ]
    annotations = {d: Annotation(document=d) for d in docs}
    groups = group_claims(claims, embedder.encode([c.content for c in claims]), docs, annotations)
    rockets = next(g for g in groups if "wire:c1" in g.claims)
    assert set(rockets.documents) == {"wire", "copy", "tv", "gov"}
    assert rockets.independent_sources == 2 and rockets.denying_sources == 1  # AP once, NBN; gov denies
    assert rockets.denying == ["gov:c1"] and rockets.contested
    harvest = next(g for g in groups if "tv:c2" in g.claims)
    assert harvest.claims == ["tv:c2"]


def test_two_claims_of_one_document_are_not_one_group(embedder):
    docs = {"a": Document(id="a", source="", raw_text="")}
    claims = [claim("a", 1, "the dam held overnight"), claim("a", 2, "the dam held through the night")]
    groups = group_claims(claims, embedder.encode([c.content for c in claims]), docs, {"a": Annotation("a")})
    assert len(groups) == 2


def test_different_numbers_from_two_documents_are_a_discrepancy(embedder):
    docs = {d: Document(id=d, source="", raw_text="", origin=d.upper()) for d in ("a", "b")}
    claims = [claim("a", 0, "about 40 drones were delivered to the army"),
              claim("b", 0, "more than 120 drones were delivered to the army")]
    annotations = {
        "a": Annotation("a", quantities=[Quantity("about 40 drones", 0, 15, 0, 40.0, "drones")]),
        "b": Annotation("b", quantities=[Quantity("more than 120 drones", 0, 20, 0, 120.0, "drones")]),
    }
    [group] = group_claims(claims, embedder.encode([c.content for c in claims]), docs, annotations)
    [discrepancy] = group.discrepancies
    assert discrepancy.kind == "number" and discrepancy.values == ["about 40", "more than 120"]


def test_lexical_containment_raises_short_paraphrases(embedder):
    contents = ["talks had collapsed", "wage talks with the striking crews had not collapsed"]
    plain = embedder.encode(contents)
    assert claim_similarity(contents, plain)[0, 1] > float(plain[0] @ plain[1])


def origin_docs(**origins: str | None) -> dict[str, Document]:
    return {d: Document(id=d, source="", raw_text="", origin=o) for d, o in origins.items()}


def test_a_denial_joins_only_the_claim_it_denies(embedder):
    docs = origin_docs(wire="AP", tv="NBN", gov="Velmora News", paper="Ledger")
    claims = [
        claim("wire", 1, "Velmora has shipped dozens of rockets to the rebels"),
        claim("tv", 1, "Velmora sent rockets to the rebel army"),
        claim("paper", 1, "the rebels have started training on Velmoran rockets"),
        claim("paper", 2, "Velmora intends to sell the rebels hundreds of rockets"),
        claim("gov", 1, "Velmora sending rockets to the rebels", stance="denies"),
    ]
    annotations = {d: Annotation(document=d) for d in docs}
    groups = group_claims(claims, embedder.encode([c.content for c in claims]), docs, annotations)
    denied = [g for g in groups if "gov:c1" in g.claims]
    assert len(denied) == 1 and {"wire:c1", "tv:c1"} <= set(denied[0].claims)
    assert not ({"paper:c1", "paper:c2"} & set(denied[0].claims))  # training, an intention: other claims
    assert all(not g.contested for g in groups if g is not denied[0])


def test_negation_of_another_predicate_denies_nothing(embedder):
    docs = origin_docs(a="AP")
    claims = [claim("a", 1, "emergency services reported no casualties in the strike"),
              claim("a", 2, "the launchers were suffering failures and not performing as expected")]
    groups = group_claims(claims, embedder.encode([c.content for c in claims]), docs, {"a": Annotation("a")})
    assert all(g.denying == [] and not g.contested for g in groups)


def test_a_claim_negating_the_label_denies_it(embedder):
    docs = origin_docs(a="AP", b="Reuters")
    claims = [claim("a", 1, "Velmora has sold rockets to the rebels"),
              claim("b", 1, "Velmora has not sold rockets to the rebels")]
    [group] = group_claims(claims, embedder.encode([c.content for c in claims]), docs,
                           {d: Annotation(d) for d in docs})
    assert group.supporting == ["a:c1"] and group.denying == ["b:c1"] and group.contested
    assert group.independent_sources == 1 and group.denying_sources == 1


def test_an_anaphoric_denial_joins_the_accusation_of_its_document(embedder):
    docs = origin_docs(a="AP", b="Reuters")
    claims = [
        claim("a", 1, "Velmora has shipped more than 100 rockets to the rebels"),
        claim("a", 2, "the harvest in the valley was poor this year"),
        claim("a", 3, "the allegations as baseless", stance="denies"),
        claim("b", 1, "Velmora shipped rockets to the rebels"),
    ]
    named = [Mention("Velmora", "GPE", 0, 7, sentence) for sentence in (1, 3)]  # accused, denier
    annotations = {"a": Annotation("a", mentions=named), "b": Annotation("b")}
    groups = group_claims(claims, embedder.encode([c.content for c in claims]), docs, annotations)
    accusation = next(g for g in groups if "a:c1" in g.claims)
    assert "a:c3" in accusation.denying and accusation.contested


def test_sources_collapse_copies_and_unknown_origins(embedder):
    docs = {
        "wire": Document(id="wire", source="", raw_text="", origin="AP"),
        "copy": Document(id="copy", source="", raw_text="", outlet="Daily", copy_of="wire"),
        "blog1": Document(id="blog1", source="", raw_text=""),
        "blog2": Document(id="blog2", source="", raw_text=""),
        "paper": Document(id="paper", source="", raw_text="", outlet="The Ledger"),
    }
    assert source_of(docs["copy"], docs) == "AP"
    assert source_of(docs["blog1"], docs) == source_of(docs["blog2"], docs) == UNKNOWN_SOURCE
    assert source_of(docs["paper"], docs) == "The Ledger"


def test_dozens_against_a_small_number_is_a_discrepancy_but_one_documents_two_days_are_not(embedder):
    docs = origin_docs(a="AP", b="CNN")
    claims = [claim("a", 0, "Velmora has sent a relatively small number of personnel to the peninsula"),
              claim("b", 0, "dozens of Velmoran personnel had been dispatched to the peninsula")]
    days = [TimeExpression("Monday", 0, 6, 0, "2024-10-14", "day"),
            TimeExpression("Friday", 0, 6, 1, "2024-10-18", "day")]
    annotations = {"a": Annotation("a", times=days), "b": Annotation("b")}
    [group] = group_claims(claims, embedder.encode([c.content for c in claims]), docs, annotations)
    found = [(d.kind, d.values) for d in group.discrepancies]
    assert found == [("number", ["a relatively small number", "dozens"])]


def test_amounts_in_different_roles_are_not_compared(nlp):
    content = "the car has a top speed of 109 mph and reaches 60 mph in four seconds"
    doc = nlp(content)
    first, second, _ = find_quantities([Sentence(0, 0, len(content), content)])
    assert role(first, doc) != role(second, doc)


def test_propositions_tell_predicates_themes_and_intentions_apart():
    sent, sold, intends, trained = propositions([
        "Velmora sent trainers to the peninsula", "Velmora sold drones to the rebels",
        "Velmora intends to sell drones to the rebels", "the rebels trained on Velmoran drones",
    ])
    assert sent.predicates == {"TRANSFER:PEOPLE"} and sold.predicates == {"TRANSFER:ARMS"}
    assert intends.predicates == {"INTEND>TRANSFER:ARMS"} and trained.predicates == {"TRAIN"}


def test_a_denial_noun_negates_its_clause():
    [denial] = propositions(["its denial that any rockets had been sent to the rebels"])
    assert denial.negated == denial.predicates == {"TRANSFER:ARMS"}


def test_a_negated_presence_denies_the_presence():
    present, absent = propositions(["Velmoran technicians are on the peninsula repairing the launchers",
                                    "no Velmoran technician was present on the peninsula"])
    assert present.predicates == absent.predicates == absent.negated == {"PRESENT:PEOPLE"}


def test_the_labelled_story_is_grouped_and_sided_as_labelled():
    from storyline.eval.groups import FIXTURE, fixture_figures

    figures = fixture_figures(FIXTURE)
    assert figures["fixture_bcubed_f1"] >= 0.9 > figures["fixture_baseline_bcubed_f1"]
    assert figures["fixture_position_accuracy"] == figures["fixture_denials_alone"] == 1.0


def test_a_refutation_opposes_whatever_its_predicate():
    claims = [claim("a", 1, "a farmer in Velmora grew a pumpkin weighing a tonne"),
              claim("b", 1, "the Velmoran tonne pumpkin story is a hoax")]
    label, hoax = propositions([c.content for c in claims])
    assert opposes(claims[1], hoax, label) and not opposes(claims[0], label, label)


def test_a_denied_amount_is_no_discrepancy(embedder):
    docs = origin_docs(a="AP", b="Reuters")
    claims = [claim("a", 0, "Velmora has shipped about 40 rockets to the rebels"),
              claim("b", 0, "Velmora has shipped more than 120 rockets to the rebels", stance="denies")]
    [group] = group_claims(claims, embedder.encode([c.content for c in claims]), docs,
                           {d: Annotation(d) for d in docs})
    assert group.denying == ["b:c0"] and group.discrepancies == []


def test_a_group_of_two_is_labelled_by_its_first_claim_whatever_the_vectors_noise(embedder):
    docs = {d: Document(id=d, source="", raw_text="", outlet=d) for d in ("herald", "courier")}
    claims = [claim("herald", 1, "the port authority closed the northern terminal on Monday"),
              claim("courier", 1, "the northern terminal was closed by the port authority on Monday")]
    vectors = embedder.encode([c.content for c in claims])
    for noise in (1 + 1e-6, 1 - 1e-6):  # the second content's cosine to itself just above, then below 1
        noisy = vectors * [[1.0], [noise]]
        [group] = group_claims(claims, noisy, docs, {d: Annotation(d) for d in docs})
        assert group.label == claims[0].content
