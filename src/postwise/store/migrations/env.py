"""Alembic environment: migrations run on the connection postwise hands over.

``postwise.store.db.upgrade`` puts an open connection in ``config.attributes``; the
``alembic`` command line is not needed (nor shipped) to run them.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from postwise.store.models import Base

config = context.config
connection = config.attributes.get("connection")

if connection is None:  # e.g. ``alembic revision --autogenerate`` during development
    from postwise.store.db import database_url

    engine = create_engine(database_url())
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
