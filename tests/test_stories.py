"""Online story clustering on short invented articles, analysed by the real pipeline."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.embeddings import DIMENSION
from storyline.model import Document
from storyline.pipeline import analyse
from storyline.stories import (
    StoryClusterer,
    StorySettings,
    average_linkage,
    numbers_of,
    own_title,
    profile,
    story_title,
)

BRIDGE = [
    ("bridge1", "2023-03-01", "Bridge collapses over the Elsen river in Marlow Vale",
     "A road bridge over the Elsen river in Marlow Vale collapsed on Wednesday morning, sending two cars "
     "into the water. Rescue teams pulled four people from the river, the fire service said. Mayor Edith "
     "Rowan said the bridge had been inspected last spring and closed the riverside road. Engineers from "
     "the regional transport authority were sent to examine the remaining spans."),
    ("bridge2", "2023-03-02", "Marlow Vale bridge collapse: inspectors examine the failed spans",
     "Inspectors from the regional transport authority began examining the collapsed Elsen river bridge "
     "in Marlow Vale on Thursday. Mayor Edith Rowan said the four people rescued from the river were "
     "recovering in hospital. The fire service said divers had recovered both cars. Residents said cracks "
     "in the bridge had been reported to the council months before the collapse."),
]
SATELLITE = [
    ("sat1", "2023-03-01", "Quillon Aerospace launches its first weather satellite",
     "Quillon Aerospace launched its first weather satellite from the Tarsk spaceport on Wednesday. The "
     "rocket placed the satellite into a polar orbit nine minutes after liftoff, chief executive Jonas "
     "Brandt said. The satellite will measure rainfall over the northern ocean. Quillon plans two more "
     "launches before the end of the year."),
    ("sat2", "2023-03-02", "Quillon weather satellite sends its first images",
     "The weather satellite launched by Quillon Aerospace from the Tarsk spaceport sent its first images "
     "on Thursday, chief executive Jonas Brandt said. Engineers confirmed the polar orbit was stable and "
     "the rainfall instruments were working. Quillon said its next rocket launch was planned for June."),
]
BRIDGE_FOLLOW_UP = (
    "bridge3", "2023-03-06", "Council admits Elsen bridge cracks were reported before collapse",
    "The Marlow Vale council admitted on Monday that cracks in the Elsen river bridge had been reported "
    "before it collapsed last week. Mayor Edith Rowan apologised to the families of the four people "
    "rescued from the river. The regional transport authority said its inspectors would publish their "
    "findings on the collapsed spans within a month.")
FESTIVAL_A_YEAR_LATER = (
    "festival", "2024-03-08", "Marlow Vale opens its spring music festival",
    "Mayor Edith Rowan opened the spring music festival in Marlow Vale on Friday. Twelve bands will play "
    "on a stage by the Elsen river over three days. Organisers said ticket sales had doubled and food "
    "stalls from the whole region had come to the town. The festival ends on Sunday with a parade.")


def _analysed(articles):
    docs = [Document(id=i, source=f"{i}.txt", raw_text=text, title=title, published=day)
            for i, day, title, text in articles]
    return analyse(docs)[0]


@pytest.fixture(scope="module")
def clustered():
    """Two stories clustered from an empty state; returns the clusterer, the story map and the features."""
    clusterer = StoryClusterer({})
    story_of: dict[str, str] = {}
    for doc, _, features in _analysed(BRIDGE[:1] + SATELLITE[:1] + BRIDGE[1:] + SATELLITE[1:]):
        story_of[doc.id] = clusterer.assign(doc, features, story_of)
    return clusterer, story_of


def _resumed(clusterer: StoryClusterer) -> StoryClusterer:
    """A clusterer rebuilt from the persisted states, as the next ingest run would see it."""
    return StoryClusterer(clusterer.state_records(clusterer.ids))


def test_two_different_stories_separate(clustered):
    _, story_of = clustered
    assert story_of["bridge1"] == story_of["bridge2"]
    assert story_of["sat1"] == story_of["sat2"]
    assert story_of["bridge1"] != story_of["sat1"]


def test_later_document_joins_the_existing_story(clustered):
    clusterer, story_of = clustered
    resumed = _resumed(clusterer)
    ((doc, _, features),) = _analysed([BRIDGE_FOLLOW_UP])
    assert resumed.assign(doc, features, dict(story_of)) == story_of["bridge1"]
    assert resumed.changed == {story_of["bridge1"]}


def test_copy_joins_its_originals_story(clustered):
    clusterer, story_of = clustered
    resumed = _resumed(clusterer)
    ((doc, _, features),) = _analysed([("copy", "2023-03-03", "Satellite news", SATELLITE[0][3])])
    doc.copy_of, doc.copy_kind = "sat1", "exact"
    assert resumed.assign(doc, features, dict(story_of)) == story_of["sat1"]


@pytest.mark.xfail(strict=True, reason="known weakness of the pair model fitted on the three development "
                   "corpora: a document naming exactly the entities of a story (town, river, mayor) joins it "
                   "whatever the days apart, when the corpus is too small to know those names are common")
def test_same_entities_a_year_later_with_other_content_start_a_new_story(clustered):
    clusterer, story_of = clustered
    resumed = _resumed(clusterer)
    ((doc, _, features),) = _analysed([FESTIVAL_A_YEAR_LATER])
    assert resumed.assign(doc, features, dict(story_of)) not in set(story_of.values())


def test_state_survives_a_round_trip(clustered):
    clusterer, _ = clustered
    resumed = _resumed(clusterer)
    assert resumed.states == clusterer.states
    assert resumed.documents == clusterer.documents == 4
    assert resumed.next_number == clusterer.next_number


def test_members_survive_a_round_trip(clustered):
    clusterer, _ = clustered
    resumed = _resumed(clusterer)
    for sid in clusterer.ids:
        assert resumed.members[sid].shape == (2, 2, DIMENSION)
        assert (resumed.members[sid] == clusterer.members[sid]).all()
        assert [m.doc for m in resumed.states[sid].members] == [m.doc for m in clusterer.states[sid].members]
    assert clusterer.settings.members >= 2


def test_states_of_an_older_clusterer_are_not_matched(clustered):
    clusterer, story_of = clustered
    vectors, state = clusterer.state_records([story_of["bridge1"]])[story_of["bridge1"]]
    older = StoryClusterer({"s7": (vectors[:, 0].astype("float32").mean(axis=0), {"size": 2})})
    assert older.ids == [] and older.next_number == 8


def test_a_document_that_bridges_two_stories_merges_them():
    """Two reports of one event that started apart (as a greedy online decision can leave them) are
    re-clustered into one story when a third report close to both arrives; the moved one is reported."""
    analysed = _analysed(BRIDGE + [BRIDGE_FOLLOW_UP])
    clusterer = StoryClusterer({})
    story_of: dict[str, str] = {}
    for (doc, _, features), sid in zip(analysed[:2], ["s1", "s2"], strict=True):
        clusterer.add(sid, clusterer.item(doc, features))
        story_of[doc.id] = sid
    doc, _, features = analysed[2]
    sid = clusterer.assign(doc, features, story_of)
    assert story_of["bridge1"] == story_of["bridge2"] == sid
    assert clusterer.moved and clusterer.removed == {"s1", "s2"} - {sid}
    assert sorted(m.doc for m in clusterer.states[sid].members) == ["bridge1", "bridge2", "bridge3"]


def test_average_linkage_merges_close_groups_and_keeps_settled_stories_apart():
    probability = np.array([[1.0, 0.9, 0.8, 0.1],
                            [0.9, 1.0, 0.7, 0.2],
                            [0.8, 0.7, 1.0, 0.6],
                            [0.1, 0.2, 0.6, 1.0]])
    groups = average_linkage(probability, [[0], [1], [2], [3]], [False] * 4, 0.5)
    assert sorted(map(sorted, groups)) == [[0, 1, 2], [3]]
    settled = average_linkage(probability, [[0], [1], [2], [3]], [True, True, False, False], 0.5)
    assert sorted(map(sorted, settled)) == [[0, 2], [1], [3]]


def test_story_title_prefers_the_title_the_documents_share():
    docs = [Document(id=i, source="", raw_text=text, text=text, title=title, published=day)
            for i, day, title, text in BRIDGE + [BRIDGE_FOLLOW_UP]]
    docs[0].title = "Breaking news"
    assert story_title(docs) in {BRIDGE[1][2], BRIDGE_FOLLOW_UP[2]}


def test_a_story_larger_than_its_members_is_settled_and_still_joined():
    """Past ``MEMBERS`` documents a story keeps the features of its first ones only; it is then
    settled (never split by re-clustering, since the rest is not known by features) and still joined."""
    clusterer = StoryClusterer({}, StorySettings(members=1))
    story_of: dict[str, str] = {}
    for doc, _, features in _analysed(BRIDGE + [BRIDGE_FOLLOW_UP]):
        clusterer.assign(doc, features, story_of)
    (sid,) = set(story_of.values())
    state = clusterer.states[sid]
    assert state.size == 3 and [m.doc for m in state.members] == ["bridge1"] and state.settled
    assert clusterer.moved == {} and clusterer.removed == set()


def test_a_story_keeps_as_many_terms_as_its_settings_allow():
    """A story's profile is capped by ``StorySettings``: by default the once-named people and places of
    a small story all stay (they are what tells look-alike events apart); a tighter cap keeps fewer."""

    def story_terms(settings: StorySettings) -> dict[str, dict[str, int]]:
        clusterer = StoryClusterer({}, settings)
        story_of: dict[str, str] = {}
        for doc, _, features in _analysed(BRIDGE):
            clusterer.assign(doc, features, story_of)
        (sid,) = set(story_of.values())
        return clusterer.states[sid].terms

    tight = story_terms(StorySettings(story_entities=2, story_keywords=2))
    assert len(tight["entities"]) == 2 and len(tight["keywords"]) == 2
    default = story_terms(StorySettings())
    assert {"edith rowan", "marlow vale"} <= default["entities"].keys()
    assert len(default["keywords"]) > 40


OTHER_SHOOTINGS = [
    ("corby1", "2024-04-20", "Man wounded in Corby Heights shooting",
     "A 31-year-old man was wounded Saturday when shots were fired outside a bar on Elm Road in Corby "
     "Heights, police said. He was taken to Valley Medical Center in stable condition. Police said no "
     "arrests have been made."),
    ("stanwick1", "2024-04-27", "Teen shot near Stanwick park",
     "A 16-year-old boy was shot in the leg Friday evening near Orchard Park in Stanwick, police said. "
     "He was taken to Northside Hospital in good condition. Officers were looking for a man in a dark "
     "jacket, police said. No arrests have been made."),
]
LOOKALIKE = [
    ("harlow1", "2024-05-04", "Boy, 9, wounded in Harlow Creek shooting",
     "A 9-year-old boy was wounded Friday night when shots were fired into a house in the 1200 block of "
     "Pell Street in Harlow Creek, police said. The boy, Tomas Reyes, was taken to Saint Anne Hospital "
     "in stable condition. Police Chief Dana Whitlow said officers were looking for a gray sedan seen "
     "leaving the street at about 9:40 p.m. No arrests have been made."),
    ("denmoor1", "2024-05-05", "Girl, 8, wounded in Denmoor shooting",
     "An 8-year-old girl was wounded Saturday night when shots were fired into a home in the 400 block "
     "of Vance Avenue in Denmoor, police said. The girl, Lila Okafor, was taken to Mercy General Hospital "
     "in serious condition. Sheriff Paul Brandt said deputies were searching for two men seen running "
     "from the avenue at about 11:15 p.m. No arrests have been made."),
    ("harlow2", "2024-05-07", "Arrest made in shooting that wounded Harlow Creek boy",
     "Harlow Creek police on Monday arrested a 22-year-old man in the shooting that wounded 9-year-old "
     "Tomas Reyes in the 1200 block of Pell Street. Chief Dana Whitlow said the gray sedan was found "
     "abandoned near the river. The boy remains at Saint Anne Hospital and is expected to recover."),
]


@pytest.fixture(scope="module")
def shootings():
    clusterer = StoryClusterer({})
    story_of: dict[str, str] = {}
    for doc, _, features in _analysed(OTHER_SHOOTINGS + LOOKALIKE):
        clusterer.assign(doc, features, story_of)
    return story_of


def test_a_follow_up_finds_the_report_that_names_the_same_people_and_street(shootings):
    assert shootings["harlow1"] == shootings["harlow2"]
    assert shootings["corby1"] != shootings["stanwick1"]


@pytest.mark.xfail(strict=True, reason="known weakness: document frequencies and the centring mean come from "
                   "the corpus, and five documents are too few to learn that 'wounded', 'shots fired' and "
                   "'no arrests' are common to all; on stories-lookalike-dev (604 documents) look-alike "
                   "events separate (BCubed F1 0.97)")
def test_look_alike_reports_told_with_the_same_words_separate_in_a_small_corpus(shootings):
    assert shootings["harlow1"] != shootings["denmoor1"]


def test_numbers_are_compared_without_their_separators():
    assert numbers_of("the 6,700 block at 7: 35 pm; 6700 again") == {"6700": 2, "735": 1}


def test_a_title_that_repeats_the_first_sentence_is_not_the_documents_own():
    text = "Police said a bridge collapsed on Monday. Four people were rescued."
    copied = Document(id="a", source="", raw_text=text, text=text,
                      title="Police said a bridge collapsed on Monday.")
    headline = Document(id="b", source="", raw_text=text, text="Bridge collapses\n\n" + text,
                        title="Bridge collapses")
    assert own_title(copied) is None and own_title(headline) == "Bridge collapses"


def test_changes_are_handed_over_once(clustered):
    clusterer, story_of = clustered
    resumed = _resumed(clusterer)
    ((doc, _, features),) = _analysed([BRIDGE_FOLLOW_UP])
    resumed.assign(doc, features, dict(story_of))
    changes = resumed.take_changes()
    assert set(changes.states) == {story_of["bridge1"]} and not changes.moved and not changes.removed
    assert resumed.take_changes().states == {}


def test_the_pair_fit_ends_near_the_optimum_on_rare_positives():
    """Pairs are mostly negatives with a few positives (as in a corpus of many stories); the fit must
    end near the regularised optimum (lbfgs at its default tolerance stops with its bias 0.3 off here),
    not early where its weights depend on the pairs."""
    from sklearn.linear_model import LogisticRegression

    from storyline.eval.story_pairs import REGULARISATION, fit_pairs

    rng = np.random.default_rng(3)
    same = rng.random(60_000) < 0.01
    noise = rng.normal(0.05, 0.05, (60_000, 4))
    x = np.clip(noise + same[:, None] * rng.normal(0.3, 0.15, (60_000, 4)), 0, 1)
    model = fit_pairs(x, same, "invented")
    reference = LogisticRegression(C=REGULARISATION, tol=1e-12, max_iter=100_000).fit(x, same)
    assert np.allclose(model.weights, reference.coef_[0], rtol=0.02)
    assert model.bias == pytest.approx(reference.intercept_[0], abs=0.1)


def test_a_loco_fit_chooses_the_cut_best_on_average_over_its_training_corpora():
    """The cut is chosen by the mean F1 over the corpora the fit was trained on, not by one of them;
    between equal means the lower cut wins (it keeps long-running stories whole)."""
    from storyline.eval.stories import best_cut

    by_cut = {0.2: {"a": {"bcubed_f1": 0.5}, "b": {"bcubed_f1": 1.0}},
              0.3: {"a": {"bcubed_f1": 0.75}, "b": {"bcubed_f1": 0.875}},
              0.4: {"a": {"bcubed_f1": 1.0}, "b": {"bcubed_f1": 0.5}}}
    assert best_cut(by_cut) == 0.3
    by_cut[0.2]["a"]["bcubed_f1"] = 0.625  # mean 0.8125, as at 0.3
    assert best_cut(by_cut) == 0.2


def test_a_teaser_page_is_matched_on_its_title_not_on_the_sites_prompt():
    """What is left of a teaser page is the site's prompt, which teasers of unrelated stories share."""
    articles = [("teaser", "2024-06-02", "Flood closes Harbour Road in Wexley after storm",
                 "Chat with us on our app. Find out what is happening in the world as it unfolds."),
                ("article", "2024-06-02", "Flood closes Harbour Road in Wexley after storm",
                 "Floodwater closed Harbour Road in Wexley on Sunday after a night of heavy rain, the county "
                 "roads office said. Crews pumped water from three basements on the seafront, and the "
                 "ferry to Corran Island was cancelled until the tide falls on Monday morning.")]
    (teaser, _, teaser_features), (article, _, article_features) = _analysed(articles)
    settings = StorySettings()
    terms = profile(teaser, teaser_features, settings)
    assert set(terms["keywords"]) == {"flood", "closes", "harbour", "road", "wexley", "storm"}
    assert "basements" in profile(article, article_features, settings)["keywords"]
    clusterer = StoryClusterer({})
    assert np.allclose(clusterer.item(teaser, teaser_features).vector,
                       clusterer.item(teaser, teaser_features).title)
    assert not np.allclose(clusterer.item(article, article_features).vector,
                           clusterer.item(article, article_features).title)
