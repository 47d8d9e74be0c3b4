"""Every bad input gives one clear error naming the file, and the batch goes on."""

import random

import pytest

from .conftest import WIRE_STORY


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        ("garbage.txt", random.Random(7).randbytes(4000).replace(b"\x00", b"\x01"), "undecodable"),
        ("broken.txt.gz", b"\x1f\x8b\x08\x00garbage", "corrupt gzip"),
        ("short.txt", b"Too short.", "no document text"),
        ("report.pdf", b"%PDF-1.7 ...", "unknown format '.pdf'"),
        ("letter.docx", b"PK\x03\x04", "unknown format '.docx'"),
        ("data.xyz", b"whatever", "unknown format '.xyz'"),
        ("README", WIRE_STORY.encode(), "unknown format '(no extension)'"),
    ],
)
def test_bad_file_is_an_error_and_the_batch_goes_on(write, read_all, name, content, reason):
    bad = write(name, content)
    good = write("zz_good.txt", WIRE_STORY)
    docs, (error,) = read_all(bad, good)
    assert error.source == str(bad)
    assert reason in error.error
    assert [d.id for d in docs] == ["zz_good"]


def test_missing_path_is_an_error(tmp_path, write, read_all):
    docs, (error,) = read_all(tmp_path / "no-such-folder", write("good.txt", WIRE_STORY))
    assert error.source.endswith("no-such-folder") and error.error == "no such file or directory"
    assert len(docs) == 1


def test_text_in_a_legacy_encoding_is_read_and_repaired(write, read_all):
    story = WIRE_STORY.replace("three berths", "the café owners’ «association»")
    (doc,), errors = read_all(write("legacy.txt", story.encode("cp1252")))
    assert errors == [] and "the café owners’ «association»" in doc.raw_text


def test_mojibake_is_repaired(write, read_all):
    story = WIRE_STORY.replace("three berths", "the café owners’ association")
    (doc,), _ = read_all(write("mojibake.txt", story.encode("utf-8").decode("cp1252").encode("utf-8")))
    assert "the café owners’ association" in doc.raw_text


def test_folders_are_walked_recursively_in_order(tmp_path, write, read_all):
    write("pile/b.txt", WIRE_STORY)
    write("pile/sub/deeper/a.txt", WIRE_STORY.replace("OTTAWA", "HALIFAX"))
    write("pile/.hidden.txt", WIRE_STORY)
    write("pile/README.md", "# About this pile of stories, not a story itself")
    write("pile/sub/notes.xyz", "not a news format")
    docs, errors = read_all(tmp_path / "pile")
    assert [d.id for d in docs] == ["b", "a"]
    assert [e.source.rsplit("/", 1)[1] for e in errors] == ["notes.xyz"]
