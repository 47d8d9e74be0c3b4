"""Engines: where the per-document work runs. ``local`` is this process; ``ray`` is Ray Data (a local Ray
started here, or a cluster). Light to import: the pipeline and Ray load only when an engine is made, so
the command line starts fast and runs without Ray."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storyline.pipeline import Engine

ENGINES = ("local", "ray")


@dataclass(frozen=True)
class RaySettings:
    # None: the RAY_ADDRESS environment variable when set, else a Ray started in this process on this
    # machine, which stops with it.
    address: str | None = None
    # CPUs a local Ray may use (None: every CPU of the machine); one actor per CPU, each holding its own
    # spaCy and embedding models (about 1 GB).
    cpus: int | None = None
    # Ingest batches handed to Ray Data in one job. Each job starts its actors, which load the models once
    # (about 15 s on the 2-core machine); 16 batches of 200 documents make that a small share of the job,
    # while the driver holds at most 3,200 documents' texts and results at once.
    window: int = 16
    # Seconds to wait for the cluster at ``address`` to answer before saying so: Ray itself retries for
    # minutes. A cluster on the same network answers in milliseconds.
    connect_seconds: float = 10.0


class EngineUnavailable(RuntimeError):
    """The chosen engine cannot run here (an unknown name, Ray not installed, no cluster at the address)."""


def make_engine(name: str, ray: RaySettings | None = None) -> Engine:
    """The engine called ``name`` (one of ``ENGINES``); ``ray`` configures the Ray engine."""
    if name not in ENGINES:
        raise EngineUnavailable(f"unknown engine {name!r} (choose {' or '.join(ENGINES)})")
    if name == "local":
        from storyline.pipeline import LocalEngine

        return LocalEngine()
    try:
        from storyline.engine.ray_data import RayEngine
    except ImportError as exc:
        if not (exc.name or "").startswith(("ray", "pyarrow", "pandas")):
            raise
        raise EngineUnavailable(f"--engine ray needs Ray Data ({exc.name} is not installed): "
                                "pip install 'storyline[ray]'") from None
    return RayEngine.start(ray or RaySettings())
