"""The command line as users run it: exit codes, errors on stderr and in the dossier, the demo."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

HARBOR = Path(__file__).parent / "fixtures" / "harbor"


def storyline(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "storyline.cli", *args], input=stdin, capture_output=True, timeout=600
    )


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "truncated.html").write_text("<html><head><title>Cut</title></head><body><div><p>Only a fra")
    (folder / "garbage.txt.gz").write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    (folder / "broken_utf8.txt").write_bytes(
        "The “port” reopened on Monday. ".encode() + b"\xff\xfe more text."
    )
    (folder / "latin1.txt").write_bytes(
        "title Café owners protest\n\nCafé owners in Marlow protested on Monday "
        "against the harbour tax, their association said.".encode("cp1252")
    )
    (folder / "good.txt").write_text((HARBOR / "wire.txt").read_text())
    (folder / "german.txt").write_text(
        "title Hafen von Marlow öffnet nach Reparaturen wieder\n\n"
        "MARLOW — Der Hafen von Marlow soll nach wochenlangen Reparaturen am Montag wieder öffnen, teilte "
        "die Hafenverwaltung am Freitag mit. Die Fischer der Region begrüßten die Entscheidung, verlangten "
        "aber eine Entschädigung für die verlorenen Wochen.\n"
    )
    return folder


def test_build_reads_what_it_can_and_lists_the_rest(bad_inputs, tmp_path):
    out = tmp_path / "out"
    run = storyline("build", str(bad_inputs), str(tmp_path / "no-such-dir"), "--out", str(out))
    assert run.returncode == 0, run.stderr.decode()
    data = json.loads((out / "dossier.json").read_text())
    assert sorted(d["id"] for d in data["documents"]) == ["german", "good", "latin1"]
    assert "Café owners" in next(d["text"] for d in data["documents"] if d["id"] == "latin1")
    warned = {Path(w["source"]).name: w["warning"] for w in data["warnings"]}
    assert sorted(warned) == ["german.txt", "latin1.txt"]  # kept, each with its warning
    assert "not English" in warned["german.txt"] and "a guess" in warned["latin1.txt"]
    assert "german.txt" in run.stderr.decode()
    errors = {Path(e["source"]).name: e["error"] for e in data["errors"]}
    assert {
        "empty.txt",
        "binary.txt",
        "broken_utf8.txt",
        "truncated.html",
        "garbage.txt.gz",
        "no-such-dir",
    } <= set(errors)
    assert "invalid UTF-8 at byte" in errors["broken_utf8.txt"]
    assert "empty" in errors["empty.txt"] and "binary" in errors["binary.txt"]
    assert "no such file or directory" in errors["no-such-dir"]
    stderr = run.stderr.decode()
    for name in errors:
        assert name in stderr
    assert (out / "dossier.md").exists() and (out / "dossier.html").exists()


def test_build_with_nothing_readable_writes_the_errors_and_exits_2(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (bad / "records.jsonl").write_text('{"text": 3}\n{"title": "no text"}\n')
    run = storyline("build", str(bad), "--out", str(tmp_path / "out"), "--json")
    assert run.returncode == 2
    assert "empty.txt" in run.stderr.decode()
    data = json.loads((tmp_path / "out" / "dossier.json").read_text())
    assert data["documents"] == [] and data["stories"] == []
    assert sorted(Path(e["source"].split("#")[0].split(":")[0]).name for e in data["errors"]) == [
        "binary.txt", "empty.txt", "records.jsonl", "records.jsonl"]
    [line] = run.stdout.decode().splitlines()
    summary = json.loads(line)
    assert summary["command"] == "build" and summary["read"] == 0 and summary["errors"] == 4
    assert summary["documents"] == 0 and Path(summary["out"]["json"]).is_file()


def test_ingest_then_report_in_two_steps_and_stdin(tmp_path):
    store = tmp_path / "corpus.duckdb"
    first = storyline("ingest", str(HARBOR / "wire.txt"), "--store", str(store))
    assert first.returncode == 0, first.stderr.decode()
    again = storyline("ingest", str(HARBOR / "wire.txt"), "--store", str(store), "--json")
    assert "0 new documents, 1 already stored" in again.stderr.decode()
    summary = json.loads(again.stdout)
    counts = (summary["read"], summary["added"], summary["already_stored"], summary["documents"])
    assert counts == (1, 0, 1, 1)
    assert summary["store"] == str(store) and summary["seconds"] > 0
    piped = storyline(
        "ingest",
        "-",
        "--store",
        str(store),
        stdin=gzip.decompress(gzip.compress((HARBOR / "broadcaster.txt").read_bytes())),
    )
    assert piped.returncode == 0, piped.stderr.decode()
    run = storyline("report", "--store", str(store), "--out", str(tmp_path / "out"), "--json", "--quiet")
    assert run.returncode == 0, run.stderr.decode()
    assert run.stderr == b""  # --quiet: nothing to say when nothing went wrong
    data = json.loads((tmp_path / "out" / "dossier.json").read_text())
    assert sorted(d["id"] for d in data["documents"]) == ["stdin", "wire"]
    summary = json.loads(run.stdout)
    assert summary["documents"] == 2 and summary["stories"] == len(data["stories"]) >= 1
    assert "read" not in summary and summary["out"]["json"] == str(tmp_path / "out" / "dossier.json")


def test_report_on_a_missing_store_is_an_error(tmp_path):
    run = storyline("report", "--store", str(tmp_path / "nothing.duckdb"), "--out", str(tmp_path / "out"))
    assert run.returncode == 2 and "no such store" in run.stderr.decode()


def test_a_store_of_another_embedding_model_is_refused_in_one_line(tmp_path):
    from storyline.store import Store

    Store(tmp_path / "s.duckdb", vector_model="some-other-model").close()
    run = storyline("report", "--store", str(tmp_path / "s.duckdb"), "--out", str(tmp_path / "out"))
    assert run.returncode == 2
    assert b"has vectors of some-other-model; this build uses all-MiniLM-L6-v2: rebuild it" in run.stderr
    assert b"Traceback" not in run.stderr


def test_build_in_its_own_folder_twice_never_reads_its_output_and_replaces_an_earlier_dossier(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "wire.txt").write_text((HARBOR / "wire.txt").read_text())
    for _ in range(2):  # out/, the store and its write-ahead log sit inside the folder read
        run = storyline("build", str(folder), "--out", str(folder / "out"))
        assert run.returncode == 0, run.stderr.decode()
        assert b"error:" not in run.stderr
    data = json.loads((folder / "out" / "dossier.json").read_text())
    assert [d["id"] for d in data["documents"]] == ["wire"]
    run = storyline("build", str(HARBOR / "other_story.txt"), "--out", str(folder / "out"))
    assert run.returncode == 0 and b"held an earlier dossier: replaced; 1 of its documents" in run.stderr
    data = json.loads((folder / "out" / "dossier.json").read_text())
    assert [d["id"] for d in data["documents"]] == ["other_story"]


def test_user_errors_are_one_line_naming_the_file(tmp_path):
    import duckdb

    duckdb.connect(str(tmp_path / "other.duckdb")).execute("CREATE TABLE sales (amount INTEGER)").close()
    (tmp_path / "notes.duckdb").write_text("not a database\n")
    for args, named in [(("eval", "copies", "--datasets", str(tmp_path / "none")), tmp_path / "none"),
                        (("eval", "copies", "--datasets", str(tmp_path)), tmp_path),
                        (("report", "--store", str(tmp_path / "notes.duckdb")), tmp_path / "notes.duckdb"),
                        (("report", "--store", str(tmp_path / "other.duckdb")), tmp_path / "other.duckdb")]:
        run = storyline(*args, "--out", str(tmp_path / "out")) if args[0] == "report" else storyline(*args)
        (line,) = run.stderr.decode().strip().splitlines()
        assert run.returncode == 2 and line.startswith("error: ") and str(named) in line, line
    assert duckdb.connect(str(tmp_path / "other.duckdb")).execute("SHOW TABLES").fetchall() == [("sales",)]


def test_an_unreadable_folder_is_an_error_and_the_rest_is_read(tmp_path):
    import os

    (tmp_path / "pile" / "locked").mkdir(parents=True)
    (tmp_path / "pile" / "locked" / "a.txt").write_text((HARBOR / "wire.txt").read_text())
    (tmp_path / "pile" / "b.txt").write_text((HARBOR / "other_story.txt").read_text())
    (tmp_path / "pile" / "locked").chmod(0)
    code = ("from storyline.ingest import read_inputs; import sys\n"
            "for i in read_inputs([sys.argv[1]]): print(type(i).__name__, i.source, getattr(i, 'error', ''))")
    # root reads any folder: drop the capabilities that let it
    prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []
    run = subprocess.run([*prefix, sys.executable, "-c", code, str(tmp_path / "pile")], capture_output=True,
                         text=True, timeout=120)
    (tmp_path / "pile" / "locked").chmod(0o755)
    pile = tmp_path / "pile"
    assert run.stdout.splitlines() == [f"ReadError {pile / 'locked'} cannot read folder: Permission denied",
                                       f"Document {pile / 'b.txt'} "], run.stderr
