"""The dossier files: the JSON contract, Markdown, and an HTML page that escapes untrusted text."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from storyline import pipeline
from storyline.report import jsondoc, write_all
from storyline.store import Store

HOSTILE = """date 2031-04-02
title Council vote <script>alert("title")</script> delayed

The city council of Marlow postponed its vote on the harbour budget on Tuesday, council members said.
<script>document.body.innerHTML = "owned"</script>
Council speaker Joana Mirek said the delay would last two weeks. <img src=x onerror=alert(1)> The budget
includes repairs to the old ferry pier, which officials say has been closed since January.
"""


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    (folder / "hostile.txt").write_text(HOSTILE)
    (folder / "empty.txt").write_text("")
    store = Store()
    pipeline.ingest([str(folder)], store)
    out = tmp_path_factory.mktemp("out")
    return write_all(pipeline.report(store), out)


def test_json_output_follows_the_schema(written):
    data = json.loads(written["json"].read_text())
    jsondoc.validate(data)
    assert data["schema"] == "storyline.dossier/1"
    assert data["errors"] and data["errors"][0]["source"].endswith("empty.txt")
    assert "raw_text" not in data["documents"][0]


def test_schema_rejects_a_broken_dossier(written):
    data = json.loads(written["json"].read_text())
    data["documents"][0]["copy_kind"] = "sort of"
    with pytest.raises(jsonschema.ValidationError):
        jsondoc.validate(data)


def test_html_page_escapes_article_text_and_needs_no_network(written):
    page = written["html"].read_text()
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "<img" not in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "default-src 'none'" in page


def test_markdown_keeps_html_out(written):
    text = written["md"].read_text()
    assert "<script>" not in text and "# storyline dossier" in text
