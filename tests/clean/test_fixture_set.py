"""The labelled fixture documents meet the quality targets of the cleaning evaluation."""

from __future__ import annotations

import pytest

from storyline.eval import clean as clean_eval

pytestmark = pytest.mark.skipif(not clean_eval.FIXTURES.is_dir(), reason="no labelled cleaning fixtures")


def test_removal_precision_and_recall_on_the_labelled_fixtures(embedder):
    figures = clean_eval.run(clean_eval.FIXTURES.parent, quick=False)
    assert figures["removal_precision"] >= 0.95
    assert figures["removal_recall"] >= 0.95
    assert figures["kept_rate"] == 1.0
    assert figures["kind_accuracy"] >= 0.95
    assert figures["contextual_removal_precision"] >= 0.95  # the same fixtures, contextual word vectors
    assert figures["contextual_removal_recall"] >= 0.95
    assert figures["contextual_kept_rate"] == 1.0


def test_scoring_tolerates_bullets_and_wider_removals():
    from storyline.model import Removal

    labels = {"removed": [{"text": "• Island ferry fined", "kind": "teaser"}], "kept": ["The ferry sailed."]}
    counts = clean_eval.score_document([Removal("Island ferry fined", "teaser")], "The ferry sailed.", labels)
    assert (counts["correct"], counts["found"], counts["kind_right"], counts["kept_present"]) == (1, 1, 1, 1)
    too_wide = [Removal("Island ferry fined. The ferry sailed.", "teaser")]
    swallowed = clean_eval.score_document(too_wide, "", labels)
    assert swallowed["correct"] == 0 and swallowed["kept_present"] == 0
