"""The webhook connector: a signed JSON event POSTed to a URL the organisation runs.

Headers (a receiver verifies them as in docs/service.md):

- ``X-Postwise-Event``: ``post.published``
- ``X-Postwise-Delivery``: the idempotency key; the same post always has the same key, so a
  receiver that sees a key twice (a retry after a timeout) ignores the second.
- ``X-Postwise-Timestamp``: Unix seconds when the request was signed.
- ``X-Postwise-Signature``: ``sha256=`` + hex HMAC-SHA256, keyed with the shared secret,
  over ``timestamp + "." + body`` (the raw body bytes). Reject a timestamp more than five
  minutes off to stop replays.

Failed deliveries are retried by the worker with exponential backoff; every attempt is in
the delivery log.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from dataclasses import asdict

import httpx

from postwise.connectors.base import (
    ConnectorError,
    Limits,
    Outgoing,
    Sent,
    classify,
    transport_error,
)

EVENT = "post.published"
TOLERANCE_SECONDS = 300


def sign(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify_signature(
    secret: str,
    headers: Mapping[str, str],
    body: bytes,
    now: float | None = None,
    tolerance: int = TOLERANCE_SECONDS,
) -> bool:
    """For receivers: is this request from postwise, signed recently, body untouched?"""
    lowered = {k.lower(): v for k, v in headers.items()}
    timestamp = lowered.get("x-postwise-timestamp", "")
    signature = lowered.get("x-postwise-signature", "")
    if not timestamp.isdigit():
        return False
    if abs((now if now is not None else time.time()) - int(timestamp)) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), signature)


class Webhook:
    name = "webhook"
    limits = Limits(max_chars=None, max_media=0)

    def __init__(
        self, url: str, secret: str, timeout: float = 10.0, client: httpx.Client | None = None
    ) -> None:
        if not secret:
            raise ValueError("a webhook needs a shared secret to sign its requests")
        self.url = url
        self._secret = secret
        self._client = client or httpx.Client(timeout=timeout)

    def body(self, item: Outgoing) -> bytes:
        event = {"event": EVENT, "delivery": item.idempotency_key, "post": asdict(item)}
        return json.dumps(event, ensure_ascii=False, sort_keys=True).encode("utf-8")

    def publish(self, item: Outgoing, resumed: bool) -> Sent:
        body = self.body(item)
        timestamp = str(int(time.time()))
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "postwise-webhook/1",
            "X-Postwise-Event": EVENT,
            "X-Postwise-Delivery": item.idempotency_key,
            "X-Postwise-Timestamp": timestamp,
            "X-Postwise-Signature": sign(self._secret, timestamp, body),
        }
        try:
            response = self._client.post(self.url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            raise transport_error(exc) from exc
        error = classify(response)
        if error is not None:
            raise error
        external_id = None
        if response.headers.get("content-type", "").startswith("application/json"):
            try:
                data = response.json()
            except ValueError:
                data = None
            if isinstance(data, dict) and data.get("id") is not None:
                external_id = str(data["id"])
        return Sent(external_id=external_id, status_code=response.status_code)


__all__ = ["ConnectorError", "Webhook", "sign", "verify_signature"]
