"""Help written for users: click's plain layout, one name per value and each command's inputs and examples.

Typer's own help shows type tags (``<path>``, ``<bool>``, ``<list[str]>``), braces around required arguments
(``{inputs}``) and boxes that do not survive a pipe; these classes render every parameter as ``--out FOLDER``
or ``INPUT...`` and print the command's epilog (inputs and examples) line for line. Parameters are told
apart by ``param_type_name``, as typer does: it may bring its own copy of click, whose classes are not
``click``'s."""

from __future__ import annotations

from typing import Any

from typer.core import TyperCommand, TyperGroup

INPUTS = """\
Inputs (files, folders read recursively, or - for standard input):
  .txt .text .md          plain text; optional header lines such as "title Port reopens",
                          "date 2024-09-12", "source Reuters", "url https://..."
  .html .htm              saved web pages: main text and metadata are extracted
  .json .jsonl .ndjson    news-please records or {"text": "...", "title": "..."}, one per line
  .warc .warc.gz          Common Crawl WARC files: every HTML response is a document
  any of these + .gz      gzip-compressed
A file that cannot be read is named on stderr and in the dossier's errors; the rest goes on.
storyline reads English: a document in another language is kept with a warning."""

STORE = "Input: a store (a DuckDB file) made by storyline build or storyline ingest."

EPILOGS = {
    "storyline": """\
Start with the demo (13 invented news documents shipped with storyline):
  storyline demo
Then your own documents:
  storyline build news/ more.jsonl page.html --out dossier/
  storyline serve --store dossier/storyline.duckdb
Each command has its own help: storyline build --help""",
    "build": INPUTS + """

Examples:
  storyline build news/ --out dossier/            # dossier/dossier.json, .md, .html
  storyline build a.html b.jsonl.gz --json        # one JSON summary line on stdout
  cat article.txt | storyline build - --out one/""",
    "ingest": INPUTS + """

Examples:
  storyline ingest news/ --store corpus.duckdb
  storyline ingest more/ --store corpus.duckdb --json   # one JSON summary line on stdout
Then: storyline report --store corpus.duckdb --out dossier/""",
    "report": STORE + """

Examples:
  storyline report --store corpus.duckdb --out dossier/
  storyline report --store corpus.duckdb --json""",
    "list": STORE + """

Examples:
  storyline list --store corpus.duckdb
  storyline list --store corpus.duckdb --json | head -3""",
    "remove": STORE + """

Examples:
  storyline remove a01_wire_original --store corpus.duckdb
  storyline remove --source news/old.jsonl --store corpus.duckdb
Then: storyline report --store corpus.duckdb --out dossier/""",
    "serve": STORE + """

Examples:
  storyline serve --store corpus.duckdb                 # then open http://127.0.0.1:8000/
  storyline serve --store corpus.duckdb --port 8080""",
    "demo": """\
Examples:
  storyline demo
  storyline demo --out /tmp/demo && storyline serve --store /tmp/demo/storyline.duckdb""",
    "check": INPUTS + """
Or a store (--store) made by build or ingest.

Examples:
  storyline check "The port reopened on Monday" news/
  storyline check "The port reopened on Monday" --store corpus.duckdb --json""",
    "stance": """\
Examples:
  storyline eval stance
  storyline eval stance --bodies bodies.csv --pairs pairs.csv --out labels.csv""",
    "eval": """\
The datasets are read from ../shared/datasets unless --datasets says otherwise.

Examples:
  storyline eval stories --quick
  storyline eval gate""",
}
EVAL_EXAMPLE = "Example:\n  storyline eval {name} --datasets ../shared/datasets"


def epilog(name: str) -> str:
    """The inputs and examples printed under a command's help."""
    return EPILOGS.get(name) or EVAL_EXAMPLE.format(name=name)


Param = Any  # a click parameter, of whichever click typer uses
Context = Any
Formatter = Any


def is_argument(param: Param) -> bool:
    return param.param_type_name == "argument"


def value_name(param: Param) -> str:
    """What a value is called in the help: the given metavar, else the parameter's name in capitals."""
    return param.metavar or (param.name or "value").upper()


def usage_piece(argument: Param) -> str:
    name = value_name(argument) + ("..." if argument.nargs != 1 else "")
    return name if argument.required else f"[{name}]"


def help_record(param: Param) -> tuple[str, str] | None:
    """One row of the Arguments or Options section, without type tags or ``[default: None]``."""
    if getattr(param, "hidden", False):
        return None
    text = getattr(param, "help", None) or ""
    if is_argument(param):
        return usage_piece(param), text
    name = ", ".join(param.opts + param.secondary_opts)
    if not param.is_flag:
        name += " " + value_name(param)
    if param.required:
        text += " (required)"
    elif not param.is_flag and param.default not in (None, "", [], ()) and not callable(param.default):
        text += f" (default: {param.default})"
    return name, text


class _UserHelp:
    """What commands and groups share: usage line, parameter sections and a verbatim epilog."""

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []  # type: ignore[attr-defined]
        params = self.get_params(ctx)  # type: ignore[attr-defined]
        return pieces + [usage_piece(p) for p in params if is_argument(p)]

    def format_options(self, ctx: Context, formatter: Formatter) -> None:
        rows = [(p, help_record(p)) for p in self.get_params(ctx)]  # type: ignore[attr-defined]
        arguments = [r for p, r in rows if r and is_argument(p)]
        options = [r for p, r in rows if r and not is_argument(p)]
        for title, found in (("Arguments", arguments), ("Options", options)):
            if found:
                with formatter.section(title):
                    formatter.write_dl(found)
        if hasattr(self, "format_commands"):
            self.format_commands(ctx, formatter)

    def format_epilog(self, ctx: Context, formatter: Formatter) -> None:
        if self.epilog:  # type: ignore[attr-defined]
            formatter.write_paragraph()
            for line in self.epilog.splitlines():  # type: ignore[attr-defined]
                formatter.write(f"{line}\n" if line else "\n")


class UserCommand(_UserHelp, TyperCommand):
    pass


class UserGroup(_UserHelp, TyperGroup):
    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        return super().collect_usage_pieces(ctx) + [self.subcommand_metavar]

    def format_commands(self, ctx: Context, formatter: Formatter) -> None:
        """Each command with the first paragraph of its help, wrapped rather than cut off with "..."."""
        rows = []
        for name in self.list_commands(ctx):
            found = self.get_command(ctx, name)
            if found is not None and not found.hidden:
                rows.append((name, " ".join((found.short_help or found.help or "").split("\n\n")[0].split())))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)
