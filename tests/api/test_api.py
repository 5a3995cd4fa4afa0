"""The HTTP API on SQLite and PostgreSQL: checks, the post workflow, roles, policy, people,
audit and metrics — and bad input answered with a 4xx naming the field, nothing changed."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from sqlalchemy import func, select, text

from postwise.store.models import AuditEvent, Post
from tests.api.conftest import Api

HERON = "Sneak peek of Project Heron, launching soon!"


def count(api: Api, model: type) -> int:
    with api.db.session() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


def test_health_openapi_and_docs_page(api: Api) -> None:
    assert api.client.get("/healthz").json()["status"] == "ok"
    spec = api.client.get("/openapi.json").json()
    assert {"/api/check", "/api/posts", "/api/policy/activate", "/api/audit/verify"} <= set(
        spec["paths"]
    )
    assert api.client.get("/docs").status_code == 200


def test_the_stateless_check_answers_and_stores_nothing(api: Api) -> None:
    r = api.client.post("/api/check", json={"text": HERON}, headers=api.as_("ada"))
    assert r.status_code == 200
    body = r.json()
    assert body["verdict"] == "block" and body["findings"][0]["excerpt"] == "Project Heron"
    assert count(api, Post) == 0


def test_without_a_token_the_answer_is_401(api: Api) -> None:
    r = api.client.post("/api/check", json={"text": "hi"})
    assert r.status_code == 401 and r.json()["error"]["field"] == "authorization"
    r = api.client.get("/api/posts", headers={"Authorization": "Bearer pw_wrong"})
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthenticated"


BAD_BODIES: list[tuple[str, Any, int, str, str]] = [
    ("invalid JSON", b'{"text": "unterminated', 400, "invalid_json", "body"),
    ("an unknown field", {"text": "hi", "colour": "red"}, 422, "validation_error", "colour"),
    ("no text", {}, 422, "validation_error", "text"),
    ("text over 100,000 characters", {"text": "a" * 100_001}, 422, "validation_error", "text"),
    ("a body over the limit", {"text": "a" * 700_000}, 413, "body_too_large", "body"),
    ("text that is not a string", {"text": 42}, 422, "validation_error", "text"),
]


@pytest.mark.parametrize("path", ["/api/check", "/api/posts"])
@pytest.mark.parametrize(
    ("what", "body", "status", "code", "field"), BAD_BODIES, ids=[b[0] for b in BAD_BODIES]
)
def test_bad_input_is_a_4xx_naming_the_field_and_changes_nothing(
    api: Api, path: str, what: str, body: Any, status: int, code: str, field: str
) -> None:
    events = count(api, AuditEvent)
    headers = {**api.as_("ada"), "Content-Type": "application/json"}
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    r = api.client.post(path, content=raw, headers=headers)
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert (error["code"], error["field"]) == (code, field)
    assert count(api, Post) == 0 and count(api, AuditEvent) == events


def test_a_context_time_without_zone_is_refused_naming_the_field(api: Api) -> None:
    r = api.post("ada", "/api/check", {"text": "hi", "context": {"posted_at": "2026-03-03T10:00"}})
    assert r.status_code == 422  # type: ignore[attr-defined]
    assert r.json()["error"]["field"] == "posted_at"  # type: ignore[attr-defined]


def submit(api: Api, who: str, text_: str, **extra: Any) -> dict[str, Any]:
    r = api.client.post(
        "/api/posts", json={"text": text_, "submit": True, **extra}, headers=api.as_(who)
    )
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


def test_a_blocked_post_waits_in_the_queue_and_a_reviewer_approves_it(api: Api) -> None:
    post = submit(api, "ada", HERON)
    assert post["state"] == "in_review"
    queue = api.client.get("/api/reviews/queue", headers=api.as_("rita")).json()
    assert [q["post"]["id"] for q in queue] == [post["id"]] and queue[0]["waiting_seconds"] >= 0
    r = api.post(
        "rita", f"/api/posts/{post['id']}/reviews", {"decision": "approve", "comment": "ok"}
    )
    assert r.status_code == 201 and r.json()["state"] == "scheduled"  # type: ignore[attr-defined]
    events = count(api, AuditEvent)
    again = api.post("rita", f"/api/posts/{post['id']}/reviews", {"decision": "approve"})
    assert again.status_code == 409  # type: ignore[attr-defined]
    error = again.json()["error"]  # type: ignore[attr-defined]
    assert error["code"] == "invalid_transition" and error["field"] == "state"
    assert count(api, AuditEvent) == events
    mine = api.client.get(f"/api/posts/{post['id']}", headers=api.as_("ada")).json()
    assert mine["reviews"][0]["comment"] == "ok"


def test_a_warning_is_acknowledged_through_the_api(api: Api) -> None:
    post = submit(api, "ada", "Great day at work. " * 20, channel="x")
    assert post["state"] == "needs_acknowledgement"
    r = api.post("ada", f"/api/posts/{post['id']}/acknowledge", {})
    assert r.json()["state"] == "scheduled"  # type: ignore[attr-defined]
    assert r.json()["acknowledgements"][0]["rule_ids"] == ["channel"]  # type: ignore[attr-defined]


def test_an_employee_sees_and_acts_on_their_own_posts_only(api: Api) -> None:
    post = submit(api, "ada", HERON)
    submit(api, "bo", "My own post.")
    assert api.client.get(f"/api/posts/{post['id']}", headers=api.as_("bo")).status_code == 404
    listed = api.client.get("/api/posts", headers=api.as_("bo")).json()
    assert [p["text"] for p in listed] == ["My own post."]
    r = api.post("bo", f"/api/posts/{post['id']}/withdraw")
    assert r.status_code == 404  # type: ignore[attr-defined]
    assert api.client.get("/api/reviews/queue", headers=api.as_("bo")).status_code == 403
    assert api.client.get("/api/drug-safety-reports", headers=api.as_("bo")).status_code == 403
    assert api.client.get("/api/drug-safety-reports", headers=api.as_("rita")).status_code == 200
    assert api.client.get("/api/reports/role-duty", headers=api.as_("bo")).status_code == 403
    assert api.client.get("/api/reports/role-duty", headers=api.as_("rita")).json() == []
    r = api.post("rita", f"/api/posts/{post['id']}/reviews", {"decision": "approve"})
    assert r.status_code == 201  # type: ignore[attr-defined]
    all_posts = api.client.get("/api/posts", headers=api.as_("rita")).json()
    assert len(all_posts) == 2


def test_editing_sends_a_post_back_to_draft_with_a_new_check(api: Api) -> None:
    post = submit(api, "ada", HERON)
    r = api.client.patch(
        f"/api/posts/{post['id']}", json={"text": "A calm post."}, headers=api.as_("ada")
    )
    body = r.json()
    assert body["state"] == "draft" and body["verdict"] == "clean" and body["revision"] == 2
    r = api.client.patch(f"/api/posts/{post['id']}", json={"mood": 1}, headers=api.as_("ada"))
    assert r.status_code == 422 and r.json()["error"]["field"] == "mood"


BROKEN_POLICY = """postwise: 1
organisation:
  name: Lumora
  timezone: Mars/Olympus
