"""Command line: thin wrappers around the pipeline; messages on stderr, results and --json lines on stdout."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from storyline import settings
from storyline.cli_help import UserCommand, UserGroup, epilog
from storyline.cli_output import RunSummary, Terminal, copies, ingest_counts

if TYPE_CHECKING:
    from storyline.engine import RaySettings

ABOUT = ("storyline turns news documents (text, HTML, JSON, WARC) into a sourced dossier: the claims and "
         "who makes them, how many independent sources back each one, denials, discrepancies, stories, a "
         "timeline and a summary that cites its sources.")
app = typer.Typer(add_completion=False, no_args_is_help=True, help=ABOUT, epilog=epilog("storyline"),
                  cls=UserGroup, rich_markup_mode=None)
eval_app = typer.Typer(no_args_is_help=True, cls=UserGroup, rich_markup_mode=None, epilog=epilog("eval"),
                       help="Evaluations over the shared datasets, each printing its figures beside a "
                       "baseline.")
app.add_typer(eval_app, name="eval")
err = Console(stderr=True, soft_wrap=True)  # one error, one line: easy to grep

STORE_HELP = "DuckDB store file (default: OUT/storyline.duckdb)"
INPUTS_HELP = "files, folders (read recursively) or - for standard input"
JSON_HELP = "print one JSON summary line on stdout (counts, seconds, paths)"
DATASETS_HELP = "folder of the shared datasets (default: ../shared/datasets)"
QUIET_HELP = "no progress bar or progress messages; errors and warnings are still printed"
ENGINE_HELP = ("where documents are analysed: local (this process) or ray (a pool of Ray actors, pip "
               "install 'storyline[ray]')")
RAY_ADDRESS_HELP = "Ray cluster to run on with --engine ray (default: RAY_ADDRESS, else a local Ray)"
RAY_CPUS_HELP = "CPUs a local Ray may use with --engine ray (default: all)"


def command(name: str, **kwargs):
    """``app.command`` with the user help layout and the command's inputs and examples."""
    return app.command(name, cls=UserCommand, epilog=epilog(name), **kwargs)


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


def _engine(name: str, ray: RaySettings | None):
    """The engine the user chose; one that cannot start (Ray missing, no cluster) is a one-line error."""
    from storyline.engine import EngineUnavailable, make_engine

    try:
        return make_engine(name, ray)
    except (EngineUnavailable, ConnectionError) as exc:  # ConnectionError: Ray found no cluster
        err.print(f"error: {exc}", highlight=False, markup=False)
        raise typer.Exit(2) from None


def _ray(address: str | None, cpus: int | None) -> RaySettings:
    from storyline.engine import RaySettings

    return RaySettings(address=address, cpus=cpus)


def _ingest(inputs: list[str], store_path: Path, term: Terminal, exclude: tuple[Path, ...] = (),
            batch: int = settings.BATCH_DOCUMENTS, engine: str = "local", ray: RaySettings | None = None):
    term.say(f"reading {len(inputs)} input{'s' if len(inputs) != 1 else ''} into {store_path}; "
             "loading the models")  # before the imports that load them
    # before the store is made, so that an engine that cannot start leaves none; the local engine is the
    # pipeline's default, imported after the store is open
    analyser = None if engine == "local" else _engine(engine, ray)
    if analyser is not None:
        term.say(f"analysing on {analyser.where}")
    store = _open_store(store_path)  # before the models load: a busy store is said at once

    from storyline.engine import EngineFailed
    from storyline.ingest.count import count_records
    from storyline.pipeline import ingest

    total = count_records(inputs) if term.draws_bar else None
    try:
        with term.progress("ingest", total) as progress:
            result = ingest(inputs, store, progress, batch_documents=batch,
                            exclude=[str(p) for p in exclude], engine=analyser)
    except EngineFailed as exc:  # a lost Ray actor: one line naming the batch, the stored batches stay
        store.close()
        err.print(f"error: {exc}", highlight=False, markup=False)
        raise typer.Exit(1) from None
    term.say(f"{len(result.added)} new documents, {result.skipped} already stored, "
             f"{len(result.errors)} errors, {len(result.warnings)} warnings")
    return store, result


def _report(store, out: Path, term: Terminal):
    from storyline.pipeline import report
    from storyline.report import write_all

    with term.progress("report", len(store.dirty_stories())) as progress:
        dossier = report(store, progress)
    paths = write_all(dossier, out)
    term.say(f"{len(dossier.documents)} documents in {len(dossier.stories)} stories → {out}")
    return dossier, paths


