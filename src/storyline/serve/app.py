"""The FastAPI app: JSON API over one store, the static page, security headers and limits.

The pipeline and the claim check (spaCy, torch: 6 s of CPU to import) are imported by the requests that
need them, so the server listens before they are loaded.

Every path parameter is an id looked up in the store; nothing a request carries is used as a path.
The interactive docs page (``/docs``) would load Swagger UI from a CDN, which the offline, CSP-guarded
server does not allow: it is off, and the schema is at ``/openapi.json``."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import Body, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storyline import __version__
from storyline.ingest.inputs import InputFile
from storyline.model import Document, Story, to_dict
from storyline.report.jsondoc import shown_title
from storyline.serve.access import StoreAccess, StoreBusy
from storyline.serve.config import ServeSettings
from storyline.serve.index import StoryIndex, summarize_story
from storyline.serve.uploads import UnsupportedUpload, from_body, from_file, media_type
from storyline.store import Store

STATIC = Path(__file__).parent / "static"
SECURITY_HEADERS = {
    # Scripts and styles only from this server's files: an injected inline script or handler cannot run.
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


DOCUMENT_FIELDS = ("id", "title", "published", "outlet", "origin", "authors", "dateline", "language", "url",
                   "source", "copy_of", "copy_kind", "story")


class ApiError(Exception):
    """An error the client can act on: HTTP status and a message."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


class Limits:
    """ASGI middleware: security headers on every response, and request bodies cut at a size (413),
    checked on the declared length and again on the bytes that arrive (a chunked body declares none)."""

    def __init__(self, app: ASGIApp, max_body_bytes: int):
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.decode().lower() not in SECURITY_HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body_bytes:
            await _too_large(self.max_body_bytes)(scope, receive, send_with_headers)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_body_bytes:
                raise ApiError(413, f"request body larger than {self.max_body_bytes} bytes")
            return message

        await self.app(scope, counted, send_with_headers)


def _too_large(limit: int) -> JSONResponse:
    return JSONResponse({"error": f"request body larger than {limit} bytes"}, status_code=413)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


@cache
def _stance_model():
    from storyline.claims.stance import StanceModel

    return StanceModel.load()


def create_app(store_path: Path, settings: ServeSettings | None = None) -> FastAPI:
    """The app over the store at ``store_path`` (opened now: a missing or busy store fails here). Stories
    not yet computed are computed in a thread once the server has started (see ``StoreAccess``)."""
    settings = settings or ServeSettings()
    access = StoreAccess(Path(store_path), settings)
    app = FastAPI(title="storyline", version=__version__, docs_url=None, redoc_url=None,
                  description="Stories, claims, sources and timelines of a storyline store.",
                  lifespan=_computing_stories(access))
    app.state.access = access
    app.add_middleware(Limits, max_body_bytes=settings.max_body_bytes)
    _errors(app)

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/api/stories", summary="Stories with counts, largest first; q= searches titles, entities")
    async def stories(q: str = Query("", max_length=settings.max_query_chars),
                offset: int = Query(0, ge=0),
                limit: int = Query(settings.page_size, ge=1, le=settings.max_page_size)) -> JSONResponse:
        index = await _index(access)
        found = index.search(q)
        return JSONResponse({"total": len(found), "offset": offset, "limit": limit, "query": q,
                             "pending": len(access.pending),
                             "documents": sum(s.documents for s in index.summaries),
                             "stories": [s.to_json() for s in found[offset: offset + limit]]})

    @app.get("/api/stories/{story_id}", summary="A story's dossier section and its documents' metadata")
    async def story(story_id: str) -> Response:
        return await _answer(access, ("story", story_id), lambda store: _story_json(store, story_id))

    @app.get("/api/stories/{story_id}/claims", summary="Claim groups of a story, each with its claims")
    async def claims(story_id: str, contested: bool = False) -> Response:
        key = ("claims", story_id, str(contested))
        return await _answer(access, key, lambda store: _claims_json(store, story_id, contested))

    @app.get("/api/documents/{doc_id}", summary="A document's clean text; ?removed=true adds the removals")
    async def document(doc_id: str, removed: bool = False) -> Response:
        key = ("document", doc_id, str(removed))
        return await _answer(access, key, lambda store: _document_json(store, doc_id, removed))

    @app.get("/api/entities", summary="Entities whose name or alias holds q, with their stories")
    async def entities(q: str = Query("", max_length=settings.max_query_chars),
                 limit: int = Query(settings.max_entities, ge=1, le=settings.max_entities)) -> JSONResponse:
        found = (await _index(access)).find_entities(q, limit)
        return JSONResponse({"query": q, "entities": [asdict(e) for e in found]})

    @app.post("/api/documents", status_code=201, summary="Add documents: a text, HTML or JSON body, or "
              "multipart file uploads; they go through the pipeline and join stories")
    async def add_documents(request: Request, name: str | None = Query(None, max_length=200)) -> JSONResponse:
        inputs = await _inputs(request, name)
        result = await run_in_threadpool(_ingest, access, inputs)
        status = 201 if result["added"] else 200 if result["skipped"] else 422
        return JSONResponse(result, status_code=status)

    @app.post("/api/check", summary="Stance of every document (or a story's) toward a claim, with evidence")
    def check_claim(claim: str = Body(..., embed=True, min_length=3, max_length=settings.max_claim_chars),
                    story: str | None = Body(None, embed=True)) -> JSONResponse:
        with access.reader() as store:
            ids = _story(store, story).documents if story else None
            documents = store.documents(ids, full=False)
            annotations = store.annotations([d.id for d in documents])
        if not documents:
            raise ApiError(404, "the store has no documents to check against")
        from storyline.claims.check import check

        result = check(claim, documents, _stance_model(), {k: a.claims for k, a in annotations.items()})
        return JSONResponse(result.to_json())

    return app


