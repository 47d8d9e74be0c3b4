"""The Ray engine: ``analyse`` (clean, parse, annotate, claims, events, embeddings) on a pool of Ray actors
that live for the whole ingest, each loading spaCy and the embedding model once; the results come back to
the driver in batch order, which stores them (one writer) and assigns copies and stories as the local
engine does.

An actor analyses exactly the batch the local engine would, so both engines give the same dossier."""

from __future__ import annotations

import logging
import os
import re
import socket
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import ray
from ray.exceptions import RayActorError, RayTaskError

from storyline.engine import EngineFailed, EngineUnavailable, RaySettings
from storyline.model import Document
from storyline.pipeline import Analysed, AnalysisMemory, analyse


# An actor lost (its node gone, killed for memory) is not restarted: a batch that kills its actor would kill
# every restart too. The ingest stops with one line naming the batch; the batches stored so far stay, and the
# next run analyses only what is missing.
@ray.remote(num_cpus=1, max_restarts=0)
class _Analyser:
    """One per actor: the models load once, when the actor starts."""

    def __init__(self) -> None:
        from storyline.annotate.nlp import spacy_pipeline
        from storyline.embeddings import embedder

        spacy_pipeline()
        embedder()
        self.memory = AnalysisMemory()  # an exact copy in a later batch this actor analyses is not parsed

    def analyse(self, docs: list[Document]) -> Analysed:
        # one spaCy process: the actor already holds one of Ray's CPUs
        return analyse(docs, processes=1, memory=self.memory)


def _check_reachable(address: str, seconds: float) -> None:
    """Fail at once, in one line, when nothing listens at a HOST:PORT address (Ray itself retries for
    minutes); other forms ("auto", a file) are left to Ray."""
    found = re.fullmatch(r"(?:ray://)?\[?([^\]/]+?)\]?:(\d+)", address)
    if not found:
        return
    try:
        socket.create_connection((found[1], int(found[2])), timeout=seconds).close()
    except OSError as exc:
        raise EngineUnavailable(f"no Ray cluster answers at {address}: {exc.strerror or exc}") from None


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0].strip() if lines else type(exc).__name__


def _reason(exc: Exception) -> str:
    """The first line of what Ray says went wrong (its messages run to dozens of lines): the exception
    the analysis raised, or the actor's death."""
    if isinstance(exc, RayActorError):
        return f"its Ray actor died ({_first_line(exc)})"
    cause = exc.cause if isinstance(getattr(exc, "cause", None), BaseException) else exc
    return f"{type(cause).__name__}: {_first_line(cause)}"


def _batch_failed(number: int, docs: list[Document], exc: Exception) -> EngineFailed:
    """One line naming the batch whose analysis failed and why; what was stored before it stays."""
    where = docs[0].source if len(docs) == 1 else f"{docs[0].source} … {docs[-1].source}"
    return EngineFailed(f"batch {number} ({len(docs)} document{'s' if len(docs) != 1 else ''}: {where}) "
                        f"was not analysed: {_reason(exc)}; the batches before it are stored, run the "
                        "same command again to add the rest")


@dataclass
class RayEngine:
    """Round-robin over at most ``actors`` actors, started as the first batches arrive (an ingest of one
    batch loads the models once) and kept until the engine is dropped; ``queued`` batches wait at each."""

    actors: int
    queued: int
    where: str  # said to the user
    pool: list = field(default_factory=list)  # the actors started so far: one model load each
    submitted: int = 0

    @classmethod
    def start(cls, settings: RaySettings) -> RayEngine:
        """Connect to the cluster at ``settings.address`` (or RAY_ADDRESS), else start Ray on this machine
        with ``settings.cpus``: no dashboard, only errors logged."""
        address = settings.address or os.environ.get("RAY_ADDRESS") or None
        if address:
            _check_reachable(address, settings.connect_seconds)
        if not ray.is_initialized():  # Ray's notices (token authentication, deprecations) are not the user's
            ray.init(address=address, num_cpus=None if address else settings.cpus, include_dashboard=False,
                     log_to_driver=False, logging_level=logging.ERROR)
        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        where = f"the Ray cluster at {address}" if address else "a Ray started on this machine"
        return cls(actors=cpus, queued=settings.queued,
                   where=f"{where} ({cpus} CPU{'s' if cpus > 1 else ''})")

    def analyse_stream(self, batches: Iterable[list[Document]]) -> Iterator[Analysed]:
        """Each batch's ``analyse`` result, in order, while later batches are analysed."""
        pending: deque[tuple[int, list[Document], ray.ObjectRef | None]] = deque()
        for number, docs in enumerate(batches, 1):
            pending.append((number, docs, self._submit(docs) if docs else None))  # no documents: no actor
            if len(pending) >= self.queued * self.actors:
                yield self._result(*pending.popleft())
        while pending:
            yield self._result(*pending.popleft())

    def _submit(self, docs: list[Document]) -> ray.ObjectRef:
        turn = self.submitted % self.actors
        if turn == len(self.pool):
            self.pool.append(_Analyser.remote())
        self.submitted += 1
        return self.pool[turn].analyse.remote(docs)

    @staticmethod
    def _result(number: int, docs: list[Document], ref: ray.ObjectRef | None) -> Analysed:
        if ref is None:
            return [], []
        try:
            return ray.get(ref)
        except (RayActorError, RayTaskError) as exc:
            raise _batch_failed(number, docs, exc) from None
