"""One page request from start to finish: who is asking, in which language, and the answer.

Every page route uses :class:`PageRoute`, which does the same things for all of them, so no
page can forget one: it refuses a changing request (POST) without a valid CSRF token or
from another origin, turns the workflow's refusals into a page in the reader's language
with the right status (403, 404, 409…), sends a signed-out reader to the sign-in page,
and adds the security headers. Inside a route, :func:`visit` opens the unit of work and
says who the reader is; :meth:`Visit.page` renders a template with everything the layout
needs. Templates are Jinja2 with autoescaping on for every file: text from people and
policies is always shown as text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote

from fastapi import Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.routing import APIRoute
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from postwise.store import Database
from postwise.store.models import Notification, Person
from postwise.web import i18n
from postwise.web.security import (
    CSRF_FIELD,
    CSRF_HEADER,
    LANGUAGE_COOKIE,
    PRE_SESSION_COOKIE,
    SECURITY_HEADERS,
    SESSION_COOKIE,
    LoginThrottle,
    csrf_ok,
    csrf_token,
    new_secret,
    same_origin,
)
from postwise.workflow.errors import Unauthenticated, WorkflowError
from postwise.workflow.people import RANK, AppRole, authenticate
from postwise.workflow.posts import Workflow

DEFAULT = i18n.DEFAULT_LANGUAGE
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass
class PageServices:
    """What the pages need from the service, handed over once when they are installed."""

    database: Database
    workflow: Workflow
    throttle: LoginThrottle = field(default_factory=LoginThrottle)

    def now(self) -> datetime:
        return self.workflow.clock()


class SignInRequired(Exception):
    """The page needs a signed-in reader; they are sent to sign in and brought back."""


class PasswordChangeRequired(Exception):
    """A temporary password must be replaced before anything else is done with it."""


class PageRefused(Exception):
    """A request the pages answer with an error page (status and a catalogue key)."""

    def __init__(self, status: int, key: str) -> None:
        super().__init__(key)
        self.status = status
        self.key = key


def services(request: Request) -> PageServices:
    found: PageServices = request.app.state.postwise_pages
    return found


def reader_language(request: Request, person: Person | Reader | None = None) -> str:
    """The person's own choice, else this browser's, else what the browser asks for."""
    preferred = person.languages[0] if person is not None and person.languages else None
    return i18n.choose_language(
        preferred,
        request.cookies.get(LANGUAGE_COOKIE),
        accept=request.headers.get("accept-language"),
    )


@dataclass(frozen=True)
class Reader:
    """What the layout needs about the signed-in person, kept apart from the database
    session, so an error page can still show the menu in their language."""

    name: str
    app_role: str
    languages: tuple[str, ...]


@dataclass
class Visit:
    """One request's reader, unit of work and words."""

    request: Request
    session: Session
    services: PageServices
    person: Person | None
    language: str
    now: datetime

    @property
    def t(self) -> i18n.Translator:
        return i18n.Translator(self.language)

    @property
    def csrf(self) -> str:
        seed: str = self.request.state.csrf_seed
        return csrf_token(seed)

    @property
    def workflow(self) -> Workflow:
        return self.services.workflow

    def need(self, role: AppRole = "employee", temporary_ok: bool = False) -> Person:
        """The signed-in person, if they have ``role`` or a higher one (and, unless
        ``temporary_ok``, have replaced a temporary password)."""
        if self.person is None:
            raise SignInRequired()
        if self.person.must_change_password and not temporary_ok:
            raise PasswordChangeRequired()
        if RANK.get(self.person.app_role, -1) < RANK[role]:
            raise PageRefused(403, "errors.forbidden")
        return self.person

    def page(self, template: str, status: int = 200, **values: Any) -> HTMLResponse:
        done = self.request.query_params.get("done")
        known = done is not None and f"flash.{done}" in i18n.catalogue(DEFAULT)
        values.setdefault("done", done if known else None)
        values.setdefault("error", None)
        values.setdefault("unread", self.unread())
        body = render(
            template,
            request=self.request,
            person=self.person,
            language=self.language,
            csrf=self.csrf,
            now=self.now,
            **values,
        )
        return HTMLResponse(body, status_code=status)

    def unread(self) -> int:
        """How many notifications the signed-in person has not read yet."""
        if self.person is None:
            return 0
        count = self.session.execute(
            select(func.count())
            .select_from(Notification)
            .where(Notification.person_id == self.person.id, Notification.read_at.is_(None))
        ).scalar_one()
        return int(count)

    def redirect(self, path: str, done: str | None = None) -> RedirectResponse:
        """See-other to a page of ours, optionally with a catalogue key saying what happened."""
        target = path if done is None else f"{path}{'&' if '?' in path else '?'}done={done}"
        return RedirectResponse(target, status_code=303)


@contextmanager
def visit(request: Request, read_only: bool | None = None) -> Iterator[Visit]:
    """A unit of work for one page request, with the signed-in person if there is one.

    Pages that only show something (GET, and the composer's live check) read without taking
    SQLite's write lock, so typing never waits for the worker or another writer."""
    svc = services(request)
    now = svc.now()
    if read_only is None:
        read_only = request.method in SAFE_METHODS
    unit = svc.database.reading() if read_only else svc.database.session()
    with unit as session:
        person = signed_in(session, request, now)
        if person is not None:
            request.state.reader = Reader(person.name, person.app_role, tuple(person.languages))
        yield Visit(request, session, svc, person, reader_language(request, person), now)


