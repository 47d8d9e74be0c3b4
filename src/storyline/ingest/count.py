"""How many records the inputs hold, counted before reading them, so progress can show a total and time left.

Counting only opens multi-record files (JSON, JSON Lines, WARC) and reads their bytes, which costs far less
than analysing one document; a plain file is one record. Standard input cannot be counted without reading it
twice: its total is unknown."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from storyline.ingest import expand
from storyline.ingest.errors import InputError
from storyline.ingest.inputs import from_path

MULTI_RECORD = {".json", ".jsonl", ".ndjson", ".warc"}


def records_in(path: Path) -> int:
    """Records one file will give: lines of JSON Lines, items of a JSON array, WARC responses, else one."""
    found = from_path(path)
    if found.kind not in MULTI_RECORD:
        return 1
    try:
        data = found.data()
    except (InputError, OSError):
        return 1  # reading it reports the error: one record
    if found.kind == ".warc":
        return max(1, data.count(b"WARC-Type: response"))
    if found.kind == ".json":
        try:
            parsed = json.loads(data)
            return max(1, len(parsed)) if isinstance(parsed, list) else 1
        except ValueError:
            pass  # one object per line, as in JSON Lines
    return max(1, sum(1 for line in data.splitlines() if line.strip()))


def count_records(inputs: Iterable[str]) -> int | None:
    """Records all inputs will give (unreadable paths count one error each); ``None`` with stdin."""
    total = 0
    for item in expand(inputs):
        if item == "-":
            return None
        total += 1 if not isinstance(item, str) else records_in(Path(item))
    return total
