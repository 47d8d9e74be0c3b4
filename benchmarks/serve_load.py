"""Load on the HTTP API: concurrent clients reading stories, dossiers, documents, claims and entities.

    python benchmarks/serve_load.py --store STORE.duckdb [--clients 50] [--seconds 30]
    python benchmarks/serve_load.py --url http://127.0.0.1:8000 [...]

With --store it starts `storyline serve` in a process of its own on a free loopback port (so the clients
do not share the server's interpreter) and stops it at the end. Each client repeats a mix of what the page
asks for: the story list (paged, searched), a story's dossier, its claim groups, a document and an entity
search. Prints requests/s, p50 and p99 latency and errors, in all and per endpoint."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import numpy as np

from storyline.serve.background import free_port

REQUEST_TIMEOUT = 30.0  # a request slower than this counts as an error
READY_SECONDS = 600  # a store whose stories were never reported has them computed before the run starts


@contextlib.contextmanager
def server(store: Path) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "storyline.cli", "serve", "--store", str(store),
                                "--port", str(port)])
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + READY_SECONDS
        while True:
            if process.poll() is not None:
                raise SystemExit(f"storyline serve exited with {process.returncode}")
            with contextlib.suppress(httpx.HTTPError):
                answer = httpx.get(url + "/api/stories", timeout=5)
                if answer.status_code == 200 and not answer.json()["pending"]:  # every story computed
                    break
            if time.monotonic() > deadline:
                raise SystemExit("storyline serve did not answer")
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def targets(url: str) -> tuple[list[str], list[str], list[str]]:
    """Story ids, document ids and search words of the served store."""
    stories, words = [], set()
    offset = 0
    while True:
        page = httpx.get(url + "/api/stories", params={"offset": offset, "limit": 200}, timeout=60).json()
        stories += [s["id"] for s in page["stories"]]
        words.update(w.lower() for s in page["stories"] for name in s["entities"] for w in name.split())
        offset += 200
        if offset >= page["total"]:
            break
    documents = []
    for story in random.sample(stories, min(len(stories), 50)):
        documents += httpx.get(f"{url}/api/stories/{story}", timeout=60).json()["documents"]
    return stories, documents, sorted(w for w in words if len(w) > 3)


def request_of(rng: random.Random, stories: list[str], documents: list[str],
               words: list[str]) -> tuple[str, str]:
    """(endpoint name, path) of one request, in the proportions the page makes them."""
    roll = rng.random()
    if roll < 0.25:
        searched = words and rng.random() < 0.5
        query = f"?q={quote(rng.choice(words))}" if searched else f"?offset={rng.randrange(0, 100)}"
        return "stories", "/api/stories" + query
    if roll < 0.45:
        return "story", f"/api/stories/{quote(rng.choice(stories))}"
    if roll < 0.60:
        return "claims", f"/api/stories/{quote(rng.choice(stories))}/claims"
    if roll < 0.90:
        return "document", f"/api/documents/{quote(rng.choice(documents))}"
    return "entities", f"/api/entities?q={quote(rng.choice(words)[:4]) if words else ''}"


async def get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, path: str) -> int:
    """One GET on a kept-alive connection; the status. A bare HTTP/1.1 exchange: an HTTP library's own
    work per request would be measured as the server's latency on a machine whose cores both serve."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    await writer.drain()
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in head[1:] if ": " in line)
    length = int({k.lower(): v for k, v in headers.items()}.get("content-length", "0"))
    await reader.readexactly(length)
    return int(head[0].split()[1])


async def client(url: str, seconds: float, seed: int, plan: tuple, latencies: dict, errors: list) -> None:
    rng = random.Random(seed)
    host = url.split("//", 1)[1]
    address, port = host.rsplit(":", 1)
    reader, writer = await asyncio.open_connection(address, int(port))
    deadline = time.perf_counter() + seconds
    try:
        while time.perf_counter() < deadline:
            name, path = request_of(rng, *plan)
            started = time.perf_counter()
            try:
                status = await asyncio.wait_for(get(reader, writer, host, path), REQUEST_TIMEOUT)
                if status != 200:
                    errors.append(f"{status} {path}")
            except (TimeoutError, OSError, ValueError, IndexError, asyncio.IncompleteReadError) as exc:
                errors.append(f"{type(exc).__name__} {path}")
                writer.close()
                reader, writer = await asyncio.open_connection(address, int(port))
            latencies[name].append(time.perf_counter() - started)
    finally:
        writer.close()


async def load(url: str, clients: int, seconds: float) -> tuple[dict[str, list[float]], list[str], float]:
    plan = targets(url)
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    started = time.perf_counter()
    await asyncio.gather(*(client(url, seconds, i, plan, latencies, errors) for i in range(clients)))
    return latencies, errors, time.perf_counter() - started


def line(name: str, values: list[float], elapsed: float) -> str:
    ms = np.array(values) * 1000
    return (f"{name:<10} {len(values):>7} requests {len(values) / elapsed:>8.1f}/s"
            f"  p50 {np.percentile(ms, 50):7.1f} ms  p99 {np.percentile(ms, 99):7.1f} ms"
            f"  max {ms.max():7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--store", type=Path, help="serve this store for the run")
    source.add_argument("--url", help="a running server")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        url = args.url or stack.enter_context(server(args.store))
        documents = httpx.get(url + "/api/stories", timeout=60).json()["documents"]
        latencies, errors, elapsed = asyncio.run(load(url, args.clients, args.seconds))
    print(f"{args.clients} clients for {args.seconds:.0f} s on {url} over {documents} documents")
    print(line("all", [v for values in latencies.values() for v in values], elapsed))
    for name in sorted(latencies):
        print(line(name, latencies[name], elapsed))
    print(f"errors     {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))


if __name__ == "__main__":
    main()
