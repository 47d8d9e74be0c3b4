"""A store that follows its sources: an edited file replaces its earlier version, a record a file no longer
holds goes, and removing documents (by id or by source) takes their claims, copy links and story
memberships with them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from storyline.pipeline import ingest, remove_documents, report
from storyline.store import Store

HARBOR = Path(__file__).parent.parent / "fixtures" / "harbor"


def story_sets(store: Store) -> set[frozenset[str]]:
    stories: dict[str, set[str]] = {}
    for doc in store.documents(full=False):
        stories.setdefault(doc.story, set()).add(doc.id)
    return {frozenset(s) for s in stories.values()}


def test_an_edited_file_replaces_its_earlier_version(tmp_path, two_stories):
    store = Store(tmp_path / "s.duckdb")
    ingest([str(two_stories)], store)
    report(store)
    edited = two_stories / "a1_strike.txt"
    edited.write_text(edited.read_text().replace("Union leader Mara Voss said talks",
                                                 "Port spokesman Tomas Brandt said talks"))
    result = ingest([str(two_stories)], store)
    assert result.replaced == ["a1_strike"] and result.added == ["a1_strike"] and result.skipped == 5
    (doc,) = store.documents(["a1_strike"])
    assert "Tomas Brandt" in doc.text and store.document_count() == 6
    speakers = [c.speaker or "" for c in store.annotations(["a1_strike"])["a1_strike"].claims]
    assert any("Brandt" in s for s in speakers) and not any("Voss" in s for s in speakers)
    dossier = report(store)
    strike = next(s for s in dossier.stories if "a1_strike" in s.documents)
    assert sorted(strike.documents) == ["a1_strike", "a2_strike", "a3_strike"]
    texts = " ".join(c.text for c in strike.claims if c.document == "a1_strike")
    assert "Brandt" in texts and "Union leader Mara Voss" not in texts
    store.close()


def test_a_record_gone_from_a_feed_is_deleted_and_the_others_stay(tmp_path, two_stories):
    texts = {p.stem: p.read_text().split("\n\n", 1) for p in sorted(two_stories.iterdir())}
    lines = [json.dumps({"title": head[6:], "maintext": body, "url": f"https://news.example.org/{stem}"})
             for stem, (head, body) in texts.items()]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines))
    store = Store(tmp_path / "s.duckdb")
    ingest([str(feed)], store)
    assert store.document_count() == 6
    feed.write_text("\n".join(lines[:3] + lines[4:]))  # record 4 (b1) dropped, 5 and 6 move up
    result = ingest([str(feed)], store)
    assert result.added == [] and store.document_count() == 5
    assert sorted(d.url.rsplit("/", 1)[1] for d in store.documents(full=False)) == [
        "a1_strike", "a2_strike", "a3_strike", "b2_flood", "b3_flood"]
    store.close()


def test_removing_an_original_makes_its_copy_the_original_and_a_story_goes_with_its_last_document(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    ingest([str(HARBOR / n) for n in ("wire.txt", "republished.txt", "other_story.txt")], store)
    report(store)
    copy = next(d for d in store.documents(full=False) if d.copy_of)
    original, other = copy.copy_of, next(d for d in store.documents(full=False) if d.story != copy.story)
    assert remove_documents(store, [original, "no-such-id"]) == [original]
    (kept,) = [d for d in store.documents(full=False) if d.id == copy.id]
    assert kept.copy_of is None and kept.copy_kind is None
    assert store.annotations([original]) == {} and store.features([original]) == {}
    states = store.story_states([kept.story])
    assert states[kept.story][1]["size"] == 1
    assert [m["doc"] for m in states[kept.story][1]["members"]] == [kept.id]
    assert remove_documents(store, [other.id]) == [other.id]
    dossier = report(store)
    assert [s.documents for s in dossier.stories] == [[kept.id]]
    assert dossier.stories[0].claims and all(c.document == kept.id for c in dossier.stories[0].claims)
    store.close()


def storyline(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "storyline.cli", *args], capture_output=True, timeout=600,
                          text=True)


def test_remove_command_by_source_and_by_id(tmp_path, two_stories):
    store = Store(tmp_path / "s.duckdb")
    ingest([str(two_stories)], store)
    before = story_sets(store)
    store.close()
    run = storyline("remove", "--store", str(tmp_path / "s.duckdb"), "--source",
                    str(two_stories / "b1_flood.txt"), "a2_strike")
    assert run.returncode == 0, run.stderr
    assert "2 documents removed" in run.stderr and "storyline report" in run.stderr
    missing = storyline("remove", "--store", str(tmp_path / "s.duckdb"), "no-such-document")
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert "error: " in missing.stderr and "no document 'no-such-document'" in missing.stderr
    store = Store(tmp_path / "s.duckdb")
    assert story_sets(store) == {s - {"b1_flood", "a2_strike"} for s in before}
    store.close()
