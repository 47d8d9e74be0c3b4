"""Stance features, the claim-disjoint split, the saved networks and the FNC-1 scoring."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.claims import stance as st
from storyline.eval import stance as ev

CLAIM = "Velmora halts grain exports to Kestria after border clash"

AGREEING = (
    "Velmora stopped all grain exports to Kestria on Tuesday, two days after troops of both countries "
    "clashed at the Darro border crossing.\n"
    "The agriculture ministry confirmed the halt in a statement and said no new licences would be issued.\n"
    "Freight companies said dozens of grain trucks were turned back at the border."
)
DENYING = (
    "Velmora's government on Wednesday denied that it had halted grain exports to Kestria, calling "
    "reports of a ban false and baseless.\n"
    "\"There is no ban. Grain is moving across the border as usual,\" the trade minister told reporters.\n"
    "Officials said the story was a hoax spread after last week's border clash."
)
REPORTING = (
    "Velmora has reportedly halted grain exports to Kestria, according to unconfirmed reports in "
    "Kestrian media.\n"
    "The move, if true, could follow the border clash at Darro, sources claimed.\n"
    "Velmora's agriculture ministry could not be reached for comment."
)
UNRELATED = (
    "The Marlow harbour festival opened on Saturday with a parade of tall ships and a fireworks display.\n"
    "Organisers expect forty thousand visitors over the weekend, the city council said.\n"
    "Tickets for the evening concerts sold out within an hour."
)


def test_sentences_split_on_punctuation_and_lines_and_drop_fragments():
    settings = st.StanceSettings()
    text = "Officials said the bridge was closed. It reopened on Monday!\nBy Staff\nTraffic resumed at noon."
    assert st.split_sentences(text, settings) == [
        "Officials said the bridge was closed.", "It reopened on Monday!", "Traffic resumed at noon.",
    ]


def test_cues_count_denials_hedges_questions_and_quotes():
    counts = st.cue_counts('Ministry denied the report as "fake news", reportedly. Is it true?')
    assert counts["refute"] == 2  # denied, fake
    assert counts["hedge"] == 1  # reportedly ("report" alone is no hedge)
    assert counts["question"] == 1
    assert counts["quote"] == 1
    assert st.cue_counts("They did not confirm it")["negation"] == 1
    assert st.cue_counts("Deniers notwithstanding")["refute"] == 0  # whole words only


def _data(rows: list[tuple[str, str, str]]) -> st.FncData:
    bodies = {b: f"body {b}" for _, b, _ in rows}
    return st.FncData(bodies, [(h, b) for h, b, _ in rows], [s for _, _, s in rows])


def test_components_join_headlines_through_shared_related_bodies_only():
    data = _data([
        ("h1", "1", "agree"), ("h2", "1", "discuss"), ("h2", "2", "disagree"),
        ("h3", "3", "agree"), ("h3", "1", "unrelated"), ("h1", "3", "unrelated"),
    ])
    components = st.claim_components(data)
    assert components[0] == components[1] == components[2]  # h1 and h2 share body 1
    assert components[3] != components[0]
    assert components[4] == components[3]  # an unrelated pair follows its headline
    assert components[5] == components[0]


def test_split_holds_out_whole_components():
    rows = [(f"h{i}", str(i), "agree") for i in range(20)]
    rows += [(f"h{i}", str(i + 1), "unrelated") for i in range(19)]
    data = _data(rows)
    train, valid = st.claim_disjoint_split(data, st.StanceSettings(validation_share=0.25))
    assert sorted(train + valid) == list(range(len(rows)))
    assert len({data.pairs[i][0] for i in valid}) == 5
    def nodes(rows: list[int]) -> set[str]:
        related = {"b" + data.pairs[i][1] for i in rows if data.labels[i] != "unrelated"}
        return related | {data.pairs[i][0] for i in rows}

    assert not nodes(train) & nodes(valid)


def test_network_survives_its_json():
    rng = np.random.default_rng(0)
    layers = [(rng.normal(size=(4, 5)), rng.normal(size=5)), (rng.normal(size=(5, 3)), rng.normal(size=3))]
    network = st.Network(("a", "b", "c"), rng.normal(size=4), rng.random(4) + 0.5, layers)
    x = rng.normal(size=(6, 4))
    again = st.Network.from_json(network.to_json())
    assert np.allclose(network.probabilities(x), again.probabilities(x), atol=1e-4)
    assert np.allclose(again.probabilities(x).sum(axis=1), 1)


def test_fitting_learns_from_cues_on_a_small_made_up_set(embedder):
    settings = st.StanceSettings(related_hidden=4, stance_hidden=4, max_iter=200)
    claims = st.prepare_claims([CLAIM, "Harbour festival draws record crowds in Marlow"])
    bodies = st.prepare_bodies([AGREEING, DENYING, REPORTING, UNRELATED], settings)
    pairs = [(0, 0), (0, 1), (0, 2), (0, 3), (1, 3), (1, 0), (1, 1), (1, 2)]
    labels = ["agree", "disagree", "discuss", "unrelated", "agree", "unrelated", "unrelated", "unrelated"]
    model, x = st.fit(pairs * 4, labels * 4, claims, bodies, settings)
    assert x.shape == (32, len(st.FEATURE_NAMES))
    assert model.predict(x[:8]) == labels


@pytest.fixture(scope="module")
def shipped():
    return st.StanceModel.load()


@pytest.mark.parametrize(("body", "expected"), [
    (AGREEING, "agree"), (DENYING, "disagree"), (REPORTING, "discuss"), (UNRELATED, "unrelated"),
])
def test_shipped_model_reads_unseen_texts(shipped, embedder, body, expected):
    claims = st.prepare_claims([CLAIM])
    bodies = st.prepare_bodies([body], shipped.settings)
    x = st.feature_matrix([(0, 0)], claims, bodies, shipped.idf, shipped.settings)
    assert shipped.predict(x) == [expected]


def test_evidence_prefers_sentences_with_the_stance_cue(embedder):
    settings = st.StanceSettings(evidence_sentences=1)
    claim = st.prepare_claims([CLAIM])[0]
    body = st.prepare_bodies([DENYING], settings)[0]
    assert st.evidence(claim, body, "disagree", settings) == [0]


def test_relative_score_weighs_relatedness_and_stance():
    gold = ["agree", "unrelated", "discuss", "disagree"]
    assert ev.relative_score(gold, gold) == 100.0
    # related right but wrong stance (0.25), unrelated right (0.25), discuss right (1), disagree missed (0)
    assert ev.relative_score(gold, ["discuss", "unrelated", "discuss", "unrelated"]) == pytest.approx(
        100 * 1.5 / 3.25)


def test_class_f1_and_macro_over_four_classes():
    gold = ["agree", "agree", "unrelated", "discuss"]
    predicted = ["agree", "discuss", "unrelated", "discuss"]
    figures = ev.figures_of(gold, predicted, "")
    assert figures["f1_agree"] == pytest.approx(2 / 3)
    assert figures["f1_discuss"] == pytest.approx(2 / 3)
    assert figures["f1_disagree"] == 0.0
    assert figures["macro_f1"] == pytest.approx((2 / 3 + 2 / 3 + 0 + 1) / 4)


def test_baseline_features_count_overlap_refutes_and_grams():
    headline = "Report of alien landing is fake"
    features = ev.baseline_features(headline, "Officials said the alien landing was fake.")
    same = ev.baseline_features(headline, headline)
    assert len(features) == len(same)
    assert 0 < features[0] < same[0] == 1.0
    assert features[1] == 1.0  # "fake" in the headline


def test_label_file_writes_predictions_and_scores_gold(tmp_path, embedder):
    import csv

    bodies, pairs, out = tmp_path / "bodies.csv", tmp_path / "pairs.csv", tmp_path / "out" / "pred.csv"
    with bodies.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["Body ID", "articleBody"], ["7", DENYING], ["9", UNRELATED]])
    expected = [["Headline", "Body ID", "Stance"], [CLAIM, "7", "disagree"], [CLAIM, "9", "unrelated"]]
    with pairs.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(expected)
    figures = ev.label_file(bodies, pairs, out)
    with out.open(encoding="utf-8", newline="") as f:
        assert list(csv.reader(f)) == expected
    assert figures["relative_score"] == 100.0
