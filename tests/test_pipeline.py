"""End to end through the real models: copies, stories, claims, denials, independent sources."""

from __future__ import annotations

import shutil
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from storyline import pipeline, stories
from storyline.claims.groups import source_of
from storyline.report.jsondoc import to_json
from storyline.store import Store

HARBOR = Path(__file__).parent / "fixtures" / "harbor"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for name in ("wire.txt", "republished.txt", "broadcaster.txt", "other_story.txt"):
        shutil.copy(HARBOR / name, folder / name)
    store = Store(tmp_path_factory.mktemp("store") / "s.duckdb")
    result = pipeline.ingest([str(folder)], store)
    dossier = pipeline.report(store)
    return folder, store, result, dossier


def test_every_document_is_read_once(built):
    _, _, result, dossier = built
    assert sorted(result.added) == ["broadcaster", "other_story", "republished", "wire"]
    assert result.errors == []
    assert len(dossier.documents) == 4


def test_republication_is_an_exact_copy_of_the_wire_report(built):
    docs = {d.id: d for d in built[3].documents}
    assert docs["republished"].copy_of == "wire"
    assert docs["republished"].copy_kind == "exact"
    assert docs["republished"].origin == docs["wire"].origin == "Reuters"
    assert docs["broadcaster"].copy_of is None


def test_unrelated_document_gets_its_own_story(built):
    docs = {d.id: d for d in built[3].documents}
    assert docs["wire"].story == docs["republished"].story == docs["broadcaster"].story
    assert docs["other_story"].story != docs["wire"].story
    assert len(built[3].stories) == 2


def test_claims_have_speakers_denials_and_independent_sources(built):
    story = next(s for s in built[3].stories if "wire" in s.documents)
    denials = [c for c in story.claims if c.stance == "denies"]
    assert any("Port Authority" in (c.speaker or "") for c in denials)
    assert any(c.speaker_kind == "named_person" for c in story.claims)
    best = max(story.claim_groups, key=lambda g: g.independent_sources)
    assert best.independent_sources == 2  # Reuters (twice, once a copy) and the broadcaster
    docs = {d.id: d for d in built[3].documents}
    document_of = {c.id: c.document for c in story.claims}
    for group in story.claim_groups:  # supporters only; copies as their root; unknown origins as one
        origins = {source_of(docs[document_of[c]], docs) for c in group.supporting}
        assert group.independent_sources == len(origins)


def test_summary_and_timeline_cite_documents(built, traceable):
    story = next(s for s in built[3].stories if "wire" in s.documents)
    assert story.summary and all(s.documents for s in story.summary)
    assert all(set(s.documents) <= set(story.documents) for s in story.summary)
    dated = [t for t in story.timeline if t.date]
    assert "2031-03-13" in {t.date for t in dated}  # "on Thursday" in a report published Friday 2031-03-14
    traceable(to_json(built[3]))


def test_ingesting_the_same_files_again_changes_nothing(built):
    folder, store, _, dossier = built
    again = pipeline.ingest([str(folder)], store)
    assert again.added == [] and again.skipped == 4
    assert store.dirty_stories() == []
    assert [d.id for d in pipeline.report(store).documents] == [d.id for d in dossier.documents]


