"""Claim groups: independent sources by origin, contested groups, discrepancies, no chaining."""

from __future__ import annotations

from storyline.corroborate import claim_similarity, group_claims
from storyline.model import Annotation, Claim, Document, Quantity


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
    assert rockets.independent_sources == 3  # AP once, NBN, gov.example
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
    assert discrepancy.kind == "number" and discrepancy.values == ["about 40 drones", "more than 120 drones"]


def test_lexical_containment_raises_short_paraphrases(embedder):
    contents = ["talks had collapsed", "wage talks with the striking crews had not collapsed"]
    plain = embedder.encode(contents)
    assert claim_similarity(contents, plain)[0, 1] > float(plain[0] @ plain[1])
