"""``storyline check``: stances per document, evidence, and a verdict that counts sources, not copies."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from storyline.claims.check import DocumentStance, check, corrected, render, sides, verdict_of
from storyline.claims.groups import propositions
from storyline.claims.stance import StanceModel
from storyline.model import Claim, Document

CLAIM = "Velmora halts grain exports to Kestria after border clash"

WIRE = (
    "DARRO (AP) - Velmora stopped all grain exports to Kestria on Tuesday, two days after troops of both "
    "countries clashed at the Darro border crossing.\n"
    "The agriculture ministry confirmed the halt in a statement and said no new licences would be issued.\n"
    "Freight companies said dozens of grain trucks were turned back at the border."
)
OWN_REPORT = (
    "Velmora has halted its grain exports to Kestria following the weekend clash on the border, the "
    "country's agriculture ministry announced.\n"
    "Trucks loaded with wheat were queuing at the Darro crossing on Tuesday after customs officers stopped "
    "waving them through.\n"
    "Traders in Kestria said bread prices had already risen."
)
DENIAL = (
    "Velmora's government on Wednesday denied that it had halted grain exports to Kestria, calling "
    "reports of a ban false and baseless.\n"
    "\"There is no ban. Grain is moving across the border as usual,\" the trade minister told reporters.\n"
    "Officials said the story was a hoax spread after last week's border clash."
)
HEARSAY = (
    "Velmora has reportedly halted grain exports to Kestria, according to unconfirmed reports in "
    "Kestrian media.\n"
    "The move, if true, could follow the border clash at Darro, sources claimed.\n"
    "Velmora's agriculture ministry could not be reached for comment."
)
FESTIVAL = (
    "The Marlow harbour festival opened on Saturday with a parade of tall ships and a fireworks display.\n"
    "Organisers expect forty thousand visitors over the weekend, the city council said.\n"
    "Tickets for the evening concerts sold out within an hour."
)


def _doc(id_: str, text: str, **kw) -> Document:
    return Document(id=id_, source=f"{id_}.txt", raw_text=text, text=text, **kw)


def test_verdict_counts_each_source_once_per_stance():
    stances = [
        DocumentStance("a", None, "AP", "agree", 0.9),
        DocumentStance("b", None, "AP", "agree", 0.8),
        DocumentStance("c", None, "Reuters", "agree", 0.7),
        DocumentStance("d", None, "Reuters", "disagree", 0.6),
        DocumentStance("e", None, "Kestpress", "discuss", 0.6),
        DocumentStance("f", None, "Ledger", "unrelated", 0.9),
    ]
    verdict = verdict_of(stances)
    assert verdict.supported == ["AP", "Reuters"]
    assert (verdict.denied, verdict.reported) == (["Reuters"], ["Kestpress"])
    assert verdict.line() == (
        "supported by 2 independent sources, denied by 1, reported without endorsement by 1")


@pytest.fixture(scope="module")
def result(embedder):
    documents = [
        _doc("wire", WIRE, origin="AP", outlet="apnews.example"),
        _doc("wire-copy", WIRE, outlet="dailyherald.example", copy_of="wire", copy_kind="exact"),
        _doc("own", OWN_REPORT, outlet="ledger.example"),
        _doc("anon-1", OWN_REPORT.replace("Tuesday", "Monday")),
        _doc("anon-2", OWN_REPORT.replace("Tuesday", "Monday"), copy_of="anon-1", copy_kind="near"),
        _doc("denial", DENIAL, outlet="velmora-gov.example"),
        _doc("hearsay", HEARSAY, outlet="kestpress.example"),
        _doc("festival", FESTIVAL, outlet="marlowtimes.example"),
    ]
    return check(CLAIM, documents, StanceModel.load())


def test_each_document_gets_its_stance(result):
    stances = {s.document: s.stance for s in result.documents}
    assert stances == {
        "wire": "agree", "wire-copy": "agree", "own": "agree", "anon-1": "agree", "anon-2": "agree",
        "denial": "disagree", "hearsay": "discuss", "festival": "unrelated",
    }


def test_copies_and_unknown_origins_do_not_add_sources(result):
    verdict = result.verdict
    assert len(verdict.supported) == 3  # AP (and its copy), the Ledger, the documents of unknown origin
    assert verdict.denied == ["velmora-gov.example"]
    assert verdict.reported == ["kestpress.example"]


def test_evidence_is_the_sentence_with_the_cue(result):
    denial = next(s for s in result.documents if s.document == "denial")
    assert denial.evidence and "denied" in denial.evidence[0]
    assert not next(s for s in result.documents if s.document == "festival").evidence


def test_table_lists_documents_and_the_verdict(result):
    table = render(result)
    assert table.splitlines()[0] == f"claim: {CLAIM}"
    assert "denial" in table and "> Velmora's government on Wednesday denied" in table
    assert table.rstrip().endswith(result.verdict.line())


def test_command_ingests_inputs_and_prints_json(tmp_path):
    for name, text in {"wire.txt": WIRE, "denial.txt": DENIAL, "festival.txt": FESTIVAL}.items():
        (tmp_path / name).write_text(f"title {name[:-4].title()} story\n\n{text}\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "storyline.cli", "check", CLAIM, str(tmp_path), "--json"],
        capture_output=True, timeout=600, text=True,
    )
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["claim"] == CLAIM
    assert sorted(d["stance"] for d in data["documents"]) == ["agree", "disagree", "unrelated"]
    assert data["verdict"]["line"].startswith("supported by 1 independent sources, denied by 1")


def test_command_needs_inputs_or_a_store():
    run = subprocess.run([sys.executable, "-m", "storyline.cli", "check", CLAIM],
                         capture_output=True, timeout=120, text=True)
    assert run.returncode == 2
    assert "--store" in run.stderr


def _claim(n: int, content: str, stance: str = "asserts") -> Claim:
    return Claim(id=f"d:c{n}", document="d", text=content + ".", content=content, speaker="Velmora",
                 speaker_kind="organization", cue="deny" if stance == "denies" else "say", stance=stance,
                 hedged=False, sentence=n)


def test_a_reported_denial_corrects_the_model():
    target = propositions(["Velmora shipped rockets to the rebels"])[0]
    denial = _claim(1, "Velmora shipping rockets to the rebels", "denies")
    accusation = _claim(2, "Velmora shipped rockets to the rebels")
    harvest = _claim(3, "the harvest in the northern valleys was the best in a decade")
    for_it, against = sides([denial, harvest], target)
    assert (for_it, against) == ([], [denial])
    assert corrected("agree", for_it, against) == "disagree"
    for_it, against = sides([accusation, denial], target)
    assert (for_it, against) == ([accusation], [denial])
    assert corrected("agree", for_it, against) == "discuss"
    assert corrected("unrelated", for_it, against) == "unrelated"
    assert corrected("agree", *sides([harvest], target)) == "agree"
