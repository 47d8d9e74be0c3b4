"""A real server on a loopback port over a store built from the fixture documents in fixtures/."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import httpx
import pytest

from storyline.pipeline import ingest
from storyline.serve import create_app
from storyline.serve.background import running
from storyline.store import Store

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def store_path(tmp_path_factory) -> Path:
    """A store of the four fixture documents, ingested but not reported (the server computes its stories
    after it starts listening)."""
    folder = tmp_path_factory.mktemp("serve")
    shutil.copytree(FIXTURES, folder / "in")
    path = folder / "store.duckdb"
    store = Store(path)
    result = ingest([str(folder / "in")], store)
    store.close()
    assert len(result.added) == 4, result.errors
    return path


@pytest.fixture(scope="session")
def app(store_path):
    return create_app(store_path)


def wait_for_stories(url: str, seconds: float = 600) -> None:
    """Until the server has computed the stories it started without (``pending`` 0)."""
    deadline = time.monotonic() + seconds
    while httpx.get(f"{url}/api/stories", timeout=120).json()["pending"]:
        assert time.monotonic() < deadline, "stories still pending"
        time.sleep(0.2)


@pytest.fixture(scope="session")
def await_stories():
    return wait_for_stories


@pytest.fixture(scope="session")
def base_url(app) -> str:
    with running(app) as url:
        wait_for_stories(url)
        yield url


@pytest.fixture(scope="session")
def client(base_url):
    with httpx.Client(base_url=base_url, timeout=120) as http:
        yield http


@pytest.fixture(scope="session")
def port_story(client) -> str:
    """The id of the story of the three port documents."""
    stories = client.get("/api/stories", params={"q": "Varga"}).json()["stories"]
    assert len(stories) == 1
    return stories[0]["id"]
