"""Signing in and out, the language switch and one's own password.

A successful sign-in opens a login session (``workflow.people.login``: an audit event, only
the secret's hash stored) and puts its secret in an HttpOnly cookie; signing out revokes it.
Failed attempts are throttled before the password is even tried. The language a person
picks is remembered with them (first of their languages, which also sets the language of
the coaching messages) and, for a signed-out browser, in a cookie.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from sqlalchemy import select

from postwise.audit import record
from postwise.store.models import Credential
from postwise.web.i18n import ui_languages
from postwise.web.page import PageRefused, PageRoute, local_path, set_cookie, visit
from postwise.web.security import LANGUAGE_COOKIE, PRE_SESSION_COOKIE, SESSION_COOKIE
from postwise.workflow.errors import Forbidden
from postwise.workflow.people import (
    SESSION_TTL,
    actor_of,
    change_password,
    login,
    secret_digest,
)

router = APIRouter(route_class=PageRoute)
MIN_PASSWORD = 10


@router.get("/", include_in_schema=False)
def home(request: Request) -> Response:
    with visit(request) as v:
        if v.person is None:
            return v.redirect("/login")
        if v.person.must_change_password:
            return v.redirect("/account")
        return v.redirect("/compose")


@router.get("/login", include_in_schema=False)
def login_page(request: Request, next: str = "") -> Response:
    with visit(request) as v:
        if v.person is not None:
            return v.redirect(local_path(next, "/compose"))
        return v.page("login.html", next=local_path(next, ""), email="", error=None)


@router.post("/login", include_in_schema=False)
def login_submit(
    request: Request,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "",
) -> Response:
    client = request.client.host if request.client else "unknown"
    target = local_path(next, "")
    with visit(request) as v:
        throttle = v.services.throttle
        if throttle.blocked(v.session, email, client, v.now):
            response = v.page(
                "login.html", status=429, next=target, email=email, error="login.throttled"
            )
            response.headers["Retry-After"] = str(int(throttle.window.total_seconds()))
            return response
        opened = login(v.session, email, password, v.now) if email and password else None
        answer: Response
        if opened is None:
            throttle.failed(client, v.now)
            return v.page("login.html", status=401, next=target, email=email, error="login.failed")
        person, _credential, secret = opened
        if person.must_change_password:
            target = "/account"
        answer = v.redirect(target or "/compose")
    set_cookie(request, answer, SESSION_COOKIE, secret, int(SESSION_TTL.total_seconds()))
    answer.delete_cookie(PRE_SESSION_COOKIE, path="/")
    return answer


@router.post("/logout", include_in_schema=False)
def logout(request: Request) -> Response:
    secret = request.cookies.get(SESSION_COOKIE, "")
    with visit(request) as v:
        if v.person is not None and secret:
            credential = v.session.execute(
                select(Credential).where(Credential.secret_sha256 == secret_digest(secret))
            ).scalar()
            if credential is not None and credential.revoked_at is None:
                credential.revoked_at = v.now
                record(
                    v.session,
                    actor_of(v.person),
                    "logout",
                    subject=f"person:{v.person.id}",
                    at=v.now,
                    data={"session_id": credential.id},
                )
        response = v.redirect("/login", done="signed_out")
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.post("/language", include_in_schema=False)
def choose_language(
    request: Request,
    language: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "",
) -> Response:
    if language not in ui_languages():
        raise PageRefused(400, "errors.invalid")
    with visit(request) as v:
        if v.person is not None:
            rest = [lang for lang in v.person.languages if lang != language]
            if list(v.person.languages[:1]) != [language]:
                v.person.languages = [language, *rest]
                record(
                    v.session,
                    actor_of(v.person),
                    "person.language",
                    subject=f"person:{v.person.id}",
                    at=v.now,
                    data={"language": language},
                )
        response = v.redirect(local_path(next, "/"))
    set_cookie(request, response, LANGUAGE_COOKIE, language, 365 * 24 * 3600)
    return response


@router.get("/account", include_in_schema=False)
def account_page(request: Request) -> Response:
    with visit(request) as v:
        person = v.need(temporary_ok=True)
        return v.page("account.html", me=person, error=None)


@router.post("/account/password", include_in_schema=False)
def account_password(
    request: Request,
    current: Annotated[str, Form()] = "",
    new: Annotated[str, Form()] = "",
    repeat: Annotated[str, Form()] = "",
) -> Response:
    with visit(request) as v:
        person = v.need(temporary_ok=True)
        error = None
        if len(new) < MIN_PASSWORD:
            error = "account.too_short"
        elif new != repeat:
            error = "account.mismatch"
        elif new == current:
            error = "account.same"
        if error is None:
            try:
                change_password(v.session, person, current, new, v.now)
            except Forbidden:
                error = "account.wrong_current"
        if error is not None:
            return v.page("account.html", status=422, me=person, error=error)
        return v.redirect("/compose", done="password_changed")
