"""Local HTTP servers that speak just enough of the other side: Mastodon's status API and a
webhook receiver that verifies postwise's signature. They listen on 127.0.0.1 only."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from postwise.connectors.webhook import verify_signature


@dataclass
class FakeMastodon:
    """``POST /api/v1/statuses`` with a bearer token; one status per ``Idempotency-Key``."""

    token: str = "test-token"
    delay: float = 0.0  # seconds to wait before answering (to kill a worker mid-call)
    fail_with: list[int] = field(default_factory=list)  # statuses to answer first, in order
    statuses: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: Counter[str] = field(default_factory=Counter)
    started: threading.Event = field(default_factory=threading.Event)
    url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def handle(self, handler: BaseHTTPRequestHandler) -> tuple[int, dict[str, Any]]:
        if handler.path != "/api/v1/statuses":
            return 404, {"error": "Record not found"}
        if handler.headers.get("Authorization") != f"Bearer {self.token}":
            return 401, {"error": "The access token is invalid"}
        key = handler.headers.get("Idempotency-Key", "")
        body = json.loads(handler.rfile.read(int(handler.headers["Content-Length"])))
        with self.lock:
            self.requests[key] += 1
        self.started.set()
        time.sleep(self.delay)
        with self.lock:
            if self.fail_with:
                return self.fail_with.pop(0), {"error": "try again"}
            if not body.get("status"):
                return 422, {"error": "Validation failed: Text can't be blank"}
            if key not in self.statuses:
                sid = str(100 + len(self.statuses))
                self.statuses[key] = {
                    "id": sid,
                    "url": f"{self.url}/@ada/{sid}",
                    "content": body["status"],
                    "visibility": body.get("visibility"),
                    "language": body.get("language"),
                }
            return 200, self.statuses[key]


@dataclass
class FakeReceiver:
    """A webhook receiver that accepts only correctly signed requests."""

    secret: str = "s3cret"
    fail_with: list[int] = field(default_factory=list)
    received: list[dict[str, Any]] = field(default_factory=list)
    rejected: int = 0
    url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def handle(self, handler: BaseHTTPRequestHandler) -> tuple[int, dict[str, Any]]:
        body = handler.rfile.read(int(handler.headers["Content-Length"]))
        with self.lock:
            if self.fail_with:
                return self.fail_with.pop(0), {"error": "busy"}
            if not verify_signature(self.secret, dict(handler.headers.items()), body):
                self.rejected += 1
                return 401, {"error": "bad signature"}
            event = json.loads(body)
            event["_headers"] = dict(handler.headers.items())
            self.received.append(event)
            return 200, {"id": f"hook-{len(self.received)}"}


@contextmanager
def serve(fake: FakeMastodon | FakeReceiver) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            status, data = fake.handle(self)
            raw = json.dumps(data).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake.url
    finally:
        server.shutdown()
        server.server_close()
