"""Command line: thin wrappers around the pipeline, progress on stderr."""

from __future__ import annotations

import contextlib
from pathlib import Path

import typer
from rich.console import Console

from storyline import settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
eval_app = typer.Typer(no_args_is_help=True, help="Evaluations over ../shared/datasets, printing figures.")
app.add_typer(eval_app, name="eval")
err = Console(stderr=True, soft_wrap=True)  # one error, one line: easy to grep

STORE_HELP = "DuckDB store file (default: OUT/storyline.duckdb)"


def _print_version(value: bool) -> None:
    if value:
        from storyline import __version__

        typer.echo(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                 help="print the version and exit"),
) -> None:
    pass


@contextlib.contextmanager
def _progress(label: str):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    ) as bar:
        task = bar.add_task(label, total=None)

        def report(what: str, n: int) -> None:
            if what.startswith("error:"):
                bar.console.print(what, style="red", highlight=False, markup=False)
            elif what.startswith("warning:"):
                bar.console.print(what, style="yellow", highlight=False, markup=False)
            else:
                bar.update(task, advance=n, description=f"{label}: {what}")

        yield report


def _open_store(path: Path):
    """The store at ``path``; one another process holds (a running ``storyline serve``) or one with
    another embedding model's vectors is a one-line error."""
    from storyline.store import Store

    try:
        return Store(path)
    except ValueError as exc:
        if "lock" in str(exc).lower():
            err.print(f"error: {path}: in use by another process (another ingest: try again when it ends; "
                      "storyline serve: add documents through its page or POST /api/documents)",
                      highlight=False, markup=False)
        else:
            err.print(f"error: {exc}", highlight=False, markup=False)
        raise typer.Exit(2) from None


def _ingest(inputs: list[str], store_path: Path, exclude: tuple[Path, ...] = (),
            batch: int = settings.BATCH_DOCUMENTS):
    err.print(f"reading {len(inputs)} input{'s' if len(inputs) != 1 else ''} into {store_path}; "
              "loading the models", highlight=False, markup=False)  # before the imports that load them
    store = _open_store(store_path)  # before the models load: a busy store is said at once

    from storyline.pipeline import ingest

    with _progress("ingest") as progress:
        result = ingest(inputs, store, progress, batch_documents=batch, exclude=[str(p) for p in exclude])
    err.print(
        f"{len(result.added)} new documents, {result.skipped} already stored, {len(result.errors)} errors, "
        f"{len(result.warnings)} warnings"
    )
    return store, result


def _report(store, out: Path) -> dict[str, Path]:
    from storyline.pipeline import report
    from storyline.report import write_all

    with _progress("report") as progress:
        dossier = report(store, progress)
    paths = write_all(dossier, out)
    err.print(f"{len(dossier.documents)} documents in {len(dossier.stories)} stories → {out}")
    return paths


@app.command()
def build(
    inputs: list[str] = typer.Argument(..., help="files, folders (recursive) or - for stdin"),
    out: Path = typer.Option(Path("out"), "--out", help="output folder"),
    store: Path | None = typer.Option(None, "--store", help=STORE_HELP),
) -> None:
    """Ingest everything and write OUT/dossier.json, dossier.md and dossier.html.

    Without --store the dossier is of these inputs only: an earlier build's documents in OUT that are not
    among them are removed (documents read before are not processed again). OUT is never read as input."""
    db, result = _ingest(inputs, store or out / "storyline.duckdb", exclude=(out,))
    if store is None:
        _drop_earlier_build(db, result.hashes, out)
    if db.document_count() == 0:
        err.print("no document could be read")
        raise typer.Exit(2)
    _report(db, out)
    db.close()


def _drop_earlier_build(db, hashes: set[str], out: Path) -> None:
    """Remove the documents an earlier build into ``out`` read that are not among this build's inputs."""
    from storyline.pipeline import remove_documents

    earlier = [d.id for d in db.documents(full=False) if d.content_hash not in hashes]
    if earlier:
        removed = remove_documents(db, earlier)
        err.print(f"{out} held an earlier dossier: replaced; {len(removed)} of its documents are not among "
                  "these inputs and were removed (give --store to keep adding to one store)",
                  highlight=False, markup=False)


@app.command("ingest")
def ingest_command(
    inputs: list[str] = typer.Argument(..., help="files, folders (recursive) or - for stdin"),
    store: Path = typer.Option(..., "--store", help="DuckDB store file"),
    batch: int = typer.Option(settings.BATCH_DOCUMENTS, "--batch", min=1,
                              help="documents per transaction (an interrupted run loses at most one batch)"),
) -> None:
    """Add documents to a store; content already stored is skipped."""
    db, result = _ingest(inputs, store, batch=batch)
    count = db.document_count()
    db.close()
    if count == 0:
        raise typer.Exit(2)


@app.command("report")
def report_command(
    store: Path = typer.Option(..., "--store", help="DuckDB store file"),
    out: Path = typer.Option(Path("out"), "--out", help="output folder"),
) -> None:
    """Write the dossier of everything in a store."""
    if not store.exists():
        err.print(f"error: {store}: no such store")
        raise typer.Exit(2)
    db = _open_store(store)
    _report(db, out)
    db.close()


