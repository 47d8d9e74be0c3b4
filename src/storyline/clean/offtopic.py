"""Sentences that do not belong to the story: headlines and captions glued into a paragraph, and
sentences from another story, found by how little they share with the rest of the document.

Three cues, from the surest to the weakest:

* orthography: a piece glued to the previous sentence without a space that never ends like a sentence
  is a fused headline; a glued piece with no finite verb is a photo caption;
* the lead: a story's first sentence restates its headline, so a first sentence far from the title,
  followed by one close to it, was put in front of the story;
* coherence: a sentence whose meaning (sentence embedding) and vocabulary (embeddings of its content
  words: the contextual model run on each word, or the static table distilled from it, as
  ``OfftopicSettings.word_vectors`` says) are both far from every other part of the document.

The thresholds were chosen on the labelled fixtures in ``data/eval/clean`` (``storyline eval
clean``), with a margin below the least coherent sentence that belongs to its story."""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass
from typing import Literal

import numpy as np

from storyline.clean.sentences import Piece, split_glued_headline, split_pieces
from storyline.clean.vocabulary import CAPTION_DATE
from storyline.model import Removal
from storyline.vocabulary import content_words

MIN_PIECES = 4  # fewer sentences than this give no reliable picture of what the document is about
LEAD_TITLE_MAX = 0.25  # a first sentence this far from the title (cosine) may not be the lead ...
LEAD_MARGIN = 0.30  # ... if the next sentence is this much closer to the title
# Coherence + vocabulary score below which a sentence belongs to another story, by the word vectors used
# (tied to their cosines; chosen on the labelled fixtures, ``storyline eval clean``). The static table's
# cosines run about 0.25 below the contextual ones (it is centred); on the fixtures its first false removal
# comes at 0.45, and 0.43 finds what the contextual vectors find at 0.55.
OFFTOPIC_SCORES = {"contextual": 0.55, "static": 0.43}
WORD_VECTORS = tuple(OFFTOPIC_SCORES)  # the kinds of word vectors the check can use
WORD_PRIOR = 0.5  # a typical vocabulary score; short sentences are pulled towards it ...
WORD_PRIOR_WEIGHT = 2  # ... as if they had this many more words of typical score
TOP_NEIGHBOURS = 2  # a sentence of the story is close to at least this many others
FINITE_VERB_TAGS = {"VBD", "VBZ", "VBP", "MD"}
MIN_CAPTION_WORDS = 5

MIN_WORD_LENGTH = 4  # shorter words are mostly function words and abbreviations
# The check compares every sentence (and every word) with every other: a document with more sentences is
# checked in windows of at most this many consecutive sentences, so its cost grows linearly with its
# length (none of the labelled fixtures comes near it, and few news articles do).
WINDOW_SENTENCES = 250


@dataclass(frozen=True)
class OfftopicSettings:
    """How the coherence cue embeds words, with the reason for the default."""

    # "static": rows of the table distilled from the sentence model (a look-up); "contextual": the sentence
    # model run on each word (a document's few hundred words cost more than its sentences: about 60% of the
    # texts a build embedded). Static keeps the cleaning figures (``storyline eval clean``/``cleaning``
    # print both kinds in one run), so it is the default.
    word_vectors: Literal["contextual", "static"] = "static"
    cut: float | None = None  # None: the cut chosen for these word vectors (OFFTOPIC_SCORES); set to sweep it

    @property
    def score_cut(self) -> float:
        return OFFTOPIC_SCORES[self.word_vectors] if self.cut is None else self.cut

    def word_embedder(self, sentence_embedder):
        """What embeds the words: the sentence embedder itself, or the static table."""
        if self.word_vectors == "contextual":
            return sentence_embedder
        from storyline.embeddings import static_embedder

        return static_embedder()


UNTAGGING_PIPES = ("paragraph_boundaries", "parser", "lemmatizer", "ner", "storyline_entities")


@functools.lru_cache(maxsize=10_000)
def _has_finite_verb(text: str) -> bool:
    """Part-of-speech tags only: the pipes that do not set them are skipped (cached by text, since a
    re-published story brings the same captions again)."""
    from storyline.annotate.nlp import spacy_pipeline

    nlp = spacy_pipeline()
    with nlp.select_pipes(disable=[p for p in UNTAGGING_PIPES if p in nlp.pipe_names]):
        doc = nlp(text)
    return any(token.tag_ in FINITE_VERB_TAGS for token in doc)


def is_caption(text: str) -> bool:
    """A dated, finished sentence without a finite verb ("A drone on display at ... on June 28, 2021.")."""
    if len(text.split()) < MIN_CAPTION_WORDS or not text.endswith(".") or not CAPTION_DATE.search(text):
        return False
    return not _has_finite_verb(text)


def _glued_removals(pieces: list[Piece]) -> tuple[list[Piece], list[Removal]]:
    """Fused headlines and glued captions of one paragraph, and the pieces that remain."""
    kept: list[Piece] = []
    removed: list[Removal] = []
    for k, piece in enumerate(pieces):
        if not piece.glued:
            kept.append(piece)
            continue
        seam = split_glued_headline(piece)
        if seam:
            headline, sentence = seam
            removed.append(Removal(headline, "offtopic"))
            kept.append(Piece(sentence))
        elif not piece.finished and k == len(pieces) - 1:
            removed.append(Removal(piece.text, "offtopic"))
        elif is_caption(piece.text):
            removed.append(Removal(piece.text, "caption"))
        else:
            kept.append(piece)
    return kept, removed


