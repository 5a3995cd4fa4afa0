"""What every connector is: a name, its limits, and ``publish`` with an idempotency key.

A connector sends one post somewhere and says how it went. Failures are classified so the
worker knows what to do: ``auth`` (credentials wrong or revoked: fail and tell someone),
``bad_request`` (this post can never go out as is: fail), ``retryable`` (network trouble,
rate limits, a server error: try again later with backoff). The idempotency key is stored
before the call and sent with it, so a call repeated after a crash publishes once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

import httpx

ErrorKind = Literal["auth", "bad_request", "retryable"]


@dataclass(frozen=True)
class Limits:
    max_chars: int | None = None
    max_media: int = 0


@dataclass(frozen=True)
class Outgoing:
    """One post to publish, with everything a connector may need."""

    idempotency_key: str
    post_id: int
    text: str
    language: str | None = None
    channel: str | None = None
    author: dict[str, Any] = field(default_factory=dict)
    account: dict[str, Any] | None = None
    scheduled_at: str | None = None


@dataclass(frozen=True)
class Sent:
    external_id: str | None = None
    url: str | None = None
    status_code: int | None = None
    detail: str = ""


class ConnectorError(Exception):
    def __init__(
        self,
        kind: ErrorKind,
        message: str,
        status_code: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.kind: ErrorKind = kind
        self.message = message
        self.status_code = status_code
        self.retry_after = retry_after


class Connector(Protocol):
    name: str
    limits: Limits

    def publish(self, item: Outgoing, resumed: bool) -> Sent:
        """Send ``item``; ``resumed`` is true when an earlier attempt may have got through."""
        ...


def within_limits(connector: Connector, item: Outgoing) -> None:
    limit = connector.limits.max_chars
    if limit is not None and len(item.text) > limit:
        raise ConnectorError(
            "bad_request",
            f"{connector.name} takes at most {limit} characters; this post has {len(item.text)}",
        )


def classify(response: httpx.Response) -> ConnectorError | None:
    """``None`` for success, else the error a status code means."""
    status = response.status_code
    if 200 <= status < 300:
        return None
    detail = response.text[:300]
    if status in (401, 403):
        return ConnectorError("auth", f"refused credentials ({status}): {detail}", status)
    if status in (408, 425, 429) or status >= 500:
        return ConnectorError(
            "retryable", f"try again later ({status}): {detail}", status, retry_after(response)
        )
    return ConnectorError("bad_request", f"rejected the post ({status}): {detail}", status)


def retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None


def transport_error(exc: httpx.HTTPError) -> ConnectorError:
    return ConnectorError("retryable", f"could not reach the server: {type(exc).__name__}: {exc}")
