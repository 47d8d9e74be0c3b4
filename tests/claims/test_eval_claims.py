"""The PolNeAR attribution evaluation on a two-annotator article written for the test (brat format)."""

from __future__ import annotations

import pytest

from storyline.eval import claims as evaluation

TEXT = "The port will reopen on Monday, the harbour master said.\n\nCritics fear delays."


def _span(label: str, number: int, phrase: str) -> str:
    start = TEXT.index(phrase)
    return f"T{number}\t{label} {start} {start + len(phrase)}\t{phrase}"


def _attribution(first: int, source: str, cue: str, content: str, event: int) -> list[str]:
    return [
        _span("Source", first, source),
        _span("Cue", first + 1, cue),
        _span("Content", first + 2, content),
        f"E{event}\tAttribution:T{first + 1} Content:T{first + 2} Cue:T{first + 1} Source:T{first}",
    ]


@pytest.fixture
def datasets(tmp_path):
    dev = tmp_path / "polnear" / "dev"
    (dev / "text").mkdir(parents=True)
    (dev / "attributions").mkdir()
    (dev / "text" / "port.txt").write_text(TEXT, encoding="utf-8")
    master = _attribution(1, "the harbour master", "said", "The port will reopen on Monday", 1)
    critics = _attribution(4, "Critics", "fear", "delays", 2)
    (dev / "attributions" / "port_a1.ann").write_text("\n".join(master) + "\n", encoding="utf-8")
    (dev / "attributions" / "port_a2.ann").write_text("\n".join(master + critics) + "\n", encoding="utf-8")
    return tmp_path


def test_read_ann_keeps_pieces_and_sources(tmp_path):
    path = tmp_path / "x_a.ann"
    path.write_text(
        "T1\tContent 0 8;10 14\tThe port said\nT2\tCue 15 19\tsaid\n"
        "E1\tAttribution-no-source:T2 Content:T1 Cue:T2\n",
        encoding="utf-8",
    )
    [gold] = evaluation.read_ann(path)
    assert gold.content == [(0, 8), (10, 14)] and gold.source is None


def test_annotators_weigh_one_article_once(datasets):
    figures = evaluation.run(datasets, quick=False)
    # annotator 1: its one attribution found (weight 1/2); annotator 2: one of two (weight 1/2 each)
    assert figures["content_recall"] == pytest.approx(1.0 / 1.5)
    assert figures["source_recall"] == pytest.approx(1.0 / 1.5)
    assert figures["precision"] == pytest.approx(1.0)
    assert figures["baseline_content_recall"] == pytest.approx(1.0 / 1.5)
    assert figures["articles"] == 1.0


def test_a_claim_matching_no_gold_lowers_precision(nlp):
    article = evaluation.Article("port", TEXT, [[]])
    doc = nlp(TEXT)
    assert evaluation.score([article], [evaluation.ours(doc)])["precision"] == 0.0