def test_a_grown_folder_processes_only_what_is_new(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    shutil.copy(HARBOR / "wire.txt", tmp_path / "wire.txt")
    assert pipeline.ingest([str(tmp_path / "wire.txt")], store).added == ["wire"]
    pipeline.report(store)
    shutil.copy(HARBOR / "broadcaster.txt", tmp_path / "broadcaster.txt")
    grown = pipeline.ingest([str(tmp_path / "wire.txt"), str(tmp_path / "broadcaster.txt")], store)
    assert grown.added == ["broadcaster"] and grown.skipped == 1
    dossier = pipeline.report(store)
    assert sorted(d.id for d in dossier.documents) == ["broadcaster", "wire"]
    assert sum(len(s.documents) for s in dossier.stories) == 2


def test_a_report_after_an_addition_is_the_full_report_of_the_grown_store(tmp_path):
    """Reporting after each ingest (only the touched stories recomputed, one story per read pass) gives the
    dossier that one report of the same store after both ingests gives."""
    first, then = tmp_path / "first", tmp_path / "then"
    batches = {first: ("wire.txt", "other_story.txt"), then: ("broadcaster.txt", "republished.txt")}
    for folder, names in batches.items():
        folder.mkdir()
        for name in names:
            shutil.copy(HARBOR / name, folder / name)
    stepwise, at_once = Store(tmp_path / "stepwise.duckdb"), Store(tmp_path / "at_once.duckdb")
    pipeline.ingest([str(first)], stepwise)
    pipeline.report(stepwise, read_documents=1)
    pipeline.ingest([str(then)], stepwise)
    touched = set(stepwise.dirty_stories())
    recomputed: list[str] = []
    incremental = pipeline.report(stepwise, lambda what, n: recomputed.append(what), read_documents=1)
    assert len(recomputed) == len(touched) < len(incremental.stories)
    pipeline.ingest([str(first)], at_once)
    pipeline.ingest([str(then)], at_once)
    assert to_json(incremental) == to_json(pipeline.report(at_once))


def test_an_interrupted_run_is_completed_by_the_next(tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("wire.txt", "broadcaster.txt", "other_story.txt"):
        shutil.copy(HARBOR / name, folder / name)
    store_path = tmp_path / "s.duckdb"
    real_analyse = pipeline.analyse
    calls = []

    def crash_on_second_batch(docs, **options):
        calls.append(len(docs))
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_analyse(docs, **options)

    monkeypatch.setattr(pipeline, "analyse", crash_on_second_batch)
    store = Store(store_path)
    with pytest.raises(KeyboardInterrupt):
        pipeline.ingest([str(folder)], store, batch_documents=1)
    store.close()
    monkeypatch.setattr(pipeline, "analyse", real_analyse)
    store = Store(store_path)
    assert store.document_count() == 1
    resumed = pipeline.ingest([str(folder)], store, batch_documents=1)
    assert resumed.skipped == 1 and len(resumed.added) == 2
    assert len(pipeline.report(store).documents) == 3


@dataclass
class ReadingAhead:
    """An engine that reads ``ahead`` batches beyond the one it analyses, as the Ray engine does while its
    actors work: the batches read ahead are taken before the earlier ones are stored."""

    ahead: int
    where: str = "this process"

    def analyse_stream(self, batches: Iterable[list]) -> Iterator[pipeline.Analysed]:
        waiting: deque[list] = deque()
        for docs in batches:
            waiting.append(docs)
            if len(waiting) > self.ahead:
                yield pipeline.analyse(waiting.popleft())
        while waiting:
            yield pipeline.analyse(waiting.popleft())


def _grow_reading_ahead(root: Path, ahead: int) -> tuple[pipeline.IngestResult, list[tuple]]:
    """Two documents stored; then the wire report edited (its earlier version deleted after two new files
    were read) and a third new file with the content of one of them, one batch per document, ``ahead``
    batches read beyond the one analysed."""
    folder = root / f"corpus{ahead}"
    folder.mkdir()
    for name in ("broadcaster.txt", "wire.txt"):
        shutil.copy(HARBOR / name, folder / name)
    store = Store(root / f"s{ahead}.duckdb")
    engine = ReadingAhead(ahead)
    pipeline.ingest([str(folder)], store, batch_documents=1, engine=engine)
    wire = folder / "wire.txt"
    wire.write_text(wire.read_text() + "\nThe port authority said it would publish the figures on Friday.\n")
    for name in ("other_story.txt", "republished.txt"):
        shutil.copy(HARBOR / name, folder / name)
    shutil.copy(HARBOR / "other_story.txt", folder / "zz_other_story_again.txt")  # read after the deletion
    result = pipeline.ingest([str(folder)], store, batch_documents=1, engine=engine)
    return result, sorted((d.id, d.content_hash, d.copy_of, d.story) for d in store.documents(full=False))


def test_batches_read_ahead_store_what_one_batch_at_a_time_stores(tmp_path):
    one, stored_one = _grow_reading_ahead(tmp_path, 0)
    ahead, stored_ahead = _grow_reading_ahead(tmp_path, 3)
    assert one.replaced == ahead.replaced == ["wire"]  # deleted while the new files waited for analysis
    assert sorted(one.added) == sorted(ahead.added) == ["other_story", "republished", "wire"]
    assert one.skipped == ahead.skipped == 2  # the broadcaster and the second copy of other_story
    assert stored_ahead == stored_one and len(stored_one) == 4


def _corpus_view(corpus: pipeline._Corpus) -> dict:
    """What ingest matches new documents against, comparable between two corpora."""
    detector, clusterer = corpus.detector, corpus.clusterer
    return {"hashes": corpus.hashes, "ids": corpus.ids, "story_of": corpus.story_of,
            "links": {i: (d.copy_of, d.copy_kind) for i, d in detector.docs.items()},
            "members": {root: sorted(m) for root, m in detector.members.items() if m},
            "indexed": sorted(detector.ids), "signatures": sorted(detector.by_signature.values()),
            "stories": {sid: state.to_dict() for sid, state in clusterer.states.items()},
            "entities": +clusterer.frequency["entities"], "documents": clusterer.documents}


def test_forgetting_deleted_documents_leaves_what_a_fresh_read_of_the_store_gives(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    pipeline.ingest([str(HARBOR / n) for n in ("wire.txt", "republished.txt", "other_story.txt")], store)
    corpus = pipeline._Corpus.load(store, None)
    copy = next(d for d in store.documents(full=False) if d.copy_of)
    deleted = pipeline.remove_documents(store, [copy.copy_of])  # the original: its copy takes its place
    corpus.forget(store, deleted)
    forgotten = _corpus_view(corpus)
    assert forgotten == _corpus_view(pipeline._Corpus.load(store, None))
    assert forgotten["links"][copy.id] == (None, None) and copy.copy_of not in forgotten["ids"]
    store.close()


FOLLOW_UP = """date 2031-03-16
title Marlow dockworkers and Eastmark port authority agree to mediation as strike enters third day

MARLOW - Striking dockworkers at the port of Marlow and the Port Authority of Eastmark agreed on Saturday
to meet a mediator, the Harbour Workers Union said, as the wage strike that has idled four harbours along
the Eastern coast entered its third day.

Union chairwoman Ilse Vandermeer said members would not load ships until the authority improved its wage
offer. Officials of the port authority said talks with the striking dockworkers had never collapsed.
"""


def test_a_later_document_can_regroup_stored_stories(tmp_path):
    """Two reports of one strike stored as two stories (a cut no pair reaches keeps them apart) are
    regrouped when a third report close to both arrives: the moved document is stored with its new story
    and the emptied story is gone from the dossier."""
    store = Store(tmp_path / "s.duckdb")
    pipeline.ingest([str(HARBOR / "wire.txt"), str(HARBOR / "broadcaster.txt")], store,
                    story_settings=stories.StorySettings(join_probability=1.01))
    apart = {d.id: d.story for d in store.documents(full=False)}
    assert apart["wire"] != apart["broadcaster"]
    pipeline.report(store)
    (tmp_path / "follow_up.txt").write_text(FOLLOW_UP, encoding="utf-8")
    pipeline.ingest([str(tmp_path / "follow_up.txt")], store)
    together = {d.id: d.story for d in store.documents(full=False)}
    assert together["wire"] == together["broadcaster"] == together["follow_up"]
    dossier = pipeline.report(store)
    assert [sorted(s.documents) for s in dossier.stories] == [["broadcaster", "follow_up", "wire"]]


# Two reports of an invented ferry strike, long enough (five sentences) for the off-topic check to embed them.
FERRY = ["Ferry crews on the Varn islands stopped work on Wednesday in a dispute over night shifts, the "
         "seafarers' union said.", "Union spokesman Edo Lark said crews would stay ashore until the operator "
         "withdrew the new rota.", "The operator, Varn Lines, said it had offered talks for Friday.",
         "Islanders queued at the harbour in Tessel for the only private boat still running.",
         "The last strike on the route, in 2019, lasted eleven days."]


def _texts_sent_to_model(embedder, monkeypatch) -> list[str]:
    """Every text the embedding model is run on from now on (it still embeds them)."""
    sent: list[str] = []
    encode = embedder.model.encode

    def counting(texts, *args, **kwargs):
        sent.extend(texts)
        return encode(texts, *args, **kwargs)

    monkeypatch.setattr(embedder.model, "encode", counting)
    return sent


def test_a_build_sends_no_text_to_the_embedding_model_twice(tmp_path, embedder, monkeypatch):
    """Cleaning, document features, stories, claim groups, timeline and summary share the vectors of a
    text (the embedder's cache, the stored sentence vectors) instead of running the model on it again; the
    off-topic check's words are looked up in the static table, never sent to the model."""
    sent = _texts_sent_to_model(embedder, monkeypatch)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ferry1.txt").write_text("title Varn ferry crews strike over night shifts\n\n"
                                       + "\n\n".join(FERRY))
    (folder / "ferry2.txt").write_text("title Strike strands Varn islanders\n\n" + " ".join(reversed(FERRY)))
    store = Store(tmp_path / "store.duckdb")
    pipeline.ingest([str(folder)], store)
    pipeline.report(store)
    assert any(FERRY[2] in text for text in sent)  # the sentences went through the model (not cached before)
    assert len(sent) == len(set(sent))
    assert all(" " in text for text in sent)  # no single word: those come from the static table


def test_claim_contents_are_embedded_once_a_story_compares_them_and_stored(tmp_path, embedder, monkeypatch):
    """A story of one document never compares its claims: their contents are not embedded. Once a second
    document joins it, the report embeds them and stores them with the event vectors (embedded at
    analysis), so rebuilding the story (the embedder's cache emptied, as in a new process) runs the model
    on nothing."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ferry1.txt").write_text("title Varn ferry crews strike over night shifts\n\n"
                                       + "\n\n".join(FERRY))
    store = Store(tmp_path / "store.duckdb")
    sent = _texts_sent_to_model(embedder, monkeypatch)
    monkeypatch.setattr(embedder, "_cache", {})  # texts of other tests' ferry stories
    [first] = pipeline.ingest([str(folder)], store).added
    pipeline.report(store)
    annotation = store.annotations([first])[first]
    contents = {c.content for c in annotation.claims} - {e.text for e in annotation.events}
    assert contents and annotation.events  # the fixture has both, so the test can fail
    assert not contents & set(sent)
    assert store.features([first])[first].claim_vectors is None
    (folder / "ferry2.txt").write_text("title Strike strands Varn islanders\n\n" + " ".join(reversed(FERRY)))
    pipeline.ingest([str(folder)], store)
    [story] = pipeline.report(store).stories
    assert len(story.documents) == 2 and contents <= set(sent)
    stored = store.features(story.documents)
    assert all(len(stored[d].claim_vectors) == len(store.annotations([d])[d].claims) for d in story.documents)
    sent.clear()
    monkeypatch.setattr(embedder, "_cache", {})
    rebuilt = pipeline.build_story(store, story.id)
    assert rebuilt.claim_groups and rebuilt.events and sent == []



def test_a_report_reads_the_claims_parsed_at_analysis_and_parses_nothing(built, monkeypatch):
    """What grouping reads of each claim content's own parse is stored with the annotation: the same as
    parsing the contents again, and a story rebuilt from the store parses no text."""
    from storyline.claims import groups

    _, store, _, dossier = built
    story = next(s for s in dossier.stories if "wire" in s.documents)
    annotations = store.annotations(story.documents)
    claims = [c for a in annotations.values() for c in a.claims]
    stored = [r for a in annotations.values() for r in a.claim_readings]
    assert claims and [r.claim for r in stored] == [c.id for c in claims]
    assert stored == groups.read_claims(claims)
    assert any(r.predicates for r in stored) and any(r.entities for r in stored)

    def no_parse(texts, *args, **kwargs):
        raise AssertionError(f"parsed at report: {list(texts)[:2]}")

    monkeypatch.setattr(groups, "parse", no_parse)
    assert pipeline.build_story(store, story.id).claim_groups == story.claim_groups


def test_an_exact_copy_in_a_later_batch_is_neither_parsed_nor_embedded_again(tmp_path, nlp, embedder,
                                                                               monkeypatch):
    """A wire report re-published by another outlet a week later, read in a later batch: its text is
    copied from the parse the engine kept, and its vectors from the embedder's cache. It stays a document
    of its own: its outlet, its date ("on Wednesday" of its own week), its claims, an exact copy."""
    import json

    parsed: list[str] = []
    pipe = nlp.pipe

    def counting_pipe(texts, *args, **kwargs):
        texts = list(texts)
        parsed.extend(texts)
        return pipe(texts, *args, **kwargs)

    monkeypatch.setattr(nlp, "pipe", counting_pipe)
    monkeypatch.setattr(embedder, "_cache", {})  # other tests' ferry texts
    records = [{"title": "Varn ferry crews strike", "text": "\n\n".join(FERRY), "outlet": outlet,
                "published": published} for outlet, published in (("Varn Herald", "2031-05-16"),
                                                                   ("Coast Daily", "2031-05-23"))]
    (tmp_path / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    store = Store(tmp_path / "store.duckdb")
    sent = _texts_sent_to_model(embedder, monkeypatch)
    first, second = pipeline.ingest([str(tmp_path / "wire.jsonl")], store, batch_documents=1).added
    assert sum(FERRY[1] in text for text in parsed) == 1  # the body was parsed once, in the first batch
    assert sum(FERRY[1] in text for text in sent) == 1
    docs = {d.id: d for d in pipeline.report(store).documents}
    assert docs[second].copy_of == first and docs[second].copy_kind == "exact"
    assert (docs[first].outlet, docs[second].outlet) == ("Varn Herald", "Coast Daily")
    annotations = store.annotations([first, second])
    assert [c.document for c in annotations[second].claims] == [second] * len(annotations[first].claims)
    assert [r.claim for r in annotations[second].claim_readings] == [c.id for c in annotations[second].claims]
    days = [{t.value for t in annotations[d].times if t.text == "Wednesday"} for d in (first, second)]
    assert days == [{"2031-05-14"}, {"2031-05-21"}]
