"""Prometheus metrics for one app: requests, check latency, posts by state, jobs waiting.

Each app has its own registry (no process-global state), exposed at ``/metrics``. Post and
job counts are read from the database when scraped, so every process reports the same.
"""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import func, select

from postwise.store import Database
from postwise.store.models import Job, Post

LATENCY_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)


class StoreCollector(Collector):
    def __init__(self, db: Database) -> None:
        self.db = db

    def collect(self) -> Iterable[Metric]:
        posts = GaugeMetricFamily("postwise_posts", "Posts by state", labels=["state"])
        waiting = GaugeMetricFamily("postwise_jobs", "Background jobs by state", labels=["state"])
        with self.db.reading() as s:
            for state, count in s.execute(select(Post.state, func.count()).group_by(Post.state)):
                posts.add_metric([state], count)
            for state, count in s.execute(select(Job.state, func.count()).group_by(Job.state)):
                waiting.add_metric([state], count)
        yield posts
        yield waiting


class Metrics:
    def __init__(self, db: Database) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "postwise_http_requests",
            "HTTP requests by route and status",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "postwise_http_request_seconds",
            "HTTP request duration",
            ["route"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.checks = Counter(
            "postwise_checks", "Stateless checks by verdict", ["verdict"], registry=self.registry
        )
        self.registry.register(StoreCollector(db))

    def render(self) -> bytes:
        return generate_latest(self.registry)
