"""Service benchmarks on this machine (loopback only, bounded in time):

1. ``POST /api/check`` latency at a steady 200 requests/s (open loop) against a locally
   started ``postwise serve`` on SQLite: median and p99, measured from each request's planned
   send time, so a stalled server cannot hide its queueing (no coordinated omission).
2. The full submit → publish path on PostgreSQL: posts submitted through the API while two
   ``postwise worker`` processes publish them to the outbox; posts per second end to end.

    .venv/bin/python bench/api_bench.py [--seconds 10] [--rate 200] [--posts 400]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx
from sqlalchemy import create_engine, func, select, text

from postwise.audit import SYSTEM
from postwise.cli.demo_service import demo_policy_yaml
from postwise.store import open_database, utcnow
from postwise.store.models import Post
from postwise.workflow import Policies
from postwise.workflow.people import PersonData, create_person, issue_credential

PG_URL = os.environ.get(
    "POSTWISE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
TEXTS = [
    "Proud of our team today: we shipped the new onboarding flow! #VireoEmployee",
    "Jag jobbar på Vireo och vi söker fler utvecklare i Malmö. Hör av dig!",
    "Ik werk bij Vireo Pharma. Mooie dag op het congres in Utrecht vandaag.",
    "Sneak peek of Project Kestrel, launching soon!",
    "Coffee with the design team, then a long afternoon of user interviews.",
    "Calmora gave my neighbour a terrible rash, is that normal?",
    "Contact me at eva.lind@example.com or +46 70 123 45 67 for details.",
    "What a week. Thanks everyone who came to the meetup on Thursday!",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare(url: str) -> str:
    """Policy and one employee with an API token; returns the token."""
    db = open_database(url)
    with db.session() as s:
        person = create_person(
            s,
            SYSTEM,
            PersonData(name="Bench", email="bench@vireo.example", languages=["en"]),
            utcnow(),
        )
        Policies().activate(s, SYSTEM, demo_policy_yaml(), utcnow())
        token = issue_credential(s, SYSTEM, person, utcnow(), name="bench")[1]
    db.dispose()
    return token


def start_server(url: str, port: int, data_dir: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "POSTWISE_DATABASE_URL": url, "POSTWISE_DATA_DIR": data_dir}
    proc = subprocess.Popen(
        [sys.executable, "-m", "postwise.cli.main", "serve", "--no-worker", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def check_latency(seconds: float, rate: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.sqlite3"
        token = prepare(url)
        port = free_port()
        server = start_server(url, port, tmp)
        try:
            base = f"http://127.0.0.1:{port}"
            headers = {"Authorization": f"Bearer {token}"}
            total = int(seconds * rate)
            latencies: list[float] = []
            timeline: list[tuple[float, float]] = []
            errors = 0
            lock = threading.Lock()
            next_index = 0
            # Clients and their connections are made before the clock starts: making an
            # httpx client costs milliseconds of CPU, which is the client's cost, not the API's.
            clients = [httpx.Client(base_url=base, headers=headers, timeout=10) for _ in range(16)]
            for client in clients:  # steady state: every connection has been used
                for t in TEXTS:
                    client.post("/api/check", json={"text": t})
            start = time.perf_counter() + 0.2

            def run(client: httpx.Client) -> None:
                nonlocal next_index, errors
                while True:
                    with lock:
                        i = next_index
                        next_index += 1
                    if i >= total:
                        return
                    planned = start + i / rate
                    delay = planned - time.perf_counter()
                    if delay > 0:
                        time.sleep(delay)
                    r = client.post("/api/check", json={"text": TEXTS[i % len(TEXTS)]})
                    done = time.perf_counter()
                    with lock:
                        latencies.append((done - planned) * 1000)
                        timeline.append((planned - start, (done - planned) * 1000))
                        errors += r.status_code != 200

            threads = [threading.Thread(target=run, args=(c,)) for c in clients]
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            for client in clients:
                client.close()
            elapsed = time.perf_counter() - start
        finally:
            server.terminate()
            server.wait(10)
    print(
        f"POST /api/check at {rate} req/s for {seconds:.0f} s on SQLite ({total} requests, "
        f"{errors} errors, achieved {total / elapsed:.0f} req/s):"
    )
    slow = sorted(t for t, ms in timeline if ms > 20)
    bursts = sorted({round(t, 1) for t in slow})
    print(f"  {len(slow)} requests over 20 ms, planned at (s): {bursts[:12]}")
    print(
        f"  median {statistics.median(latencies):.2f} ms   p99 {percentile(latencies, 99):.2f} ms"
        f"   max {max(latencies):.2f} ms"
    )


def publish_throughput(posts: int) -> None:
    schema = f"pw_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:
        print(f"submit → publish: skipped, PostgreSQL unreachable at {PG_URL} ({exc})")
        return
    url = f"{PG_URL}?options=-csearch_path%3D{schema}"
    procs: list[subprocess.Popen[bytes]] = []
    try:
        token = prepare(url)
        with tempfile.TemporaryDirectory() as tmp:
            port = free_port()
            procs.append(start_server(url, port, tmp))
            env = {
                **os.environ,
                "POSTWISE_DATABASE_URL": url,
                "POSTWISE_OUTBOX_FILE": str(Path(tmp) / "outbox.jsonl"),
            }
            for _ in range(2):
                procs.append(
                    subprocess.Popen(
                        [
                            sys.executable,
                            "-m",
                            "postwise.cli.main",
                            "worker",
                            "--poll-seconds",
                            "0.05",
                        ],
                        env=env,
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                    )
                )
            time.sleep(2)  # let the workers start
            db = open_database(url, migrate=False)
            clean = "Coffee with the design team, then user interviews. #VireoEmployee"
            started = time.perf_counter()
            counter = iter(range(posts))
            lock = threading.Lock()

            def submit() -> None:
                with httpx.Client(
                    base_url=f"http://127.0.0.1:{port}",
                    headers={"Authorization": f"Bearer {token}"},
                    timeout=30,
                ) as client:
                    while True:
                        with lock:
                            i = next(counter, None)
                        if i is None:
                            return
                        r = client.post("/api/posts", json={"text": f"{clean} {i}", "submit": True})
                        assert r.status_code == 201, r.text

            threads = [threading.Thread(target=submit) for _ in range(4)]
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            submitted = time.perf_counter() - started
            deadline = time.monotonic() + 120
            published = 0
            while time.monotonic() < deadline:
                with db.session() as s:
                    published = s.execute(
                        select(func.count()).select_from(Post).where(Post.state == "published")
                    ).scalar_one()
                if published >= posts:
                    break
                time.sleep(0.05)
            elapsed = time.perf_counter() - started
            lines = len((Path(tmp) / "outbox.jsonl").read_text().splitlines())
            db.dispose()
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(10)
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()
    print(f"submit → publish on PostgreSQL, API + two workers, outbox connector ({posts} posts):")
    print(
        f"  submitted in {submitted:.1f} s ({posts / submitted:.0f} posts/s through the API); "
        f"all {published} published after {elapsed:.1f} s: {published / elapsed:.0f} posts/s "
        f"end to end; outbox lines {lines}"
    )


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rate", type=int, default=200)
    parser.add_argument("--posts", type=int, default=400)
    args = parser.parse_args()
    print(f"before: {load()}")
    check_latency(args.seconds, args.rate)
    publish_throughput(args.posts)
    print(f"after: {load()}")


if __name__ == "__main__":
    main()
