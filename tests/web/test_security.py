"""Headers, cookies, CSRF and sign-in throttling, as a browser meets them."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from postwise.store.models import Credential, Post
from postwise.web.security import CONTENT_SECURITY_POLICY, csrf_ok, csrf_token, same_origin
from tests.web.conftest import PASSWORD, Site, csrf_of


def test_the_content_security_policy_allows_no_inline_script_and_no_framing() -> None:
    directives = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["default-src"] == "'none'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY


@pytest.mark.parametrize("path", ["/login", "/compose", "/static/app.css", "/posts/999"])
def test_pages_carry_the_security_headers(client_for: Any, path: str) -> None:
    browser = client_for("ada")
    response = browser.get(path)
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


def test_html_pages_are_not_cached_but_static_files_are(client_for: Any) -> None:
    browser = client_for("ada")
    assert browser.get("/compose").headers["cache-control"] == "no-store"
    assert "max-age=31536000" in browser.get("/static/composer.js").headers["cache-control"]


def test_no_page_has_an_inline_script_or_style(client_for: Any) -> None:
    browser = client_for("adam")
    for path in (
        "/compose",
        "/posts",
        "/review",
        "/policy",
        "/policy/edit",
        "/dashboard",
        "/admin/people",
        "/admin/audit",
        "/account",
    ):
        html = browser.get(path).text
        assert "<script>" not in html and "<style" not in html and " style=" not in html, path
        assert re.search(r"\son[a-z]+=", html) is None, path


@pytest.mark.parametrize(("scheme", "secure"), [("http", False), ("https", True)])
def test_the_session_cookie_is_httponly_samesite_and_secure_over_https(
    site: Site, scheme: str, secure: bool
) -> None:
    with TestClient(site.app(), base_url=f"{scheme}://testserver") as client:
        token = csrf_of(client.get("/login").text)
        response = client.post(
            "/login",
            data={"email": "ada@example.com", "password": PASSWORD, "csrf_token": token},
            follow_redirects=False,
        )
    cookie = next(
        c for c in response.headers.get_list("set-cookie") if c.startswith("postwise_session=")
    )
    flags = {part.strip().split("=")[0].lower() for part in cookie.split(";")}
    assert "httponly" in flags
    assert "samesite=lax" in cookie.lower()
    assert ("secure" in flags) is secure


@pytest.mark.parametrize(
    ("headers", "token"),
    [
        ({}, None),
        ({}, "0" * 64),
        ({"origin": "https://evil.example"}, "valid"),
        ({"origin": "null"}, "valid"),
    ],
)
def test_a_changing_request_without_a_valid_token_or_from_elsewhere_is_refused(
    client_for: Any, site: Site, headers: dict[str, str], token: str | None
) -> None:
    browser = client_for("ada")
    valid = csrf_of(browser.get("/compose").text)
    data = {"text": "Hello from a forged form", "action": "submit"}
    if token is not None:
        data["csrf_token"] = valid if token == "valid" else token
    response = browser.client.post("/compose", data=data, headers=headers, follow_redirects=False)
    assert response.status_code == 403
    assert "This form has expired" in response.text
    with site.database.session() as session:
        assert session.execute(select(func.count()).select_from(Post)).scalar_one() == 0


def test_a_script_request_needs_the_token_in_its_header(client_for: Any) -> None:
    browser = client_for("ada")
    body = {"text": "Hello", "channel": "x"}
    assert browser.client.post("/compose/check", json=body).status_code == 403
    token = csrf_of(browser.get("/compose").text)
    ok = browser.client.post("/compose/check", json=body, headers={"X-CSRF-Token": token})
    assert ok.status_code == 200 and ok.json()["verdict"] == "clean"


def test_the_sign_in_form_is_protected_before_anyone_signs_in(site: Site) -> None:
    with TestClient(site.app()) as client:
        response = client.post("/login", data={"email": "ada@example.com", "password": PASSWORD})
        assert response.status_code == 403
        assert "postwise_session" not in client.cookies


def test_sign_in_is_throttled_after_repeated_failures(site: Site) -> None:
    with TestClient(site.app()) as client:
        for _ in range(5):
            token = csrf_of(client.get("/login").text)
            wrong = client.post(
                "/login", data={"email": "ada@example.com", "password": "nope", "csrf_token": token}
            )
            assert wrong.status_code == 401
            assert "do not match" in wrong.text
        token = csrf_of(client.get("/login").text)
        blocked = client.post(
            "/login", data={"email": "ada@example.com", "password": PASSWORD, "csrf_token": token}
        )
        assert blocked.status_code == 429
        assert "Too many attempts" in blocked.text
        assert "postwise_session" not in client.cookies
        token = csrf_of(client.get("/login").text)
        other = client.post(
            "/login",
            data={"email": "bo@example.com", "password": PASSWORD, "csrf_token": token},
            follow_redirects=False,
        )
        assert other.status_code == 303  # another person is not locked out


def test_signing_out_revokes_the_session(client_for: Any, site: Site) -> None:
    browser = client_for("ada")
    secret = browser.client.cookies["postwise_session"]
    response = browser.form("/compose", "/logout", {})
    assert response.status_code == 303 and response.headers["location"].startswith("/login")
    browser.client.cookies.set("postwise_session", secret)  # a copied cookie is no use now
    assert browser.get("/compose", follow_redirects=False).status_code == 303
    with site.database.session() as session:
        revoked = session.execute(
            select(Credential.revoked_at).where(Credential.kind == "session")
        ).scalars()
        assert any(r is not None for r in revoked)


@pytest.mark.parametrize(
    ("origin", "ok"),
    [
        (None, True),
        ("http://testserver", True),
        ("http://testserver/", True),
        ("http://testserver:8080", False),
        ("https://testserver", False),
        ("null", False),
        ("", False),
    ],
)
def test_same_origin(origin: str | None, ok: bool) -> None:
    assert same_origin(origin, "http://testserver") is ok


def test_csrf_tokens_are_bound_to_their_secret() -> None:
    assert csrf_ok("a-secret", csrf_token("a-secret"))
    assert not csrf_ok("another", csrf_token("a-secret"))
    assert not csrf_ok(None, csrf_token("a-secret"))
    assert not csrf_ok("a-secret", None)
