"""Shared fixtures: the real spaCy pipeline and embedding model, loaded once per test session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    from storyline.annotate.nlp import spacy_pipeline

    return spacy_pipeline()


@pytest.fixture(scope="session")
def embedder():
    from storyline.embeddings import embedder as load

    return load()


@pytest.fixture
def write(tmp_path):
    """Write a file under tmp_path (text or bytes) and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


# Two stories told by three outlets each, in the style of wire copy (invented places and people).
STRIKE = ("Dockworkers in Port Alda walked out on {day} over pay, halting cargo traffic at the northern "
          "terminal, the union said. {who} said talks with the harbour authority would resume next week. "
          "Shipping lines diverted container vessels to Merrow, officials said.")
FLOOD = ("Floodwater swept through the valley town of Halden on {day} after three days of rain, forcing "
         "hundreds of residents from their homes. {who} said rescue teams had reached the lower districts. "
         "The regional council opened two shelters in school buildings.")
TWO_STORIES = {
    "a1_strike.txt": ("Dock strike halts Port Alda cargo", STRIKE, "Monday", "Union leader Mara Voss"),
    "a2_strike.txt": ("Port Alda dockers walk out over pay", STRIKE, "Monday", "Harbour director Ida Kern"),
    "a3_strike.txt": ("Cargo diverted as Port Alda strike goes on", STRIKE, "Tuesday", "Mara Voss"),
    "b1_flood.txt": ("Floods force hundreds from homes in Halden", FLOOD, "Friday", "Mayor Jonas Reel"),
    "b2_flood.txt": ("Halden residents flee rising water", FLOOD, "Friday", "Fire chief Paul Amsel"),
    "b3_flood.txt": ("Shelters open in Halden after floods", FLOOD, "Saturday", "Jonas Reel"),
}


@pytest.fixture
def two_stories(tmp_path) -> Path:
    """A folder of six short plain-text reports: three on a dock strike, three on a flood."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, (title, body, day, who) in TWO_STORIES.items():
        (folder / name).write_text(f"title {title}\n\n{body.format(day=day, who=who)}\n")
    return folder


@pytest.fixture(scope="session")
def traceable():
    """``traceable(dossier_json)``: every summary sentence and timeline entry of every story traces to
    documents of the story and to its claim groups and events; dated entries in order, undated after."""
    return _assert_traceable


@pytest.fixture(scope="session")
def central_claim_first():
    """``central_claim_first(story_json)``: the summary opens with the claim group with the most
    independent sources, citing its supporters and saying its source count."""
    return _assert_central_claim_first


def _assert_traceable(dossier: dict[str, Any]) -> None:
    texts = {d["id"]: " ".join(d["text"].split()) for d in dossier["documents"]}
    for story in dossier["stories"]:
        documents, groups = set(story["documents"]), {g["id"] for g in story["claim_groups"]}
        events = {e["id"] for e in story["events"]}
        assert story["summary"], story["id"]
        for sentence in story["summary"]:
            assert sentence["documents"] and set(sentence["documents"]) <= documents, sentence
            assert set(sentence["claim_groups"]) <= groups, sentence
            assert any(" ".join(sentence["text"].split()) in texts[d] for d in sentence["documents"]), (
                sentence
            )
            assert sentence["independent_sources"] >= 1
        for entry in story["timeline"]:
            assert entry["documents"] and set(entry["documents"]) <= documents, entry
            assert set(entry["claim_groups"]) <= groups and set(entry["events"]) <= events, entry
        dated = [t for t in story["timeline"] if t["date"]]
        assert [t["start"] for t in dated] == sorted(t["start"] for t in dated)
        assert all(not t["date"] for t in story["timeline"][len(dated) :])  # undated ones after, apart


def _assert_central_claim_first(story: dict[str, Any]) -> None:
    """The summary opens with the claim group with the most independent sources, citing its supporters."""
    best = max(g["independent_sources"] for g in story["claim_groups"] if g["supporting"])
    first = story["summary"][0]
    central = [g for g in story["claim_groups"] if g["id"] in first["claim_groups"]]
    assert first["independent_sources"] == best and any(g["independent_sources"] == best for g in central)
    document_of = {c["id"]: c["document"] for c in story["claims"]}
    for group in central:
        if group["independent_sources"] == best:
            assert {document_of[c] for c in group["supporting"]} <= set(first["documents"])
    assert str(best) in first["attribution"]