@command("build")
def build(
    inputs: list[str] = typer.Argument(..., metavar="INPUT", help=INPUTS_HELP),
    out: Path = typer.Option(Path("out"), "--out", metavar="FOLDER",
                             help="where dossier.json, dossier.md and dossier.html are written"),
    store: Path | None = typer.Option(None, "--store", metavar="FILE", help=STORE_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help=QUIET_HELP),
    engine: str = typer.Option("local", "--engine", metavar="local|ray", help=ENGINE_HELP),
    ray_address: str | None = typer.Option(None, "--ray-address", metavar="ADDRESS", help=RAY_ADDRESS_HELP),
    ray_cpus: int | None = typer.Option(None, "--ray-cpus", min=1, metavar="N", help=RAY_CPUS_HELP),
) -> None:
    """Read documents and write the dossier: OUT/dossier.json, dossier.md and dossier.html.

    The documents are kept in a store (OUT/storyline.duckdb unless --store says otherwise), so a second build
    only analyses what is new. Without --store the dossier is of these inputs only: an earlier build's
    documents in OUT that are not among them are removed (documents read before are not processed again); OUT
    is never read as input. The dossier is written even when no document could be read: its errors say why.
    Exit code 0 when the store holds at least one document, 2 when none."""
    started, term = time.monotonic(), Terminal(err, quiet)
    store_path = store or out / "storyline.duckdb"
    db, result = _ingest(inputs, store_path, term, exclude=(out,), engine=engine,
                         ray=_ray(ray_address, ray_cpus))
    if store is None:
        _drop_earlier_build(db, result.hashes, out)
    dossier, paths = _report(db, out, term)
    added = copies(db.documents(result.added, full=False))
    empty = db.document_count() == 0
    db.close()
    if as_json:
        summary = RunSummary("build", time.monotonic() - started, store_path, copies=added,
                             documents=len(dossier.documents), stories=len(dossier.stories), out=paths,
                             **ingest_counts(result.added, result.skipped, result.errors, result.warnings))
        typer.echo(json.dumps(summary.to_json(), ensure_ascii=False))
    if empty:
        err.print(f"no document could be read; the reasons are in {paths['json']}", highlight=False,
                  markup=False)
        raise typer.Exit(2)


def _drop_earlier_build(db, hashes: set[str], out: Path) -> None:
    """Remove the documents an earlier build into ``out`` read that are not among this build's inputs."""
    from storyline.pipeline import remove_documents

    earlier = [d.id for d in db.documents(full=False) if d.content_hash not in hashes]
    if earlier:
        removed = remove_documents(db, earlier)
        err.print(f"{out} held an earlier dossier: replaced; {len(removed)} of its documents are not among "
                  "these inputs and were removed (give --store to keep adding to one store)",
                  highlight=False, markup=False)


@command("ingest")
def ingest_command(
    inputs: list[str] = typer.Argument(..., metavar="INPUT", help=INPUTS_HELP),
    store: Path = typer.Option(..., "--store", metavar="FILE", help="DuckDB store file (made if missing)"),
    batch: int = typer.Option(settings.BATCH_DOCUMENTS, "--batch", min=1, metavar="N",
                              help="documents per transaction (an interrupted run loses at most one batch)"),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help=QUIET_HELP),
    engine: str = typer.Option("local", "--engine", metavar="local|ray", help=ENGINE_HELP),
    ray_address: str | None = typer.Option(None, "--ray-address", metavar="ADDRESS", help=RAY_ADDRESS_HELP),
    ray_cpus: int | None = typer.Option(None, "--ray-cpus", min=1, metavar="N", help=RAY_CPUS_HELP),
) -> None:
    """Add documents to a store; content already stored is skipped.

    Stories are computed by the next storyline report (or storyline serve). Exit code 0 when the store holds
    at least one document, 2 when none."""
    started, term = time.monotonic(), Terminal(err, quiet)
    db, result = _ingest(inputs, store, term, batch=batch, engine=engine, ray=_ray(ray_address, ray_cpus))
    count = db.document_count()
    if as_json:
        summary = RunSummary("ingest", time.monotonic() - started, store,
                             copies=copies(db.documents(result.added, full=False)), documents=count,
                             stories=len(db.story_states()),
                             **ingest_counts(result.added, result.skipped, result.errors, result.warnings))
        typer.echo(json.dumps(summary.to_json(), ensure_ascii=False))
    db.close()
    if count == 0:
        raise typer.Exit(2)


