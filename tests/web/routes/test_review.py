"""The review queue: who may see it, what it shows, and decisions the author then sees."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.conftest import Site


def submit(browser: Any, text: str) -> str:
    response = browser.form("/compose", "/compose", {"text": text, "action": "submit"})
    return str(response.headers["location"].split("?")[0])


@pytest.mark.parametrize("path", ["/review", "/review/1", "/dashboard"])
def test_an_employee_may_not_open_the_review_pages(client_for: Any, path: str) -> None:
    response = client_for("ada").get(path)
    assert response.status_code == 403
    assert "not open to you" in response.text


def test_the_queue_shows_waiting_posts_with_findings_and_time_waited(client_for: Any) -> None:
    submit(client_for("ada"), "Sneak peek of Project Heron")
    html = client_for("rita").get("/review").text
    assert "Waiting for review (1)" in html
    assert "Ada Employee" in html and "<q>Project Heron</q>" in html and "0 h 0 min" in html


@pytest.mark.parametrize(
    ("decision", "comment", "state", "flash"),
    [
        ("approve", "", "Scheduled", "Approved."),
        ("reject", "Not this one, sorry.", "Rejected", "Rejected."),
        ("request_changes", "Please drop the code name.", "Changes requested", "Sent back"),
    ],
)
def test_a_decision_moves_the_post_and_the_author_sees_the_comment(
    client_for: Any, decision: str, comment: str, state: str, flash: str
) -> None:
    ada = client_for("ada")
    path = submit(ada, "Sneak peek of Project Heron")
    post_id = path.rsplit("/", 1)[1]
    rita = client_for("rita")
    done = rita.form(
        f"/review/{post_id}", f"/review/{post_id}", {"decision": decision, "comment": comment}
    )
    assert done.status_code == 303
    assert flash in rita.get(done.headers["location"]).text
    html = ada.get(path).text
    assert f">{state}" in html or state == "Scheduled"
    if comment:
        assert comment in html and "Rita Reviewer" in html


def test_rejecting_without_a_comment_is_explained_and_changes_nothing(client_for: Any) -> None:
    path = submit(client_for("ada"), "Sneak peek of Project Heron")
    post_id = path.rsplit("/", 1)[1]
    rita = client_for("rita")
    response = rita.form(f"/review/{post_id}", f"/review/{post_id}", {"decision": "reject"})
    assert response.status_code == 422 and "Please write a comment" in response.text
    assert "Waiting for review (1)" in rita.get("/review").text


def test_a_reviewer_cannot_decide_on_their_own_post(client_for: Any, site: Site) -> None:
    rita = client_for("rita")
    path = submit(rita, "Sneak peek of Project Heron")
    post_id = path.rsplit("/", 1)[1]
    assert "another reviewer decides" in rita.get(f"/review/{post_id}").text
    response = rita.form(
        f"/review/{post_id}", f"/review/{post_id}", {"decision": "approve", "comment": ""}
    )
    assert response.status_code == 403


def test_an_unknown_decision_is_refused(client_for: Any) -> None:
    path = submit(client_for("ada"), "Sneak peek of Project Heron")
    post_id = path.rsplit("/", 1)[1]
    response = client_for("rita").form(
        f"/review/{post_id}", f"/review/{post_id}", {"decision": "publish_anyway"}
    )
    assert response.status_code == 422
