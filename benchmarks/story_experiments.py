"""A quick loop for the story pair model: the three development corpora are parsed once and pickled (the
parse is most of the half hour `storyline eval stories` takes), then pair models are refitted and their
join cuts evaluated from the pickles in minutes.

For each corpus it prints, as `storyline eval stories` does and in the same run: the pair model fitted on
all three corpora in this run (development figures), the model fitted on the other two (LOCO, held out), the
shipped ``data/story_pair_model.json`` (not necessarily what this run's fit gives: compare before refitting
it) and the TF-IDF + average-linkage baseline at its best cut. ``--without`` fits without some features
(their column zeroed, so their weight stays 0) to measure what a feature adds; a new feature is measured by
adding it to ``PAIR_FEATURES`` and running this again. ``--setting`` changes a ``StorySettings`` field for
the fits and the evaluations alike (the pairs a model is fitted on depend on them). Delete the cache after
changing cleaning or analysis.

``--choose-join`` measures whether a join cut carries from one fit to another: every LOCO fit chooses its
own cut from the grid given, by its mean F1 over the two corpora it was fitted on (never the held-out one),
and is evaluated held out at that cut, beside the same model at the fixed ``--join`` cut and the baseline's
best cut. ``--all-three`` adds the fit on all three with its cut chosen on all three (development figures).

    python benchmarks/story_experiments.py --cache /tmp/stories --join 0.25 0.3
    python benchmarks/story_experiments.py --cache /tmp/stories --without "title words"
    python benchmarks/story_experiments.py --cache /tmp/stories --setting member_keywords=1000
    python benchmarks/story_experiments.py --cache /tmp/stories --choose-join 0.15 0.2 0.25 0.3 0.4 0.5 0.6
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
from pathlib import Path

from storyline.eval.stories import ByCut, Corpus, best_cut, evaluate, figures_by_cut
from storyline.eval.story_corpora import CORPORA
from storyline.eval.story_pairs import fit_pairs, pairs
from storyline.pipeline import analyse
from storyline.stories import PAIR_FEATURES, PairModel, StorySettings, default_pair_model


def parsed(name: str, datasets: Path, cache: Path) -> Corpus:
    """A corpus analysed by the pipeline (documents and features, the documents it lost, gold stories),
    read from the cache when there."""
    path = cache / f"{name}.pkl"
    if path.exists():
        with path.open("rb") as f:
            return pickle.load(f)
    docs, gold = CORPORA[name](datasets)
    items = [(doc, features) for doc, _, features in analyse(docs)[0]]
    ids = {doc.id for doc, _ in items}
    corpus = (items, [d for d in docs if d.id not in ids], {d.id: gold[d.id] for d in docs})
    cache.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        pickle.dump(corpus, f)
    return corpus


def model_on(corpora: dict[str, Corpus], names: list[str], without: list[str],
             settings: StorySettings) -> PairModel:
    """The pair model fitted on the named corpora together (as ``story_pairs.fit`` pairs them), with the
    columns of ``without`` zeroed."""
    items = [item for name in names for item in corpora[name][0]]
    gold = {doc: (name, story) for name in names for doc, story in corpora[name][2].items()}
    x, y = pairs(items, gold, settings)
    x[:, [PAIR_FEATURES.index(feature) for feature in without]] = 0
    return fit_pairs(x, y, "+".join(names))


def settings_of(assignments: list[str]) -> StorySettings:
    """``StorySettings`` with fields given as NAME=VALUE (the value read as the field's default is typed)."""
    defaults = StorySettings()
    changes = {}
    for assignment in assignments:
        name, _, value = assignment.partition("=")
        changes[name] = type(getattr(defaults, name))(value)
    return dataclasses.replace(defaults, **changes)


def print_cut_curve(model: PairModel, by_cut: ByCut) -> None:
    """The fit's bias and its mean F1 at every cut of the grid, on the corpora it chose the cut on."""
    curve = "  ".join(f"{join} {sum(f['bcubed_f1'] for f in figures.values()) / len(figures):.4f}"
                      for join, figures in by_cut.items())
    print(f"  fitted on {model.fitted_on}, bias {model.bias:.2f}; mean F1 on it by cut: {curve}", flush=True)


def own_cut_table(corpora: dict[str, Corpus], without: list[str], settings: StorySettings,
                  grid: list[float], all_three: bool) -> None:
    """LOCO figures where each fit chooses its join cut on its own training corpora, beside the same fit
    at the fixed cut of ``settings`` and the baseline's best cut; optionally the all-three fit likewise."""
    names = list(corpora)
    rows = []
    for name in names:
        others = [n for n in names if n != name]
        model = model_on(corpora, others, without, settings)
        by_cut = figures_by_cut(model, corpora, others, grid, settings)
        print_cut_curve(model, by_cut)
        join = best_cut(by_cut)
        f = evaluate(*corpora[name], {"": model}, dataclasses.replace(settings, join_probability=join))
        fixed = evaluate(*corpora[name], {"": model}, settings, baseline=False)
        rows.append(f"{name:<12}{'LOCO':>6}{join:>6}{f['bcubed_f1']:>8.4f}{f['bcubed_precision']:>7.3f}"
                    f"{f['bcubed_recall']:>7.3f}{fixed['bcubed_f1']:>10.4f}"
                    f"{f['baseline_best_f1']:>9.4f}@{f['baseline_best_distance']:.2f}")
        print(rows[-1], flush=True)
    if all_three:
        model = model_on(corpora, names, without, settings)
        by_cut = figures_by_cut(model, corpora, names, grid, settings)
        print_cut_curve(model, by_cut)
        join = best_cut(by_cut)
        for name in names:
            f, fixed = by_cut[join][name], by_cut.get(settings.join_probability, {}).get(name, {})
            rows.append(f"{name:<12}{'dev':>6}{join:>6}{f['bcubed_f1']:>8.4f}{f['bcubed_precision']:>7.3f}"
                        f"{f['bcubed_recall']:>7.3f}{fixed.get('bcubed_f1', float('nan')):>10.4f}")
    fixed_cut = f"F1@{settings.join_probability}"
    print(f"{'corpus':<12}{'fit':>6}{'cut':>6}{'F1':>8}{'P':>7}{'R':>7}{fixed_cut:>10}{'base best':>15}")
    print("\n".join(rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", type=Path, default=Path("../shared/datasets"))
    parser.add_argument("--cache", type=Path, required=True, help="folder of the pickled parses")
    parser.add_argument("--join", type=float, nargs="+", default=[StorySettings.join_probability])
    parser.add_argument("--without", nargs="*", choices=PAIR_FEATURES, default=[])
    parser.add_argument("--setting", nargs="*", default=[], metavar="NAME=VALUE",
                        help="a StorySettings field for fits and evaluations, e.g. member_keywords=1000")
    parser.add_argument("--choose-join", type=float, nargs="+", metavar="CUT",
                        help="grid of join cuts each LOCO fit chooses from on its own training corpora")
    parser.add_argument("--all-three", action="store_true",
                        help="with --choose-join: also the fit on all three, its cut chosen on all three")
    args = parser.parse_args()
    settings = settings_of(args.setting)
    corpora = {name: parsed(name, args.datasets, args.cache) for name in CORPORA}
    if args.choose_join:
        own_cut_table(corpora, args.without,
                      dataclasses.replace(settings, join_probability=args.join[0]), args.choose_join,
                      args.all_three)
        return
    names = list(corpora)
    shipped = model_on(corpora, names, args.without, settings)
    print("weights fitted on all three:",
          ", ".join(f"{f} {w:.2f}" for f, w in zip(PAIR_FEATURES, shipped.weights, strict=True)),
          f"bias {shipped.bias:.2f}")
    loco = {name: model_on(corpora, [n for n in names if n != name], args.without, settings)
            for name in names}
    print(f"{'join':>5} {'corpus':<12}{'dev F1':>8}{'P':>7}{'R':>7}{'LOCO F1':>9}{'P':>7}{'R':>7}"
          f"{'shipped F1':>11}{'base best':>15}")
    for join in args.join:
        for name, corpus in corpora.items():
            f = evaluate(*corpus, {"": shipped, "loco_": loco[name], "shipped_": default_pair_model()},
                         dataclasses.replace(settings, join_probability=join))
            print(f"{join:>5} {name:<12}{f['bcubed_f1']:>8.4f}{f['bcubed_precision']:>7.3f}"
                  f"{f['bcubed_recall']:>7.3f}{f['loco_bcubed_f1']:>9.4f}{f['loco_bcubed_precision']:>7.3f}"
                  f"{f['loco_bcubed_recall']:>7.3f}{f['shipped_bcubed_f1']:>11.4f}"
                  f"{f['baseline_best_f1']:>9.4f}@{f['baseline_best_distance']:.2f}",
                  flush=True)


if __name__ == "__main__":
    main()