@command("report")
def report_command(
    store: Path = typer.Option(..., "--store", metavar="FILE", help="DuckDB store file"),
    out: Path = typer.Option(Path("out"), "--out", metavar="FOLDER",
                             help="where dossier.json, dossier.md and dossier.html are written"),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Write the dossier of everything in a store.

    Only the stories that changed since the last report are computed again."""
    started, term = time.monotonic(), Terminal(err, quiet)
    if not store.exists():
        err.print(f"error: {store}: no such store")
        raise typer.Exit(2)
    db = _open_store(store)
    dossier, paths = _report(db, out, term)
    db.close()
    if as_json:
        summary = RunSummary("report", time.monotonic() - started, store, copies=copies(dossier.documents),
                             errors=len(dossier.errors), warnings=len(dossier.warnings),
                             documents=len(dossier.documents), stories=len(dossier.stories), out=paths)
        typer.echo(json.dumps(summary.to_json(), ensure_ascii=False))


@command("remove")
def remove_command(
    ids: list[str] = typer.Argument(None, metavar="ID", help="ids of the documents to remove"),
    store: Path = typer.Option(..., "--store", metavar="FILE", help="DuckDB store file"),
    source: list[str] = typer.Option(None, "--source", metavar="PATH",
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


@command("list")
def list_command(
    store: Path = typer.Option(..., "--store", metavar="FILE", help="DuckDB store file"),
    as_json: bool = typer.Option(False, "--json", help="one JSON object per story on stdout"),
) -> None:
    """The stories of a store with their counts, largest first.

    One line per story: id, documents, independent sources, claim groups, contested groups, first and last
    publication date, title."""
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


@command("serve")
def serve(
    store: Path = typer.Option(..., "--store", metavar="FILE",
                               help="DuckDB store file (made by build or ingest)"),
    host: str = typer.Option("127.0.0.1", "--host", metavar="ADDRESS",
                             help="address to listen on; the default answers this machine only"),
    port: int = typer.Option(8000, "--port", metavar="PORT", help="TCP port"),
) -> None:
    """The web page and HTTP API over a store: open http://HOST:PORT/ in a browser.

    The API's schema is at /openapi.json. While it runs, the server is the store's only writer: add
    documents through its page or POST /api/documents (storyline ingest on the same file is refused)."""
    import uvicorn

    from storyline.serve import create_app
    from storyline.serve.access import StoreBusy

    try:
        web = create_app(store)
    except (FileNotFoundError, StoreBusy) as exc:
        err.print(f"error: {exc}", highlight=False, markup=False)
        raise typer.Exit(2) from exc
    pending = len(web.state.access.pending)
    later = f"; {pending} stories changed since the last report are computed meanwhile" if pending else ""
    err.print(f"serving {store} on http://{host}:{port}/ (Ctrl-C stops){later}", highlight=False,
              markup=False)
    uvicorn.run(web, host=host, port=port, log_level="warning")


@command("demo")
def demo(out: Path = typer.Option(Path("storyline-demo"), "--out", metavar="FOLDER",
                                  help="where the demo dossier and its store are written")) -> None:
    """Build the dossier of the demo corpus shipped with storyline and say where it is."""
    term = Terminal(err)
    db, _ = _ingest([str(settings.DEMO_DIR)], out / "storyline.duckdb", term)
    _, paths = _report(db, out, term)
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
        datasets: Path | None = typer.Option(None, "--datasets", metavar="FOLDER", help=DATASETS_HELP),
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
    eval_app.command(name, cls=UserCommand, epilog=epilog(name))(command)


@command("check")
def check_command(
    claim: str = typer.Argument(..., metavar="CLAIM", help="the claim to check, in quotes"),
    inputs: list[str] = typer.Argument(None, metavar="INPUT", help="files or folders to read (else --store)"),
    store: Path | None = typer.Option(None, "--store", metavar="FILE",
                                      help="DuckDB store to check against (INPUTs are added to it)"),
    as_json: bool = typer.Option(False, "--json", help="JSON on stdout instead of the table"),
) -> None:
    """Each document's stance toward CLAIM, with its evidence, and a verdict.

    The verdict counts the independent sources that support, deny or only report the claim."""
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
        db = _ingest(inputs, path, Terminal(err))[0] if inputs else _open_store(path)
        documents = db.documents()
        annotations = db.annotations([d.id for d in documents])
        db.close()
        if not documents:
            err.print("no document could be read")
            raise typer.Exit(2)
        result = check(claim, documents, StanceModel.load(), {k: a.claims for k, a in annotations.items()})
    typer.echo(json.dumps(result.to_json(), indent=2, ensure_ascii=False) if as_json else render(result))


@eval_app.command("stance", cls=UserCommand, epilog=epilog("stance"))
def eval_stance(
    datasets: Path | None = typer.Option(None, "--datasets", metavar="FOLDER", help=DATASETS_HELP),
    quick: bool = typer.Option(False, "--quick", help="a smaller sample, for a fast look"),
    bodies: Path | None = typer.Option(None, "--bodies", metavar="CSV",
                                       help="FNC-1 bodies CSV (Body ID, articleBody)"),
    pairs: Path | None = typer.Option(None, "--pairs", metavar="CSV",
                                      help="FNC-1 pairs CSV (Headline, Body ID[, Stance])"),
    out: Path = typer.Option(Path("stance-predictions.csv"), "--out", metavar="CSV",
                             help="predictions CSV to write"),
) -> None:
    """Stance on FNC-1: label your files, or fit and score ours beside the baseline.

    With --bodies and --pairs the shipped model labels them (scored when a Stance column is present);
    else ours and the official baseline are fitted on a claim-disjoint split of fnc1-dev and scored on the
    rest."""
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


@eval_app.command("gate", cls=UserCommand, epilog=epilog("gate"))
def eval_gate(
    datasets: Path | None = typer.Option(None, "--datasets", metavar="FOLDER", help=DATASETS_HELP),
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
