"""Event dates on TempEval-3 (TimeBank and AQUAINT, ``datasets/tempeval3``): the date the timeline gives an
event against the date a TLINK anchors it to.

Gold: every EVENT that a TLINK puts inside or at the same time as a DATE expression with a calendar value
(IS_INCLUDED, SIMULTANEOUS, DURING, IDENTITY, or INCLUDES from the time's side), or inside the document
creation time. Ours: ``storyline.events``' rule on the spaCy parse (the time expressions of the event's
own clause, found and resolved by ``annotate.dates`` against the creation time), else the creation time,
as an undated event would be placed. Baseline, in the same run on the same events: the creation time
(publication date) for every event. A prediction is right when its value equals the gold value.

Figures per corpus and over both (``all``): ``timex_accuracy`` (events anchored to a time expression of
the text, where the publication date is usually wrong), ``dct_accuracy`` (events anchored to the creation
time), ``accuracy`` over both, the baseline's ``*_baseline`` beside each, ``margin`` (accuracy minus the
baseline's) and ``dated`` (share of timex-anchored events our rule dates from their clause). Nothing is
fitted on TempEval: the rules were written on the demo and seed stories. ``quick`` scores one document
in four."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from storyline.annotate.dates import find_times
from storyline.annotate.nlp import parse
from storyline.eval.tempeval import TimeMLDocument, normalise, read_timeml, timeml_corpora, value_kind
from storyline.events import anchor, best_date, clause_times
from storyline.model import Sentence

NAME = "timeline"
FROM_EVENT = {"IS_INCLUDED", "SIMULTANEOUS", "DURING", "IDENTITY"}  # event REL time: the event is at the time
FROM_TIME = {"INCLUDES", "SIMULTANEOUS", "DURING_INV", "IDENTITY"}  # time REL event
CALENDAR = {"day", "week", "month", "quarter", "half", "season", "year"}


def gold_dates(document: TimeMLDocument) -> dict[str, tuple[str, bool]]:
    """Event id -> (gold value, anchored to the creation time) for events a TLINK places at a date."""
    values = {t.tid: normalise(t.value) for t in document.timexes if t.type == "DATE"}
    creation = document.creation.isoformat()
    gold: dict[str, tuple[str, bool]] = {}
    for link in document.links:
        relation = link.get("relType", "")
        if "eventInstanceID" in link and "relatedToTime" in link and relation in FROM_EVENT:
            instance, time = link["eventInstanceID"], link["relatedToTime"]
        elif "timeID" in link and "relatedToEventInstance" in link and relation in FROM_TIME:
            instance, time = link["relatedToEventInstance"], link["timeID"]
        else:
            continue
        event = document.instances.get(instance)
        if event is None:
            continue
        if time == document.creation_id:
            gold.setdefault(event, (creation, True))
        elif time in values and value_kind(values[time]) in CALENDAR:
            gold[event] = (values[time], False)
    return gold


def predict(document: TimeMLDocument, spacy_doc) -> dict[str, tuple[str | None, str]]:
    """Event id -> (our date from the event's clause or None, the creation time) for every gold event."""
    sents = [s for s in spacy_doc.sents if s.text.strip()]
    sentences = [Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(sents)]
    times = find_times(sentences, document.creation.isoformat())
    anchors = {id(t): anchor(spacy_doc, t) for t in times}
    out = {}
    for event in document.events:
        span = spacy_doc.char_span(event.start, event.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        verb = _clause_verb(span.root)
        sent = span.root.sent
        own = clause_times(verb, [t for t in times if sent.start_char <= t.start < sent.end_char], anchors)
        out[event.eid] = (best_date(own)[0], document.creation.isoformat())
    return out


def _clause_verb(token):
    """The verb whose clause an event word belongs to: itself, or its nearest verbal ancestor (nouns)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def score(documents: list[TimeMLDocument], tally: Counter) -> None:
    for document, spacy_doc in zip(documents, parse([d.text for d in documents]), strict=True):
        gold = gold_dates(document)
        for eid, (ours, creation) in predict(document, spacy_doc).items():
            if eid not in gold:
                continue
            value, at_creation = gold[eid]
            kind = "dct" if at_creation else "timex"
            tally[f"{kind}_events"] += 1
            tally[f"{kind}_correct"] += _same(ours or creation, value)
            tally[f"{kind}_baseline"] += _same(creation, value)
            tally[f"{kind}_dated"] += ours is not None


def _same(ours: str, gold: str) -> bool:
    return normalise(re.sub(r"/.*", "", ours)) == gold if "/" not in gold else False


def figures(tally: Counter, prefix: str) -> dict[str, float]:
    def ratio(part: str, whole: str) -> float:
        return round(tally[part] / tally[whole], 4) if tally[whole] else 0.0

    total = tally["timex_events"] + tally["dct_events"]
    accuracy = round((tally["timex_correct"] + tally["dct_correct"]) / total, 4) if total else 0.0
    baseline = round((tally["timex_baseline"] + tally["dct_baseline"]) / total, 4) if total else 0.0
    return {
        f"{prefix}.timex_accuracy": ratio("timex_correct", "timex_events"),
        f"{prefix}.timex_baseline": ratio("timex_baseline", "timex_events"),
        f"{prefix}.dct_accuracy": ratio("dct_correct", "dct_events"),
        f"{prefix}.dct_baseline": ratio("dct_baseline", "dct_events"),
        f"{prefix}.accuracy": accuracy,
        f"{prefix}.baseline": baseline,
        f"{prefix}.margin": round(accuracy - baseline, 4),
        f"{prefix}.dated": ratio("timex_dated", "timex_events"),
        f"{prefix}.events": float(total),
    }


def run(datasets: Path, quick: bool) -> dict[str, float]:
    out: dict[str, float] = {}
    overall: Counter = Counter()
    for key, paths in timeml_corpora(datasets, quick):
        tally: Counter = Counter()
        score([read_timeml(p) for p in paths], tally)
        out.update(figures(tally, key))
        overall.update(tally)
    out.update(figures(overall, "all"))
    return out
