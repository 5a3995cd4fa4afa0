"""Connectors: where a published post goes — the outbox (default), a webhook or Mastodon.

Chosen with ``POSTWISE_CONNECTOR`` (``outbox``, ``webhook``, ``mastodon``) and configured
from the environment, so secrets stay out of the database and the audit log:

- outbox: ``POSTWISE_OUTBOX_FILE`` (default ``<data dir>/outbox.jsonl``)
- webhook: ``POSTWISE_WEBHOOK_URL``, ``POSTWISE_WEBHOOK_SECRET``
- mastodon: ``POSTWISE_MASTODON_URL``, ``POSTWISE_MASTODON_TOKEN``,
  ``POSTWISE_MASTODON_VISIBILITY`` (default public), ``POSTWISE_MASTODON_MAX_CHARS`` (500)
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from postwise.connectors.base import Connector, ConnectorError, Limits, Outgoing, Sent
from postwise.connectors.mastodon import Mastodon
from postwise.connectors.outbox import Outbox
from postwise.connectors.webhook import Webhook
from postwise.store import Database
from postwise.store.db import data_dir


def from_env(db: Database, env: Mapping[str, str] | None = None) -> Connector:
    env = os.environ if env is None else env
    name = env.get("POSTWISE_CONNECTOR", "outbox")
    if name == "outbox":
        return Outbox(db, env.get("POSTWISE_OUTBOX_FILE") or data_dir() / "outbox.jsonl")
    if name == "webhook":
        return Webhook(_need(env, "POSTWISE_WEBHOOK_URL"), _need(env, "POSTWISE_WEBHOOK_SECRET"))
    if name == "mastodon":
        return Mastodon(
            _need(env, "POSTWISE_MASTODON_URL"),
            _need(env, "POSTWISE_MASTODON_TOKEN"),
            env.get("POSTWISE_MASTODON_VISIBILITY", "public"),
            int(env.get("POSTWISE_MASTODON_MAX_CHARS", "500")),
        )
    raise ValueError(f"POSTWISE_CONNECTOR={name!r}: use outbox, webhook or mastodon")


def _need(env: Mapping[str, str], key: str) -> str:
    value = env.get(key)
    if not value:
        raise ValueError(f"{key} must be set for this connector")
    return value


__all__ = [
    "Connector",
    "ConnectorError",
    "Limits",
    "Mastodon",
    "Outbox",
    "Outgoing",
    "Sent",
    "Webhook",
    "from_env",
]
