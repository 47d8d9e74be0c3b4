"""The web page in a real browser: Debian's Chromium driven by Playwright against the real server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="no /usr/bin/chromium (apt-get install chromium; .ci/run does)")

XSS_TEXT = (
    "The Corvel trade ministry published a statement that began <script>window.__xss = 'script'</script> and "
    "carried an image tag <img src=x onerror=\"window.__xss = 'onerror'\"> in its header, harbor officials "
    "said. "
    "Inspectors in Orsanne said a link in the statement, <a href=\"javascript:window.__xss='link'\">the "
    "manifest</a>, pointed nowhere. Harbor authority director Lina Varga said the radar crates shipped to "
    "Tessaly were still being examined."
)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM))
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    tab.dialogs = []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    tab.errors = []
    tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    tab.set_default_timeout(60_000)
    yield tab
    context.close()


def open_story(page, base_url, story_id):
    page.goto(f"{base_url}/#story={story_id}")
    page.wait_for_selector("#doc-list[data-loaded]")


def test_open_a_story_and_see_a_claims_evidence(page, base_url, client, port_story):
    page.goto(base_url + "/")
    page.wait_for_selector("#story-list li")
    page.click(f"#story-list a[data-story='{port_story}']")
    page.wait_for_selector("#doc-list[data-loaded]")
    assert page.locator("h1").inner_text() == client.get(f"/api/stories/{port_story}").json()["title"]
    assert page.locator(".summary-list li").count() > 0
    assert page.locator("svg.chart rect.mark").count() > 0
    assert page.locator("#doc-list mark").count() == 0
    group = page.locator(".group.is-contested").first
    group.click()
    marks = page.locator("#doc-list mark")
    marks.first.wait_for()
    story = client.get(f"/api/stories/{port_story}").json()
    chosen = next(g for g in story["claim_groups"] if g["id"] == group.get_attribute("data-group"))
    claims = {c["id"]: c["text"] for c in story["claims"]}
    assert {m.strip() for m in marks.all_inner_texts()} <= {claims[c].strip() for c in chosen["claims"]}
    assert page.locator(".group.on").count() == 1
    assert page.locator(".group.on .badge.contested").count() == 1
    assert not page.errors


def test_search_and_entity_filter(page, base_url, port_story):
    page.goto(base_url + "/")
    page.fill("#search", "frost")
    expect(page.locator("#story-list li")).to_have_count(1)  # no wait_for_function: the CSP forbids eval
    assert "frost" in page.locator("#story-list li").inner_text().lower()
    open_story(page, base_url, port_story)
    before = page.locator("#doc-list article").count()
    page.locator(".entity", has_text="Daily Harbor").or_(page.locator(".entity").last).first.click()
    assert page.locator(".entity.on").count() == 1
    assert page.locator("#doc-list article").count() <= before


def test_check_a_claim_in_the_page(page, base_url, port_story):
    open_story(page, base_url, port_story)
    page.click("#open-check")
    page.fill("#claim", "Corvel freighters carried radar components to Tessaly")
    page.click("#check-form button[type=submit]")
    verdict = page.locator("#check-result .verdict")
    verdict.wait_for()
    assert verdict.inner_text().startswith("supported by")
    assert page.locator("#check-result .check-list li").count() >= 1


def test_add_a_document_through_the_page(page, base_url, client, port_story):
    page.goto(base_url + "/")
    page.wait_for_selector("#story-list li")
    page.click("#open-add")
    page.fill("#add-title", "Orsanne inspectors open more crates from Corvel ships")
    page.fill("#add-date", "2025-03-07")
    page.fill("#add-outlet", "Port Ledger")
    page.fill("#add-text", (
        "Inspectors in Orsanne opened twelve more crates from Corvel freighters on Friday and found radar "
        "antenna arrays declared as farm machinery, harbor authority director Lina Varga said. The Corvel "
        "trade ministry said again that no military equipment had left its ports."))
    page.click("#add-form button[type=submit]")
    page.locator("#add-result .ok").wait_for()
    assert page.locator("#add-result .ok").inner_text().startswith("1 document added")
    page.locator("#doc-list h3", has_text="Orsanne inspectors open more crates").wait_for()  # its story opens
    listed = client.get("/api/stories", params={"q": "Orsanne inspectors open more crates"}).json()
    assert listed["total"] == 1


def test_markup_inside_a_document_stays_inert(page, base_url, client):
    record = {"title": "Corvel statement <img src=x onerror=\"window.__xss='title'\">", "text": XSS_TEXT,
              "published": "2025-03-08", "outlet": "Harbor Watch", "url": "javascript:window.__xss='url'"}
    added = client.post("/api/documents", params={"name": "payload"}, content=json.dumps(record),
                        headers={"content-type": "application/json"})
    assert added.status_code == 201, added.text
    story_id = added.json()["stories"][0]
    open_story(page, base_url, story_id)
    card = page.locator("#doc-payload")
    card.wait_for()
    page.locator(".group").first.click()  # re-render the documents with evidence marks too
    page.wait_for_timeout(300)
    text = card.inner_text()
    assert "<script>" in text and "onerror=" in text and "javascript:" in text  # shown as text
    assert page.evaluate("window.__xss") is None
    assert page.locator("script:not([src])").count() == 0
    assert page.locator("img").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.dialogs == [] and not page.errors
