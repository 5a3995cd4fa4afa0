"""``postwise serve``, ``postwise worker`` and ``postwise audit``: running the service.

The database is ``POSTWISE_DATABASE_URL`` (PostgreSQL) or a SQLite file in
``POSTWISE_DATA_DIR`` (default ./data); the connector comes from ``POSTWISE_CONNECTOR``
(see ``postwise.connectors``). ``audit verify`` exits 0 when the log is intact and 1 at the
first broken link, which it names.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from datetime import timedelta
from typing import Any

EXIT_OK, EXIT_BROKEN = 0, 1


def add_service_commands(sub: Any, fmt: type[argparse.HelpFormatter]) -> None:
    sv = sub.add_parser(
        "serve",
        help="run the HTTP API (and a worker) on the configured database",
        formatter_class=fmt,
    )
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    sv.add_argument("--port", type=int, default=8000, help="port (8000)")
    sv.add_argument("--no-worker", action="store_true", help="do not run the embedded worker")
    sv.add_argument(
        "--demo", action="store_true", help="set up the demo organisation and users first"
    )

    wk = sub.add_parser("worker", help="run background work: holds, publishing, retries")
    wk.add_argument("--poll-seconds", type=float, default=1.0, help="idle wait between polls")
    wk.add_argument(
        "--lease-seconds", type=float, default=60.0, help="how long a claimed job is ours"
    )
    wk.add_argument("--once", action="store_true", help="run the due jobs, then stop")

    au = sub.add_parser("audit", help="verify or export the audit log")
    asub = au.add_subparsers(dest="audit_command", required=True, parser_class=sub._parser_class)
    av = asub.add_parser("verify", help="check the hash chain; name the first broken link")
    av.add_argument("--export", metavar="DIR", help="verify an exported log instead")
    ae = asub.add_parser("export", help="write events.jsonl and manifest.json")
    ae.add_argument("-o", "--output", required=True, metavar="DIR")


def run_service(args: argparse.Namespace) -> int:
    if args.command == "serve":
        return serve(args)
    if args.command == "worker":
        return worker(args)
    return audit(args)


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from postwise.api.app import create_app
    from postwise.store import database_url, open_database

    url = database_url()
    db = open_database(url)
    if args.demo:
        from postwise.cli.demo_service import print_demo, setup_demo

        print_demo(setup_demo(db))
    app = create_app(db, embedded_worker=not args.no_worker)
    where = url.split("@")[-1] if "@" in url else url
    print(f"postwise is serving on http://{args.host}:{args.port}  (API docs: /docs)")
    print(f"store: {where}; worker: {'off' if args.no_worker else 'embedded'}", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return EXIT_OK


def worker(args: argparse.Namespace) -> int:
    from postwise.connectors import from_env
    from postwise.store import open_database
    from postwise.worker import Worker
    from postwise.workflow import Workflow

    db = open_database()
    runner = Worker(
        db,
        Workflow(),
        from_env(db),
        lease=timedelta(seconds=args.lease_seconds),
        poll_seconds=args.poll_seconds,
    )
    if args.once:
        runner.sweep()
        while runner.run_once():
            pass
        return EXIT_OK
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    print(f"postwise worker {runner.name} using {runner.connector.name}", flush=True)
    runner.run(stop)
    return EXIT_OK


def audit(args: argparse.Namespace) -> int:
    from postwise.audit import export, verify, verify_export

    if args.audit_command == "verify":
        if args.export:
            result = verify_export(args.export)
        else:
            from postwise.store import open_database

            with open_database().session() as s:
                result = verify(s)
        print(result, file=sys.stdout if result.ok else sys.stderr)
        return EXIT_OK if result.ok else EXIT_BROKEN
    from postwise.store import open_database

    with open_database().session() as s:
        manifest = export(s, args.output)
    print(f"exported {manifest['events']} events to {args.output} (head {manifest['head_hash']})")
    return EXIT_OK
