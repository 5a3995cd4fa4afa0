"""The dashboard: charts drawn from the store, their numbers as CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest


def submit(browser: Any, text: str) -> str:
    response = browser.form("/compose", "/compose", {"text": text, "action": "submit"})
    return str(response.headers["location"].split("?")[0])


@pytest.fixture
def activity(client_for: Any) -> None:
    ada = client_for("ada")
    submit(ada, "A quiet, friendly post.")
    submit(ada, "Another quiet post.")
    held = submit(ada, "Sneak peek of Project Heron")
    rita = client_for("rita")
    post_id = held.rsplit("/", 1)[1]
    rita.form(f"/review/{post_id}", f"/review/{post_id}", {"decision": "reject", "comment": "No."})
    hot = submit(ada, "WHY does NOBODY ever answer?!!! RIDICULOUS.")
    ada.form(hot, f"{hot}/acknowledge", {"confirm": "1"})
    ada.form(hot, f"{hot}/withdraw", {})


def test_the_dashboard_draws_every_chart_with_its_numbers(client_for: Any, activity: None) -> None:
    html = client_for("rita").get("/dashboard").text
    for title in (
        "Posts per day by verdict",
        "Findings per rule kind",
        "Share of posts needing no change",
        "Review waiting times",
        "Drafts withdrawn during cooling-off",
    ):
        assert f">{title}</h2>" in html
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == 5
    assert "<dt>Posts submitted</dt><dd>4</dd>" in html.replace("\n", "")


@pytest.mark.parametrize(
    ("chart", "row"),
    [
        ("kinds", ["confidential", "1"]),
        ("waits", ["under 1 hour", "1"]),
    ],
)
def test_the_numbers_behind_a_chart_download_as_csv(
    client_for: Any, activity: None, chart: str, row: list[str]
) -> None:
    response = client_for("rita").get(f"/dashboard/{chart}.csv")
    assert response.headers["content-type"].startswith("text/csv")
    assert f'filename="{chart}.csv"' in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0][0] == "category" and row in rows


def test_the_withdrawn_chart_counts_the_withdrawal(client_for: Any, activity: None) -> None:
    rows = list(csv.reader(io.StringIO(client_for("adam").get("/dashboard/withdrawn.csv").text)))
    assert sum(int(r[1]) for r in rows[1:]) == 1


def test_an_unknown_chart_is_not_found(client_for: Any) -> None:
    assert client_for("rita").get("/dashboard/nope.csv").status_code == 404
