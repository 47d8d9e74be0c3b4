"""What a user meets before any document is read: help pages, the progress display, input counting."""

from __future__ import annotations

import io
import json
import re

import pytest
from rich.console import Console
from typer.main import get_command
from typer.testing import CliRunner

from storyline.cli import app
from storyline.cli_output import Terminal
from storyline.ingest.count import count_records

ARTEFACTS = (
    re.compile(r"<(bool|path|str|int|float|list\[[a-z]+\])>"),  # typer's type tags
    re.compile(r"\{[a-z_]+\}"),  # a required argument in braces
    re.compile(r"\[default: None\]|default: None|\[required\]"),
    re.compile(r"[╭╰│]"),  # boxes
)


def _commands() -> list[list[str]]:
    """Every command path: build, ingest, ..., eval, eval stories, ..."""
    found = []
    for name, command in get_command(app).commands.items():
        found.append([name])
        found += [[name, sub] for sub in getattr(command, "commands", {})]
    return found


def _help(*path: str) -> str:
    result = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "100"}, prog_name="storyline")
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("path", [[], *_commands()], ids=lambda p: " ".join(p) or "storyline")
def test_every_help_page_has_an_example_and_no_framework_artefacts(path):
    text = _help(*path)
    for pattern in ARTEFACTS:
        assert not pattern.search(text), f"{pattern.pattern} in storyline {' '.join(path)} --help:\n{text}"
    assert "Example" in text or "storyline demo" in text


@pytest.mark.parametrize("command", ["build", "ingest", "check"])
def test_reading_commands_list_the_input_formats(command):
    text = _help(command)
    for suffix in (".txt", ".html", ".jsonl", ".warc", ".gz", "standard input", "English"):
        assert suffix in text
    assert re.search(rf"Usage: storyline {command} \[OPTIONS\] .*INPUT\.\.\.", text)


def test_options_are_named_by_what_they_take():
    text = _help("build")
    assert "--out FOLDER" in text and "--store FILE" in text and "(default: out)" in text
    assert "--json" in text and "--quiet" in text


def _terminal(is_terminal: bool, quiet: bool = False) -> tuple[Terminal, io.StringIO]:
    sink = io.StringIO()
    console = Console(file=sink, force_terminal=is_terminal, width=120, color_system=None)
    return Terminal(console, quiet), sink


def _run(term: Terminal) -> None:
    with term.progress("ingest", 4) as report:
        report("documents", 2)
        report("error: bad.txt: empty file", 0)
        report("documents", 1)  # a JSON Lines file counted 2 records gave 1: the bar still ends full


def test_progress_on_a_terminal_shows_the_total_and_time_left():
    term, sink = _terminal(True)
    _run(term)
    shown = sink.getvalue()
    assert "4/4" in shown and "left" in shown and "0:00:00" in shown
    assert "error: bad.txt: empty file" in shown


@pytest.mark.parametrize(("is_terminal", "quiet"), [(False, False), (True, True)])
def test_no_bar_in_a_pipe_or_with_quiet_but_errors_still_printed(is_terminal, quiet):
    term, sink = _terminal(is_terminal, quiet)
    _run(term)
    term.say("12 new documents")
    shown = sink.getvalue()
    assert "4/4" not in shown and "ingest" not in shown
    assert "error: bad.txt: empty file" in shown
    assert ("12 new documents" in shown) is not quiet


def test_records_are_counted_before_reading(tmp_path):
    (tmp_path / "a.txt").write_text("One report.")
    (tmp_path / "lines.jsonl").write_text('{"text": "one"}\n\n{"text": "two"}\n{"text": "three"}\n')
    (tmp_path / "array.json").write_text(json.dumps([{"text": "x"}, {"text": "y"}]))
    (tmp_path / "one.json").write_text(json.dumps({"text": "x"}))
    missing = str(tmp_path / "missing.txt")
    assert count_records([str(tmp_path), missing]) == 1 + 3 + 2 + 1 + 1
    assert count_records([str(tmp_path / "a.txt"), "-"]) is None
