"""`storyline demo` builds the shipped demo corpus; its dossier shows the copies, the denial and the
discrepancy."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from storyline import settings
from storyline.claims.groups import source_of
from storyline.model import Document


def expected() -> dict:
    readme = (settings.DEMO_DIR / "README.md").read_text()
    return json.loads(re.search(r"```json\n(.*?)```", readme, re.DOTALL).group(1))


@pytest.fixture(scope="module")
def dossier(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    run = subprocess.run(
        [sys.executable, "-m", "storyline.cli", "demo", "--out", str(out)], capture_output=True, timeout=900
    )
    assert run.returncode == 0, run.stderr.decode()
    assert str((out / "dossier.html").resolve()) in run.stdout.decode()
    return json.loads((out / "dossier.json").read_text())


def test_all_demo_documents_are_read(dossier):
    ids = {d["id"] for d in dossier["documents"]}
    assert ids == set(expected()["documents"])
    assert dossier["errors"] == []


def test_copies_point_to_the_original(dossier):
    docs = {d["id"]: d for d in dossier["documents"]}
    for doc_id, facts in expected()["documents"].items():
        assert docs[doc_id]["copy_of"] == facts["copy_of"], doc_id
        assert docs[doc_id]["copy_kind"] == facts["copy_kind"], doc_id


def test_stories_are_separated(dossier):
    docs = {d["id"]: d for d in dossier["documents"]}
    for members in expected()["stories"].values():
        assert len({docs[m]["story"] for m in members}) == 1, members
    assert len(dossier["stories"]) == len(expected()["stories"])


def test_the_denial_is_a_denying_claim_in_a_contested_group(dossier):
    story = next(s for s in dossier["stories"] if "a07_valdoria_denial" in s["documents"])
    denials = [
        c for c in story["claims"] if c["document"] == "a07_valdoria_denial" and c["stance"] == "denies"
    ]
    assert denials
    assert any(
        g["contested"] and set(g["denying"]) & {c["id"] for c in denials} for g in story["claim_groups"]
    )


def test_the_two_numbers_are_a_discrepancy(dossier):
    story = next(s for s in dossier["stories"] if "a05_nbn_sources" in s["documents"])
    numbers = [d for g in story["claim_groups"] for d in g["discrepancies"] if d["kind"] == "number"]
    assert any(any("40" in v for v in d["values"]) and any("120" in v for v in d["values"]) for d in numbers)


def test_the_wire_report_counts_once(dossier):
    story = next(s for s in dossier["stories"] if "a01_wire_original" in s["documents"])
    docs = {d["id"]: Document(d["id"], d["source"], "", origin=d["origin"], outlet=d["outlet"],
                              copy_of=d["copy_of"]) for d in dossier["documents"]}
    document_of = {c["id"]: c["document"] for c in story["claims"]}
    for group in story["claim_groups"]:  # supporters only; copies as their root; unknown origins as one
        origins = {source_of(docs[document_of[c]], docs) for c in group["supporting"]}
        assert group["independent_sources"] == len(origins)
    copies = {"a01_wire_original", "a02_exact_republication", "a03_syndicated_copy"}
    wire_only = [
        g for g in story["claim_groups"] if set(g["documents"]) <= copies and len(g["documents"]) > 1
    ]
    assert wire_only and all(g["independent_sources"] == 1 for g in wire_only)


def test_summary_and_timeline_trace_to_documents_and_claim_groups(dossier, traceable, central_claim_first):
    traceable(dossier)
    for story in dossier["stories"]:
        central_claim_first(story)


def test_the_demo_timeline_is_ordered_by_event_date(dossier):
    story = next(s for s in dossier["stories"] if "a01_wire_original" in s["documents"])
    dated = [t for t in story["timeline"] if t["date"]]
    position = {
        name: next(i for i, t in enumerate(dated) if match(t["text"]))
        for name, match in (
            ("deliveries", lambda text: text.startswith("The first deliveries arrived")),
            ("strike", lambda text: "Halvik" in text),
            ("denial", lambda text: "denied sending" in text),
            ("sanctions", lambda text: "imposed sanctions" in text),
        )
    }
    assert position["deliveries"] < position["strike"] < position["denial"] < position["sanctions"]
    assert dated[position["deliveries"]]["date"] == "2024-08"
    assert not any("TAVRIN" in (e["actor"] or "") or e["target"] == "which" for e in story["events"])
    summary = story["summary"]
    assert summary[0]["contested"] and "Valdoria" in summary[0]["attribution"]
    flood = next(s for s in dossier["stories"] if "b01_flood_tribune" in s["documents"])
    peak = next(t for t in flood["timeline"] if "peak on Friday" in t["text"])
    assert peak["date"] == "2024-10-18"  # "expected to peak on Friday" in a Wednesday article: forward
