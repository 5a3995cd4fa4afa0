"""The product in a real browser: Debian's Chromium driven by Playwright.

Each test is one flow a person goes through, asserting what they see, and saves a
screenshot to ``artifacts/`` at the end. The service runs once for the session (API, pages
and the embedded worker on a SQLite file); each flow signs in fresh browser contexts. No
page may log a console error (a CSP violation shows up there), and none may open a dialog
(a script that got through would).
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from postwise.store.models import OutboxEntry, Post
from tests.web.conftest import ARTIFACTS, PASSWORD, LiveSite

expect: Any = None


@pytest.fixture(scope="module", autouse=True)
def _playwright_expect(chromium: Any) -> None:
    global expect
    from playwright.sync_api import expect as playwright_expect

    playwright_expect.set_options(timeout=10_000)
    expect = playwright_expect


class Visitor:
    """One person in their own browser context, watching for console errors and dialogs."""

    def __init__(self, chromium: Any, live: LiveSite, name: str) -> None:
        self.live = live
        self.context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("console", self._console)
        self.page.on("response", self._response)
        self.page.on(
            "dialog", lambda d: (self.problems.append(f"dialog: {d.message}"), d.dismiss())
        )
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.sign_in(name)

    def _console(self, message: Any) -> None:
        # A page answered with 4xx on purpose also logs "Failed to load resource";
        # failed requests are judged in _response instead.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.problems.append(f"console error: {message.text}")

    def _response(self, response: Any) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            self.problems.append(f"{response.status} for {response.url}")

    def go(self, path: str) -> Any:
        return self.page.goto(self.live.url + path)

    def sign_in(self, name: str) -> None:
        self.go("/login")
        self.page.fill("#email", f"{name}@example.com")
        self.page.fill("#password", PASSWORD)
        self.page.locator("form[action='/login'] button[type=submit]").click()
        self.page.wait_for_url(re.compile(r"/compose$"))

    def write(self, text: str, network: str | None = None) -> None:
        """Type a post into the composer and wait for the live feedback on it."""
        page = self.page
        if not page.url.endswith("/compose"):
            self.go("/compose")
        expect(page.locator("#composer")).to_have_attribute("data-ready", "1")
        if network is not None:
            page.select_option("#channel", network)
        page.fill("#text", text)
        expect(page.locator("#composer")).not_to_have_attribute("data-checking", "1")
        expect(page.locator("#mirror")).to_have_text(text + "\u200b")

    def state(self) -> str:
        return str(self.page.locator(".meta .state").inner_text())

    def wait_for_state(self, wanted: str, seconds: float = 20) -> None:
        deadline = time.monotonic() + seconds
        while self.state() != wanted:
            if time.monotonic() > deadline:
                raise AssertionError(f"the post stayed {self.state()!r}, not {wanted!r}")
            self.page.wait_for_timeout(400)
            self.page.reload()

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    def close(self) -> None:
        self.context.close()
        assert self.problems == [], self.problems


@pytest.fixture
def visit(chromium: Any, live_site: LiveSite) -> Iterator[Any]:
    opened: list[Visitor] = []

    def open_as(name: str) -> Visitor:
        visitor = Visitor(chromium, live_site, name)
        opened.append(visitor)
        return visitor

    yield open_as
    for visitor in opened:
        visitor.close()


def post_id_of(url: str) -> int:
    found = re.search(r"/posts/(\d+)", url)
    assert found, url
    return int(found.group(1))


def test_a_clean_post_is_published_to_the_outbox(visit: Any, live_site: LiveSite) -> None:
    ada = visit("ada")
    text = "Great meetup in Gothenburg today: I showed how we test our data pipelines."
    ada.write(text)
    page = ada.page
    expect(page.locator("#verdict")).to_have_text("Ready to post.")
    expect(page.locator("#findings")).to_contain_text("Nothing to flag")
    expect(page.locator("#counter")).to_have_text(f"{len(text)} of 3000 characters")
    page.get_by_role("button", name="Submit", exact=True).click()
    expect(page.locator(".notice")).to_have_text("Submitted.")
    ada.wait_for_state("Published")
    expect(page.locator("#next-text")).to_have_text("It has been published.")
    ada.shot("clean-post-published")
    with live_site.site.database.session() as session:
        payloads = [e.payload for e in session.execute(select(OutboxEntry)).scalars()]
    assert any(p.get("text") == text for p in payloads)


def test_a_codename_is_highlighted_reviewed_rejected_and_the_author_sees_why(
    visit: Any,
) -> None:
    ada = visit("ada")
    ada.write("Sneak peek: Project Heron ships to Noordhaven Zorggroep in March.")
    page = ada.page
    expect(page.locator("#mirror mark")).to_have_text(["Project Heron", "Noordhaven Zorggroep"])
    expect(page.locator("#mirror mark").first).to_have_class("sev-block")
    expect(page.locator("#verdict")).to_contain_text("Needs review")
    expect(page.locator("#findings .finding")).to_have_count(2)
    expect(page.locator("#findings .finding").first).to_contain_text(
        "“Project Heron” is on the organisation's list of confidential terms."
    )
    ada.shot("codename-highlighted")
    page.get_by_role("button", name="Submit", exact=True).click()
    expect(page.locator(".meta .state")).to_have_text("In review")
    expect(page.locator("#post-text mark")).to_have_text(["Project Heron", "Noordhaven Zorggroep"])
    post_path = "/posts/" + str(post_id_of(page.url))

    rita = visit("rita")
    rita.go("/review")
    row = rita.page.locator("tbody tr", has_text="Project Heron")
    expect(row).to_contain_text("Ada Employee")
    row.get_by_role("link").click()
    comment = "Project Heron is still under wraps: please leave it out until the launch."
    rita.page.fill("#comment", comment)
    rita.shot("codename-review")
    rita.page.get_by_role("button", name="Reject").click()
    expect(rita.page.locator(".notice")).to_have_text("Rejected. The author sees your comment.")

    ada.go(post_path)
    expect(page.locator(".meta .state")).to_have_text("Rejected")
    expect(page.locator(".reviews")).to_contain_text(comment)
    expect(page.locator(".reviews")).to_contain_text("Rita Reviewer")
    ada.go("/posts")
    expect(page.locator(".card", has_text="Sneak peek")).to_contain_text(comment)
    ada.shot("codename-rejected-author-sees-comment")


def test_a_heated_post_cools_off_and_is_withdrawn(visit: Any) -> None:
    ada = visit("ada")
    ada.write("WHY does NOBODY at the helpdesk ever answer?!!! This is RIDICULOUS.")
    page = ada.page
    expect(page.locator("#verdict")).to_contain_text("waits 10 minutes")
    page.get_by_role("button", name="Submit", exact=True).click()
    expect(page.locator(".meta .state")).to_have_text("Waiting for your confirmation")
    page.get_by_label("I have read the notes").check()
    page.get_by_role("button", name="Post it").click()
    expect(page.locator(".meta .state")).to_have_text("Cooling off")
    countdown = page.locator("#countdown")
    expect(countdown).to_have_text(re.compile(r"^Goes out in (9:[0-5]\d|10:00)$"))
    first = countdown.inner_text()
    expect(countdown).not_to_have_text(first, timeout=3000)
    ada.shot("heated-post-cooling-off")
    page.get_by_role("button", name="Withdraw").click()
    expect(page.locator(".notice")).to_have_text("The post was withdrawn.")
    expect(page.locator(".meta .state")).to_have_text("Withdrawn")
    expect(page.locator("#countdown")).to_have_count(0)
    ada.shot("heated-post-withdrawn")


def test_a_disclosure_fix_applied_with_one_click_clears_the_finding(visit: Any) -> None:
    ada = visit("ada")
    ada.write("CareLoop just got a great update: the new dashboards are really good.")
    page = ada.page
    finding = page.locator("#findings .finding", has_text="CareLoop")
    expect(finding).to_have_count(1)
    expect(page.locator("#mirror mark")).to_have_text(["CareLoop"])
    fix = finding.get_by_role("button", name="Add #LumoraEmployee")
    ada.shot("disclosure-before-fix")
    fix.click()
    expect(page.locator("#text")).to_have_value(
        "CareLoop just got a great update: the new dashboards are really good. #LumoraEmployee"
    )
    expect(page.locator("#findings .finding")).to_have_count(0)
    expect(page.locator("#verdict")).to_have_text("Ready to post.")
    expect(page.locator("#announce")).to_have_text("Fix applied: Add #LumoraEmployee")
    ada.shot("disclosure-fixed")


def test_an_admin_sees_a_broken_policy_at_its_line_then_activates_a_good_one(
    visit: Any,
) -> None:
    adam = visit("adam")
    adam.go("/policy/edit")
    page = adam.page
    good = page.locator("#policy-yaml").input_value()
    lines = good.splitlines()
    broken_line = next(i for i, line in enumerate(lines, 1) if line.strip() == "severity: tip")
    broken = "\n".join(
        line.replace("severity: tip", "severity: tipp") if n == broken_line else line
        for n, line in enumerate(lines, 1)
    )
    page.fill("#policy-yaml", broken)
    page.get_by_role("button", name="Validate and activate").click()
    problems = page.locator("#policy-problems")
    expect(problems).to_contain_text(f"Line {broken_line}")
    marked = page.locator(f"#line-{broken_line}")
    expect(marked).to_have_class("has-problem")
    expect(marked).to_contain_text("severity: tipp")
    problems.get_by_role("link", name=re.compile(f"Line {broken_line}")).click()
    assert page.evaluate("document.activeElement.id") == "policy-yaml"
    adam.shot("policy-broken")

    better = good.replace("social media guidelines", "our social media guidelines", 1)
    page.fill("#policy-yaml", better)
    page.get_by_role("button", name="Validate", exact=True).click()
    expect(page.locator("#policy-valid")).to_contain_text("The policy is valid")
    expect(page.locator(".diff .d-add")).to_contain_text("our social media guidelines")
    page.get_by_role("button", name="Validate and activate").click()
    expect(page.locator(".notice")).to_have_text("This version is now the active policy.")
    expect(page.locator("#versions-title + table tbody tr")).to_have_count(2)
    adam.go("/policy")
    expect(page.locator("h1")).to_have_text("Lumora Health: our social media guidelines")
    adam.shot("policy-activated")


def test_the_composer_coaches_in_swedish(visit: Any) -> None:
    bo = visit("bo")  # Bo's first language is Swedish
    page = bo.page
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.locator("h1")).to_have_text("Skriv ett inlägg")
    bo.write("Smygtitt: Project Nordljus lanseras hos Noordhaven Zorggroep i mars.")
    expect(page.locator("#mirror mark")).to_have_text(["Project Nordljus", "Noordhaven Zorggroep"])
    expect(page.locator("#verdict")).to_contain_text("Behöver granskas")
    expect(page.locator("#findings .finding").first).to_contain_text(
        "finns på organisationens lista över konfidentiella"
    )
    expect(page.locator("#counter")).to_contain_text("av 500 tecken")  # Bo's Mastodon account
    bo.shot("composer-swedish")
    page.get_by_role("button", name="Skicka in", exact=True).click()
    expect(page.locator(".meta .state")).to_have_text("Granskas")
    bo.shot("composer-swedish-submitted")


def test_the_composer_coaches_in_dutch_after_switching_language(visit: Any) -> None:
    ada = visit("ada")
    page = ada.page
    page.select_option("#language-choice", "nl")
    page.get_by_role("button", name="Change").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("h1")).to_have_text("Schrijf een bericht")
    ada.write("Vandaag de nieuwe CareLoop release gelanceerd, trots op het team!")
    expect(page.locator("#verdict")).to_contain_text("Eerst bevestigen")
    finding = page.locator("#findings .finding")
    expect(finding).to_have_count(1)
    expect(finding.locator(".badge")).to_have_text("Let hierop")
    fix = finding.locator("button.fix")
    expect(fix).to_contain_text("#LumoraEmployee")
    fix.click()
    expect(page.locator("#verdict")).to_have_text("Klaar om te plaatsen.")
    ada.shot("composer-dutch")
    page.get_by_role("button", name="Indienen", exact=True).click()
    expect(page.locator(".notice")).to_have_text("Ingediend.")
    # The choice is remembered with the person: a new sign-in speaks Dutch too.
    again = visit("ada")
    expect(again.page.locator("html")).to_have_attribute("lang", "nl")
    again.page.select_option("#language-choice", "en")
    again.page.get_by_role("button", name="Wijzig").click()
    expect(again.page.locator("html")).to_have_attribute("lang", "en")


def test_an_employee_cannot_open_another_employees_post_or_the_review_queue(
    visit: Any, live_site: LiveSite
) -> None:
    bo = visit("bo")
    bo.write("Fin dag på kontoret i dag, vi testade nya dataflöden.")
    bo.page.get_by_role("button", name="Spara utkast").click()
    expect(bo.page.locator(".meta .state")).to_have_text("Utkast")
    theirs = post_id_of(bo.page.url)

    ada = visit("ada")
    response = ada.go(f"/posts/{theirs}")
    assert response.status == 404
    expect(ada.page.locator("body")).not_to_contain_text("dataflöden")
    assert ada.go(f"/posts/{theirs}/edit").status == 404
    response = ada.go("/review")
    assert response.status == 403
    expect(ada.page.locator(".problem")).to_contain_text("not open to you")
    assert ada.go("/dashboard").status == 403
    assert ada.go("/admin/people").status == 403
    assert ada.go("/policy/edit").status == 403
    ada.shot("employee-forbidden")


def test_a_post_containing_a_script_is_shown_as_text(visit: Any, live_site: LiveSite) -> None:
    ada = visit("ada")
    text = '<script>alert("gotcha")</script><img src=x onerror=alert(1)> Hello <b>world</b>'
    ada.write(text)
    page = ada.page
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator("#post-text")).to_have_text(text)
    assert page.locator("#post-text script, #post-text img, #post-text b").count() == 0
    ada.go("/posts")
    expect(page.locator(".card").first).to_contain_text('<script>alert("gotcha")</script>')
    ada.shot("script-shown-as-text")
    with live_site.site.database.session() as session:
        assert session.execute(select(Post.id).where(Post.text == text)).first() is not None


def test_live_checks_answer_well_under_100_ms(visit: Any) -> None:
    ada = visit("ada")
    ada.go("/compose")
    timings = ada.page.evaluate(
        """async () => {
            const token = document.querySelector('meta[name="csrf-token"]').content;
            const out = [];
            for (let i = 0; i < 25; i++) {
                const started = performance.now();
                const r = await fetch('/compose/check', {
                    method: 'POST',
                    headers: {'Content-Type': 'application/json', 'X-CSRF-Token': token},
                    body: JSON.stringify({text: 'Proud of the team: CareLoop ships today ' + i,
                                          channel: 'linkedin'})
                });
                await r.json();
                out.push(performance.now() - started);
            }
            return out;
        }"""
    )
    assert statistics.median(timings) < 100, timings


def test_the_composer_works_with_the_keyboard_alone(visit: Any) -> None:
    ada = visit("ada")
    page = ada.page
    ada.go("/compose")
    expect(page.locator("#composer")).to_have_attribute("data-ready", "1")
    page.keyboard.press("Tab")
    expect(page.locator(".skip")).to_be_focused()
    page.locator("#text").focus()
    page.keyboard.type("CareLoop got a great update today.")
    fix = page.locator("#findings button.fix")
    expect(fix).to_have_text("Add #LumoraEmployee")
    page.keyboard.press("Tab")  # "Show in text"
    expect(page.locator("#findings button.show")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#text")).to_be_focused()
    assert page.evaluate("[text.selectionStart, text.selectionEnd]") == [0, 8]
    for _ in range(3):  # "Show in text", the guideline's summary, the fix
        page.keyboard.press("Tab")
    expect(fix).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#verdict")).to_have_text("Ready to post.")
    expect(page.locator("#text")).to_be_focused()
    ada.shot("composer-keyboard")
