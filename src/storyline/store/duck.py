"""The DuckDB store: one file holds a growing corpus and everything learnt from it."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb
import numpy as np

from storyline.embeddings import VECTOR_MODEL
from storyline.model import (
    Annotation,
    ClaimGroup,
    Document,
    Features,
    ReadError,
    ReadWarning,
    Removal,
    Story,
    from_dict,
    to_dict,
)

SCHEMA = (Path(__file__).parent / "schema.sql").read_text()
DOCUMENT_COLUMNS = (
    "id",
    "content_hash",
    "source",
    "title",
    "published",
    "outlet",
    "origin",
    "authors",
    "dateline",
    "language",
    "url",
    "raw_text",
    "text",
    "copy_of",
    "copy_kind",
    "story",
    "provenance",
)


def _blob(array: np.ndarray | None) -> bytes | None:
    if array is None:
        return None
    array = np.ascontiguousarray(array)
    header = json.dumps({"dtype": str(array.dtype), "shape": array.shape}).encode()
    return len(header).to_bytes(4, "little") + header + array.tobytes()


def _array(blob: bytes | None) -> np.ndarray | None:
    if blob is None:
        return None
    size = int.from_bytes(blob[:4], "little")
    header = json.loads(blob[4 : 4 + size])
    return np.frombuffer(blob[4 + size :], dtype=header["dtype"]).reshape(header["shape"])


class Store:
    """Documents, removals, annotations, claims, features, stories and claim groups.

    Every batch is written in one transaction, so an interrupted run leaves the store as it was
    after the last complete batch and the next run completes it. The store records which embedding
    model made its vectors and refuses to open for another: vectors of two models are not comparable."""

    def __init__(self, path: str | Path = ":memory:", vector_model: str = VECTOR_MODEL):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = duckdb.connect(self.path)
        except duckdb.Error as exc:
            raise ValueError(f"cannot open store {self.path}: {exc}") from exc
        tables = {r[0] for r in self.db.execute("SELECT table_name FROM information_schema.tables").fetchall()
                  if r}
        if tables and "meta" not in tables:
            self.db.close()
            raise ValueError(f"{self.path} is a DuckDB database but not a storyline store: left unchanged")
        self.db.execute(SCHEMA)
        self._claim_vector_model(vector_model)

    def _claim_vector_model(self, model: str) -> None:
        """Record the model of a new store's vectors; refuse a store whose vectors another model made."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'vector_model'").fetchone()
        if row is None:
            self.db.execute("INSERT INTO meta VALUES ('vector_model', ?)", [model])
        elif row[0] != model:
            self.db.close()
            raise ValueError(f"store {self.path} has vectors of {row[0]}; this build uses {model}: "
                             "rebuild it, or re-embed")

    def files(self) -> list[str]:
        """The files the store writes (the database and its write-ahead log): never news to read."""
        return [] if self.path == ":memory:" else [self.path, f"{self.path}.wal", f"{self.path}.tmp"]

    def close(self) -> None:
        self.db.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # --- documents -------------------------------------------------------------------
    def known_hashes(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT content_hash FROM documents").fetchall()}

    def known_ids(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT id FROM documents").fetchall()}

    def document_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM documents").fetchone()[0]

    def add_documents(self, items: Iterable[tuple[Document, Annotation, Features]]) -> None:
        """Insert new documents with their annotations and features (call inside a transaction)."""
        seq = self.db.execute("SELECT coalesce(max(seq), 0) FROM documents").fetchone()[0]
        documents, removals, warnings, annotations, claims, features = [], [], [], [], [], []
        for doc, annotation, feature in items:
            seq += 1
            values = [getattr(doc, c) for c in DOCUMENT_COLUMNS]
            values[DOCUMENT_COLUMNS.index("authors")] = json.dumps(doc.authors)
            values[DOCUMENT_COLUMNS.index("provenance")] = json.dumps(doc.provenance)
            documents.append((seq, *values))
            removals.extend((doc.id, i, r.text, r.kind) for i, r in enumerate(doc.removed))
            warnings.extend((doc.id, doc.source, w) for w in doc.warnings)
            annotations.append((doc.id, json.dumps(to_dict(annotation))))
            claims.extend(
                (c.id, c.document, c.sentence, c.text, c.content, c.speaker, c.speaker_kind, c.cue, c.stance,
                 c.hedged, c.date)
                for c in annotation.claims
            )
            features.append(
                (
                    doc.id,
                    _blob(feature.doc_vector),
                    _blob(feature.sentence_vectors),
                    _blob(feature.minhash),
                    json.dumps(feature.data),
                    _blob(feature.claim_vectors),
                    _blob(feature.event_vectors),
                )
            )
        self._insert(f"documents (seq, {', '.join(DOCUMENT_COLUMNS)})", documents)
        self._insert("removals", removals)
        self._insert("warnings", warnings)
        self._insert("annotations", annotations)
        self._insert("claims", claims)
        self._insert("features", features)

    def _insert(self, table: str, rows: list[tuple], chunk: int = 100) -> None:
        """``rows`` into ``table``, ``chunk`` rows per INSERT: DuckDB runs one statement per row several
        times slower (``executemany`` too)."""
        for start in range(0, len(rows), chunk):
            part = rows[start : start + chunk]
            row = f"({', '.join('?' * len(part[0]))})"
            self.db.execute(
                f"INSERT INTO {table} VALUES {', '.join([row] * len(part))}", [v for r in part for v in r]
            )

    def documents_of_sources(self, sources: Iterable[str]) -> list[tuple[str, str, str]]:
        """(id, source, content hash) of the documents read from exactly these ``sources``."""
        query = "SELECT id, source, content_hash FROM documents WHERE source IN (SELECT unnest(?))"
        query += " ORDER BY seq"
        return self.db.execute(query, [sorted(set(sources))]).fetchall()

    def documents_of_files(self, files: Iterable[str]) -> list[tuple[str, str, str]]:
        """(id, source, content hash) of the documents read from ``files``: a file's own document, or its
        records (``FILE#N``), or everything under a folder."""
        files = sorted(set(files))
        if not files:
            return []
        return self.db.execute(
            "SELECT d.id, d.source, d.content_hash FROM documents d, (SELECT unnest(?) AS f) "
            "WHERE d.source = f OR starts_with(d.source, f || '#') OR starts_with(d.source, f || '/') "
            "ORDER BY d.seq", [files]).fetchall()

    def delete_documents(self, ids: Iterable[str]) -> None:
        """Delete documents with everything learnt from them (call inside a transaction). Their copies
        stay: the earliest stored copy of a deleted original becomes the family's original. Their stories
        are marked for recomputation; story clustering states are the pipeline's to update."""
        ids = sorted(set(ids))
        if not ids:
            return
        self.db.execute("UPDATE stories SET dirty = TRUE WHERE id IN "
                        "(SELECT story FROM documents WHERE id IN (SELECT unnest(?)))", [ids])
        # each deleted original's earliest surviving copy takes its place
        self.db.execute(
            "CREATE OR REPLACE TEMP TABLE reroot AS SELECT copy_of AS old, arg_min(id, seq) AS new "
            "FROM documents WHERE copy_of IN (SELECT unnest(?1)) AND id NOT IN (SELECT unnest(?1)) "
            "GROUP BY copy_of", [ids])
        self.db.execute("UPDATE documents SET copy_of = NULL, copy_kind = NULL "
                        "WHERE id IN (SELECT new FROM reroot)")
        self.db.execute("UPDATE documents SET copy_of = r.new FROM reroot r "
                        "WHERE documents.copy_of = r.old AND documents.id <> r.new")
        self.db.execute("DROP TABLE reroot")
        for table, column in (("removals", "document"), ("warnings", "document"), ("annotations", "document"),
                              ("claims", "document"), ("features", "document"), ("documents", "id")):
            self.db.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?))", [ids])

    def empty_stories(self) -> list[str]:
        """Stories without any document left."""
        return [r[0] for r in self.db.execute(
            "SELECT id FROM stories WHERE id NOT IN (SELECT story FROM documents WHERE story IS NOT NULL) "
            "ORDER BY id").fetchall()]

    def update_links(self, docs: Iterable[Document]) -> None:
        """Persist what corpus-level stages changed on stored documents (copy links, origin, story)
        and mark their stories for recomputation."""
        docs = list(docs)
        if not docs:
            return
        self.db.executemany(
            "UPDATE documents SET copy_of = ?, copy_kind = ?, origin = ?, story = ? WHERE id = ?",
            [(d.copy_of, d.copy_kind, d.origin, d.story, d.id) for d in docs],
        )
        stories = sorted({d.story for d in docs if d.story})
        if stories:
            self.db.execute("UPDATE stories SET dirty = TRUE WHERE id IN (SELECT unnest(?))", [stories])

    def documents(self, ids: Iterable[str] | None = None, full: bool = True) -> list[Document]:
        """Documents in ingest order (all, or those with the given ids); ``full=False`` leaves out the
        raw text, the removals and the warnings, which corpus-level stages do not need."""
        columns = DOCUMENT_COLUMNS if full else tuple(c for c in DOCUMENT_COLUMNS if c != "raw_text")
        query = f"SELECT {', '.join(columns)} FROM documents"
        params: list = []
        if ids is not None:
            ids = list(ids)
            if not ids:
                return []
            query += " WHERE id IN (SELECT unnest(?))"
            params = [ids]
        rows = self.db.execute(query + " ORDER BY seq", params).fetchall()
        removals: dict[str, list[Removal]] = {}
        if full:
            removal_query = "SELECT document, text, kind FROM removals"
            if ids is not None:
                removal_query += " WHERE document IN (SELECT unnest(?))"
            for document, text, kind in self.db.execute(
                removal_query + " ORDER BY document, position", params
            ).fetchall():
                removals.setdefault(document, []).append(Removal(text, kind))
        warned: dict[str, list[str]] = {}
        if full:
            for warning in self.warnings(ids):
                warned.setdefault(warning.document or "", []).append(warning.warning)
        docs = []
        for row in rows:
            data = dict(zip(columns, row, strict=True))
            data["authors"] = json.loads(data["authors"] or "[]")
            data["provenance"] = json.loads(data["provenance"] or "{}")
            data.setdefault("raw_text", "")
            doc = Document(**data)
            doc.removed = removals.get(doc.id, [])
            doc.warnings = warned.get(doc.id, [])
            docs.append(doc)
        return docs

    def annotations(self, ids: Iterable[str]) -> dict[str, Annotation]:
        rows = self.db.execute(
            "SELECT document, data FROM annotations WHERE document IN (SELECT unnest(?))", [list(ids)]
        ).fetchall()
        return {doc_id: from_dict(Annotation, json.loads(data)) for doc_id, data in rows}

    def features(self, ids: Iterable[str] | None = None, sentences: bool = True) -> dict[str, Features]:
        """Stored features; ``sentences=False`` skips the (large) sentence, claim and event vectors."""
        texts = "sentence_vectors, claim_vectors, event_vectors" if sentences else "NULL, NULL, NULL"
        columns = f"document, doc_vector, {texts}, minhash, data"
        query = f"SELECT {columns} FROM features"
        params: list = []
        if ids is not None:
            query += " WHERE document IN (SELECT unnest(?))"
            params = [list(ids)]
        out = {}
        rows = self.db.execute(query, params).fetchall()
        for doc_id, doc_vector, sentence_vectors, claim_vectors, event_vectors, minhash, data in rows:
            out[doc_id] = Features(
                doc_id,
                _array(doc_vector),
                _array(sentence_vectors),
                claim_vectors=_array(claim_vectors),
                event_vectors=_array(event_vectors),
                minhash=_array(minhash),
                data=json.loads(data or "{}"),
            )
        return out

    def sentence_vectors(self, ids: Iterable[str]) -> dict[str, np.ndarray]:
        """The stored sentence vectors of ``ids`` (those that have them), without the other features."""
        rows = self.db.execute("SELECT document, sentence_vectors FROM features WHERE document IN "
                               "(SELECT unnest(?)) AND sentence_vectors IS NOT NULL", [list(ids)]).fetchall()
        return {doc_id: _array(blob) for doc_id, blob in rows}

    def save_text_vectors(self, columns: dict[str, dict[str, np.ndarray]]) -> None:
        """Claim or event vectors embedded after analysis (``claim_vectors``/``event_vectors``: document id
        -> vectors), kept so that later reports read them (call inside a transaction)."""
        for column in columns:
            if column not in ("claim_vectors", "event_vectors"):
                raise ValueError(f"not a column of text vectors: {column}")
        for column, vectors in columns.items():
            if vectors:
                self.db.executemany(f"UPDATE features SET {column} = ? WHERE document = ?",
                                    [(_blob(v), doc_id) for doc_id, v in vectors.items()])

    # --- stories ---------------------------------------------------------------------
    def story_states(self, ids: Iterable[str] | None = None) -> dict[str, tuple[np.ndarray | None, dict]]:
        """The clustering state of every story (or of those of ``ids``): centroid and whatever else the
        clusterer keeps."""
        query, params = "SELECT id, centroid, state FROM stories", []
        if ids is not None:
            query, params = query + " WHERE id IN (SELECT unnest(?))", [sorted(ids)]
        rows = self.db.execute(query, params).fetchall()
        return {sid: (_array(centroid), json.loads(state or "{}")) for sid, centroid, state in rows}

    def save_story_states(
        self, states: dict[str, tuple[np.ndarray | None, dict]], dirty: Iterable[str]
    ) -> None:
        dirty = set(dirty)
        if not states:
            return
        self.db.executemany(
            "INSERT INTO stories (id, centroid, state, dirty) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
            "SET centroid = excluded.centroid, state = excluded.state, "
            "dirty = stories.dirty OR excluded.dirty",
            [
                (sid, _blob(centroid), json.dumps(state), sid in dirty)
                for sid, (centroid, state) in states.items()
            ],
        )

    def remove_stories(self, ids: Iterable[str]) -> None:
        """Delete stories left without documents (their documents joined other stories)."""
        ids = sorted(ids)
        if ids:
            self.db.execute("DELETE FROM claim_groups WHERE story IN (SELECT unnest(?))", [ids])
            self.db.execute("DELETE FROM stories WHERE id IN (SELECT unnest(?))", [ids])

    def dirty_stories(self) -> list[str]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT id FROM stories WHERE dirty OR data IS NULL ORDER BY id"
            ).fetchall()
        ]

    def story_documents(self, story: str) -> list[str]:
        return self.story_members([story]).get(story, [])

    def story_members(self, stories: Iterable[str]) -> dict[str, list[str]]:
        """The document ids of each of ``stories`` (in ingest order), read in one query: a query per story
        scans the documents table once per story."""
        query = "SELECT story, id FROM documents WHERE story IN (SELECT unnest(?)) ORDER BY seq"
        rows = self.db.execute(query, [sorted(set(stories))]).fetchall()
        members: dict[str, list[str]] = {}
        for story, doc_id in rows:
            members.setdefault(story, []).append(doc_id)
        return members

    def save_story(self, story: Story) -> None:
        """The computed dossier section of one story (call inside a transaction)."""
        self.db.execute(
            "UPDATE stories SET title = ?, size = ?, data = ?, dirty = FALSE WHERE id = ?",
            [story.title, len(story.documents), json.dumps(to_dict(story)), story.id],
        )
        self.db.execute("DELETE FROM claim_groups WHERE story = ?", [story.id])
        if story.claim_groups:
            self.db.executemany(
                "INSERT INTO claim_groups VALUES (?, ?, ?)",
                [(g.id, story.id, json.dumps(to_dict(g))) for g in story.claim_groups],
            )

    def stories(self) -> list[Story]:
        rows = self.db.execute(
            "SELECT data FROM stories WHERE data IS NOT NULL ORDER BY size DESC, id"
        ).fetchall()
        return [from_dict(Story, json.loads(r[0])) for r in rows]

    def story(self, story_id: str) -> Story | None:
        """One computed story (``None`` when unknown or not yet reported)."""
        row = self.db.execute(
            "SELECT data FROM stories WHERE id = ? AND data IS NOT NULL", [story_id]
        ).fetchone()
        return from_dict(Story, json.loads(row[0])) if row else None

    def claim_groups(self, story: str) -> list[ClaimGroup]:
        rows = self.db.execute("SELECT data FROM claim_groups WHERE story = ?", [story]).fetchall()
        return [from_dict(ClaimGroup, json.loads(r[0])) for r in rows]

    # --- errors ----------------------------------------------------------------------
    def record_errors(self, errors: Iterable[ReadError]) -> None:
        for e in errors:
            self.db.execute("INSERT OR REPLACE INTO errors VALUES (?, ?)", [e.source, e.error])

    def clear_errors(self, sources: Iterable[str]) -> None:
        for source in sources:
            self.db.execute("DELETE FROM errors WHERE source = ?", [source])

    # --- warnings --------------------------------------------------------------------
    def warnings(self, ids: list[str] | None = None) -> list[ReadWarning]:
        """Warnings about stored documents (all, or those of the given ids), in ingest order."""
        query = "SELECT w.source, w.warning, w.document FROM warnings w JOIN documents d ON d.id = w.document"
        query += (" WHERE w.document IN (SELECT unnest(?))" if ids is not None else "") + " ORDER BY d.seq"
        rows = self.db.execute(query, [ids] if ids is not None else []).fetchall()
        return [ReadWarning(source, warning, document) for source, warning, document in rows]

    def errors(self) -> list[ReadError]:
        return [
            ReadError(s, e)
            for s, e in self.db.execute("SELECT source, error FROM errors ORDER BY source").fetchall()
        ]
