"""Engines: where the per-document work runs. ``local`` is this process; ``ray`` is a pool of Ray actors
(a local Ray started here, or a cluster). Light to import: the pipeline and Ray load only when an engine is
made, so the command line starts fast and runs without Ray."""

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
    # Batches waiting at each actor: two, so that an actor starts its next batch while the driver stores
    # the one before (the actors live for the whole ingest and load the models once). The driver holds at
    # most queued × actors batches of texts and results, and a killed ingest loses at most those.
    queued: int = 2
    # Seconds to wait for the cluster at ``address`` to answer before saying so: Ray itself retries for
    # minutes. A cluster on the same network answers in milliseconds.
    connect_seconds: float = 10.0


class EngineUnavailable(RuntimeError):
    """The chosen engine cannot run here (an unknown name, Ray not installed, no cluster at the address)."""


class EngineFailed(RuntimeError):
    """The engine lost a batch (a Ray actor died): the message is one line naming the batch."""


def make_engine(name: str, ray: RaySettings | None = None) -> Engine:
    """The engine called ``name`` (one of ``ENGINES``); ``ray`` configures the Ray engine."""
    if name not in ENGINES:
        raise EngineUnavailable(f"unknown engine {name!r} (choose {' or '.join(ENGINES)})")
    if name == "local":
        from storyline.pipeline import LocalEngine

        return LocalEngine()
    try:
        from storyline.engine.ray_actors import RayEngine
    except ImportError as exc:
        if not (exc.name or "").startswith("ray"):
            raise
        raise EngineUnavailable(f"--engine ray needs Ray ({exc.name} is not installed): "
                                "pip install 'storyline[ray]'") from None
    return RayEngine.start(ray or RaySettings())
