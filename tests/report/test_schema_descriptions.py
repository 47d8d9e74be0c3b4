"""Every field of the dossier contract says what it means, and the page that explains the dossier exists."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from storyline.report.jsondoc import SCHEMA_PATH

DOSSIER_PAGE = Path(__file__).parents[2] / "docs" / "dossier.md"


def _properties(node: object, path: str = "") -> Iterator[tuple[str, dict]]:
    """Every property of the schema, nested ones included, with its path (documents[].copy_kind)."""
    if not isinstance(node, dict):
        return
    for name, found in node.get("properties", {}).items():
        yield f"{path}.{name}", found
        yield from _properties(found, f"{path}.{name}")
    if "items" in node:
        yield from _properties(node["items"], f"{path}[]")


def test_every_schema_property_has_a_description():
    schema = json.loads(SCHEMA_PATH.read_text())
    found = dict(_properties(schema))
    assert len(found) > 90  # the walk reaches the nested records, not only the top
    missing = [path for path, node in found.items() if len(node.get("description", "").split()) < 3]
    assert not missing, f"schema properties without a description: {missing}"


def test_the_dossier_page_explains_the_terms_a_reader_meets():
    text = DOSSIER_PAGE.read_text().lower()
    for term in ("origin", "copy_of", "independent_sources", "contested", "discrepancies", "precision",
                 "inferred", "removed", "errors", "warnings", "english"):
        assert term in text, term
    schema = json.loads(SCHEMA_PATH.read_text())
    for kind in schema["properties"]["documents"]["items"]["properties"]["copy_kind"]["enum"]:
        assert kind is None or f"`{kind}`" in text