@app.command("remove")
def remove_command(
    ids: list[str] = typer.Argument(None, help="ids of the documents to remove"),
    store: Path = typer.Option(..., "--store", help="DuckDB store file"),
    source: list[str] = typer.Option(None, "--source",
                                     help="remove every document read from this file or folder"),
) -> None:
    """Remove documents (by id, or everything read from a source) with their claims, copy links and
    story memberships; their stories are recomputed by the next report."""
    if not ids and not source:
        err.print("error: give document IDs or --source PATH")
        raise typer.Exit(2)
    if not store.is_file():
        err.print(f"error: {store}: no such store", highlight=False, markup=False)
        raise typer.Exit(2)
    db = _open_store(store)
    from storyline.pipeline import remove_documents

    known = db.known_ids()
    chosen = [i for i in ids or [] if i in known]
    for missing in sorted(set(ids or []) - known):
        err.print(f"error: {store}: no document {missing!r}", highlight=False, markup=False)
    for path in source or []:
        found = db.documents_of_files([path, str(Path(path).resolve())])
        if not found:
            err.print(f"error: {store}: no document read from {path}", highlight=False, markup=False)
        chosen += [doc_id for doc_id, _, _ in found]
    removed = remove_documents(db, chosen)
    dirty = len(db.dirty_stories())
    db.close()
    err.print(f"{len(removed)} documents removed from {store}; {dirty} stories to recompute: "
              f"storyline report --store {store}", highlight=False, markup=False)
    if not removed:
        raise typer.Exit(2)


@app.command("list")
def list_command(
    store: Path = typer.Option(..., "--store", help="DuckDB store file"),
    as_json: bool = typer.Option(False, "--json", help="one JSON object per story on stdout"),
) -> None:
    """The stories of a store with their counts, largest first.

    One line per story: id, documents, independent sources, claim groups, contested groups, first and last
    publication date, title."""
    import json

    from storyline.serve.index import StoryIndex

    if not store.is_file():
        err.print(f"error: {store}: no such store")
        raise typer.Exit(2)
    db = _open_store(store)
    index, unreported = StoryIndex.build(db), len(db.dirty_stories())
    db.close()
    for s in index.summaries:
        if as_json:
            typer.echo(json.dumps(s.to_json(), ensure_ascii=False))
        else:
            dates = f"{s.first or '?'}..{s.last or '?'}" if s.first or s.last else "undated"
            typer.echo(f"{s.id}\t{s.documents} docs\t{s.sources} sources\t{s.claim_groups} claims\t"
                       f"{s.contested} contested\t{dates}\t{s.title}")
    if unreported:
        err.print(f"{unreported} stories changed since the last report: run storyline report --store {store}",
                  highlight=False, markup=False)


@app.command()
def serve(
    store: Path = typer.Option(..., "--store", help="DuckDB store file (made by build or ingest)"),
    host: str = typer.Option("127.0.0.1", "--host", help="address to listen on (default: this machine only)"),
    port: int = typer.Option(8000, "--port", help="TCP port"),
) -> None:
    """The web page and HTTP API over a store: open http://HOST:PORT/ in a browser.

    The API's schema is at /openapi.json. While it runs, the server is the store's only writer: add
    documents through its page or POST /api/documents (storyline ingest on the same file is refused)."""
    import uvicorn

    from storyline.serve import create_app
    from storyline.serve.access import StoreBusy

    err.print(f"opening {store} (stories changed since the last report are computed first)…",
              highlight=False, markup=False)
    try:
        web = create_app(store)
    except (FileNotFoundError, StoreBusy) as exc:
        err.print(f"error: {exc}", highlight=False, markup=False)
        raise typer.Exit(2) from exc
    err.print(f"serving {store} on http://{host}:{port}/ (Ctrl-C stops)", highlight=False, markup=False)
    uvicorn.run(web, host=host, port=port, log_level="warning")


@app.command()
def demo(out: Path = typer.Option(Path("storyline-demo"), "--out", help="output folder")) -> None:
    """Build the dossier of the demo corpus shipped with storyline and say where it is."""
    db, _ = _ingest([str(settings.DEMO_DIR)], out / "storyline.duckdb")
    paths = _report(db, out)
    db.close()
    typer.echo("demo dossier written:")
    for path in paths.values():
        typer.echo(f"  {path.resolve()}")


def _run_evaluation(module, name: str, root: Path, quick: bool) -> dict:
    """``module.run`` over the datasets at ``root``; missing datasets are one line, not a traceback."""
    if not root.is_dir():
        err.print(f"error: {root}: no datasets folder (give --datasets)", highlight=False, markup=False)
        raise typer.Exit(2)
    try:
        return module.run(root, quick)
    except FileNotFoundError as exc:
        err.print(f"error: {exc.filename}: missing (storyline eval {name} needs it)", highlight=False,
                  markup=False)
        raise typer.Exit(2) from None


