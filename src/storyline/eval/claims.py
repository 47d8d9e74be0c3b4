"""Claim attribution on PolNeAR dev (``datasets/polnear/dev``): brat files with source, cue and content spans.

Figures, ours beside the plain speech-verb rule (``baseline_*``: a sentence whose say/tell/state/... verb has
a subject is attributed to that subject, its content the rest of the sentence), both on the same parses:

- ``content_recall``: share of gold contents of which some predicted claim covers at least half of the word
  tokens (a claim's content may run across sentences and come in pieces around "X said").
- ``source_recall``: share of gold attributions with a source whose content is covered by a predicted claim
  whose speaker matches the gold source: the speaker phrase as written overlaps it, or the speaker (after
  pronoun resolution) shares a word with it that is not a function word.
- ``precision``: share of predicted claims with a speaker whose content matches some gold content: it covers
  half of the gold content's tokens, or the gold content covers half of the claim's.

Several annotators: the dev split has six annotators on two articles. Recall counts each annotator's gold
attributions with weight 1/number of annotators of the article (an article weighs the same however many
annotated it); a predicted claim is correct when it matches an attribution of any annotator. Nothing is
fitted or chosen on dev: the cue and span models are fitted on three quarters of train and their thresholds
chosen on the other quarter (``python -m storyline.claims.train_cues``, ``... train_spans``). ``quick``
scores one article in four.

This is the issue's reading of content recall (half of a gold content's word tokens covered by one predicted
claim). Looser readings give higher figures: any shared token ("partial match" in attribution work) gives the
speech-verb rule 0.432 instead of 0.375 on dev; pooling the annotators instead of weighing them 0.376."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from storyline.annotate.nlp import parse
from storyline.claims.cues import subject
from storyline.claims.extract import ClaimSettings, _blocked, _relative_content, attributions
from storyline.claims.vocabulary import BASELINE_SPEECH_VERBS
from storyline.eval import SCORING_TOKEN

NAME = "claims"
FUNCTION_WORDS = {
    "the",
    "a",
    "an",
    "of",
    "s",
    "and",
    "in",
    "on",
    "for",
    "to",
    "at",
    "by",
    "with",
    "from",
    "his",
    "her",
    "its",
    "their",
    "this",
    "that",
    "mr",
    "ms",
    "mrs",
    "dr",
}

Ranges = list[tuple[int, int]]


@dataclass
class Gold:
    content: Ranges
    source: Ranges | None
    cue: Ranges | None = None


@dataclass
class Article:
    name: str
    text: str
    annotators: list[list[Gold]]


@dataclass
class Predicted:
    content: Ranges
    speaker: Ranges | None  # as written
    speaker_text: str | None  # resolved


def _ranges(field: str) -> Ranges:
    return [(int(a), int(b)) for a, b in (piece.split() for piece in field.split(";"))]


def read_ann(path: Path) -> list[Gold]:
    """The attributions of one brat file: each event's content spans and source spans (None without one)."""
    spans: dict[str, Ranges] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, where = parts[1].partition(" ")
            if kind in ("Content", "Source", "Cue"):
                spans[parts[0]] = _ranges(where)
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(role.split(":", 1) for role in parts[1].split() if ":" in role))
    golds = []
    for event in events:
        content = [r for key in ("Content", "Content2") if event.get(key) in spans for r in spans[event[key]]]
        if content:
            golds.append(Gold(content, spans.get(event.get("Source", "")), spans.get(event.get("Cue", ""))))
    return golds


def read_cues(folder: Path, name: str) -> Ranges:
    """Character spans of every annotator's Cue annotations of one article."""
    spans: Ranges = []
    for path in sorted((folder / "attributions").glob(f"{name}_*.ann")):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("T") and len(parts) >= 2 and parts[1].startswith("Cue "):
                spans += _ranges(parts[1].removeprefix("Cue "))
    return spans


def read_split(folder: Path, quick: bool = False) -> list[Article]:
    """Articles of a PolNeAR split with every annotator's attributions (``NAME_ANNOTATOR.ann``)."""
    files: dict[str, list[Path]] = defaultdict(list)
    for path in sorted((folder / "attributions").glob("*.ann")):
        files[path.stem.rsplit("_", 1)[0]].append(path)
    articles = []
    for n, (name, paths) in enumerate(sorted(files.items())):
        text_path = folder / "text" / f"{name}.txt"
        if (quick and n % 4) or not text_path.exists():
            continue
        articles.append(Article(name, text_path.read_text(encoding="utf-8"), [read_ann(p) for p in paths]))
    return articles


