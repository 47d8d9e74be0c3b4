"""Online clustering of documents into stories: a new document joins the closest story or starts one."""

from __future__ import annotations

import numpy as np

from storyline.model import Document, Features

JOIN_SIMILARITY = 0.55  # cosine between a document and a story centroid; above joins the story


class StoryClusterer:
    def __init__(self, states: dict[str, tuple[np.ndarray | None, dict]]):
        self.states = {sid: (c, dict(s)) for sid, (c, s) in states.items() if c is not None}
        self.changed: set[str] = set()
        self.next_number = 1 + max((int(sid[1:]) for sid in self.states if sid[1:].isdigit()), default=0)

    def assign(self, doc: Document, features: Features, story_of: dict[str, str]) -> str:
        """The story id for a new document; copies join their original's story."""
        if doc.copy_of and doc.copy_of in story_of:
            sid = story_of[doc.copy_of]
        else:
            sid = self._closest(features.doc_vector)
        centroid, state = self.states.get(sid, (None, {"size": 0}))
        size = state.get("size", 0)
        vector = features.doc_vector
        centroid = vector.copy() if centroid is None else (centroid * size + vector) / (size + 1)
        state["size"] = size + 1
        self.states[sid] = (centroid.astype(np.float32), state)
        self.changed.add(sid)
        doc.story = sid
        return sid

    def _closest(self, vector: np.ndarray) -> str:
        best, best_sim = None, JOIN_SIMILARITY
        for sid, (centroid, _) in self.states.items():
            sim = float(vector @ centroid / (np.linalg.norm(centroid) or 1.0))
            if sim >= best_sim:
                best, best_sim = sid, sim
        if best is None:
            best = f"s{self.next_number}"
            self.next_number += 1
        return best
