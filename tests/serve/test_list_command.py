"""`storyline list` (stories with their counts, from the index the server uses) and `--version`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from storyline import __version__
from storyline.cli import app
from storyline.pipeline import ingest, report
from storyline.store import Store

FIXTURES = Path(__file__).parent / "fixtures"


def test_list_prints_each_story_with_counts(tmp_path):
    shutil.copy(FIXTURES / "orchard_frost.txt", tmp_path / "orchard_frost.txt")
    path = tmp_path / "store.duckdb"
    store = Store(path)
    ingest([str(tmp_path / "orchard_frost.txt")], store)
    report(store)
    store.close()
    runner = CliRunner()
    plain = runner.invoke(app, ["list", "--store", str(path)])
    assert plain.exit_code == 0, plain.output
    fields = plain.stdout.strip().split("\t")
    assert fields[1:3] == ["1 docs", "1 sources"]
    assert fields[-1].startswith("Late frost damages apple orchards")
    line = json.loads(runner.invoke(app, ["list", "--store", str(path), "--json"]).stdout)
    assert line["documents"] == 1 and line["first"] == line["last"] == "2025-04-11"
    missing = runner.invoke(app, ["list", "--store", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "no such store" in missing.output


def test_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"storyline {__version__}"
