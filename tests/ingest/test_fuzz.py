"""Malformed input by the thousand: the read layer never crashes, never hangs, keeps its memory bounded and
reports each bad file (or record) once with a reason; a build over a few dozen of them finishes."""

from __future__ import annotations

import gzip
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from storyline.ingest import read_inputs
from storyline.model import Document, ReadError

from .conftest import WIRE_STORY, article_page
from .test_records import warc_record

SEED = 20261202
# Files per generated kind (2,300 and a few special ones); trafilatura takes about 0.3 s for a deeply nested
# page and 0.05 s for a damaged one, the other readers a few milliseconds a file.
COUNTS = {"random": 500, "gzip": 300, "warc": 300, "nested": 20, "html": 100, "text": 400, "json": 400,
          "encoding": 150, "control": 130}


def mutate(data: bytes, rng: random.Random) -> bytes:
    """A damaged copy: bytes flipped, a slice cut out or repeated, or the end cut off."""
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        choice = rng.random()
        at = rng.randrange(len(data)) if data else 0
        if choice < 0.4 and data:
            data[at] = rng.randrange(256)
        elif choice < 0.6:
            del data[at : at + rng.randint(1, 200)]
        elif choice < 0.8:
            data[at:at] = data[at : at + rng.randint(1, 200)] * rng.randint(1, 5)
        else:
            del data[at:]
    return bytes(data)


def warc_file(rng: random.Random) -> bytes:
    records = [warc_record(f"https://gazette.example.org/{k}", article_page(f"Harbour plan {k}"))
               for k in range(rng.randint(1, 3))]
    k = rng.randrange(len(records))
    record = records[k]
    damage = rng.choice(("length", "header", "mutate", "cut"))
    if damage == "length":
        start = record.index(b"Content-Length: ") + 16
        end = record.index(b"\r\n", start)
        length = rng.choice((0, 5, 10**9, int(record[start:end]) * 2))
        record = record[:start] + str(length).encode() + record[end:]
    elif damage == "header":
        lines = record.split(b"\r\n")
        del lines[rng.randrange(1, 7)]
        record = b"\r\n".join(lines)
    elif damage == "mutate":
        record = mutate(record, rng)
    else:
        record = record[: rng.randrange(len(record))]
    records[k] = record
    return b"".join(records)


def json_file(rng: random.Random) -> bytes:
    record = {"title": "Harbour plan", "maintext": WIRE_STORY, "url": "https://gazette.example.org/a",
              "authors": ["Lena Voss"], "date_publish": "2023-03-14 09:40:00"}
    choice = rng.random()
    if choice < 0.3:
        return mutate(json.dumps(record).encode(), rng)
    if choice < 0.5:
        key = rng.choice(list(record))
        return json.dumps({**record, key: rng.choice([None, 5, [1, 2], {"a": 1}, True, ""])}).encode()
    if choice < 0.7:
        return ("[" * rng.randint(1, 200_000) + "]" * rng.randint(0, 3)).encode()
    lines = [json.dumps({**record, "url": f"https://gazette.example.org/{k}"}) for k in range(3)]
    lines[rng.randrange(3)] = mutate(lines[0].encode(), rng).decode("utf-8", "replace")
    return "\n".join(lines).encode()


def wrong_encoding(rng: random.Random) -> tuple[str, bytes]:
    text = WIRE_STORY.replace("three berths", "the café owners’ «association»")
    encoding = rng.choice(("utf-16-le", "utf-16-be", "cp1252", "latin-1", "shift_jis", "koi8-r", "utf-32"))
    data = text.encode(encoding, errors="replace")
    if rng.random() < 0.5:  # a page declaring UTF-8
        return ".html", article_page().replace("<title>", "<title>café ").encode(encoding, "replace")
    return rng.choice((".txt", ".md", ".json")), data