def _vocabulary_scores(texts: list[str], title: str | None, embedder) -> np.ndarray:
    """For each sentence, how close its content words come to the words of the title and the other
    sentences: the mean over its words of the best cosine to a word elsewhere, shrunk towards a prior."""
    words = [sorted(set(content_words(t, MIN_WORD_LENGTH))) for t in [*texts, title or ""]]
    vocabulary = sorted({w for ws in words for w in ws})
    scores = np.full(len(texts), WORD_PRIOR)
    if not vocabulary:
        return scores
    index = {w: i for i, w in enumerate(vocabulary)}
    vectors = embedder.encode(vocabulary)
    similarity = vectors @ vectors.T
    for i, own in enumerate(words[: len(texts)]):
        mine = [index[w] for w in own]
        if not mine or len(mine) == len(vocabulary):  # every word not its own is another sentence's
            continue
        rows = similarity[mine]
        rows[:, mine] = -np.inf
        best = rows.max(axis=1)
        scores[i] = (best.sum() + WORD_PRIOR * WORD_PRIOR_WEIGHT) / (len(mine) + WORD_PRIOR_WEIGHT)
    return scores


def _coherence(vectors: np.ndarray, title_vector: np.ndarray) -> np.ndarray:
    """For each sentence, the mean of its cosine to the rest of the document (title included) and to
    its closest other sentences."""
    total = vectors.sum(axis=0) + title_vector
    similarity = vectors @ vectors.T
    np.fill_diagonal(similarity, -1.0)
    closest = np.sort(similarity, axis=1)[:, ::-1][:, :TOP_NEIGHBOURS].mean(axis=1)
    rest = total[None, :] - vectors
    rest /= np.linalg.norm(rest, axis=1, keepdims=True)
    return ((vectors * rest).sum(axis=1) + closest) / 2


def foreign_sentences(texts: list[str], title: str | None, embedder,
                      settings: OfftopicSettings = OfftopicSettings()) -> set[int]:
    """Indexes of the sentences that belong to another story; a long document window by window, each
    window of about the same length."""
    windows = -(-len(texts) // WINDOW_SENTENCES)
    if windows > 1:
        bounds = [round(k * len(texts) / windows) for k in range(windows + 1)]
        return {start + i for start, end in itertools.pairwise(bounds)
                for i in _foreign_in(texts[start:end], title, embedder, settings, lead=start == 0)}
    return _foreign_in(texts, title, embedder, settings)


def _foreign_in(texts: list[str], title: str | None, embedder, settings: OfftopicSettings,
                lead: bool = True) -> set[int]:
    """``foreign_sentences`` of one window; the lead cue only where the window opens the story."""
    if len(texts) < MIN_PIECES:
        return set()
    vectors = embedder.encode(texts)
    title_vector = embedder.encode([title])[0] if title else vectors.mean(axis=0)
    foreign: set[int] = set()
    to_title = vectors @ title_vector
    if lead and title and to_title[0] < LEAD_TITLE_MAX and to_title[1] >= to_title[0] + LEAD_MARGIN:
        foreign.add(0)
    words = settings.word_embedder(embedder)
    scores = _coherence(vectors, title_vector) + _vocabulary_scores(texts, title, words)
    foreign.update(int(i) for i in np.flatnonzero(scores < settings.score_cut))
    return foreign


@dataclass
class Body:
    """Paragraphs as the off-topic check reads them: the headline paragraph (kept as it is), each other
    paragraph's sentences with glued headlines and captions taken out, and those removals."""

    headline: list[str]
    paragraphs: list[list[Piece]]
    removed: list[Removal]

    @property
    def located(self) -> list[tuple[int, int]]:
        """(paragraph, sentence) of every sentence, in order."""
        return [(p, k) for p, pieces in enumerate(self.paragraphs) for k in range(len(pieces))]

    def sentences(self) -> list[str]:
        return [self.paragraphs[p][k].text for p, k in self.located]


def split_body(paragraphs: list[str], title: str | None) -> Body:
    """The sentences the coherence cue judges; a first paragraph equal to the title is the headline."""
    headline = paragraphs[:1] if paragraphs and title and paragraphs[0] == title else []
    removed: list[Removal] = []
    body: list[list[Piece]] = []
    for paragraph in paragraphs[len(headline) :]:
        pieces, glued = _glued_removals(split_pieces(paragraph))
        if len(pieces) == 1 and is_caption(pieces[0].text):
            glued.append(Removal(pieces[0].text, "caption"))
            pieces = []
        removed.extend(glued)
        body.append(pieces)
    return Body(headline, body, removed)


def coherence_texts(body: Body, title: str | None) -> list[str]:
    """The texts the coherence cue embeds (the sentences and the title), none when there are too few
    sentences to judge: what a batch can embed in one call before its documents are checked."""
    sentences = body.sentences()
    return [*sentences, *([title] if title else [])] if len(sentences) >= MIN_PIECES else []


def strip_foreign(body: Body, title: str | None, embedder,
                  settings: OfftopicSettings = OfftopicSettings()) -> tuple[list[str], list[Removal]]:
    """The paragraphs of ``body`` without other stories' sentences, and every removal."""
    located = body.located
    foreign = (foreign_sentences(body.sentences(), title, embedder, settings) if embedder else set())
    removed = [*body.removed, *(Removal(body.paragraphs[p][k].text, "offtopic")
                                for n, (p, k) in enumerate(located) if n in foreign)]
    foreign_places = {located[n] for n in foreign}
    out = [" ".join(piece.text for k, piece in enumerate(pieces) if (p, k) not in foreign_places)
           for p, pieces in enumerate(body.paragraphs)]
    return body.headline + [p for p in out if p], removed

