"""The HTTP API against a real uvicorn server on loopback, over a store of the fixture documents."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from storyline.serve import create_app
from storyline.serve.access import StoreBusy

FOLLOW_UP = (
    "title Corvel freighter held in Orsanne after radar crates found\n"
    "date 2025-03-06\n"
    "source Coastline Times\n\n"
    "ORSANNE — A fourth freighter registered in Corvel was held in Orsanne on Thursday after inspectors "
    "found radar components in crates declared as farm machinery, harbor authority director Lina Varga "
    "said.\n\n"
    "Varga said the crates matched those shipped to Tessaly in February. The Corvel trade ministry again "
    "denied that any military equipment had left its ports.\n"
)


def test_story_list_counts_search_and_paging(client, port_story):
    listing = client.get("/api/stories").json()
    assert listing["total"] == 2 and listing["documents"] >= 4
    port = next(s for s in listing["stories"] if s["id"] == port_story)
    assert port["documents"] >= 3
    assert port["sources"] < port["documents"]  # the Daily Harbor copy counts with the Meridian Press wire
    assert port["claim_groups"] > 0 and port["first"] == "2025-03-04"
    orchard = client.get("/api/stories", params={"q": "holt velin"}).json()
    assert [s["title"] for s in orchard["stories"]] == [
        "Late frost damages apple orchards in the Velin valley"]
    assert client.get("/api/stories", params={"q": "no such words anywhere"}).json()["total"] == 0
    page = client.get("/api/stories", params={"limit": 1, "offset": 1}).json()
    assert len(page["stories"]) == 1 and page["stories"][0]["id"] == listing["stories"][1]["id"]


def test_story_dossier_and_claim_groups(client, port_story):
    story = client.get(f"/api/stories/{port_story}").json()
    assert {"summary", "timeline", "claim_groups", "claims", "entities", "events"} <= story.keys()
    assert {d["id"] for d in story["document_meta"]} == set(story["documents"])
    groups = client.get(f"/api/stories/{port_story}/claims").json()["claim_groups"]
    assert len(groups) == len(story["claim_groups"])
    assert all(len(g["claim_records"]) == len(g["claims"]) for g in groups)
    contested = client.get(f"/api/stories/{port_story}/claims", params={"contested": "true"}).json()
    assert all(g["contested"] for g in contested["claim_groups"])


def test_document_text_and_removals_on_request(client):
    plain = client.get("/api/documents/port_copy").json()
    assert "weeknight" not in plain["text"] and "removed" not in plain
    assert plain["outlet"] == "Daily Harbor" and plain["copy_of"] == "port_wire"
    full = client.get("/api/documents/port_copy", params={"removed": "true"}).json()
    assert any("weeknight" in r["text"] for r in full["removed"])


def test_entity_search(client, port_story):
    found = client.get("/api/entities", params={"q": "varga"}).json()["entities"]
    assert found and found[0]["name"] == "Lina Varga" and found[0]["story"] == port_story


def test_unknown_ids_are_json_404s_and_never_paths(client):
    for path in ("/api/stories/nope", "/api/stories/nope/claims", "/api/documents/nope",
                 "/api/documents/..%2F..%2F..%2Fetc%2Fpasswd", "/static/..%2F..%2Fpyproject.toml"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"] == "application/json" and response.json()["error"]


def test_security_headers_and_schema(client):
    for path in ("/", "/api/stories", "/static/app.js", "/api/documents/nope"):
        headers = client.get(path).headers
        policy = headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert headers["x-content-type-options"] == "nosniff"
    schema = client.get("/openapi.json").json()
    assert {"/api/stories", "/api/documents", "/api/check"} <= schema["paths"].keys()
    assert client.get("/docs").status_code == 404  # Swagger UI would need a CDN


def test_add_document_joins_its_story_and_twice_changes_nothing(client, port_story):
    added = client.post("/api/documents", params={"name": "coastline"}, content=FOLLOW_UP.encode(),
                        headers={"content-type": "text/plain"})
    assert added.status_code == 201, added.text
    assert added.json()["added"] == ["coastline"] and added.json()["stories"] == [port_story]
    assert "coastline" in client.get(f"/api/stories/{port_story}").json()["documents"]
    again = client.post("/api/documents", params={"name": "coastline"}, content=FOLLOW_UP.encode(),
                        headers={"content-type": "text/plain"})
    assert again.status_code == 200 and again.json()["skipped"] == 1 and again.json()["added"] == []


def test_upload_types_and_sizes(client):
    page = (b"<html><head><title>Velin growers count frost losses</title></head><body><article>"
            b"<p>Growers in the Velin valley said on Saturday that the late frost had cost them about a "
            b"third of the early apple blossoms, growers association chair Mira Holt said.</p>"
            b"<p>The regional agriculture office said emergency loans would be offered to affected farms.</p>"
            b"</article></body></html>")
    uploaded = client.post("/api/documents",
                           files={"file": ("../../etc/velin-frost.html", page, "text/html")})
    assert uploaded.status_code == 201, uploaded.text
    assert uploaded.json()["added"] == ["velin-frost"]
    refused = client.post("/api/documents",
                          files={"file": ("tool.exe", b"MZ\x90\x00", "application/octet-stream")})
    assert refused.status_code == 415 and "unsupported file type" in refused.json()["error"]
    image = client.post("/api/documents", content=b"\x89PNG", headers={"content-type": "image/png"})
    assert image.status_code == 415
    big = b"x" * (5 * 1024 * 1024 + 1)
    whole = client.post("/api/documents", content=big, headers={"content-type": "text/plain"})
    assert whole.status_code == 413
    chunked = client.post("/api/documents", content=iter([big[:3_000_000], big[3_000_000:]]),
                          headers={"content-type": "text/plain"})
    assert chunked.status_code == 413 and "larger than" in chunked.json()["error"]
    empty = client.post("/api/documents", content=b"  ", headers={"content-type": "text/plain"})
    assert empty.status_code == 400
    unreadable = client.post("/api/documents", content=b"{not json",
                             headers={"content-type": "application/json"})
    assert unreadable.status_code == 422 and unreadable.json()["errors"]


def test_check_a_claim(client, port_story):
    claim = "Corvel freighters carried radar components to Tessaly"
    result = client.post("/api/check", json={"claim": claim, "story": port_story}).json()
    assert result["claim"] == claim and result["verdict"]["line"].startswith("supported by")
    stances = {d["document"]: d["stance"] for d in result["documents"]}
    assert stances["port_wire"] in ("agree", "discuss")
    invalid = client.post("/api/check", json={})
    assert invalid.status_code == 422 and "claim" in invalid.json()["error"]


def test_ingest_in_a_second_process_fails_clearly_while_serving(client, store_path, tmp_path):
    """DuckDB lets one process hold the file: `storyline ingest` says which file is busy, and the server
    and its store go on unharmed."""
    before = client.get("/api/stories").json()
    extra = tmp_path / "extra.txt"
    extra.write_text(FOLLOW_UP.replace("fourth", "fifth"), encoding="utf-8")
    command = [sys.executable, "-m", "storyline.cli", "ingest", str(extra), "--store", str(store_path)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert str(store_path) in run.stderr and "in use by another process" in run.stderr
    assert client.get("/api/stories").json() == before


def test_server_refuses_a_store_another_process_holds(tmp_path):
    path = tmp_path / "held.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time; db = duckdb.connect(sys.argv[1]); db.execute('CREATE TABLE t (x INT)'); "
        "print('ready', flush=True); time.sleep(60)"), str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreBusy, match=str(path)):
            create_app(path)
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.1)
    with pytest.raises(FileNotFoundError, match="no such store"):
        create_app(Path(tmp_path / "missing.duckdb"))


def test_cli_serve_binds_loopback_by_default():
    from typer.testing import CliRunner

    from storyline.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "127.0.0.1" in result.output


def test_server_listens_before_its_stories_are_computed(tmp_path, await_stories):
    """An unreported story is pending: counted in the list, 503 when opened, computed in the background."""
    import httpx

    from storyline.pipeline import ingest
    from storyline.serve.background import running
    from storyline.store import Store

    path = tmp_path / "fresh.duckdb"
    store = Store(path)
    ingest([str(Path(__file__).parent / "fixtures" / "orchard_frost.txt")], store)
    store.close()
    app = create_app(path)
    access = app.state.access
    [story_id] = access.pending
    access.write_lock.acquire()  # the computing thread waits for this lock: the story stays pending
    held = True
    try:
        with running(app) as url:
            listing = httpx.get(f"{url}/api/stories", timeout=60).json()
            assert listing["pending"] == 1 and listing["total"] == 0
            opened = httpx.get(f"{url}/api/stories/{story_id}", timeout=60)
            assert opened.status_code == 503 and "still being computed" in opened.json()["error"]
            assert httpx.get(f"{url}/api/stories/s999", timeout=60).status_code == 404
            access.write_lock.release()
            held = False
            await_stories(url)
            story = httpx.get(f"{url}/api/stories/{story_id}", timeout=60)
            assert story.status_code == 200 and "orchard" in story.text.lower()
    finally:
        if held:
            access.write_lock.release()
