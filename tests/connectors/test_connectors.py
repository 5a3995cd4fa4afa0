"""Connectors against local servers: what is sent, how errors are classified, idempotency."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from postwise.connectors import ConnectorError, Mastodon, Outbox, Outgoing, Webhook, from_env
from postwise.connectors.webhook import sign, verify_signature
from postwise.store import Database
from postwise.store.models import OutboxEntry
from tests.fakes import FakeMastodon, FakeReceiver, serve

ITEM = Outgoing(idempotency_key="postwise-1-r1", post_id=1, text="Hallo wereld", language="nl")


def test_mastodon_posts_a_status_with_token_key_visibility_and_language() -> None:
    fake = FakeMastodon()
    with serve(fake) as url:
        sent = Mastodon(url, "test-token", visibility="unlisted").publish(ITEM, resumed=False)
    status = fake.statuses["postwise-1-r1"]
    assert (status["content"], status["visibility"], status["language"]) == (
        "Hallo wereld",
        "unlisted",
        "nl",
    )
    assert sent.external_id == status["id"] and sent.url == status["url"]


def test_mastodon_creates_one_status_when_a_call_is_repeated_with_its_key() -> None:
    fake = FakeMastodon()
    with serve(fake) as url:
        connector = Mastodon(url, "test-token")
        first = connector.publish(ITEM, resumed=False)
        again = connector.publish(ITEM, resumed=True)
    assert first.external_id == again.external_id
    assert len(fake.statuses) == 1 and fake.requests["postwise-1-r1"] == 2


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (401, "auth"),
        (403, "auth"),
        (422, "bad_request"),
        (400, "bad_request"),
        (429, "retryable"),
        (500, "retryable"),
        (503, "retryable"),
    ],
)
def test_mastodon_errors_are_classified(status: int, kind: str) -> None:
    fake = FakeMastodon(fail_with=[status])
    with serve(fake) as url, pytest.raises(ConnectorError) as err:
        Mastodon(url, "test-token").publish(ITEM, resumed=False)
    assert err.value.kind == kind and err.value.status_code == status


def test_a_wrong_token_is_an_auth_error() -> None:
    with serve(FakeMastodon()) as url, pytest.raises(ConnectorError) as err:
        Mastodon(url, "wrong").publish(ITEM, resumed=False)
    assert err.value.kind == "auth"


def test_an_unreachable_server_is_retryable() -> None:
    with pytest.raises(ConnectorError) as err:
        Mastodon("http://127.0.0.1:9", "t", timeout=1).publish(ITEM, resumed=False)
    assert err.value.kind == "retryable"


def test_a_post_over_the_servers_limit_is_refused_before_any_call() -> None:
    fake = FakeMastodon()
    with serve(fake) as url, pytest.raises(ConnectorError) as err:
        Mastodon(url, "t", max_chars=10).publish(ITEM, resumed=False)
    assert err.value.kind == "bad_request" and "at most 10 characters" in err.value.message
    assert not fake.requests


def test_a_webhook_is_signed_so_the_receiver_can_verify_it() -> None:
    fake = FakeReceiver(secret="s3cret")
    with serve(fake) as url:
        sent = Webhook(url, "s3cret").publish(ITEM, resumed=False)
    [event] = fake.received
    assert event["event"] == "post.published" and event["post"]["text"] == "Hallo wereld"
    assert event["_headers"]["X-Postwise-Delivery"] == "postwise-1-r1"
    assert sent.external_id == "hook-1"


def test_a_webhook_signed_with_another_secret_is_refused_by_the_receiver() -> None:
    fake = FakeReceiver(secret="s3cret")
    with serve(fake) as url, pytest.raises(ConnectorError) as err:
        Webhook(url, "other").publish(ITEM, resumed=False)
    assert err.value.kind == "auth" and fake.rejected == 1


@pytest.mark.parametrize(
    ("change", "valid"),
    [
        ("nothing", True),
        ("body", False),
        ("timestamp", False),
        ("old", False),
    ],
)
def test_signature_verification_for_receivers(change: str, valid: bool) -> None:
    body = b'{"event":"post.published"}'
    now = int(time.time())
    stamp = str(now - 600) if change == "old" else str(now)
    headers = {"X-Postwise-Timestamp": stamp, "X-Postwise-Signature": sign("k", stamp, body)}
    if change == "body":
        body += b" "
    if change == "timestamp":
        headers["X-Postwise-Timestamp"] = str(now + 1)
    assert verify_signature("k", headers, body) is valid


def test_the_signature_is_hmac_sha256_over_timestamp_dot_body() -> None:
    import hashlib
    import hmac

    expected = hmac.new(b"k", b"1700000000.{}", hashlib.sha256).hexdigest()
    assert sign("k", "1700000000", b"{}") == f"sha256={expected}"


def test_a_webhook_server_error_is_retryable() -> None:
    with serve(FakeReceiver(fail_with=[502])) as url, pytest.raises(ConnectorError) as err:
        Webhook(url, "s3cret").publish(ITEM, resumed=False)
    assert err.value.kind == "retryable"


def test_the_outbox_keeps_each_post_once_in_its_table_and_file(
    db: Database, tmp_path: Path
) -> None:
    outbox = Outbox(db, tmp_path / "outbox.jsonl")
    first = outbox.publish(ITEM, resumed=False)
    again = outbox.publish(ITEM, resumed=True)
    assert first.external_id == again.external_id
    lines = (tmp_path / "outbox.jsonl").read_text().splitlines()
    assert [json.loads(line)["text"] for line in lines] == ["Hallo wereld"]
    with db.session() as s:
        assert s.query(OutboxEntry).count() == 1


def test_every_connector_declares_its_limits(db: Database, tmp_path: Path) -> None:
    assert Mastodon("http://x", "t").limits.max_chars == 500
    assert Webhook("http://x", "s").limits.max_chars is None
    assert Outbox(db, tmp_path / "o.jsonl").limits.max_chars is None


@pytest.mark.parametrize(
    ("env", "name"),
    [
        ({}, "outbox"),
        (
            {
                "POSTWISE_CONNECTOR": "webhook",
                "POSTWISE_WEBHOOK_URL": "http://h",
                "POSTWISE_WEBHOOK_SECRET": "s",
            },
            "webhook",
        ),
        (
            {
                "POSTWISE_CONNECTOR": "mastodon",
                "POSTWISE_MASTODON_URL": "http://m",
                "POSTWISE_MASTODON_TOKEN": "t",
            },
            "mastodon",
        ),
    ],
)
def test_the_connector_is_chosen_from_the_environment(
    db: Database, tmp_path: Path, env: dict[str, str], name: str
) -> None:
    env = {"POSTWISE_OUTBOX_FILE": str(tmp_path / "o.jsonl"), **env}
    assert from_env(db, env).name == name


def test_a_webhook_without_its_secret_is_a_configuration_error(db: Database) -> None:
    with pytest.raises(ValueError, match="POSTWISE_WEBHOOK_SECRET"):
        from_env(db, {"POSTWISE_CONNECTOR": "webhook", "POSTWISE_WEBHOOK_URL": "http://h"})
