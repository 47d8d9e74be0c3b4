import time

from storyline.ingest import html

from .conftest import ARTICLE_PARAGRAPHS, article_page, gz


def test_main_text_and_metadata(write, read_all):
    (doc,), errors = read_all(write("page.html", article_page()))
    assert errors == []
    assert "deepen the main channel" in doc.raw_text
    assert "All rights reserved" not in doc.raw_text and "Sport" not in doc.raw_text
    assert doc.title == "Council approves harbour plan"
    assert doc.published == "2023-03-14"
    assert doc.outlet == "Example Gazette"
    assert doc.authors == ["Lena Voss"]
    assert doc.language == "en"


def test_htm_and_gzip(write, read_all):
    docs, errors = read_all(write("a.htm", article_page("Harbour plan A")),
                            write("b.html.gz", gz(article_page("Harbour plan B"))))
    assert errors == []
    assert [d.title for d in docs] == ["Harbour plan A", "Harbour plan B"]


def test_page_in_a_legacy_encoding_is_read_and_repaired(write, read_all):
    page = article_page("Café owners welcome the harbour plan").replace('<meta charset="utf-8">', "")
    (doc,), errors = read_all(write("legacy.html", page.encode("cp1252")))
    assert errors == []
    assert doc.title == "Café owners welcome the harbour plan"


def test_page_with_a_few_broken_utf8_bytes_is_read_as_a_browser_would(write, read_all):
    page = article_page("Café owners welcome the harbour plan").encode("utf-8")
    broken = page.replace("Café".encode(), b"Caf\xe9", 1)  # one stray latin-1 byte in a UTF-8 page
    (doc,), errors = read_all(write("broken.html", broken))
    assert errors == []
    assert "deepen the main channel" in doc.raw_text


def test_truncated_page_keeps_what_is_there(write, read_all):
    page = article_page()
    cut = page.index(ARTICLE_PARAGRAPHS[3][:20])
    (doc,), errors = read_all(write("cut.html", page[:cut]))
    assert errors == []
    assert "compensation fund" in doc.raw_text


def test_truncated_page_without_main_text_is_an_error(write, read_all):
    page = article_page()
    docs, (error,) = read_all(write("cut.html", page[: page.index("<article>")]))
    assert docs == []
    assert error.source.endswith("cut.html") and "no main text" in error.error


def test_huge_page_is_cut_not_hung(write, read_all):
    """A page of 30 MB (scripts and repeated blocks) is read from its first megabyte in seconds."""
    filler = "<script>var tracking = {};</script><div><p>Archive entry of the gazette index page.</p></div>\n"
    page = article_page().replace("</article>", "</article>" + filler * (30_000_000 // len(filler)))
    started = time.perf_counter()
    (doc,), errors = read_all(write("huge.html", page))
    assert time.perf_counter() - started < 60
    assert "deepen the main channel" in doc.raw_text


def test_shrink_drops_non_text_blocks_before_cutting():
    script = "<script>" + "x" * html.MAX_HTML_CHARS + "</script>"
    page = f"<html><head>{script}<script type='application/ld+json'>{{}}</script></head><body><p>Kept</p>"
    shrunk = html.shrink(page)
    assert "<p>Kept</p>" in shrunk and "ld+json" in shrunk and "xxxx" not in shrunk
    assert len(html.shrink("<p>a</p>" * html.MAX_HTML_CHARS)) <= html.MAX_HTML_CHARS
