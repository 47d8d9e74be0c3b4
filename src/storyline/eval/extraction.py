"""HTML main-text extraction on the scrapinghub article-extraction benchmark.

Our HTML path (``ingest.read_file`` on the ``.html.gz`` page → ``Document.raw_text``) is scored beside
``trafilatura.extract`` with default settings, in the same run, against the benchmark's ``articleBody``.

Scoring follows the benchmark's ``evaluate.py``: text is split into ``\\w+`` tokens; per page, true
positives, false positives and false negatives are counted over token n-grams as multisets and
normalised to sum 1, so long pages do not weigh more; precision is averaged over the pages with a
prediction, recall over the pages with a ground truth, and F1 is their harmonic mean. The headline
figures (``*_f1``, ``*_precision``, ``*_recall``) use single tokens (a bag of words); ``*_shingle_f1``
uses the benchmark's own 4-token shingles, comparable with its published tables. ``*_cpu_ms_per_page``
is processor time per page (steadier than wall time on a shared machine).
"""

from __future__ import annotations

import gzip
import json
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from storyline.eval import SCORING_TOKEN

NAME = "extraction"

FOLDER = "article-extraction-benchmark"
QUICK_PAGES = 40

Counts = tuple[float, float, float]  # true positives, false positives, false negatives


def ngram_counts(text: str, n: int) -> Counter[tuple[str, ...]]:
    tokens = SCORING_TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def match(true: str, predicted: str, n: int) -> Counts:
    """Normalised (tp, fp, fn) of one page's predicted text against its ground truth."""
    expected, got = ngram_counts(true, n), ngram_counts(predicted, n)
    tp = sum((expected & got).values())
    fp = sum((got - expected).values())
    fn = sum((expected - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(counts: list[Counts]) -> dict[str, float]:
    """Precision and recall averaged per page, F1 of the averages (the benchmark's definition)."""

    def ratio(hit: float, miss: float, other_miss: float) -> float:
        if miss == other_miss == 0:
            return 1.0
        return hit / (hit + miss) if hit + miss else 0.0

    precision = statistics.mean([ratio(tp, fp, fn) for tp, fp, fn in counts if tp + fp > 0] or [0.0])
    recall = statistics.mean([ratio(tp, fn, fp) for tp, fp, fn in counts if tp + fn > 0] or [0.0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def ours(path: Path) -> str:
    from storyline.ingest import read_file
    from storyline.model import Document

    return "\n".join(item.raw_text for item in read_file(str(path)) if isinstance(item, Document))


def trafilatura_direct(path: Path) -> str:
    import trafilatura

    return trafilatura.extract(gzip.decompress(path.read_bytes()).decode("utf-8", "replace")) or ""


EXTRACTORS: dict[str, Callable[[Path], str]] = {"ours": ours, "trafilatura": trafilatura_direct}


def run(datasets: Path, quick: bool) -> dict[str, float]:
    root = datasets / FOLDER
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted(truth)[:QUICK_PAGES] if quick else sorted(truth)
    figures: dict[str, float] = {"pages": float(len(pages))}
    for name, extract in EXTRACTORS.items():
        tokens, shingles, seconds, empty = [], [], 0.0, 0
        for key in pages:
            started = time.process_time()
            predicted = extract(root / "html" / f"{key}.html.gz")
            seconds += time.process_time() - started
            empty += not predicted.strip()
            expected = truth[key].get("articleBody") or ""
            tokens.append(match(expected, predicted, 1))
            shingles.append(match(expected, predicted, 4))
        for key, value in scores(tokens).items():
            figures[f"{name}_{key}"] = value
        figures[f"{name}_shingle_f1"] = scores(shingles)["f1"]
        figures[f"{name}_empty_pages"] = float(empty)
        figures[f"{name}_cpu_ms_per_page"] = 1000 * seconds / len(pages)
    figures["f1_margin_over_trafilatura"] = figures["ours_f1"] - figures["trafilatura_f1"]
    return figures
