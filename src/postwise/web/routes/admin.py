"""Administration (admins only): people and their accounts, and the audit log.

Adding a person or resetting a password shows a temporary password once, on the answer
page; the person must choose their own at first sign-in. Every change goes through
``workflow.people`` and so is an audit event. The audit page lists recent events and
verifies the whole hash chain on request, naming the first broken link if there is one.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response
from pydantic import ValidationError
from sqlalchemy import select

from postwise.audit import verify
from postwise.store.models import AuditEvent, Person
from postwise.web.coach import NETWORKS
from postwise.web.i18n import ui_languages
from postwise.web.page import PageRefused, PageRoute, Visit, visit
from postwise.workflow.people import (
    AccountData,
    PersonChanges,
    PersonData,
    actor_of,
    add_account,
    create_person,
    new_password,
    set_password,
    update_person,
)

router = APIRouter(route_class=PageRoute)
ROLES = ("employee", "reviewer", "admin")


def _list(value: str) -> list[str]:
    return [item.strip() for item in value.replace(";", ",").split(",") if item.strip()]


def people_page(v: Visit, status: int = 200, **extra: Any) -> Response:
    people = v.session.execute(select(Person).order_by(Person.name)).scalars().all()
    values: dict[str, Any] = {
        "people": people,
        "roles": ROLES,
        "ui_langs": ui_languages(),
        "networks": NETWORKS,
        "created": None,
        "password": None,
        "form": {},
    }
    values.update(extra)
    return v.page("people.html", status=status, **values)


@router.get("/admin/people", include_in_schema=False)
def people(request: Request) -> Response:
    with visit(request) as v:
        v.need("admin")
        return people_page(v)


@router.post("/admin/people", include_in_schema=False)
def add_person(
    request: Request,
    name: Annotated[str, Form()] = "",
    email: Annotated[str, Form()] = "",
    app_role: Annotated[str, Form()] = "employee",
    role: Annotated[str, Form()] = "",
    expertise: Annotated[str, Form()] = "",
    languages: Annotated[str, Form()] = "",
    spokesperson: Annotated[str, Form()] = "",
    profile_discloses_employer: Annotated[str, Form()] = "",
) -> Response:
    with visit(request) as v:
        admin = v.need("admin")
        form = {
            "name": name,
            "email": email,
            "app_role": app_role,
            "role": role,
            "expertise": expertise,
            "languages": languages,
        }
        try:
            data = PersonData(
                name=name.strip(),
                email=email.strip(),
                app_role=app_role,
                role=role.strip(),
                expertise=_list(expertise),
                languages=_list(languages),
                spokesperson=bool(spokesperson),
                profile_discloses_employer=bool(profile_discloses_employer),
            )
        except ValidationError as exc:
            fields = sorted({str(e["loc"][0]) for e in exc.errors() if e["loc"]})
            return people_page(v, status=422, form=form, error="people.invalid", fields=fields)
        password = new_password()
        person = create_person(v.session, actor_of(admin), data, v.now, password=password)
        return people_page(v, status=201, created=person, password=password)


@router.get("/admin/people/{person_id}", include_in_schema=False)
def person_page(request: Request, person_id: int) -> Response:
    with visit(request) as v:
        v.need("admin")
        person = v.session.get(Person, person_id)
        if person is None:
            raise PageRefused(404, "errors.not_found")
        return v.page("person.html", who=person, roles=ROLES, networks=NETWORKS, password=None)


@router.post("/admin/people/{person_id}", include_in_schema=False)
def change_person(
    request: Request,
    person_id: int,
    name: Annotated[str, Form()] = "",
    app_role: Annotated[str, Form()] = "employee",
    role: Annotated[str, Form()] = "",
    expertise: Annotated[str, Form()] = "",
    languages: Annotated[str, Form()] = "",
    spokesperson: Annotated[str, Form()] = "",
    profile_discloses_employer: Annotated[str, Form()] = "",
    active: Annotated[str, Form()] = "",
) -> Response:
    with visit(request) as v:
        admin = v.need("admin")
        person = v.session.get(Person, person_id)
        if person is None:
            raise PageRefused(404, "errors.not_found")
        if person.id == admin.id and (app_role != "admin" or not active):
            raise PageRefused(409, "people.not_yourself")
        try:
            changes = PersonChanges(
                name=name.strip() or person.name,
                app_role=app_role,
                role=role.strip(),
                expertise=_list(expertise),
                languages=_list(languages),
                spokesperson=bool(spokesperson),
                profile_discloses_employer=bool(profile_discloses_employer),
                active=bool(active),
            )
        except ValidationError:
            raise PageRefused(422, "people.invalid") from None
        update_person(v.session, actor_of(admin), person, changes, v.now)
        return v.redirect(f"/admin/people/{person.id}", done="person_saved")


@router.post("/admin/people/{person_id}/accounts", include_in_schema=False)
def add_person_account(
    request: Request,
    person_id: int,
    network: Annotated[str, Form()] = "",
    handle: Annotated[str, Form()] = "",
    anonymous: Annotated[str, Form()] = "",
) -> Response:
    with visit(request) as v:
        admin = v.need("admin")
        person = v.session.get(Person, person_id)
        if person is None:
            raise PageRefused(404, "errors.not_found")
        if network not in NETWORKS:
            raise PageRefused(422, "compose.bad_network")
        try:
            data = AccountData(network=network, handle=handle.strip(), anonymous=bool(anonymous))
        except ValidationError:
            raise PageRefused(422, "people.invalid") from None
        add_account(v.session, actor_of(admin), person, data, v.now)
        return v.redirect(f"/admin/people/{person.id}", done="account_added")


@router.post("/admin/people/{person_id}/password", include_in_schema=False)
def reset_password(request: Request, person_id: int) -> Response:
    with visit(request) as v:
        admin = v.need("admin")
        person = v.session.get(Person, person_id)
        if person is None:
            raise PageRefused(404, "errors.not_found")
        password = new_password()
        set_password(v.session, actor_of(admin), person, password, v.now, temporary=True)
        return v.page("person.html", who=person, roles=ROLES, networks=NETWORKS, password=password)


@router.get("/admin/audit", include_in_schema=False)
def audit_page(request: Request) -> Response:
    with visit(request) as v:
        v.need("admin")
        return _audit(v, None)


def _audit(v: Visit, result: Any) -> Response:
    events = (
        v.session.execute(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(100))
        .scalars()
        .all()
    )
    return v.page("audit.html", events=events, result=result)


@router.post("/admin/audit/verify", include_in_schema=False)
def audit_verify(request: Request) -> Response:
    with visit(request) as v:
        v.need("admin")
        return _audit(v, verify(v.session))
