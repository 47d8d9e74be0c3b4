"""Date resolution and detection on TempEval-3's TimeBank and AQUAINT (TimeML, ``datasets/tempeval3``).

Figures, per corpus (``timebank``, ``aquaint``) and over both (``all``):

- ``value_accuracy``: for every gold DATE expression, our resolver applied to the gold text in its sentence,
  with the document creation time as reference, gives exactly the gold value (after normalising ``W9`` to
  ``W09``). ``value_accuracy_<kind>`` splits it by the kind of gold value (day, week, month, quarter,
  season, year, decade, ref for PRESENT_REF/PAST_REF/FUTURE_REF, other for values with unknown parts).
  ``year_accuracy`` only asks for the right year, for gold values that have one.
- ``detection_precision`` / ``detection_recall``: ``dates.scan`` over the document text against gold DATE
  extents, relaxed (overlap) match; our expressions overlapping gold TIME, DURATION or SET extents are left
  out of both counts, since we only claim DATEs.
- ``date_value_f1``: TempEval-3's value F1 (relaxed extent match and equal value, over system and gold
  counts) restricted to DATE expressions. HeidelTime's published 0.776 is over all TIMEX3 types on the
  TempEval-3 platinum test set, and this data is TempEval-3's training data: comparable in kind, not equal.

``quick`` scores one document in four (a fixed subset)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storyline.annotate.dates import Resolver, resolve_expression, scan
from storyline.model import Sentence

NAME = "tempeval"
CORPORA = {"timebank": "TimeBank", "aquaint": "AQUAINT"}
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z])|\n\s*\n")
_ABBREVIATION = re.compile(
    r"\b(?:[A-Z]|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Gov|Sen"
    r"|Rep|Lt|Col|Sgt|Capt|Corp|Inc|Co|Ltd|No|Jr|Sr|Prof|Rev|Ft|Mt|vs)\.$"
)


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    tid: str = ""


@dataclass
class TimeMLEvent:
    start: int
    end: int
    text: str
    eid: str


@dataclass
class TimeMLDocument:
    text: str
    creation: dt.date
    timexes: list[Timex]
    events: list[TimeMLEvent] = field(default_factory=list)
    instances: dict[str, str] = field(default_factory=dict)  # event instance id -> event id
    links: list[dict[str, str]] = field(default_factory=list)  # TLINK attributes
    creation_id: str = "t0"


def read_timeml(path: Path) -> TimeMLDocument:
    """The plain text of a TimeML document's TEXT element, its TIMEX3 and EVENT extents in it, its creation
    date, event instances and TLINKs."""
    raw = path.read_text(encoding="utf-8")
    creation = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    dct = dict(_ATTRIBUTE.findall(creation.group(0)))
    dct_value = dct["value"]
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    text_parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    open_event: tuple[int, dict[str, str]] | None = None
    timexes, events = [], []
    position = 0
    for tag in _TAG.finditer(body):
        chunk = _unescape(body[position : tag.start()])
        text_parts.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, name, attributes = tag.groups()
        if name == "EVENT" and not closing:
            open_event = (length, dict(_ATTRIBUTE.findall(attributes)))
        elif name == "EVENT" and open_event:
            start, attrs = open_event
            events.append(TimeMLEvent(start, length, "".join(text_parts)[start:length], attrs["eid"]))
            open_event = None
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTRIBUTE.findall(attributes)))
        elif open_timex:
            start, attrs = open_timex
            timexes.append(
                Timex(
                    start,
                    length,
                    "".join(text_parts)[start:length],
                    attrs["type"],
                    attrs["value"],
                    attrs.get("tid", ""),
                )
            )
            open_timex = None
    text_parts.append(_unescape(body[position:]))
    instances = {
        a["eiid"]: a["eventID"]
        for a in (dict(_ATTRIBUTE.findall(m)) for m in re.findall(r"<MAKEINSTANCE([^>]*)>", raw))
    }
    links = [dict(_ATTRIBUTE.findall(m)) for m in re.findall(r"<TLINK([^>]*)>", raw)]
    return TimeMLDocument(
        "".join(text_parts),
        dt.date.fromisoformat(dct_value[:10]),
        timexes,
        events,
        instances,
        links,
        dct.get("tid", "t0"),
    )


def _unescape(text: str) -> str:
    return text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')


def sentences_of(text: str) -> list[Sentence]:
    """Sentences by punctuation and blank lines: enough context for tense and anaphora."""
    sentences = []
    start = 0
    boundaries = [b for b in _SENTENCE_END.finditer(text) if not _ABBREVIATION.search(text[: b.start() + 1])]
    for boundary in [*boundaries, None]:
        end = boundary.start() if boundary else len(text)
        if text[start:end].strip():
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))
        start = boundary.end() if boundary else len(text)
    return sentences


def normalise(value: str) -> str:
    return re.sub(r"-W(\d)\b", r"-W0\1", value)


def value_kind(value: str) -> str:
    """The kind of a TimeML DATE value, for the per-kind accuracy."""
    if value.endswith("_REF"):
        return "ref"
    if "X" in value or "T" in value:
        return "other"
    for kind, pattern in [
        ("day", r"\d{4}-\d{2}-\d{2}"),
        ("week", r"\d{4}-W\d{2}(-WE)?"),
        ("month", r"\d{4}-\d{2}"),
        ("quarter", r"\d{4}-Q\d"),
        ("half", r"\d{4}-H\d"),
        ("season", r"\d{4}-(SP|SU|FA|WI)"),
        ("year", r"\d{4}"),
        ("decade", r"\d{3}"),
        ("century", r"\d{2}"),
    ]:
        if re.fullmatch(pattern, value):
            return kind
    return "other"


class Tally:
    """Counts behind the figures of one corpus."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def resolution(self, gold: str, ours: str | None) -> None:
        kind = value_kind(gold)
        self.counts["gold"] += 1
        self.counts[f"gold_{kind}"] += 1
        if ours is not None and normalise(ours) == gold:
            self.counts["correct"] += 1
            self.counts[f"correct_{kind}"] += 1
        if re.match(r"\d{4}", gold):
            self.counts["years_gold"] += 1
            self.counts["years_correct"] += bool(ours and ours[:4] == gold[:4])

    def detection(self, document: TimeMLDocument, found: list[tuple[int, int, str | None]]) -> None:
        dates = [t for t in document.timexes if t.type == "DATE"]
        others = [t for t in document.timexes if t.type != "DATE"]
        ours = [f for f in found if not any(_overlap(f, (o.start, o.end)) for o in others)]
        self.counts["system"] += len(ours)
        self.counts["reference"] += len(dates)
        self.counts["system_matched"] += sum(any(_overlap(f, (d.start, d.end)) for d in dates) for f in ours)
        for gold in dates:
            match = next((f for f in ours if _overlap(f, (gold.start, gold.end))), None)
            if match:
                self.counts["reference_matched"] += 1
                self.counts["value_matched"] += bool(
                    match[2] and normalise(match[2]) == normalise(gold.value)
                )

    def figures(self, prefix: str) -> dict[str, float]:
        c = self.counts
        out = {
            f"{prefix}.value_accuracy": _ratio(c["correct"], c["gold"]),
            f"{prefix}.year_accuracy": _ratio(c["years_correct"], c["years_gold"]),
            f"{prefix}.dates": float(c["gold"]),
        }
        for key in sorted(k for k in c if k.startswith("gold_")):
            kind = key.removeprefix("gold_")
            out[f"{prefix}.value_accuracy_{kind}"] = _ratio(c[f"correct_{kind}"], c[key])
        precision = _ratio(c["system_matched"], c["system"])
        recall = _ratio(c["reference_matched"], c["reference"])
        value_precision = _ratio(c["value_matched"], c["system"])
        value_recall = _ratio(c["value_matched"], c["reference"])
        out[f"{prefix}.detection_precision"] = precision
        out[f"{prefix}.detection_recall"] = recall
        out[f"{prefix}.date_value_f1"] = _f1(value_precision, value_recall)
        return out

    def add(self, other: Tally) -> None:
        self.counts.update(other.counts)