rules:
  - id: conf
    kind: confidential
    severity: block
    guideline: {en: Keep secrets, sv: Hemligt, nl: Geheim}
"""


def test_an_invalid_policy_is_refused_with_line_and_column_and_nothing_changes(api: Api) -> None:
    before = api.client.get("/api/policy", headers=api.as_("adam")).json()["version"]
    r = api.post("adam", "/api/policy/validate", {"yaml": BROKEN_POLICY})
    result = r.json()  # type: ignore[attr-defined]
    assert result["valid"] is False and result["problems"][0]["line"] == 4
    r = api.post("adam", "/api/policy/activate", {"yaml": BROKEN_POLICY})
    assert r.status_code == 422  # type: ignore[attr-defined]
    problem = r.json()["error"]["problems"][0]  # type: ignore[attr-defined]
    assert (problem["line"], problem["column"]) == (4, 13) and "time zone" in problem["message"]
    assert api.client.get("/api/policy", headers=api.as_("adam")).json()["version"] == before


def test_only_admins_activate_policies_and_an_activation_is_audited(api: Api) -> None:
    assert "yaml" not in api.client.get("/api/policy", headers=api.as_("ada")).json()
    good = api.client.get("/api/policy", headers=api.as_("adam")).json()["yaml"]
    changed = good.replace("severity: block", "severity: warn", 1)
    assert api.post("ada", "/api/policy/activate", {"yaml": changed}).status_code == 403  # type: ignore[attr-defined]
    r = api.post("adam", "/api/policy/activate", {"yaml": changed})
    assert r.status_code == 201  # type: ignore[attr-defined]
    versions = api.client.get("/api/policy/versions", headers=api.as_("adam")).json()
    assert [v["active"] for v in versions] == [True, False]
    with api.db.session() as s:
        actions = list(s.execute(select(AuditEvent.action, AuditEvent.actor_id)))
    assert ("policy.activated", api.ids["adam"]) in actions


def test_people_log_in_with_argon2_passwords_and_no_secret_reaches_the_log(api: Api) -> None:
    r = api.post("adam", "/api/people", {"name": "Nea", "email": "nea@lumora.example"})
    created = r.json()  # type: ignore[attr-defined]
    password = created["first_login_password"]
    assert created["must_change_password"] is True
    bad = api.client.post("/api/login", json={"email": "nea@lumora.example", "password": "nope"})
    assert bad.status_code == 401
    ok = api.client.post("/api/login", json={"email": "nea@lumora.example", "password": password})
    token = ok.json()["token"]
    auth = {"Authorization": f"Bearer {token}"}
    me = api.client.get("/api/me", headers=auth).json()
    assert me["email"] == "nea@lumora.example" and me["must_change_password"] is True
    first = api.client.get("/api/posts", headers=auth)
    assert first.status_code == 403 and first.json()["error"]["field"] == "password"
    changed = api.client.post(
        "/api/me/password",
        json={"old_password": password, "new_password": "a much longer secret"},
        headers=auth,
    )
    assert changed.status_code == 204
    assert api.client.get("/api/posts", headers=auth).status_code == 200
    assert (
        api.client.post("/api/logout", headers={"Authorization": f"Bearer {token}"}).status_code
        == 204
    )
    assert (
        api.client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    )
    with api.db.engine.connect() as c:
        dump = " ".join(str(row) for row in c.execute(text("SELECT * FROM audit_events")))
        hashes = " ".join(str(row) for row in c.execute(text("SELECT password_hash FROM people")))
    assert password not in dump and token not in dump and "nope" not in dump
    assert "a much longer secret" not in dump
    assert "login.failed" in dump and hashes.count("$argon2id$") == 1  # and it is the new one
    assert api.post("ada", "/api/people", {"name": "X", "email": "x@y.z"}).status_code == 403  # type: ignore[attr-defined]


def test_a_revoked_api_token_stops_working(api: Api) -> None:
    r = api.post("adam", f"/api/people/{api.ids['bo']}/tokens", {"name": "ci"})
    issued = r.json()  # type: ignore[attr-defined]
    headers = {"Authorization": f"Bearer {issued['token']}"}
    assert api.client.get("/api/me", headers=headers).status_code == 200
    gone = api.client.delete(
        f"/api/people/{api.ids['bo']}/tokens/{issued['id']}", headers=api.as_("adam")
    )
    assert gone.status_code == 204
    assert api.client.get("/api/me", headers=headers).status_code == 401


def test_the_audit_log_verifies_and_exports_through_the_api(api: Api) -> None:
    submit(api, "ada", HERON)
    assert api.client.get("/api/audit/verify", headers=api.as_("ada")).status_code == 403
    result = api.client.get("/api/audit/verify", headers=api.as_("adam")).json()
    assert result["ok"] is True and result["events"] > 5
    r = api.client.get("/api/audit/export", headers=api.as_("adam"))
    lines = [json.loads(line) for line in r.text.splitlines()]
    assert len(lines) == int(r.headers["X-Postwise-Audit-Events"])
    assert lines[-1]["hash"] == r.headers["X-Postwise-Audit-Head"]


def test_settings_are_validated_and_admin_only(api: Api) -> None:
    r = api.client.put("/api/settings", json={"sample_rate": 2}, headers=api.as_("adam"))
    assert r.status_code == 422 and r.json()["error"]["field"] == "sample_rate"
    r = api.client.put(
        "/api/settings", json={"sample_rate": 0.5, "hold_minutes": 5}, headers=api.as_("adam")
    )
    assert r.json()["hold_minutes"] == 5
    assert api.client.get("/api/settings", headers=api.as_("rita")).status_code == 403


def test_metrics_count_requests_and_posts(api: Api) -> None:
    submit(api, "ada", HERON)
    body = api.client.get("/metrics").text
    assert 'postwise_http_requests_total{method="POST",route="/api/posts",status="201"} 1.0' in body
    assert 'postwise_posts{state="in_review"} 1.0' in body


def test_a_streamed_body_over_the_limit_is_refused_too(api: Api) -> None:
    def chunks() -> Any:
        yield b'{"text": "'
        for _ in range(70):
            yield b"a" * 10_000
        yield b'"}'

    r = api.client.post("/api/posts", content=chunks(), headers=api.as_("ada"))
    assert r.status_code == 413 and r.json()["error"]["code"] == "body_too_large"
    assert count(api, Post) == 0


def test_the_api_docs_page_works_offline(api: Api) -> None:
    """The OpenAPI page's scripts and styles come from the server itself, never a CDN."""
    page = api.client.get("/docs")
    assert page.status_code == 200
    assert "cdn" not in page.text.lower()
    scripts = re.findall(r'src="([^"]+\.js)"', page.text)
    assert scripts, page.text
    for src in scripts:
        asset = api.client.get(src)
        assert asset.status_code == 200 and len(asset.content) > 10_000
    assert api.client.get("/openapi.json").json()["info"]["title"] == "postwise"
