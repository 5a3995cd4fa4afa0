"""The demo organisation for ``postwise serve --demo`` (and so ``make run``).

Creates, once, a fictional pharma company with the pharma pack policy (or the starter policy
when the pack cannot be built) and three people — an employee, a reviewer and an admin —
whose first-login passwords are printed. Running it again changes nothing, except that a
demo user who has never logged in gets a fresh password printed (the old one was only ever
shown on a terminal, and only its hash is kept).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

from sqlalchemy import select

from postwise.audit import SYSTEM
from postwise.policy.errors import InputError
from postwise.policy.starter import dump_policy, starter_policy
from postwise.store import Database
from postwise.store.models import Person, PolicyVersion, utcnow
from postwise.workflow.people import PersonData, create_person, new_password, set_password
from postwise.workflow.policy import Policies

PACK = "pharma"
PEOPLE = [
    PersonData(
        name="Eva Employee",
        email="eva@vireo.example",
        app_role="employee",
        role="engineer",
        expertise=["software"],
        languages=["en"],
    ),
    PersonData(
        name="Rik Reviewer",
        email="rik@vireo.example",
        app_role="reviewer",
        role="communications",
        languages=["en"],
    ),
    PersonData(
        name="Alva Admin",
        email="alva@vireo.example",
        app_role="admin",
        role="compliance",
        languages=["sv"],
    ),
]


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    password: str | None  # None: this person has logged in; the password is theirs now


def demo_policy_yaml() -> str:
    ref = resources.files("postwise").joinpath("data", "demo", "organisation.json")
    org = json.loads(ref.read_text(encoding="utf-8"))
    try:
        text = dump_policy(starter_policy(org, PACK))
        Policies().compiled("probe", text)
        return text
    except (InputError, ImportError, KeyError, ValueError):
        return dump_policy(starter_policy(org))


def setup_demo(db: Database) -> list[DemoLogin]:
    now = utcnow()
    logins = []
    with db.session() as s:
        if (
            s.execute(select(PolicyVersion.id).where(PolicyVersion.active.is_(True))).first()
            is None
        ):
            Policies().activate(s, SYSTEM, demo_policy_yaml(), now)
        for data in PEOPLE:
            person = s.execute(select(Person).where(Person.email == data.email)).scalar()
            password = new_password()
            if person is None:
                create_person(s, SYSTEM, data, now, password=password)
            elif person.last_login_at is None:
                set_password(s, SYSTEM, person, password, now, temporary=True)
            else:
                logins.append(DemoLogin(data.app_role, data.email, None))
                continue
            logins.append(DemoLogin(data.app_role, data.email, password))
    return logins


def print_demo(logins: list[DemoLogin]) -> None:
    print("Demo organisation: Vireo Pharma. Log in with (first-login passwords):")
    for login in logins:
        shown = login.password or "(has logged in; password unchanged)"
        print(f"  {login.role:<9} {login.email:<20} {shown}")
