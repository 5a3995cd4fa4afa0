"""The Mastodon connector: ``POST /api/v1/statuses`` on the account's server.

Sends the bearer token of the account's application and an ``Idempotency-Key`` header, which
Mastodon honours for an hour: a status POSTed twice with one key is created once. The
status carries its ``visibility`` and ``language``. Mastodon's default limit is 500
characters; a server with another limit is configured with ``max_chars``.
"""

from __future__ import annotations

import httpx

from postwise.connectors.base import (
    ConnectorError,
    Limits,
    Outgoing,
    Sent,
    classify,
    transport_error,
    within_limits,
)

VISIBILITIES = ("public", "unlisted", "private", "direct")


class Mastodon:
    name = "mastodon"

    def __init__(
        self,
        base_url: str,
        token: str,
        visibility: str = "public",
        max_chars: int = 500,
        timeout: float = 10.0,
        client: httpx.Client | None = None,
    ) -> None:
        if visibility not in VISIBILITIES:
            raise ValueError(f"visibility must be one of {', '.join(VISIBILITIES)}")
        self.base_url = base_url.rstrip("/")
        self._token = token
        self.visibility = visibility
        self.limits = Limits(max_chars=max_chars, max_media=4)
        self._client = client or httpx.Client(timeout=timeout)

    def publish(self, item: Outgoing, resumed: bool) -> Sent:
        within_limits(self, item)
        body: dict[str, str] = {"status": item.text, "visibility": self.visibility}
        if item.language:
            body["language"] = item.language
        try:
            response = self._client.post(
                f"{self.base_url}/api/v1/statuses",
                json=body,
                headers={
                    "Authorization": f"Bearer {self._token}",
                    "Idempotency-Key": item.idempotency_key,
                },
            )
        except httpx.HTTPError as exc:
            raise transport_error(exc) from exc
        error = classify(response)
        if error is not None:
            raise error
        try:
            data = response.json()
        except ValueError as exc:
            raise ConnectorError("retryable", "the server answered without JSON") from exc
        return Sent(
            external_id=str(data.get("id")) if data.get("id") is not None else None,
            url=data.get("url"),
            status_code=response.status_code,
        )