def generate(folder: Path, rng: random.Random) -> None:
    page = article_page().encode()
    kinds = {
        "random": lambda: (rng.choice((".txt", ".html", ".json", ".jsonl", ".warc", ".md", ".xyz", "")),
                           rng.randbytes(rng.randint(0, 5000))),
        "gzip": lambda: (rng.choice((".txt.gz", ".html.gz", ".jsonl.gz", ".warc.gz")),
                         gzip.compress(page)[: rng.randint(0, 300)]),
        "warc": lambda: (rng.choice((".warc", ".warc.gz")), warc_file(rng)),
        "nested": lambda: (".html", (b"<html><body>" + b"<div><p>" * rng.randint(100, 10_000) + b"deep text"
                                     + WIRE_STORY.encode() + b"</p></div>" * rng.randint(0, 100))),
        "html": lambda: (".html", mutate(page, rng)),
        "text": lambda: (rng.choice((".txt", ".md")), mutate(WIRE_STORY.encode(), rng)),
        "json": lambda: (rng.choice((".json", ".jsonl", ".ndjson")), json_file(rng)),
        "encoding": lambda: wrong_encoding(rng),
        "control": lambda: (".txt", bytes(rng.choice(range(32)) for _ in range(rng.randint(1, 3000)))),
    }
    for kind, make in kinds.items():
        for k in range(COUNTS[kind]):
            suffix, data = make()
            (folder / f"{kind}{k:04d}{suffix}").write_bytes(data)
    (folder / "line20mb.txt").write_bytes(b"the port said cargo fell " * 800_000)  # 20 MB, one line
    (folder / "self_loop.txt").symlink_to(folder / "self_loop.txt")
    (folder / "loop_a.html").symlink_to(folder / "loop_b.html")
    (folder / "loop_b.html").symlink_to(folder / "loop_a.html")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder)  # a folder loop
    os.mkfifo(folder / "pipe.txt")  # never opened: reading it would wait forever
    (folder / "locked.txt").write_text(WIRE_STORY)
    (folder / "locked.txt").chmod(0)


@pytest.fixture(scope="module")
def fuzz_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    generate(folder, random.Random(SEED))
    return folder


def file_of(source: str) -> str:
    return source.rsplit("#", 1)[0] if source.rsplit("#", 1)[-1].isdigit() else source


def test_thousands_of_malformed_inputs_are_read_or_reported_once(fuzz_folder):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    items, slowest = [], 0.0
    records = read_inputs([str(fuzz_folder)])
    while True:
        start = time.monotonic()
        item = next(records, None)
        slowest = max(slowest, time.monotonic() - start)
        if item is None:
            break
        items.append(item)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    files = [p for p in fuzz_folder.rglob("*") if p.name not in ("sub", "up") and "up" not in p.parts]
    assert len(files) > 2300
    sources = Counter(i.source for i in items)
    # nothing reported twice: a damaged WARC chunk may give its record's document and an error for the
    # bytes after it under one record number, never two documents or two errors
    kinds = Counter((i.source, type(i).__name__) for i in items)
    assert max(kinds.values()) == 1, kinds.most_common(3)
    assert {file_of(s) for s in sources} >= {str(p) for p in files}  # every file read or reported
    errors = [i for i in items if isinstance(i, ReadError)]
    assert all(e.error.strip() and "\n" not in e.error for e in errors)
    assert not [e for e in errors if "could not be read" in e.error]  # every failure has its own reason
    reasons = {e.source.rsplit("/", 1)[1]: e.error for e in errors}
    assert "link loop" in reasons["self_loop.txt"] and "link loop" in reasons["loop_a.html"]
    assert reasons["pipe.txt"] == "not a regular file"
    (long,) = [i for i in items if isinstance(i, Document) and i.source.endswith("line20mb.txt")]
    assert len(long.raw_text) <= 500_000 and "text cut to its first" in long.warnings[0]
    docs = [i for i in items if isinstance(i, Document)]
    assert 200 < len(docs) < len(items) - 1000  # damaged copies of good input are mostly still read
    assert slowest < 30, slowest
    assert grown_mb < 1500, grown_mb


def test_a_reader_over_its_time_limit_is_stopped_with_an_error(write):
    big = write("big.html", article_page().replace("<article>", "<article>" + "<p>filler text</p>" * 10_000))
    (error,) = list(read_inputs([str(big)], seconds=0.05))
    assert isinstance(error, ReadError) and error.error == "reading took more than 0.05 s: stopped"


def test_a_build_over_a_few_dozen_malformed_files_finishes_and_lists_each_once(fuzz_folder, tmp_path):
    pile = tmp_path / "pile"
    pile.mkdir()
    generated = sorted(p for p in fuzz_folder.iterdir() if p.is_file() and not p.is_symlink()
                       and p.stat().st_size < 1_000_000 and os.access(p, os.R_OK))
    contents = {WIRE_STORY.encode()}  # good.txt, added below
    for path in generated[::60]:  # a few dozen, of every kind; equal contents once (a copy is skipped)
        if path.read_bytes() not in contents:
            contents.add(path.read_bytes())
            shutil.copy(path, pile / path.name)
    (pile / "good.txt").write_text(WIRE_STORY)
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "storyline.cli", "build", str(pile), "--out", str(out)],
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    dossier = json.loads((out / "dossier.json").read_text())
    listed = Counter(file_of(e["source"]) for e in dossier["errors"]) + Counter(
        file_of(d["source"]) for d in dossier["documents"])
    assert set(listed) == {str(p) for p in pile.iterdir()}
    assert "good" in {d["id"] for d in dossier["documents"]}
    for error in dossier["errors"]:
        assert f"error: {error['source']}: " in run.stderr
