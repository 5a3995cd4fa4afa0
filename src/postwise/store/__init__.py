"""The store: the records postwise keeps (SQLAlchemy models) and how to open the database.

The engine never imports this package; the workflow, the worker and the API do.
"""

from postwise.store.db import Database, database_url, open_database, upgrade
from postwise.store.models import Base, utcnow

__all__ = ["Base", "Database", "database_url", "open_database", "upgrade", "utcnow"]