def _overlap(span: tuple, other: tuple) -> bool:
    return span[0] < other[1] and other[0] < span[1]


def _ratio(part: float, whole: float) -> float:
    return round(part / whole, 4) if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0


def score_document(document: TimeMLDocument, tally: Tally) -> None:
    sentences = sentences_of(document.text)
    resolver = Resolver(document.creation)
    for timex in document.timexes:
        if timex.type != "DATE":
            continue
        sentence = next(s for s in sentences if s.start <= timex.start < s.end + 1)
        start = timex.start - sentence.start
        resolution = resolve_expression(
            timex.text, sentence.text, start, document.creation, resolver, sentence.index
        )
        tally.resolution(normalise(timex.value), resolution.timeml)
    found = [
        (s.start + f.start, s.start + f.end, f.resolution.timeml)
        for s, f in scan(sentences, document.creation)
    ]
    tally.detection(document, found)


def timeml_corpora(datasets: Path, quick: bool) -> Iterator[tuple[str, list[Path]]]:
    """Each TempEval-3 training corpus with its TimeML files (every fourth one when ``quick``)."""
    root = datasets / "tempeval3" / "TBAQ-cleaned"
    for key, folder in CORPORA.items():
        paths = sorted((root / folder).glob("*.tml"))[:: 4 if quick else 1]
        if paths:
            yield key, paths


def run(datasets: Path, quick: bool) -> dict[str, float]:
    figures: dict[str, float] = {}
    overall = Tally()
    for key, paths in timeml_corpora(datasets, quick):
        tally = Tally()
        for path in paths:
            score_document(read_timeml(path), tally)
        figures.update(tally.figures(key))
        overall.add(tally)
    figures.update(overall.figures("all"))
    return figures
