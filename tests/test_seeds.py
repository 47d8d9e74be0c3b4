"""The product's first real case, end to end through the command line: the three seed documents.

Skipped where ``../shared`` is absent; the seed texts are never copied into the repository."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.eval import shared_folder

SEEDS = shared_folder("corpus", "seeds", start=Path(__file__))
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="seed documents not present")


@pytest.fixture(scope="module")
def dossier(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds")
    run = subprocess.run([sys.executable, "-m", "storyline.cli", "build", str(SEEDS), "--out", str(out)],
                         capture_output=True, timeout=900)
    assert run.returncode == 0, run.stderr.decode()
    assert {p.name for p in out.iterdir()} >= {"dossier.json", "dossier.md", "dossier.html"}
    return json.loads((out / "dossier.json").read_text())


def by_prefix(dossier: dict, prefix: str) -> dict:
    return next(d for d in dossier["documents"] if d["id"].startswith(prefix))


def test_three_documents_one_story_with_claims_and_timeline(dossier):
    assert len(dossier["documents"]) == 3 and dossier["errors"] == []
    [story] = dossier["stories"]
    assert len(story["documents"]) == 3
    assert story["claims"] and story["claim_groups"] and story["timeline"] and story["summary"]


def test_origins_and_metadata(dossier):
    assert by_prefix(dossier, "000")["origin"] == "CNN"
    assert by_prefix(dossier, "003")["origin"] == "CNN"
    wire = by_prefix(dossier, "002")
    assert (wire["origin"], wire["published"], wire["dateline"]) == ("AP", "2022-10-20", "Washington")
    assert len(wire["authors"]) == 2


def supporters(story: dict, group: dict) -> set[str]:
    document_of = {c["id"]: c["document"] for c in story["claims"]}
    return {document_of[c] for c in group["supporting"]}


def test_a_group_backed_by_000_and_002_counts_two_independent_sources(dossier):
    [story] = dossier["stories"]
    a, b = by_prefix(dossier, "000")["id"], by_prefix(dossier, "002")["id"]
    both = [g for g in story["claim_groups"] if {a, b} <= supporters(story, g)]
    assert both and all(g["independent_sources"] == 2 for g in both)


def test_iranian_personnel_in_crimea_shows_dozens_against_a_small_number(dossier):
    [story] = dossier["stories"]
    a, b = by_prefix(dossier, "000")["id"], by_prefix(dossier, "002")["id"]
    [crimea] = [g for g in story["claim_groups"] if {a, b} <= supporters(story, g) and "Crimea" in g["label"]]
    assert crimea["independent_sources"] == 2
    values = {v for d in crimea["discrepancies"] if d["kind"] == "number" for v in d["values"]}
    assert values == {"dozens", "a relatively small number"}


def test_iran_denials_form_one_group_and_deny_nothing_else(dossier):
    [story] = dossier["stories"]
    denials = {c["id"] for c in story["claims"] if c["stance"] == "denies" and (c["speaker"] or "") == "Iran"}
    holding = [g for g in story["claim_groups"] if denials & set(g["claims"])]
    assert len(denials) == 2 and len(holding) == 1 and denials <= set(holding[0]["denying"])
    assert all(not g["denying"] for g in story["claim_groups"] if g is not holding[0])


def test_russia_struggling_to_replenish_is_backed_by_000_and_003(dossier):
    [story] = dossier["stories"]
    a, c = by_prefix(dossier, "000")["id"], by_prefix(dossier, "003")["id"]
    groups = [g for g in story["claim_groups"] if "replenish" in g["label"]]
    assert any({a, c} <= supporters(story, g) for g in groups)


def test_relative_dates_of_the_dated_copy(dossier):
    [story] = dossier["stories"]
    wire = by_prefix(dossier, "002")["id"]
    dated = {(t["date"], t["precision"]) for t in story["timeline"] if wire in t["documents"]}
    assert ("2022-10-20", "day") in dated and ("2022-08", "month") in dated


def claim_with(story: dict, words: str) -> dict:
    [claim] = [c for c in story["claims"] if words in c["content"]][:1]
    return claim


def test_seed_claims_have_their_speaker_kind_and_stance(dossier):
    [story] = dossier["stories"]
    for words, speaker, kind in (("relatively small number", "Kirby", "named_person"),
                                 ("doing the piloting", "Kirby", "named_person"),
                                 ("grave threat", "Patel", "named_person"),
                                 ("hundreds of drones", "Sullivan", "named_person"),
                                 ("Iran has sent military personnel", "two sources familiar", "anonymous"),
                                 ("Iranian personnel had been dispatched", "A source briefed", "anonymous")):
        claim = claim_with(story, words)
        assert speaker in claim["speaker"] and claim["speaker_kind"] == kind, claim
        assert claim["stance"] == "asserts"
    denials = [c for c in story["claims"] if c["speaker"] == "Iran" and c["stance"] == "denies"]
    assert sorted(c["content"].split()[1] for c in denials) == ["selling", "sending"]
    assert all(c["content"].startswith("Iran ") for c in denials)


def test_seed_claims_without_garbage(dossier):
    [story] = dossier["stories"]
    contents = [c["content"] for c in story["claims"]]
    assert not any("believes have cut off" in c or c == "the coach's presence in Ukraine" for c in contents)
    assert all(c.count('"') % 2 == 0 for c in contents)
    assert claim_with(story, "no comments on the matter")["stance"] == "asserts"
    assert claim_with(story, "The systems themselves were suffering failures")["stance"] == "asserts"
    removed = [r["text"] for d in dossier["documents"] for r in d["removed"]
               if r["kind"] in ("teaser", "caption", "offtopic")]
    texts = {d["id"]: d["text"] for d in dossier["documents"]}
    for claim in story["claims"]:
        assert claim["text"] in texts[claim["document"]]
        assert not any(claim["content"] in r for r in removed), claim


def test_timeline_of_the_seeds_in_event_order(dossier):
    [story] = dossier["stories"]
    dated = [t for t in story["timeline"] if t["date"] and not t["background"]]

    def first(match) -> int:
        return next(i for i, t in enumerate(dated) if match(t))

    kashan = first(lambda t: "Kashan" in t["text"] and t["date"] == "2022-06")
    sullivan = first(lambda t: "Sullivan" in t["text"] and t["date"] == "2022-07")
    august = first(lambda t: t["date"] == "2022-08" and t["type"] in ("FAIL", "PROVIDE"))
    white_house = first(lambda t: "White House" in t["text"] and t["date"] == "2022-10-20")
    assert kashan < sullivan < august < white_house
    dates = {t["date"] for t in story["timeline"]} | {e["date"] for e in story["events"]}
    assert not any(d and (d.startswith("2014") or d in ("2022-07-27", "2021-06-28")) for d in dates)
    assert all(t["inferred"] for t in dated if by_prefix(dossier, "003")["id"] in t["documents"]
               and len(t["documents"]) == 1)
    amini = [t for t in story["timeline"] if "Amini" in t["text"]]
    assert amini and all(t["background"] for t in amini if t["date"])


def test_seed_summary_cites_its_sources_and_says_who_denies(dossier, traceable, central_claim_first):
    traceable(dossier)
    [story] = dossier["stories"]
    central_claim_first(story)
    first = story["summary"][0]
    assert first["independent_sources"] == 2
    assert {by_prefix(dossier, "000")["id"], by_prefix(dossier, "002")["id"]} <= set(first["documents"])
    assert any("Iran" in s["denied_by"] for s in story["summary"])
