"""A document without a title is shown by the start of its text; its title field stays null."""

from __future__ import annotations

from storyline.report.jsondoc import shown_title


def test_untitled_document_is_shown_by_its_text():
    doc = {"title": None, "text": "The harbour authority of Port Alda said on Tuesday that talks with "
                                  "striking dockworkers would resume."}
    assert shown_title(doc) == "“The harbour authority of Port Alda said on Tuesday that talks with…”"
    assert doc["title"] is None


def test_titled_document_is_shown_by_its_title():
    assert shown_title({"title": "Harbour talks resume", "text": "..."}) == "Harbour talks resume"