def signed_in(session: Session, request: Request, now: datetime) -> Person | None:
    secret = request.cookies.get(SESSION_COOKIE)
    if not secret:
        return None
    try:
        return authenticate(session, secret, now)
    except Unauthenticated:
        return None


def local_path(target: str | None, default: str = "/") -> str:
    """``target`` if it is a path on this site (never another site's address), else default."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target


# --- templates ----------------------------------------------------------------------------


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("postwise.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["static"] = static_url
    env.globals["languages"] = i18n.ui_languages
    env.filters["code_spans"] = code_spans
    return env


_CODE = re.compile(r"``(.+?)``|`([^`]+)`")


def code_spans(text: str) -> Markup:
    """Escape ``text``, showing the rule documentation's ``code`` as ``<code>``."""
    out: list[str] = []
    pos = 0
    for m in _CODE.finditer(text):
        out.append(str(escape(text[pos : m.start()])))
        out.append(f"<code>{escape(m.group(1) or m.group(2))}</code>")
        pos = m.end()
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def render(template: str, *, language: str, **values: Any) -> str:
    t = i18n.Translator(language)
    return environment().get_template(template).render(t=t, lang=language, **values)


STATIC_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
}


@cache
def static_file(name: str) -> tuple[bytes, str] | None:
    """A file of ``web/static`` and its content type; ``None`` for anything else."""
    suffix = name[name.rfind(".") :] if "." in name else ""
    if "/" in name or name.startswith(".") or suffix not in STATIC_TYPES:
        return None
    ref = resources.files("postwise.web").joinpath("static", name)
    if not ref.is_file():
        return None
    return ref.read_bytes(), STATIC_TYPES[suffix]


@cache
def static_url(name: str) -> str:
    """``/static/<name>?v=<hash>``: a new URL whenever the file changes, so it can be cached."""
    found = static_file(name)
    version = hashlib.sha256(found[0]).hexdigest()[:12] if found else "missing"
    return f"/static/{name}?v={version}"


# --- the route class ----------------------------------------------------------------------


class PageRoute(APIRoute):
    """A page: CSRF for changes, errors as pages, sign-in redirects, security headers."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        original = super().get_route_handler()

        async def handler(request: Request) -> Response:
            seed = request.cookies.get(SESSION_COOKIE) or request.cookies.get(PRE_SESSION_COOKIE)
            fresh = None
            if not seed:
                seed = fresh = new_secret()
            request.state.csrf_seed = seed
            try:
                if request.method not in SAFE_METHODS:
                    await _check_csrf(request, None if fresh else seed)
                response = await original(request)
            except SignInRequired:
                target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                response = RedirectResponse(
                    f"/login?next={quote(target, safe='/')}"
                    if request.method in SAFE_METHODS
                    else "/login",
                    status_code=303,
                )
            except PasswordChangeRequired:
                response = RedirectResponse("/account", status_code=303)
            except PageRefused as exc:
                response = error_page(request, exc.status, exc.key)
            except WorkflowError as exc:
                response = error_page(request, exc.status, _error_key(exc), exc.message)
            if fresh is not None:
                set_cookie(request, response, PRE_SESSION_COOKIE, fresh, max_age=None)
            secure_headers(response)
            return response

        return handler


async def _check_csrf(request: Request, seed: str | None) -> None:
    host = f"{request.url.scheme}://{request.url.netloc}"
    if not same_origin(request.headers.get("origin"), host):
        raise PageRefused(403, "errors.csrf")
    token = request.headers.get(CSRF_HEADER)
    if token is None:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            token = value if isinstance(value, str) else None
    if not csrf_ok(seed, token):
        raise PageRefused(403, "errors.csrf")


def _error_key(exc: WorkflowError) -> str:
    return {
        401: "errors.signin",
        403: "errors.forbidden",
        404: "errors.not_found",
        409: "errors.conflict",
    }.get(exc.status, "errors.invalid")


def error_page(request: Request, status: int, key: str, detail: str = "") -> Response:
    reader: Reader | None = getattr(request.state, "reader", None)
    language = reader_language(request, reader)
    if request.headers.get("accept", "").startswith("application/json"):
        from fastapi.responses import JSONResponse

        return JSONResponse(
            {"error": key, "message": i18n.translate(language, key)}, status_code=status
        )
    seed: str = getattr(request.state, "csrf_seed", "")
    body = render(
        "error.html",
        request=request,
        person=reader,
        language=language,
        csrf=csrf_token(seed) if seed else "",
        now=None,
        status=status,
        key=key,
        detail=detail,
        done=None,
        error=None,
        unread=0,
    )
    return HTMLResponse(body, status_code=status)


def secure_headers(response: Response) -> None:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if response.media_type == "text/html" or response.headers.get("content-type", "").startswith(
        "text/html"
    ):
        response.headers.setdefault("Cache-Control", "no-store")


def set_cookie(
    request: Request, response: Response, name: str, value: str, max_age: int | None
) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/",
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
