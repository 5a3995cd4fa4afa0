"""The composer: live feedback while typing, then save or submit."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from postwise.store.models import Account, Post
from tests.web.conftest import Site, csrf_of


def live(browser: Any, **draft: Any) -> Any:
    token = csrf_of(browser.get("/compose").text)
    return browser.client.post("/compose/check", json=draft, headers={"X-CSRF-Token": token})


@pytest.mark.parametrize(
    ("text", "verdict", "words"),
    [
        ("Great meetup today, I showed how we test pipelines.", "clean", "Ready to post."),
        ("CareLoop got a great update today.", "warn", "Acknowledge first"),
        ("Sneak peek of Project Heron!", "block", "Needs review"),
        ("   ", "empty", "Start writing"),
    ],
)
def test_the_live_check_answers_with_the_verdict_in_words(
    client_for: Any, text: str, verdict: str, words: str
) -> None:
    answer = live(client_for("ada"), text=text, channel="linkedin").json()
    assert answer["verdict"] == verdict
    assert answer["verdict_text"].startswith(words)


def test_the_live_check_speaks_the_writer_s_language(client_for: Any) -> None:
    answer = live(client_for("bo"), text="Smygtitt på Project Heron!").json()
    assert answer["verdict_text"].startswith("Behöver granskas")
    assert "konfidentiella" in answer["findings"][0]["message"]
    assert answer["findings"][0]["severity_label"] == "Behöver granskas"


def test_the_live_check_counts_against_the_account_s_network(client_for: Any, site: Site) -> None:
    with site.database.session() as session:
        bo_account = session.execute(
            select(Account.id).where(Account.person_id == site.ids["bo"])
        ).scalar_one()
    answer = live(client_for("bo"), text="Hej!", account_id=bo_account, channel="linkedin").json()
    assert answer["limit"] == 500  # Bo's account is on Mastodon
    stranger = live(client_for("ada"), text="Hi!", account_id=bo_account, channel="x").json()
    assert stranger["limit"] == 280  # someone else's account is ignored


def test_the_live_check_refuses_unknown_fields(client_for: Any) -> None:
    assert live(client_for("ada"), text="Hi", evil=True).status_code == 422


def test_submitting_a_clean_post_sends_it_on_its_way(client_for: Any, site: Site) -> None:
    browser = client_for("ada")
    response = browser.form(
        "/compose",
        "/compose",
        {"text": "A quiet, friendly post.", "action": "submit", "channel": "x"},
    )
    assert response.status_code == 303
    assert response.headers["location"].endswith("?done=submitted")
    with site.database.session() as session:
        post = session.execute(select(Post)).scalar_one()
        assert post.state in ("scheduled", "publishing", "published")
        assert (post.channel, post.account_id) == ("x", None)


def test_saving_keeps_a_draft_and_an_edit_checks_it_again(client_for: Any, site: Site) -> None:
    browser = client_for("ada")
    saved = browser.form("/compose", "/compose", {"text": "Draft one.", "action": "save"})
    path = saved.headers["location"].split("?")[0]
    assert "Saved as a draft" in browser.get(path).text
    edit = browser.get(f"{path}/edit").text
    assert "Draft one." in edit and "Edit post" in edit
    browser.form(
        f"{path}/edit", f"{path}/edit", {"text": "Sneak peek of Project Heron", "action": "submit"}
    )
    with site.database.session() as session:
        post = session.execute(select(Post)).scalar_one()
        assert (post.state, post.revision, post.verdict) == ("in_review", 2, "block")


@pytest.mark.parametrize(
    ("fields", "status", "message"),
    [
        ({"text": "  "}, 422, "The post is empty"),
        ({"text": "Hi", "channel": "myspace"}, 422, "network is not one postwise knows"),
        ({"text": "Hi", "scheduled_at": "next tuesday"}, 422, "could not be read"),
        ({"text": "Hi", "account_id": "999"}, 422, "not one of yours"),
    ],
)
def test_a_form_that_cannot_be_used_is_explained(
    client_for: Any, site: Site, fields: dict[str, str], status: int, message: str
) -> None:
    response = client_for("ada").form("/compose", "/compose", {"action": "submit", **fields})
    assert response.status_code == status
    assert message in response.text
    with site.database.session() as session:
        assert session.execute(select(Post)).first() is None


def test_a_schedule_is_read_in_the_organisation_s_time_zone(client_for: Any, site: Site) -> None:
    client_for("ada").form(
        "/compose", "/compose", {"text": "Later.", "scheduled_at": "2030-05-04T09:30"}
    )
    with site.database.session() as session:
        post = session.execute(select(Post)).scalar_one()
        assert post.scheduled_at is not None
        assert post.scheduled_at.isoformat() == "2030-05-04T07:30:00+00:00"  # CEST is UTC+2
