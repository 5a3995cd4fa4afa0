"""Every ``db`` test here runs on SQLite and on PostgreSQL (see tests/dbs.py)."""

from tests.dbs import db, db_url, pg_url, sqlite_template

__all__ = ["db", "db_url", "pg_url", "sqlite_template"]
