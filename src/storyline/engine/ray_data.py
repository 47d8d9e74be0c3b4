"""The Ray Data engine: ``analyse`` (clean, parse, annotate, claims, events, embeddings) as ``map_batches``
over a pool of actors, each loading spaCy and the embedding model once; the results come back to the
driver, which stores them (one writer) and assigns copies and stories as the local engine does.

One row is one ingest batch, pickled: an actor analyses exactly the batch the local engine would, so both
engines give the same dossier."""

from __future__ import annotations

import logging
import os
import pickle
import re
import socket
import warnings
from dataclasses import dataclass

import numpy as np
import ray
import ray.data

from storyline.engine import EngineUnavailable, RaySettings
from storyline.model import Document
from storyline.pipeline import Analysed, analyse

# An actor lost (its node gone, killed for memory) stops the ingest with Ray's error: the batches already
# stored stay, and the next run analyses only what is missing. Ray Data's default, restarting it forever and
# retrying its batch, would retry a batch that kills every actor without end.
ACTOR_RESTARTS = 0


class _Analyser:
    """Ray Data callable class: one instance per actor, so the models load once per actor."""

    def __init__(self) -> None:
        from storyline.annotate.nlp import spacy_pipeline
        from storyline.embeddings import embedder

        spacy_pipeline()
        embedder()

    def __call__(self, rows: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        # one spaCy process: the actor already holds one of Ray's CPUs
        results = [pickle.dumps(analyse(pickle.loads(payload), processes=1)) for payload in rows["documents"]]
        return {"batch": rows["batch"], "analysed": np.array(results, dtype=object)}


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


@dataclass
class RayEngine:
    """Hands ``window`` ingest batches at a time to Ray Data; one actor per CPU (never more than batches)."""

    window: int
    actors: int
    where: str  # said to the user

    @classmethod
    def start(cls, settings: RaySettings) -> RayEngine:
        """Connect to the cluster at ``settings.address`` (or RAY_ADDRESS), else start Ray on this machine
        with ``settings.cpus``: no dashboard, no progress bars, only errors logged."""
        address = settings.address or os.environ.get("RAY_ADDRESS") or None
        if address:
            _check_reachable(address, settings.connect_seconds)
        if not ray.is_initialized():  # Ray's notices (token authentication, deprecations) are not the user's
            ray.init(address=address, num_cpus=None if address else settings.cpus, include_dashboard=False,
                     log_to_driver=False, logging_level=logging.ERROR)
        logging.getLogger("ray.data").setLevel(logging.ERROR)
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.execution_options.preserve_order = True  # stories are assigned in reading order
        context.execution_options.verbose_progress = False
        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        where = f"the Ray cluster at {address}" if address else "a Ray started on this machine"
        return cls(window=settings.window, actors=cpus,
                   where=f"{where} ({cpus} CPU{'s' if cpus > 1 else ''})")

    def analyse_batches(self, batches: list[list[Document]]) -> list[Analysed]:
        """Each batch's ``analyse`` result, in order."""
        work = [i for i, docs in enumerate(batches) if docs]  # a batch without new documents needs no actor
        results: list[Analysed] = [([], []) for _ in batches]
        if not work:
            return results
        rows = ray.data.from_items([{"batch": i, "documents": pickle.dumps(batches[i])} for i in work])
        pool = ray.data.ActorPoolStrategy(size=min(self.actors, len(work)))
        with warnings.catch_warnings():  # max_restarts has no named parameter yet in Ray 2.60
            warnings.simplefilter("ignore", DeprecationWarning)
            analysed = rows.map_batches(_Analyser, batch_size=1, compute=pool, num_cpus=1,
                                        max_restarts=ACTOR_RESTARTS)
        for row in analysed.iter_rows():
            results[int(row["batch"])] = pickle.loads(row["analysed"])
        return results
