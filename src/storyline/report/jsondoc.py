"""The dossier contract (``storyline.dossier/1``) and its validation against the JSON Schema."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from storyline.model import Dossier, to_dict

SCHEMA_PATH = Path(__file__).parent / "dossier.schema.json"
INTERNAL_DOCUMENT_FIELDS = ("raw_text", "content_hash")
UNTITLED_WORDS = 12  # of the text's start, shown for a document without a title


def shown_title(doc: dict[str, Any]) -> str:
    """What the reports show for a document: its title, else the start of its text in quotes (the
    ``title`` field itself stays null: a title is never invented)."""
    if doc.get("title"):
        return doc["title"]
    words = (doc.get("text") or "").split()
    return "“" + " ".join(words[:UNTITLED_WORDS]) + ("…”" if len(words) > UNTITLED_WORDS else "”")


def to_json(dossier: Dossier) -> dict[str, Any]:
    documents = []
    for doc in dossier.documents:
        data = to_dict(doc)
        for name in INTERNAL_DOCUMENT_FIELDS:
            data.pop(name, None)
        documents.append(data)
    return {
        "schema": dossier.schema,
        "documents": documents,
        "errors": to_dict(dossier.errors),
        "warnings": to_dict(dossier.warnings),
        "stories": to_dict(dossier.stories),
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)


@cache
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text())


def validate(data: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when ``data`` breaks the contract."""
    import jsonschema

    jsonschema.validate(data, schema())
