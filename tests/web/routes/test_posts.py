"""My posts and one post: state, findings, comments and the author's next steps."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from postwise.store.models import Post
from tests.web.conftest import Site


def write(browser: Any, text: str, action: str = "submit") -> str:
    response = browser.form(
        "/compose", "/compose", {"text": text, "action": action, "channel": "x"}
    )
    return str(response.headers["location"].split("?")[0])


def test_a_post_is_shown_as_text_never_as_markup(client_for: Any) -> None:
    browser = client_for("ada")
    path = write(browser, '<script>alert("x")</script><b onmouseover="y">hi</b>', "save")
    for page in (path, "/posts", f"{path}/edit"):
        html = browser.get(page).text
        assert "<script>alert" not in html and "<b onmouseover" not in html, page
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html, page


def test_the_findings_are_highlighted_at_their_words(client_for: Any) -> None:
    browser = client_for("ada")
    path = write(browser, "Sneak peek of Project Heron <3", "save")
    html = browser.get(path).text
    assert '<mark class="sev-block" data-finding="0">Project Heron</mark> &lt;3' in html


@pytest.mark.parametrize(
    ("text", "state", "shown"),
    [
        ("Sneak peek of Project Heron", "In review", "A reviewer will look at it"),
        ("CareLoop got a great update.", "Waiting for your confirmation", "I have read the notes"),
    ],
)
def test_the_post_page_says_where_it_stands_and_what_next(
    client_for: Any, text: str, state: str, shown: str
) -> None:
    browser = client_for("ada")
    html = browser.get(write(browser, text)).text
    assert f">{state}</span>" in html and shown in html


def test_acknowledging_needs_the_box_ticked_then_sends_the_post_on(
    client_for: Any, site: Site
) -> None:
    browser = client_for("ada")
    path = write(browser, "CareLoop got a great update.")
    refused = browser.form(path, f"{path}/acknowledge", {})
    assert refused.status_code == 422 and "Tick the box" in refused.text
    done = browser.form(path, f"{path}/acknowledge", {"confirm": "1"})
    assert done.headers["location"].endswith("?done=acknowledged")
    with site.database.session() as session:
        assert session.execute(select(Post.state)).scalar_one() in ("scheduled", "published")


def test_withdrawing_a_post_in_review(client_for: Any, site: Site) -> None:
    browser = client_for("ada")
    path = write(browser, "Sneak peek of Project Heron")
    browser.form(path, f"{path}/withdraw", {})
    assert "You withdrew this post" in browser.get(path).text
    again = browser.form(path, f"{path}/withdraw", {})
    assert again.status_code == 409
    assert "not possible in the post" in again.text


def test_another_employee_sees_nothing_of_a_post(client_for: Any) -> None:
    path = write(client_for("ada"), "Sneak peek of Project Heron", "save")
    bo = client_for("bo")
    for page in (path, f"{path}/edit"):
        response = bo.get(page)
        assert response.status_code == 404 and "Project Heron" not in response.text
    assert bo.form("/posts", f"{path}/withdraw", {}).status_code == 404
    assert bo.form("/posts", f"{path}/submit", {}).status_code == 404


def test_a_reviewer_may_read_a_post_but_not_act_as_its_author(client_for: Any) -> None:
    path = write(client_for("ada"), "Sneak peek of Project Heron")
    rita = client_for("rita")
    html = rita.get(path).text
    assert "by Ada Employee" in html and "/withdraw" not in html
    assert rita.form("/review", f"{path}/withdraw", {}).status_code == 403


def test_my_posts_lists_mine_only_with_state_and_next_step(client_for: Any) -> None:
    write(client_for("bo"), "Bo's own post", "save")
    browser = client_for("ada")
    assert "You have not written any posts yet" in browser.get("/posts").text
    write(browser, "Ada's post", "save")
    html = browser.get("/posts").text
    assert "Ada&#39;s post" in html and "Bo&#39;s own post" not in html
    assert "Saved as a draft" in html


def test_the_author_is_told_of_a_decision_in_their_language_and_can_mark_it_read(
    client_for: Any,
) -> None:
    bo = client_for("bo")
    path = write(bo, "Smygtitt på Project Heron")
    post_id = path.rsplit("/", 1)[1]
    client_for("rita").form(
        f"/review/{post_id}", f"/review/{post_id}", {"decision": "reject", "comment": "Nej."}
    )
    html = bo.get("/posts").text
    assert '<span class="count">1<span class="visually-hidden"> nya</span></span>' in html
    assert f"En granskare avslog inlägg {post_id}" in html
    bo.form("/posts", "/notifications/read", {})
    html = bo.get("/posts").text
    assert "Nytt sedan sist" not in html and 'class="count"' not in html


def test_an_error_page_keeps_the_menu_and_the_reader_s_language(client_for: Any) -> None:
    response = client_for("bo").get("/posts/999")
    assert response.status_code == 404
    assert '<html lang="sv">' in response.text and "Mina inlägg" in response.text
