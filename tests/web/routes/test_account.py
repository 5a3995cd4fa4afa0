"""Signing in and out, the language switch and one's own password."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from postwise.store.models import AuditEvent, Person
from tests.web.conftest import PASSWORD, Site


@pytest.mark.parametrize("path", ["/compose", "/posts", "/review", "/policy", "/account"])
def test_a_signed_out_reader_is_sent_to_sign_in_and_brought_back(
    client_for: Any, path: str
) -> None:
    response = client_for().get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/login?next={path}"


def test_signing_in_brings_the_reader_back_where_they_were_going(client_for: Any) -> None:
    browser = client_for()
    response = browser.form(
        "/login?next=/posts",
        "/login",
        {"email": "ada@example.com", "password": PASSWORD, "next": "/posts"},
    )
    assert response.headers["location"] == "/posts"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example", "/\\evil"])
def test_sign_in_never_sends_the_reader_to_another_site(client_for: Any, target: str) -> None:
    browser = client_for()
    response = browser.form(
        "/login", "/login", {"email": "ada@example.com", "password": PASSWORD, "next": target}
    )
    assert response.headers["location"] == "/compose"


def test_the_sign_in_page_speaks_the_browser_s_language(client_for: Any) -> None:
    page = client_for().get("/login", headers={"accept-language": "sv-SE,sv;q=0.9"})
    assert '<html lang="sv">' in page.text and "Logga in" in page.text


def test_a_chosen_language_is_remembered_with_the_person(client_for: Any, site: Site) -> None:
    browser = client_for("ada")
    browser.form("/compose", "/language", {"language": "nl", "next": "/posts"})
    with site.database.session() as session:
        ada = session.get(Person, site.ids["ada"])
        assert ada is not None and ada.languages[0] == "nl"
        assert session.execute(
            select(AuditEvent).where(AuditEvent.action == "person.language")
        ).first()
    again = client_for("ada")
    assert '<html lang="nl">' in again.get("/compose").text


def test_an_unknown_language_is_refused(client_for: Any) -> None:
    response = client_for("ada").form("/compose", "/language", {"language": "xx"})
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("current", "new", "repeat", "message"),
    [
        (PASSWORD, "short", "short", "at least 10 characters"),
        (PASSWORD, "long enough one", "long enough two", "not the same"),
        ("wrong password", "long enough one", "long enough one", "current password is not right"),
        (PASSWORD, PASSWORD, PASSWORD, "must differ"),
    ],
)
def test_a_new_password_that_cannot_be_used_is_explained(
    client_for: Any, current: str, new: str, repeat: str, message: str
) -> None:
    response = client_for("ada").form(
        "/account", "/account/password", {"current": current, "new": new, "repeat": repeat}
    )
    assert response.status_code == 422
    assert message in response.text


def test_a_temporary_password_must_be_changed_first(client_for: Any, site: Site) -> None:
    with site.database.session() as session:
        ada = session.get(Person, site.ids["ada"])
        assert ada is not None
        ada.must_change_password = True
    browser = client_for()
    response = browser.form("/login", "/login", {"email": "ada@example.com", "password": PASSWORD})
    assert response.headers["location"] == "/account"
    assert "choose your own password" in browser.get("/account").text
    done = browser.form(
        "/account",
        "/account/password",
        {"current": PASSWORD, "new": "a brand new phrase", "repeat": "a brand new phrase"},
    )
    assert done.status_code == 303 and done.headers["location"] == "/compose?done=password_changed"


def test_nothing_else_opens_until_a_temporary_password_is_replaced(
    client_for: Any, site: Site
) -> None:
    with site.database.session() as session:
        ada = session.get(Person, site.ids["ada"])
        assert ada is not None
        ada.must_change_password = True
    browser = client_for("ada")
    for path in ("/compose", "/posts", "/policy"):
        response = browser.get(path, follow_redirects=False)
        assert (response.status_code, response.headers["location"]) == (303, "/account")
    assert browser.get("/account").status_code == 200
