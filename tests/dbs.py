"""Database fixtures for the service tests: every test that asks for ``db`` runs twice, on
SQLite and on PostgreSQL.

PostgreSQL is the one at ``POSTWISE_TEST_POSTGRES_URL`` (default: 127.0.0.1:5432, database
``test``, trust auth). Each test session gets its own schema, dropped at the end, so parallel
runs do not collide; each test starts from empty tables. When PostgreSQL cannot be reached,
its tests are skipped on a developer machine and FAIL when ``CI`` is set: a CI run must never
pass by quietly skipping them.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from postwise.audit.chain import GENESIS
from postwise.store import Database, open_database
from postwise.store.models import Base

PG_URL = os.environ.get(
    "POSTWISE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
BACKENDS = ["sqlite", "postgresql"]


def _unreachable(reason: str) -> None:
    message = f"PostgreSQL at {PG_URL} is unreachable ({reason})"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must run the PostgreSQL tests, not skip them")
    pytest.skip(f"{message}; skipping its tests on this developer machine")


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh schema for this test session, migrated to head; dropped afterwards."""
    schema = f"pw_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # any connection failure means the same thing here
        admin.dispose()
        _unreachable(str(exc).splitlines()[0])
    sep = "&" if "?" in PG_URL else "?"
    url = f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    open_database(url).dispose()
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sqlite-template") / "postwise.sqlite3"
    database = open_database(f"sqlite:///{path}")
    database.dispose()  # closing the last connection folds the WAL into the file
    return path


def _truncate(database: Database) -> None:
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with database.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        conn.execute(text(f"INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '{GENESIS}')"))


def fresh_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> str:
    """A URL to an empty, migrated database of ``backend``."""
    if backend == "sqlite":
        path = tmp_path / "postwise.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url: str = request.getfixturevalue("pg_url")
    database = open_database(url, migrate=False)
    _truncate(database)
    database.dispose()
    return url


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database: SQLite in one run of the test, PostgreSQL in the other."""
    return fresh_url(request, request.param, tmp_path)


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty, migrated database: SQLite in one run of the test, PostgreSQL in the other."""
    database = open_database(fresh_url(request, request.param, tmp_path), migrate=False)
    try:
        yield database
    finally:
        database.dispose()
