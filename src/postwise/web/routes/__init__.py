"""The pages, one module per part of the product; all of them use ``PageRoute``."""

from __future__ import annotations

from fastapi import APIRouter

from postwise.web.routes import account, admin, compose, dashboard, policy, posts, review, static

router = APIRouter()
for part in (static, account, compose, posts, review, policy, dashboard, admin):
    router.include_router(part.router)

__all__ = ["router"]