def _eval_command(name: str, description: str) -> None:
    """``storyline eval NAME``; the module (and the models it loads) is imported when the command runs."""

    def command(
        datasets: Path | None = typer.Option(None, "--datasets", help="folder of the shared datasets"),
        quick: bool = typer.Option(False, "--quick", help="a smaller sample, for a fast look"),
    ) -> None:
        import importlib

        from storyline.eval import check, default_datasets

        module = importlib.import_module(f"storyline.eval.{name}")
        figures = _run_evaluation(module, name, datasets or default_datasets(), quick)
        for key, value in figures.items():
            typer.echo(f"{name}.{key}\t{value:.4f}" if isinstance(value, float) else f"{name}.{key}\t{value}")
        failures = check(name, figures)
        for failure in failures:
            err.print(f"below floor: {failure}")

    command.__doc__ = description
    eval_app.command(name)(command)


@app.command("check")
def check_command(
    claim: str = typer.Argument(..., help="the claim to check, in quotes"),
    inputs: list[str] = typer.Argument(None, help="files or folders to ingest first (else --store)"),
    store: Path | None = typer.Option(None, "--store", help="DuckDB store (inputs are added to it)"),
    as_json: bool = typer.Option(False, "--json", help="JSON on stdout instead of the table"),
) -> None:
    """Every document's stance toward CLAIM with its evidence, and how many independent sources
    support, deny or only report it."""
    import json
    import tempfile

    from storyline.claims.check import check, render
    from storyline.claims.stance import StanceModel

    if not inputs and store is None:
        err.print("error: give INPUT files or --store")
        raise typer.Exit(2)
    if not inputs and not store.exists():
        err.print(f"error: {store}: no such store")
        raise typer.Exit(2)
    with tempfile.TemporaryDirectory() as scratch:
        path = store or Path(scratch) / "storyline.duckdb"
        db = _ingest(inputs, path)[0] if inputs else _open_store(path)
        documents = db.documents()
        annotations = db.annotations([d.id for d in documents])
        db.close()
        if not documents:
            err.print("no document could be read")
            raise typer.Exit(2)
        result = check(claim, documents, StanceModel.load(), {k: a.claims for k, a in annotations.items()})
    typer.echo(json.dumps(result.to_json(), indent=2, ensure_ascii=False) if as_json else render(result))


@eval_app.command("stance")
def eval_stance(
    datasets: Path | None = typer.Option(None, "--datasets", help="folder of the shared datasets"),
    quick: bool = typer.Option(False, "--quick", help="a smaller sample, for a fast look"),
    bodies: Path | None = typer.Option(None, "--bodies", help="FNC-1 bodies CSV (Body ID, articleBody)"),
    pairs: Path | None = typer.Option(None, "--pairs", help="FNC-1 pairs CSV (Headline, Body ID[, Stance])"),
    out: Path = typer.Option(Path("stance-predictions.csv"), "--out", help="predictions CSV to write"),
) -> None:
    """Stance on FNC-1: with --bodies/--pairs label them with the shipped model (scored when a Stance
    column is present); else fit ours and the baseline on a claim-disjoint split of fnc1-dev."""
    from storyline.eval import check, default_datasets
    from storyline.eval import stance as module

    if (bodies is None) != (pairs is None):
        err.print("error: give both --bodies and --pairs")
        raise typer.Exit(2)
    if bodies is not None and pairs is not None:
        figures = module.label_file(bodies, pairs, out)
        err.print(f"predictions → {out}")
    else:
        figures = _run_evaluation(module, module.NAME, datasets or default_datasets(), quick)
        for failure in check(module.NAME, figures):
            err.print(f"below floor: {failure}")
    for key, value in figures.items():
        typer.echo(f"stance.{key}\t{value:.4f}")


def _register_evaluations() -> None:
    from storyline.eval import EVALUATIONS

    custom = {command.name for command in eval_app.registered_commands}
    for name, description in EVALUATIONS.items():
        if name not in custom:
            _eval_command(name, description)


@eval_app.command("gate")
def eval_gate(
    datasets: Path | None = typer.Option(None, "--datasets", help="folder of the shared datasets"),
) -> None:
    """Run every evaluation with pinned floors; exit 1 when a figure is below its floor."""
    from storyline.eval import available, check, default_datasets, floors

    root = datasets or default_datasets()
    if not root.is_dir():
        err.print(f"no datasets at {root}: gate skipped")
        return
    modules = available()
    failures = []
    for name in floors():
        if name not in modules:
            failures.append(f"{name}: evaluation module missing")
            continue
        figures = modules[name].run(root, False)
        for key, value in figures.items():
            typer.echo(f"{name}.{key}\t{value}")
        failures += check(name, figures)
    for failure in failures:
        err.print(f"below floor: {failure}")
    if failures:
        raise typer.Exit(1)
    err.print("evaluation gate passed")


_register_evaluations()

if __name__ == "__main__":  # pragma: no cover
    app()
