"""Fixtures for the pages: a store with people and an active policy, and the app on it.

``site`` is an installation on a fresh SQLite file: the dev organisation's starter policy
is active and four people can sign in (two employees, a reviewer, an admin), each with an
account. Unit tests drive it with FastAPI's TestClient (``client_for``); the browser tests
(tests/web/test_browser.py) serve the same installation with uvicorn.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from postwise.audit import SYSTEM
from postwise.policy.starter import dump_policy, starter_policy
from postwise.store import Database, open_database
from postwise.web import install
from postwise.workflow import Policies, Workflow
from postwise.workflow.people import AccountData, PersonData, add_account, create_person, login
from tests.conftest import ORG

PASSWORD = "correct horse battery"
PEOPLE = {
    "ada": ("Ada Employee", "employee", "engineer", ["en"], ("linkedin", "ada-lumora")),
    "bo": ("Bo Employee", "employee", "engineer", ["sv"], ("mastodon", "@bo@social.example")),
    "rita": ("Rita Reviewer", "reviewer", "communications", ["en"], ("x", "rita_r")),
    "adam": ("Adam Admin", "admin", "communications", ["en"], ("linkedin", "adam-admin")),
}
_CSRF = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')


def policy_yaml() -> str:
    return dump_policy(starter_policy(ORG))


@dataclass
class Site:
    database: Database
    workflow: Workflow
    ids: dict[str, int] = field(default_factory=dict)
    sessions: dict[str, str] = field(default_factory=dict)

    def app(self) -> FastAPI:
        app = FastAPI()
        install(app, self.database, self.workflow)
        return app


# Compiled policies are immutable and keyed by version: one cache serves every test.
POLICIES = Policies()


def make_site(path: Path, clock: Callable[[], datetime] | None = None) -> Site:
    database = open_database(f"sqlite:///{path}")
    site = Site(database, Workflow(POLICIES, clock) if clock else Workflow(POLICIES))
    now = site.workflow.clock()
    with database.session() as session:
        site.workflow.policies.activate(session, SYSTEM, policy_yaml(), now)
        for key, (name, app_role, role, languages, (network, handle)) in PEOPLE.items():
            person = create_person(
                session,
                SYSTEM,
                PersonData(
                    name=name,
                    email=f"{key}@example.com",
                    app_role=app_role,  # type: ignore[arg-type]
                    role=role,
                    languages=languages,
                ),
                now,
                password=PASSWORD,
                must_change_password=False,
            )
            add_account(session, SYSTEM, person, AccountData(network=network, handle=handle), now)
            site.ids[key] = person.id
        # One login session each, so unit tests need not verify an argon2 hash every time.
        for key in PEOPLE:
            opened = login(session, f"{key}@example.com", PASSWORD, now)
            assert opened is not None
            site.sessions[key] = opened[2]
    return site


@pytest.fixture(scope="session")
def site_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Site]:
    """The installation built once (migrations, policy, people with argon2 hashes)."""
    path = tmp_path_factory.mktemp("web-site") / "postwise.sqlite3"
    built = make_site(path)
    built.database.dispose()  # closing the last connection folds the WAL into the file
    return path, built


@pytest.fixture
def site(site_template: tuple[Path, Site], tmp_path: Path) -> Iterator[Site]:
    """A fresh copy of the installation for one test."""
    template, made = site_template
    path = tmp_path / "postwise.sqlite3"
    shutil.copy(template, path)
    built = Site(
        open_database(f"sqlite:///{path}", migrate=False),
        Workflow(POLICIES),
        dict(made.ids),
        dict(made.sessions),
    )
    try:
        yield built
    finally:
        built.database.dispose()


def csrf_of(html: str) -> str:
    found = _CSRF.search(html)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


class Browser:
    """A TestClient that signs in like a person and posts forms with their CSRF token."""

    def __init__(self, client: TestClient, sessions: dict[str, str] | None = None) -> None:
        self.client = client
        self.sessions = sessions or {}

    def get(self, path: str, **kwargs: object) -> object:
        return self.client.get(path, **kwargs)  # type: ignore[arg-type]

    def form(self, page: str, action: str, data: dict[str, str]) -> object:
        token = csrf_of(self.client.get(page).text)
        return self.client.post(action, data={**data, "csrf_token": token}, follow_redirects=False)

    def sign_in(self, who: str) -> None:
        """Use the person's open login session, as a browser that signed in before would."""
        if who in self.sessions:
            self.client.cookies.set("postwise_session", self.sessions[who])
            return
        self.sign_in_with_password(who)

    def sign_in_with_password(self, who: str) -> None:
        response = self.form(
            "/login", "/login", {"email": f"{who}@example.com", "password": PASSWORD}
        )
        assert response.status_code == 303, response.text  # type: ignore[attr-defined]


@pytest.fixture
def client_for(site: Site) -> Iterator[object]:
    clients: list[TestClient] = []

    def make(who: str | None = None) -> Browser:
        client = TestClient(site.app(), base_url="http://testserver")
        clients.append(client)
        browser = Browser(client, site.sessions)
        if who is not None:
            browser.sign_in(who)
        return browser

    yield make
    for client in clients:
        client.close()


# --- a live server and a real browser ------------------------------------------------------

# A Tuesday at 10:00 in the organisation's time zone, outside its quiet periods: the time
# rules (posting window, late-night heat) then judge every browser test the same way,
# whenever it runs. The clock moves on from there in real time.
START = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def shifted_clock(start: datetime) -> Callable[[], datetime]:
    began = time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - began)


def chromium_path() -> str | None:
    for candidate in (os.environ.get("POSTWISE_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


def missing_browser(reason: str) -> None:
    """Skip on a developer machine without Chromium; fail in CI, which must run these."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser tests (.ci/run installs Chromium)")
    pytest.skip(f"{reason}; browser tests skipped on this machine (apt-get install chromium)")


@dataclass
class LiveSite:
    site: Site
    url: str
    data_dir: Path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def live_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveSite]:
    """The whole service (API, pages and the embedded worker) on a loopback port; its
    outbox file lands in a temporary data directory."""
    import uvicorn

    from postwise.api.app import create_app

    folder = tmp_path_factory.mktemp("live-site")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("POSTWISE_DATA_DIR", str(folder))
        yield from _serve(folder, uvicorn, create_app)


def _serve(folder: Path, uvicorn: Any, create_app: Any) -> Iterator[LiveSite]:
    site = make_site(folder / "postwise.sqlite3", clock=shifted_clock(START))
    app = create_app(site.database, site.workflow, embedded_worker=True)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, name="postwise-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield LiveSite(site, f"http://127.0.0.1:{port}", folder)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        site.database.dispose()


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    path = chromium_path()
    if path is None:
        missing_browser("Chromium is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_browser("Playwright for Python is not installed (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()