def _token_ranges(doc, positions) -> Ranges:
    return [(doc[i].idx, doc[i].idx + len(doc[i])) for i in positions]


def ours(doc, settings: ClaimSettings | None = None) -> list[Predicted]:
    """Our attributions; the speaker as written includes the relative pronoun the speaker was found by."""
    found = []
    for a in attributions(doc, settings):
        spans = [a.speaker, *([a.written] if a.written else [])]
        speaker = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in spans]
        found.append(Predicted(_token_ranges(doc, a.content), speaker, a.speaker_text))
    return found


def speech_verb_rule(doc) -> list[Predicted]:
    """The plain rule: the first speech verb with a subject attributes the rest of its sentence."""
    found = []
    for sent in doc.sents:
        for token in sent:
            if token.pos_ != "VERB" or token.lemma_.lower() not in BASELINE_SPEECH_VERBS:
                continue
            if _blocked(token, _relative_content(token)):
                continue
            found_subject = subject(token)
            if found_subject is None:
                continue
            speaker = sorted(t.i for t in found_subject.subtree)
            content = [t.i for t in sent if t.i != token.i and not speaker[0] <= t.i <= speaker[-1]]
            found.append(
                Predicted(
                    _token_ranges(doc, content),
                    _token_ranges(doc, speaker),
                    doc[speaker[0] : speaker[-1] + 1].text,
                )
            )
            break
    return found


def _words(text: str, ranges: Ranges) -> set[int]:
    """Start offsets of the word tokens inside character ranges."""
    return {m.start() for start, end in ranges for m in SCORING_TOKEN.finditer(text, start, end)}


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in SCORING_TOKEN.findall(text)} - FUNCTION_WORDS


def _speaker_matches(text: str, predicted: Predicted, source: Ranges) -> bool:
    gold = _words(text, source)
    if predicted.speaker and gold & _words(text, predicted.speaker):
        return True
    said = _content_words(" ".join(text[a:b] for a, b in source))
    return bool(predicted.speaker_text and said & _content_words(predicted.speaker_text))


def _covers(predicted: set[int], gold: set[int]) -> bool:
    return bool(gold) and 2 * len(predicted & gold) >= len(gold)


def score(articles: list[Article], predictions: list[list[Predicted]]) -> dict[str, float]:
    """content_recall, source_recall and precision of predictions for articles (same order)."""
    covered = sourced = total = total_sourced = 0.0
    correct = attributed = 0
    for article, predicted in zip(articles, predictions, strict=True):
        text = article.text
        words = [_words(text, p.content) for p in predicted]
        weight = 1 / len(article.annotators)
        for golds in article.annotators:
            for gold in golds:
                tokens = _words(text, gold.content)
                if not tokens:
                    continue
                hits = [p for p, w in zip(predicted, words, strict=True) if _covers(w, tokens)]
                total += weight
                covered += weight * bool(hits)
                if gold.source:
                    total_sourced += weight
                    sourced += weight * any(_speaker_matches(text, p, gold.source) for p in hits)
        all_golds = [_words(text, g.content) for golds in article.annotators for g in golds]
        for p, w in zip(predicted, words, strict=True):
            if not p.speaker_text:
                continue
            attributed += 1
            correct += any(_covers(w, g) or _covers(g, w) for g in all_golds)
    return {
        "content_recall": covered / total if total else 0.0,
        "source_recall": sourced / total_sourced if total_sourced else 0.0,
        "precision": correct / attributed if attributed else 0.0,
    }


def run(datasets: Path, quick: bool) -> dict[str, float]:
    articles = read_split(datasets / "polnear" / "dev", quick)
    docs = list(parse([a.text for a in articles]))
    figures = score(articles, [ours(d) for d in docs])
    baseline = score(articles, [speech_verb_rule(d) for d in docs])
    figures.update({f"baseline_{k}": v for k, v in baseline.items()})
    figures["articles"] = float(len(articles))
    return figures
