"""JSON, JSON Lines and WARC: several documents per file, and an error per bad record."""

import gzip
import json

from .conftest import WIRE_STORY, article_page, gz

NEWS_PLEASE = {
    "title": "Port authority approves harbour expansion",
    "maintext": WIRE_STORY.split("\n\n", 2)[2],
    "date_publish": "2023-03-14 09:40:00",
    "authors": ["Marisol Okafor"],
    "source_domain": "gazette.example.org",
    "url": "https://gazette.example.org/2023/03/harbour",
    "language": "en",
}


def test_news_please_record(write, read_all):
    (doc,), errors = read_all(write("story.json", json.dumps(NEWS_PLEASE)))
    assert errors == []
    assert (doc.id, doc.title, doc.published) == ("story", NEWS_PLEASE["title"], "2023-03-14")
    assert (doc.outlet, doc.url) == ("gazette.example.org", NEWS_PLEASE["url"])
    assert doc.authors == ["Marisol Okafor"]
    assert (doc.origin, doc.dateline) == ("AP", "Ottawa")


def test_plain_text_record_and_array(write, read_all):
    records = [{"text": WIRE_STORY}, {"text": WIRE_STORY.replace("OTTAWA", "HALIFAX")}]
    docs, errors = read_all(write("plain.json", json.dumps({"text": WIRE_STORY})),
                            write("array.json", json.dumps(records)))
    assert errors == []
    assert [d.id for d in docs] == ["plain", "array-1", "array-2"]
    assert docs[0].title == "Port authority approves harbour expansion after long dispute"
    assert [d.dateline for d in docs] == ["Ottawa", "Ottawa", "Halifax"]


def test_bad_lines_are_errors_and_the_other_lines_are_read(write, read_all):
    lines = [json.dumps(NEWS_PLEASE),
             json.dumps({"title": 5, "maintext": ["a"]}),
             "{not json",
             "",
             json.dumps({"maintext": WIRE_STORY, "authors": 7}),
             json.dumps({**NEWS_PLEASE, "url": "https://gazette.example.org/other"})]
    for name in ("feed.jsonl", "feed.ndjson"):
        docs, errors = read_all(write(name, "\n".join(lines)))
        assert [d.id for d in docs] == ["feed-1", "feed-6"]
        assert [e.source.rsplit("/", 1)[1] for e in errors] == [f"{name}#2", f"{name}#3", f"{name}#5"]
        assert "line 2: field 'maintext' is list, expected a string" in errors[0].error
        assert "line 3: invalid JSON" in errors[1].error
        assert "'authors'" in errors[2].error


def test_jsonl_gzip(write, read_all):
    lines = json.dumps(NEWS_PLEASE) + "\n" + json.dumps({**NEWS_PLEASE, "url": "https://gazette.example.org/b"})
    docs, errors = read_all(write("feed.jsonl.gz", gz(lines)))
    assert errors == [] and len(docs) == 2


def test_single_record_with_wrong_types_is_a_file_error(write, read_all):
    docs, (error,) = read_all(write("bad.json", json.dumps({"title": 5, "maintext": ["a"]})))
    assert docs == [] and error.source.endswith("bad.json") and "'maintext' is list" in error.error


def warc_record(url: str, body: str, content_type: str = "text/html; charset=utf-8",
                warc_type: str = "response") -> bytes:
    http = (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body.encode())}\r\n\r\n{body}").encode()
    head = (f"WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Target-URI: {url}\r\n"
            f"WARC-Date: 2023-03-14T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash(url))}>\r\n"
            f"Content-Type: application/http; msgtype={warc_type}\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


INFO = (b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Type: application/warc-fields\r\n"
        b"Content-Length: 9\r\n\r\n"
        b"software\n\r\n\r\n")
MALFORMED = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\ngarbage\r\n\r\n"


def warc_records() -> list[bytes]:
    return [INFO,
            warc_record("https://gazette.example.org/a", article_page("Harbour plan A")),
            MALFORMED,
            warc_record("https://gazette.example.org/logo.png", "PNGDATA", content_type="image/png"),
            warc_record("https://gazette.example.org/b", article_page("Harbour plan B"))]


def test_warc_malformed_record_is_an_error_and_the_others_are_read(write, read_all):
    docs, errors = read_all(write("crawl.warc", b"".join(warc_records())))
    assert [(d.id, d.title, d.url) for d in docs] == [
        ("crawl-2", "Harbour plan A", "https://gazette.example.org/a"),
        ("crawl-5", "Harbour plan B", "https://gazette.example.org/b")]
    assert docs[0].source.endswith("crawl.warc#2") and docs[0].outlet == "Example Gazette"
    (error,) = errors
    assert error.source.endswith("crawl.warc#3") and "malformed WARC record" in error.error


def test_warc_gzip_per_record(write, read_all):
    data = b"".join(gzip.compress(r) for r in warc_records())
    docs, errors = read_all(write("crawl.warc.gz", data))
    assert [d.title for d in docs] == ["Harbour plan A", "Harbour plan B"]
    assert len(errors) == 1


def test_warc_without_html_is_an_error(write, read_all):
    docs, (error,) = read_all(write("empty.warc", INFO))
    assert docs == [] and "no document text" in error.error
