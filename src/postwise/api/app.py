"""The HTTP API: ``create_app(db)`` gives the FastAPI application.

OpenAPI at ``/openapi.json``, a docs page at ``/docs``. Request bodies are capped
(``MAX_BODY_BYTES``); every request is counted and timed for ``/metrics``. With
``embedded_worker`` the app also runs a worker thread (``postwise serve`` does, unless told
``--no-worker``), so one process is a whole installation on SQLite.
"""

from __future__ import annotations

import gc
import time
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from postwise.api import admin, errors, posts, system
from postwise.api.errors import error_body
from postwise.api.metrics import Metrics
from postwise.api.service import Service
from postwise.store import Database
from postwise.web import install as install_pages
from postwise.workflow import Workflow

MAX_BODY_BYTES = 2 * 1024 * 1024
WARM_UP_TEXTS = (
    "Proud of the team today, we shipped it! Write to me at someone@example.com",
    "Jag jobbar på ett fantastiskt ställe och vi söker fler kollegor i Malmö.",
    "Ik werk bij een mooi bedrijf en vandaag was het congres in Utrecht geweldig.",
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class Guard:
    """ASGI middleware: refuse oversized bodies early; count and time every request."""

    def __init__(self, app: ASGIApp, metrics: Metrics, limit: int) -> None:
        self.app = app
        self.metrics = metrics
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            await _send_json(
                send,
                413,
                error_body(
                    "body_too_large",
                    f"the request body is larger than {self.limit:,} bytes",
                    "body",
                ),
            )
            return
        if length is None and scope["method"] in ("POST", "PUT", "PATCH"):
            # A streamed body has no length up front: read it (up to the limit) first.
            messages: list[Message] = []
            seen = 0
            while True:
                message = await receive()
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    await _send_json(
                        send,
                        413,
                        error_body(
                            "body_too_large",
                            f"the request body is larger than {self.limit:,} bytes",
                            "body",
                        ),
                    )
                    return
                messages.append(message)
                if message["type"] != "http.request" or not message.get("more_body"):
                    break
            replay = iter(messages)

            async def buffered() -> Message:
                return next(replay, None) or await receive()

            receive = buffered

        status = 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        started = time.perf_counter()
        try:
            await self.app(scope, receive, sending)
        finally:
            route = scope.get("route")
            label = getattr(route, "path", "unmatched")
            self.metrics.requests.labels(scope["method"], label, str(status)).inc()
            self.metrics.latency.labels(label).observe(time.perf_counter() - started)


async def _send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    import json

    raw = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(raw)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": raw})


def warm_up(service: Service) -> None:
    """Compile the active policy now, then move everything loaded so far (lexicons, models,
    the framework) out of the garbage collector's way: a full collection over those objects
    pauses a request for about 100 ms, and they live as long as the process anyway."""
    from postwise.engine.check import check
    from postwise.workflow import WorkflowError

    try:
        with service.db.reading() as session:
            _, policy = service.workflow.policies.active(session)
        for text in WARM_UP_TEXTS:  # loads what detectors load lazily (language models…)
            check(text, None, policy)
    except WorkflowError:
        pass  # no policy yet: the first check compiles it
    gc.collect()
    gc.freeze()


def create_app(
    db: Database,
    workflow: Workflow | None = None,
    *,
    embedded_worker: bool = False,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> FastAPI:
    service = Service(db, workflow or Workflow(), Metrics(db))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        warm_up(service)
        stop = None
        if embedded_worker:
            from postwise.connectors import from_env
            from postwise.worker import run_worker

            stop = run_worker(db, service.workflow, from_env(db))
        try:
            yield
        finally:
            if stop is not None:
                stop.set()

    # FastAPIOffline serves the Swagger UI and ReDoc assets from the package, not a CDN, so
    # the API docs page works on a server without internet access.
    app = FastAPIOffline(
        title="postwise",
        version="1",
        summary="Check social media posts against your organisation's policy; review, hold "
        "and publish them; prove every step.",
        lifespan=lifespan,
    )
    app.state.service = service
    errors.install(app)
    app.include_router(system.router)
    app.include_router(posts.router)
    app.include_router(admin.router)
    install_pages(app, db, service.workflow)  # the web pages (postwise.web), same process
    app.add_middleware(Guard, metrics=service.metrics, limit=max_body_bytes)
    return app
