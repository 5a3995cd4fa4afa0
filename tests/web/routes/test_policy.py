"""The guideline page for everyone and the YAML editor for admins."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from postwise.store.models import PolicyVersion
from tests.web.conftest import Site, policy_yaml


@pytest.mark.parametrize(
    ("who", "heading", "how"),
    [
        ("ada", "Lumora Health: social media guidelines", "How postwise helps"),
        ("bo", "Lumora Health: social media guidelines", "Så hjälper postwise"),
    ],
)
def test_everyone_reads_the_guideline_in_their_language(
    client_for: Any, who: str, heading: str, how: str
) -> None:
    html = client_for(who).get("/policy").text
    assert f"<h1>{heading}</h1>" in html
    assert how in html
    assert 'class="guideline"' in html and "<style" not in html


def test_only_admins_see_the_editor(client_for: Any) -> None:
    assert "Edit the policy" not in client_for("rita").get("/policy").text
    assert client_for("rita").get("/policy/edit").status_code == 403
    html = client_for("adam").get("/policy/edit").text
    assert "Lumora Health" in html and 'id="policy-yaml"' in html


def broken(yaml: str, line_text: str, replacement: str) -> tuple[str, int]:
    lines = yaml.splitlines()
    number = next(n for n, line in enumerate(lines, 1) if line.strip() == line_text)
    lines[number - 1] = lines[number - 1].replace(line_text, replacement)
    return "\n".join(lines), number


@pytest.mark.parametrize("action", ["validate", "activate"])
def test_a_broken_policy_is_shown_at_its_line_and_nothing_changes(
    client_for: Any, site: Site, action: str
) -> None:
    yaml, line = broken(policy_yaml(), "severity: tip", "severity: tipp")
    response = client_for("adam").form(
        "/policy/edit", "/policy/edit", {"yaml": yaml, "action": action}
    )
    assert response.status_code == 422
    html = response.text
    assert f'href="#line-{line}" data-line="{line}"' in html
    assert f'<li id="line-{line}" class="has-problem">' in html
    assert "expected &#39;block&#39;, &#39;warn&#39; or &#39;tip&#39;" in html
    with site.database.session() as session:
        assert len(session.execute(select(PolicyVersion)).all()) == 1


def test_a_yaml_syntax_error_is_located_too(client_for: Any) -> None:
    response = client_for("adam").form(
        "/policy/edit", "/policy/edit", {"yaml": "postwise: 1\nrules: [\n", "action": "validate"}
    )
    assert response.status_code == 422
    assert "Line " in response.text and 'class="has-problem"' in response.text


def test_validating_shows_examples_and_the_difference_then_activating_stores_it(
    client_for: Any, site: Site
) -> None:
    adam = client_for("adam")
    yaml = policy_yaml().replace("social media guidelines", "our social media guidelines", 1)
    checked = adam.form("/policy/edit", "/policy/edit", {"yaml": yaml, "action": "validate"})
    assert checked.status_code == 200
    assert "The policy is valid" in checked.text
    assert '<span class="d-add">' in checked.text and "our social media guidelines" in checked.text
    activated = adam.form("/policy/edit", "/policy/edit", {"yaml": yaml, "action": "activate"})
    assert activated.status_code == 303
    assert "This version is now the active policy" in adam.get(activated.headers["location"]).text
    with site.database.session() as session:
        rows = session.execute(select(PolicyVersion).order_by(PolicyVersion.id)).scalars().all()
        assert [r.active for r in rows] == [False, True]
        assert rows[1].activated_by == site.ids["adam"]
    assert "our social media guidelines" in client_for("ada").get("/policy").text


def test_an_earlier_version_can_be_opened(client_for: Any, site: Site) -> None:
    with site.database.session() as session:
        first = session.execute(select(PolicyVersion.id)).scalar_one()
    html = client_for("adam").get(f"/policy/edit?version={first}").text
    assert "Lumora Health" in html
    assert client_for("adam").get("/policy/edit?version=999").status_code == 404
