"""A document that cleaning would empty is stored with its text and reported as a warning, through the
whole pipeline and into the dossier (JSON, Markdown, HTML) and the store."""

from __future__ import annotations

import json

import pytest

from storyline import pipeline
from storyline.clean import EMPTIED_WARNING
from storyline.report import jsondoc, write_all
from storyline.store import Store

PROMPTS_ONLY = "title: Harbour strike talks resume\n\nShare this article\n\nSubscribe\n\nPost a Comment\n"
STORY = """\
Harbour strike talks resume in Port Alda

The harbour authority of Port Alda said on Tuesday that talks with striking dockworkers would resume.
Dockworkers at the northern terminal have been on strike since early March over pay and shift rotas.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    (folder / "prompts.txt").write_text(PROMPTS_ONLY, encoding="utf-8")
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    store = Store(tmp_path_factory.mktemp("store") / "s.duckdb")
    result = pipeline.ingest([str(folder)], store)
    paths = write_all(pipeline.report(store), tmp_path_factory.mktemp("out"))
    return store, result, paths


def test_the_document_is_kept_with_its_text(built):
    store, result, _ = built
    assert result.errors == []
    assert sorted(result.added) == ["prompts", "story"]
    kept = {d.id: d for d in store.documents()}["prompts"]
    assert kept.text == "Share this article\n\nSubscribe\n\nPost a Comment"
    assert kept.removed == [] and kept.warnings[0].startswith(EMPTIED_WARNING)


def test_the_warning_reaches_the_ingest_result_and_the_store(built):
    store, result, _ = built
    assert [(w.document, w.source.endswith("prompts.txt")) for w in result.warnings] == [("prompts", True)]
    assert [w.document for w in store.warnings()] == ["prompts"]


def test_the_dossier_lists_the_warning(built):
    _, _, paths = built
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    jsondoc.validate(data)
    assert [(w["document"], w["warning"].startswith(EMPTIED_WARNING)) for w in data["warnings"]] == [
        ("prompts", True)]
    assert "## Warnings" in paths["md"].read_text(encoding="utf-8")
    assert "<h2>Warnings</h2>" in paths["html"].read_text(encoding="utf-8")
