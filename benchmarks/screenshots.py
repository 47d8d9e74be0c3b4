"""Screenshots of the web page over a store: the landing page, a story, a claim's evidence, a check.

    python benchmarks/screenshots.py --store STORE.duckdb --out DIR [--story ID] [--claim "..."]

Serves the store on a free loopback port and drives Debian's Chromium (/usr/bin/chromium) with Playwright;
writes DIR/1-landing.png, 2-story.png, 3-evidence.png and 4-check.png and prints their paths."""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from storyline.serve import create_app
from storyline.serve.background import running

CHROMIUM = "/usr/bin/chromium"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--story", help="story id (default: the largest)")
    parser.add_argument("--claim", help="claim to check (default: the story's first contested claim group)")
    parser.add_argument("--width", type=int, default=1440)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = create_app(args.store)
    app.state.access.complete_stories()  # the screenshots show every story, none still pending
    index = app.state.access.index()
    story_id = args.story or index.summaries[0].id
    with running(app) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page(viewport={"width": args.width, "height": 1000})
        page.goto(base + "/")
        page.wait_for_selector("#doc-list[data-loaded]")  # the largest story opens
        shots = [_shot(page, args.out / "1-landing.png")]
        page.goto(f"{base}/#story={story_id}")
        page.wait_for_selector("#doc-list[data-loaded]")
        shots.append(_shot(page, args.out / "2-story.png", full=True))
        group = page.locator(".group.is-contested").first
        if not group.count():
            group = page.locator(".group").first
        label = group.locator(".group-label").inner_text()
        group.click()
        page.wait_for_selector("#doc-list mark")
        shots.append(_shot(page, args.out / "3-evidence.png"))
        page.click("#open-check")
        page.fill("#claim", args.claim or label)
        page.click("#check-form button[type=submit]")
        page.wait_for_selector("#check-result .verdict", timeout=60_000)
        page.evaluate("window.scrollTo(0, 0)")
        shots.append(_shot(page, args.out / "4-check.png"))
        browser.close()
    for path in shots:
        print(path)


def _shot(page, path: Path, full: bool = False) -> Path:
    page.screenshot(path=str(path), full_page=full)
    return path


if __name__ == "__main__":
    main()
