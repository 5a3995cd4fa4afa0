"""People, accounts and the audit log, for admins only."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select, update

from postwise.store.models import AuditEvent, Person
from tests.web.conftest import Site, csrf_of


@pytest.mark.parametrize("path", ["/admin/people", "/admin/audit", "/admin/people/1"])
@pytest.mark.parametrize("who", ["ada", "rita"])
def test_only_admins_administer(client_for: Any, who: str, path: str) -> None:
    assert client_for(who).get(path).status_code == 403


def test_adding_a_person_shows_their_temporary_password_once(client_for: Any, site: Site) -> None:
    adam = client_for("adam")
    response = adam.form(
        "/admin/people",
        "/admin/people",
        {
            "name": "Noor Nieuw",
            "email": "noor@example.com",
            "app_role": "employee",
            "role": "nurse",
            "expertise": "medical, legal",
            "languages": "nl, en",
        },
    )
    assert response.status_code == 201
    assert "Noor Nieuw has been added" in response.text
    assert 'id="temporary-password"' in response.text
    assert 'id="temporary-password"' not in adam.get("/admin/people").text
    with site.database.session() as session:
        noor = session.execute(
            select(Person).where(Person.email == "noor@example.com")
        ).scalar_one()
        assert (noor.expertise, noor.languages, noor.must_change_password) == (
            ["medical", "legal"],
            ["nl", "en"],
            True,
        )


def test_a_person_that_cannot_be_added_is_explained(client_for: Any) -> None:
    response = client_for("adam").form(
        "/admin/people", "/admin/people", {"name": "X", "email": "not-an-address"}
    )
    assert response.status_code == 422 and "(email)" in response.text


def test_changing_a_person_and_adding_an_account(client_for: Any, site: Site) -> None:
    adam = client_for("adam")
    path = f"/admin/people/{site.ids['ada']}"
    adam.form(
        path,
        path,
        {
            "name": "Ada E.",
            "app_role": "reviewer",
            "role": "engineer",
            "languages": "en",
            "active": "1",
        },
    )
    adam.form(path, f"{path}/accounts", {"network": "bluesky", "handle": "ada.bsky"})
    html = adam.get(path).text
    assert "Ada E." in html and "ada.bsky" in html
    assert client_for("ada").get("/review").status_code == 200  # now a reviewer


def test_an_admin_cannot_lock_themselves_out(client_for: Any, site: Site) -> None:
    path = f"/admin/people/{site.ids['adam']}"
    response = client_for("adam").form(path, path, {"name": "Adam", "app_role": "employee"})
    assert response.status_code == 409


def test_the_audit_page_lists_events_and_verifies_the_chain(client_for: Any, site: Site) -> None:
    adam = client_for("adam")
    html = adam.get("/admin/audit").text
    assert "<code>login</code>" in html and "policy.activated" in html
    token = csrf_of(html)
    intact = adam.client.post("/admin/audit/verify", data={"csrf_token": token})
    assert "The log is intact" in intact.text
    with site.database.session() as session:
        session.execute(update(AuditEvent).where(AuditEvent.seq == 2).values(action="forged"))
    broken = adam.client.post("/admin/audit/verify", data={"csrf_token": token})
    assert "The log is broken at event 2" in broken.text
