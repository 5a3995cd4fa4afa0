"""Where the records live: the database URL, the engine, sessions and migrations.

``POSTWISE_DATABASE_URL`` names a PostgreSQL database for production
(``postgresql+psycopg://user@host/db``); without it postwise keeps a SQLite file in
``POSTWISE_DATA_DIR`` (default ``./data``), created on first start. Every start runs the
Alembic migrations shipped in this package, so the schema is always current.

SQLite transactions begin with ``BEGIN IMMEDIATE``: a writer takes the lock up front instead
of failing half-way when two threads upgrade a read to a write at once.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_DATA_DIR = "./data"
READ_ONLY = "postwise_read_only"


def data_dir() -> Path:
    return Path(os.environ.get("POSTWISE_DATA_DIR") or DEFAULT_DATA_DIR)


def database_url() -> str:
    """``POSTWISE_DATABASE_URL``, else a SQLite file in the data directory."""
    url = os.environ.get("POSTWISE_DATABASE_URL")
    if url:
        return url
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(folder / 'postwise.sqlite3').resolve()}"


def make_engine(url: str, **kwargs: Any) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, **kwargs
        )
        _sqlite_setup(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


@dataclass
class Database:
    """An engine and its session factories; one per process, shared by threads."""

    engine: Engine
    sessions: sessionmaker[Session]
    readers: sessionmaker[Session]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends normally, rolled back otherwise."""
        with self.sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A unit of work that only reads: on SQLite it takes no write lock, so reads run
        side by side with each other and with one writer."""
        with self.readers() as session, session.begin():
            yield session

    def ping(self) -> bool:
        with self.reading() as session:
            return session.execute(text("SELECT 1")).scalar() == 1

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str | None = None, *, migrate: bool = True, **kwargs: Any) -> Database:
    """Connect to ``url`` (default: :func:`database_url`) and bring the schema up to date."""
    engine = make_engine(url or database_url(), **kwargs)
    if migrate:
        upgrade(engine)
    return Database(
        engine,
        sessionmaker(engine, expire_on_commit=False),
        sessionmaker(engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False),
    )


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the shipped Alembic migrations up to ``revision`` on ``engine``."""
    from alembic import command

    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "postwise.store:migrations")
    return config
