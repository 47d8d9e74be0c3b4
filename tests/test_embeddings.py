"""The embedding module: the features built from the contextual model."""

from __future__ import annotations

import numpy as np

from storyline.embeddings import (
    DIMENSION,
    lead_vector,
    sentence_features,
    unit,
)


def test_document_vector_is_the_mean_of_its_sentences_or_of_its_fallback(embedder):
    sentences = [["Dock workers in Marlport walked out on Monday.", "The port authority said talks resume."],
                 []]
    (doc, rows), (empty_doc, empty_rows) = sentence_features(sentences, ["unused", "Harbour strike"],
                                                             embedder)
    assert rows.dtype == np.float16 and rows.shape == (2, DIMENSION) and empty_rows.shape == (0, DIMENSION)
    assert np.allclose(doc, unit(embedder.encode(sentences[0]).mean(axis=0)), atol=1e-5)
    assert np.allclose(empty_doc, embedder.encode(["Harbour strike"])[0], atol=1e-5)
    assert np.allclose(lead_vector(doc, rows, 1), unit(rows[0].astype(np.float32)), atol=1e-6)
    assert np.allclose(lead_vector(empty_doc, None, 6), empty_doc)
