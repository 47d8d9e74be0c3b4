import json
import subprocess
import sys

from storyline.ingest.text import split_header

from .conftest import WIRE_STORY, gz


def test_date_header_with_title_on_the_same_line():
    header, body = split_header(" date 2023-03-14 Harbour plan approved\n\nThe council voted on Tuesday.")
    assert header == {"date": "2023-03-14"}
    assert body.splitlines()[0] == "Harbour plan approved"


def test_key_value_headers():
    text = "title: Harbour plan approved\nsource: Example Gazette\nurl https://example.org/a\n\nBody text."
    header, body = split_header(text)
    assert header == {"title": "Harbour plan approved", "source": "Example Gazette",
                      "url": "https://example.org/a"}
    assert body == "Body text."


def test_a_capitalised_first_word_is_not_a_header():
    header, body = split_header("Title fight ends in a draw after twelve rounds\nThe champion kept the belt.")
    assert header == {}
    assert body.startswith("Title fight")


def test_invalid_date_header_is_text():
    header, _ = split_header("date 2023-13-45 something\nbody")
    assert header == {}


def test_txt_md_text_and_gzip(write, read_all):
    paths = [write("a.txt", WIRE_STORY), write("b.md", WIRE_STORY.replace("OTTAWA", "HALIFAX")),
             write("c.text", WIRE_STORY.replace("OTTAWA", "REGINA")),
             write("d.txt.gz", gz(WIRE_STORY.replace("OTTAWA", "QUEBEC")))]
    docs, errors = read_all(*paths)
    assert errors == []
    assert [d.id for d in docs] == ["a", "b", "c", "d"]
    assert [d.dateline for d in docs] == ["Ottawa", "Halifax", "Regina", "Quebec"]
    assert all(d.content_hash for d in docs)


def test_header_metadata_wins(write, read_all):
    text = "date 2023-03-15\ntitle: Harbour plan approved\nsource: Example Gazette\n\n" + WIRE_STORY
    (doc,), _ = read_all(write("a.txt", text))
    assert (doc.published, doc.title) == ("2023-03-15", "Harbour plan approved")
    assert doc.outlet == "Example Gazette"


def test_stdin_is_read_and_its_format_sniffed():
    code = ("from storyline.ingest import read_inputs\n"
            "for item in read_inputs(['-']):\n"
            "    print(type(item).__name__, item.source, getattr(item, 'dateline', item))\n")
    plain = subprocess.run([sys.executable, "-c", code], input=WIRE_STORY.encode(), capture_output=True,
                           check=True)
    assert plain.stdout.decode().split() == ["Document", "-", "Ottawa"]
    records = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True,
                             input=gz(json.dumps({"text": WIRE_STORY})))
    assert records.stdout.decode().split() == ["Document", "-", "Ottawa"]



def test_written_date_and_capitalised_header_keys():
    assert split_header("date October 20, 2022\n\nBody.") == ({"date": "2022-10-20"}, "Body.")
    assert split_header("DATE: Thursday, October 20, 2022\nTITLE Harbour plan\n\nBody.") == (
        {"date": "2022-10-20", "title": "Harbour plan"}, "Body.")
    assert split_header("date of the vote was never set by the council\nBody.")[0] == {}


def test_yaml_front_matter_of_a_markdown_file(write, read_all):
    text = ('---\ntitle: "Harbour plan approved"\ndate: 2023-03-15T10:00:00Z\nauthors:\n  - Lena Voss\n'
            "  - PETER HOLM\nsource: Example Gazette\nlayout: post\n---\n\n" + WIRE_STORY)
    (doc,), errors = read_all(write("a.md", text))
    assert errors == []
    assert (doc.title, doc.published) == ("Harbour plan approved", "2023-03-15")
    assert doc.outlet == "Example Gazette"
    assert doc.authors == ["Lena Voss", "Peter Holm"]
    assert set(doc.provenance.values()) == {"header"} and len(doc.provenance) == 4
    assert not doc.raw_text.startswith("---")
