"""The extraction evaluation's scoring, which follows the article-extraction benchmark's definition."""

import gzip
import json

import pytest

from storyline.eval import extraction

from .conftest import ARTICLE_PARAGRAPHS, article_page


def test_match_counts_tokens_as_multisets_normalised_per_page():
    assert extraction.match("a b b c", "a b b c", 1) == (1.0, 0.0, 0.0)
    tp, fp, fn = extraction.match("a b b c", "a b d", 1)  # tp a,b; fp d; fn b,c
    assert (tp, fp, fn) == pytest.approx((2 / 5, 1 / 5, 2 / 5))


def test_scores_average_per_page():
    figures = extraction.scores([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)])
    assert figures["precision"] == pytest.approx(0.75)
    assert figures["recall"] == pytest.approx(1.0)
    assert figures["f1"] == pytest.approx(2 * 0.75 / 1.75)


def test_run_on_a_tiny_benchmark(tmp_path):
    (tmp_path / "article-extraction-benchmark" / "html").mkdir(parents=True)
    root = tmp_path / "article-extraction-benchmark"
    (root / "html" / "page1.html.gz").write_bytes(gzip.compress(article_page().encode()))
    truth = {"page1": {"articleBody": "\n".join(ARTICLE_PARAGRAPHS)}}
    (root / "ground-truth.json").write_text(json.dumps(truth))
    figures = extraction.run(tmp_path, quick=True)
    assert figures["pages"] == 1.0
    assert figures["ours_recall"] == pytest.approx(1.0)
    assert figures["trafilatura_f1"] > 0.8
