"""The embedding module: the features built from the contextual model, and the static table."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.embeddings import (
    DIMENSION,
    STATIC_DIMENSION,
    Embedder,
    EmbeddingSettings,
    StaticEmbedder,
    lead_vector,
    sentence_features,
    static_embedder,
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


def test_bfloat16_products_keep_the_float32_vectors():
    sentences = ["Dock workers in Marlport walked out on Monday over a pay offer they called an insult.",
                 "The port authority said talks would resume next week.",
                 "Flood waters kept rising across the north of Sundra, where 45,000 people have left."]
    full = Embedder(EmbeddingSettings(bfloat16=False)).encode(sentences)
    half = Embedder(EmbeddingSettings(bfloat16=True)).encode(sentences)
    assert not np.array_equal(full, half)  # the products did run in bfloat16
    assert (full * half).sum(axis=1).min() > 0.9999


def test_static_vectors_put_related_words_closer_than_unrelated_ones():
    police, officers, ballots, voters, harbour = static_embedder().encode(
        ["police", "officers", "ballots", "voters", "harbour"])
    assert police @ officers > max(police @ ballots, police @ harbour) + 0.2
    assert ballots @ voters > max(ballots @ police, ballots @ harbour) + 0.2


def test_static_vectors_follow_the_contextual_model_on_single_words(embedder):
    words = ["police", "officers", "ballots", "voters", "harbour", "ferry", "missile", "drone", "court",
             "judge"]
    upper = np.triu_indices(len(words), 1)
    static = static_embedder().encode(words)
    contextual = embedder.encode(words)
    agreement = np.corrcoef((static @ static.T)[upper], (contextual @ contextual.T)[upper])[0, 1]
    assert agreement > 0.8


def test_static_vectors_are_unit_length_and_zero_without_tokens():
    vectors = static_embedder().encode(["The ferry strike ended on Tuesday.", ""])
    assert vectors.shape == (2, STATIC_DIMENSION)
    assert np.isclose(np.linalg.norm(vectors[0]), 1.0, atol=1e-5)
    assert not vectors[1].any()


def test_a_table_of_the_wrong_shape_is_refused_naming_its_file(tmp_path):
    path = tmp_path / "table.npy"
    np.save(path, np.zeros((10, 7), dtype=np.int8))
    with pytest.raises(ValueError, match="table.npy.*python -m storyline.embeddings"):
        StaticEmbedder(path)
