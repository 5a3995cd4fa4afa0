"""The web pages: composer with live coaching, my posts, review queue, policy, dashboard and
administration, served by the same process as the API.

Server-rendered Jinja2 templates (``templates/``) with a little hand-written JavaScript
(``static/``) for the live feedback; no build step and nothing loaded from elsewhere. Every
text comes from the catalogue in ``data/ui/<lang>.yaml`` (en, sv, nl). The pages call the
workflow (``postwise.workflow``) for everything they change, so the pages and the API
enforce the same rules. Install them into the service's FastAPI app with :func:`install`.
"""

from __future__ import annotations

from fastapi import FastAPI

from postwise.store import Database
from postwise.web.page import PageServices
from postwise.workflow.posts import Workflow


def install(app: FastAPI, database: Database, workflow: Workflow) -> None:
    """Add the pages to ``app``; they share its database and workflow (and its clock)."""
    from postwise.web.routes import router

    app.state.postwise_pages = PageServices(database, workflow)
    app.include_router(router)


__all__ = ["PageServices", "install"]