def _computing_stories(access: StoreAccess):
    """The app's lifespan: pending stories are computed in a thread while the server answers; at shutdown
    the thread finishes the story it is on (a half-written story would stay dirty, not corrupt)."""

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        access.stopping.clear()
        worker = threading.Thread(target=access.complete_stories, name="storyline-stories", daemon=True)
        worker.start()
        yield
        access.stopping.set()
        await run_in_threadpool(worker.join)

    return lifespan


def _story(store: Store, story_id: str) -> Story:
    found = store.story(story_id)
    if found is None and store.story_documents(story_id):
        raise ApiError(503, f"story {story_id!r} is still being computed; try again in a few seconds")
    if found is None:
        raise ApiError(404, f"no story {story_id!r} in the store")
    return found


async def _answer(access: StoreAccess, key: tuple[str, ...], compute: Callable[[Store], object]) -> Response:
    """A kept answer straight from the event loop; one to compute goes to a worker thread (it reads the
    store), so a slow answer never holds up the others."""
    body = access.cached(key)
    if body is None:
        body = await run_in_threadpool(access.answer, key, compute)
    return Response(body, media_type="application/json")


async def _index(access: StoreAccess) -> StoryIndex:
    return access.ready_index() or await run_in_threadpool(access.index)


def _story_json(store: Store, story_id: str) -> dict[str, Any]:
    found = _story(store, story_id)
    docs = store.documents(found.documents, full=False)
    data = to_dict(found)
    data["document_meta"] = [_document_meta(d) for d in docs]
    data["counts"] = summarize_story(found, {d.id: d for d in docs}).to_json()  # as in the story list
    return data


def _claims_json(store: Store, story_id: str, contested: bool) -> dict[str, Any]:
    found = _story(store, story_id)
    by_id = {c.id: c for c in found.claims}
    groups = [g for g in found.claim_groups if g.contested or not contested]
    return {"story": story_id, "claim_groups": [
        {**to_dict(g), "claim_records": [to_dict(by_id[c]) for c in g.claims if c in by_id]} for g in groups]}


def _document_json(store: Store, doc_id: str, removed: bool) -> dict[str, Any]:
    docs = store.documents([doc_id], full=removed)
    if not docs:
        raise ApiError(404, f"no document {doc_id!r} in the store")
    data = _document_meta(docs[0])
    data["text"] = docs[0].text
    if removed:
        data["removed"] = to_dict(docs[0].removed)
        data["warnings"] = docs[0].warnings
    return data


def _document_meta(doc: Document) -> dict[str, Any]:
    """A document's metadata; ``shown_title`` is what the reports show for it (the start of its text when
    it has no title)."""
    meta = {k: getattr(doc, k) for k in DOCUMENT_FIELDS}
    meta["shown_title"] = shown_title({"title": doc.title, "text": doc.text})
    return meta


async def _inputs(request: Request, name: str | None) -> list[InputFile]:
    """The request's documents as in-memory inputs: the body itself, or each uploaded file of a form."""
    body = await request.body()
    kind = media_type(request.headers.get("content-type"))
    if kind != "multipart/form-data":
        if not body.strip():
            raise ApiError(400, "empty request body: send a document's text, HTML or JSON")
        return [from_body(body, kind, name)]
    form = await request.form()
    inputs = []
    for value in form.values():
        if hasattr(value, "read"):
            inputs.append(from_file(await value.read(), value.filename))
        elif str(value).strip():
            inputs.append(from_body(str(value).encode(), "text/plain", name))
    if not inputs:
        raise ApiError(400, "the form holds no file and no text")
    return inputs


def _ingest(access: StoreAccess, inputs: list[InputFile]) -> dict[str, Any]:
    """Ingest then report, under the write lock: the new documents join (or found) stories."""
    from storyline.pipeline import ingest, report

    with access.writer() as store:
        result = ingest(inputs, store)
        report(store)
        docs = store.documents(result.added, full=False)
    access.index()  # rebuilt here, in the worker thread, not by the next reader
    return {"added": result.added, "skipped": result.skipped,
            "stories": sorted({d.story for d in docs if d.story}),
            "errors": to_dict(result.errors), "warnings": to_dict(result.warnings)}


def _errors(app: FastAPI) -> None:
    """Every error as ``{"error": message}`` with its status."""

    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.message)

    @app.exception_handler(UnsupportedUpload)
    async def unsupported(_: Request, exc: UnsupportedUpload) -> JSONResponse:
        return _error(415, str(exc))

    @app.exception_handler(StoreBusy)
    async def busy(_: Request, exc: StoreBusy) -> JSONResponse:
        return _error(503, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return _error(422, f"invalid request: {problems}")
