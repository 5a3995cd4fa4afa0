"""The store: migrations build exactly the models' schema on both databases; times stay aware."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from postwise.store import Database, database_url, open_database
from postwise.store.models import Base, Person, Setting


def test_migrations_build_the_schema_the_models_describe(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_migrations_run_again_on_start_without_changing_anything(db: Database) -> None:
    from postwise.store import upgrade

    upgrade(db.engine)
    assert db.ping()


@pytest.mark.parametrize(
    "stored",
    [
        datetime(2026, 3, 3, 9, 0, tzinfo=UTC),
        datetime(2026, 3, 3, 10, 0, 0, 123456, tzinfo=timezone(timedelta(hours=1))),
    ],
)
def test_a_time_comes_back_aware_and_equal(db: Database, stored: datetime) -> None:
    with db.session() as s:
        s.add(Setting(key="k", value={"a": 1}, updated_at=stored))
    with db.session() as s:
        back = s.execute(select(Setting.updated_at)).scalar_one()
    assert back == stored and back.tzinfo is not None


def test_a_naive_time_is_refused_rather_than_guessed(db: Database) -> None:
    with pytest.raises(Exception, match="naive datetime"), db.session() as s:
        s.add(Setting(key="k", value={}, updated_at=datetime(2026, 1, 1)))
    with db.session() as s:
        assert s.execute(select(Setting)).first() is None


def test_a_failed_unit_of_work_changes_nothing(db: Database) -> None:
    now = datetime.now(UTC)
    with pytest.raises(RuntimeError), db.session() as s:
        s.add(Person(name="A", email="a@x", app_role="employee", created_at=now))
        s.flush()
        raise RuntimeError("boom")
    with db.session() as s:
        assert s.execute(select(Person)).first() is None


def test_without_a_url_the_store_is_a_sqlite_file_in_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("POSTWISE_DATABASE_URL", raising=False)
    monkeypatch.setenv("POSTWISE_DATA_DIR", str(tmp_path / "data"))
    url = database_url()
    assert url == f"sqlite:///{(tmp_path / 'data' / 'postwise.sqlite3').resolve()}"
    database = open_database()
    assert database.ping() and (tmp_path / "data" / "postwise.sqlite3").exists()
    database.dispose()


def test_the_url_from_the_environment_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSTWISE_DATABASE_URL", "postgresql+psycopg://u@db.example/pw")
    assert database_url() == "postgresql+psycopg://u@db.example/pw"
