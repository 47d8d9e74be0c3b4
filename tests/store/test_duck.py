"""The DuckDB store: records round-trip, transactions roll back, stories are marked for recomputation."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.model import Annotation, Claim, ClaimGroup, Document, Features, ReadError, Removal, Story
from storyline.store import Store


def item(doc_id: str, story: str = "s1") -> tuple[Document, Annotation, Features]:
    doc = Document(
        id=doc_id,
        source=f"{doc_id}.txt",
        raw_text="RAW " + doc_id,
        text="Body of " + doc_id,
        content_hash="h" + doc_id,
        authors=["Ana Ferreira"],
        removed=[Removal("56", "counter")],
        story=story,
        origin="AP",
    )
    claim = Claim(
        id=f"{doc_id}:c1",
        document=doc_id,
        text="t",
        content="c",
        speaker="Ana Ferreira",
        speaker_kind="named_person",
        cue="say",
        stance="asserts",
        hedged=False,
    )
    annotation = Annotation(document=doc_id, claims=[claim])
    vectors = np.ones((2, 4), dtype=np.float16)
    features = Features(
        doc_id, np.ones(4, dtype=np.float32), vectors, np.arange(8, dtype=np.uint64), {"x": 1}
    )
    return doc, annotation, features


def test_documents_annotations_and_features_round_trip(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    with store.transaction():
        store.add_documents([item("a"), item("b")])
    store.close()
    store = Store(tmp_path / "s.duckdb")
    [a, b] = store.documents()
    assert (a.id, a.raw_text, a.authors, a.removed) == (
        "a",
        "RAW a",
        ["Ana Ferreira"],
        [Removal("56", "counter")],
    )
    light = store.documents(["b"], full=False)[0]
    assert light.raw_text == "" and light.removed == [] and light.text == "Body of b"
    assert store.annotations(["a"])["a"].claims[0].speaker == "Ana Ferreira"
    features = store.features(["a"])["a"]
    assert features.sentence_vectors.shape == (2, 4) and features.minhash.dtype == np.uint64
    assert store.features(["a"], sentences=False)["a"].sentence_vectors is None
    assert store.db.execute("SELECT count(*) FROM claims").fetchone()[0] == 2


def test_a_failed_transaction_leaves_nothing(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    with pytest.raises(RuntimeError), store.transaction():
        store.add_documents([item("a")])
        raise RuntimeError("interrupted")
    assert store.document_count() == 0 and store.known_hashes() == set()


def test_story_sections_are_recomputed_only_when_dirty(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    with store.transaction():
        store.add_documents([item("a")])
        store.save_story_states({"s1": (np.ones(4, dtype=np.float32), {"size": 1})}, ["s1"])
    assert store.dirty_stories() == ["s1"]
    group = ClaimGroup("g1", "c", ["a:c1"], ["a"], 1, ["a:c1"], [], False)
    with store.transaction():
        store.save_story(Story(id="s1", title="T", documents=["a"], claim_groups=[group]))
    assert store.dirty_stories() == []
    assert store.claim_groups("s1")[0].label == "c"
    doc = store.documents(["a"])[0]
    doc.copy_of, doc.copy_kind = "z", "near"
    with store.transaction():
        store.update_links([doc])
    assert store.dirty_stories() == ["s1"]
    assert store.documents(["a"])[0].copy_of == "z"


def test_a_story_left_without_documents_is_removed_with_its_claim_groups(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    group = ClaimGroup("g1", "c", ["a:c1"], ["a"], 1, ["a:c1"], [], False)
    with store.transaction():
        store.add_documents([item("a")])
        store.save_story_states({sid: (np.ones(4, dtype=np.float32), {"size": 1}) for sid in ("s1", "s2")},
                                ["s1", "s2"])
        store.save_story(Story(id="s1", title="T", documents=["a"], claim_groups=[group]))
    with store.transaction():
        store.remove_stories(["s1"])
    assert [s.id for s in store.stories()] == [] and store.dirty_stories() == ["s2"]
    assert store.claim_groups("s1") == []


def test_errors_are_kept_until_the_source_reads(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    store.record_errors([ReadError("x.txt", "empty file")])
    assert store.errors() == [ReadError("x.txt", "empty file")]
    store.clear_errors(["x.txt"])
    assert store.errors() == []


def test_provenance_round_trips_and_an_older_store_gains_the_column(tmp_path):
    path = tmp_path / "old.duckdb"
    store = Store(path)
    store.db.execute("ALTER TABLE documents DROP COLUMN provenance")  # a store made before provenance
    store.close()
    store = Store(path)
    doc, annotation, features = item("a")
    doc.provenance = {"title": "h1", "published": "json-ld"}
    with store.transaction():
        store.add_documents([(doc, annotation, features)])
    assert store.documents()[0].provenance == {"title": "h1", "published": "json-ld"}


def test_claim_and_event_vectors_round_trip_and_an_older_store_gains_their_columns(tmp_path):
    path = tmp_path / "old.duckdb"
    store = Store(path)
    store.db.execute("ALTER TABLE features DROP COLUMN claim_vectors")  # a store made before they were kept
    store.db.execute("ALTER TABLE features DROP COLUMN event_vectors")
    store.close()
    store = Store(path)
    doc, annotation, features = item("a")
    features.claim_vectors = np.full((1, 4), 0.5, dtype=np.float32)
    features.event_vectors = np.zeros((0, 4), dtype=np.float32)
    with store.transaction():
        store.add_documents([(doc, annotation, features)])
    stored = store.features(["a"])["a"]
    assert np.array_equal(stored.claim_vectors, features.claim_vectors)
    assert stored.event_vectors.shape == (0, 4)
    assert store.features(["a"], sentences=False)["a"].claim_vectors is None


def test_claim_vectors_embedded_after_analysis_are_stored_with_the_document(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    with store.transaction():
        store.add_documents([item("a"), item("b")])  # stored without claim vectors, as analysis leaves them
    later = np.full((2, 4), 0.25, dtype=np.float32)
    with store.transaction():
        store.save_text_vectors({"claim_vectors": {"a": later}, "event_vectors": {}})
    stored = store.features(["a", "b"])
    assert np.array_equal(stored["a"].claim_vectors, later) and stored["b"].claim_vectors is None
    with pytest.raises(ValueError, match="not a column"):
        store.save_text_vectors({"doc_vector": {"a": later}})


def test_a_store_refuses_to_open_for_another_embedding_model(tmp_path):
    path = tmp_path / "s.duckdb"
    store = Store(path, vector_model="model-a")
    with store.transaction():
        store.add_documents([item("a")])
    store.close()
    with pytest.raises(ValueError, match="has vectors of model-a; this build uses model-b: rebuild it"):
        Store(path, vector_model="model-b")
    reopened = Store(path, vector_model="model-a")  # the refusal left the store as it was
    assert [d.id for d in reopened.documents()] == ["a"]
