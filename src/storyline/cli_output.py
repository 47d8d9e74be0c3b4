"""What build, ingest and report tell their user: progress with totals and time left on a terminal, every
error and warning on one line of its own, and a one-line JSON summary for scripts.

The bar is drawn only when stderr is a terminal and ``--quiet`` is not given: a log file or a pipe gets the
error and warning lines and the closing counts, never a bar redrawn a thousand times."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from storyline.model import Document, ReadError, ReadWarning

Report = Callable[[str, int], None]  # the pipeline's progress callback: (what happened, how many)


@dataclass
class Terminal:
    """Where the command's messages go (stderr) and how much of them the user asked for."""

    console: Console
    quiet: bool = False  # --quiet: no bar and no chatter; errors and warnings are still printed

    def say(self, text: str) -> None:
        """Chatter: what is being done. Silent with --quiet."""
        if not self.quiet:
            self.console.print(text, highlight=False, markup=False)

    def problem(self, text: str) -> None:
        """An error or a warning: always printed, one line, never reflowed."""
        style = "red" if text.startswith("error") else "yellow"
        self.console.print(text, style=style, highlight=False, markup=False, soft_wrap=True)

    @property
    def draws_bar(self) -> bool:
        return self.console.is_terminal and not self.quiet

    @contextlib.contextmanager
    def progress(self, label: str, total: int | None) -> Iterator[Report]:
        """A pipeline progress callback: advances a bar of ``total`` (time left shown once known)."""
        bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("left"),
            TimeRemainingColumn(),
            console=self.console,
            disable=not self.draws_bar,
        )
        with bar:
            task = bar.add_task(label, total=total)

            def report(what: str, n: int) -> None:
                if what.startswith(("error:", "warning:")):
                    bar.console.print(what, style="red" if what.startswith("error") else "yellow",
                                      highlight=False, markup=False, soft_wrap=True)
                else:
                    bar.update(task, advance=n, description=f"{label}: {what}")

            yield report
            if total is not None:
                bar.update(task, completed=total)  # a file counted as N records may give fewer


@dataclass
class RunSummary:
    """The one JSON line of ``--json``: what a run read, added and wrote, and how long it took."""

    command: str
    seconds: float
    store: Path
    read: int | None = None  # documents read from the inputs (new or already stored); None for report
    added: int | None = None
    already_stored: int | None = None
    copies: int = 0  # of the documents added (build, ingest) or of all (report)
    errors: int = 0
    warnings: int = 0
    documents: int = 0  # in the store after the run
    stories: int = 0
    out: dict[str, Path] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"command": self.command}
        if self.read is not None:
            data |= {"read": self.read, "added": self.added, "already_stored": self.already_stored}
        data |= {"copies": self.copies, "errors": self.errors, "warnings": self.warnings,
                 "documents": self.documents, "stories": self.stories, "seconds": round(self.seconds, 2),
                 "store": str(self.store), "out": {k: str(v) for k, v in self.out.items()}}
        return data


def copies(documents: list[Document]) -> int:
    return sum(d.copy_of is not None for d in documents)


def ingest_counts(added: list[str], skipped: int, errors: list[ReadError],
                  warnings: list[ReadWarning]) -> dict[str, int]:
    """The RunSummary fields of one ingest."""
    return {"read": len(added) + skipped, "added": len(added), "already_stored": skipped,
            "errors": len(errors), "warnings": len(warnings)}
