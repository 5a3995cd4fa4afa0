"""The policy: the one-page guideline for everyone, the YAML editor for admins.

Everyone signed in reads the active policy as the rendered guideline in their language
(``postwise.policy.render.build_page``: the same pieces as ``postwise policy show``, laid out
by this site's templates so the page keeps its CSP). Admins edit the YAML: saving validates
it and shows each problem at its line and column, runs the examples written in the policy,
and shows the difference from the active version; activating stores the version and makes
it the one every check uses. Earlier versions are listed and can be opened again.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response
from sqlalchemy import select

from postwise.policy.compiled import CompiledPolicy, load_policy_text
from postwise.policy.errors import PolicyError, Problem
from postwise.policy.examples import ExampleResult, run_examples
from postwise.policy.render import build_page
from postwise.store.models import Person, PolicyVersion
from postwise.web.page import PageRefused, PageRoute, Visit, visit
from postwise.workflow.errors import Conflict
from postwise.workflow.people import actor_of
from postwise.workflow.policy import SOURCE

router = APIRouter(route_class=PageRoute)
MAX_POLICY_CHARS = 1_000_000


@dataclass(frozen=True)
class Line:
    """One line of the YAML as the editor's listing shows it, with its problems;
    ``gap`` marks the first line after lines left out."""

    number: int
    text: str
    problems: tuple[Problem, ...]
    gap: bool = False


def listing(yaml_text: str, problems: list[Problem], around: int = 3) -> list[Line]:
    """The lines with problems and ``around`` lines either side, so each problem is seen
    at its line without scrolling through the whole file."""
    by_line: dict[int, list[Problem]] = {}
    for problem in problems:
        if problem.line is not None:
            by_line.setdefault(problem.line, []).append(problem)
    lines = yaml_text.splitlines() or [""]
    # A problem "at the end of the file" may point one line past the last one.
    lines += [""] * (max(by_line, default=0) - len(lines))
    shown = sorted(
        {
            n
            for line in by_line
            for n in range(line - around, line + around + 1)
            if 1 <= n <= len(lines)
        }
    )
    out: list[Line] = []
    previous = 0
    for n in shown:
        out.append(Line(n, lines[n - 1], tuple(by_line.get(n, ())), gap=n != previous + 1))
        previous = n
    return out


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "add" | "del" | "hunk" | "same"
    text: str


def diff(active: str, proposed: str) -> list[DiffLine]:
    out: list[DiffLine] = []
    for line in difflib.unified_diff(
        active.splitlines(), proposed.splitlines(), "active", "proposed", lineterm="", n=2
    ):
        if line.startswith(("---", "+++")):
            continue
        kind = {"+": "add", "-": "del", "@": "hunk"}.get(line[:1], "same")
        out.append(DiffLine(kind, line))
    return out


def active_version(v: Visit) -> PolicyVersion | None:
    found: PolicyVersion | None = v.session.execute(
        select(PolicyVersion).where(PolicyVersion.active.is_(True))
    ).scalar()
    return found


@router.get("/policy", include_in_schema=False)
def policy_page(request: Request) -> Response:
    with visit(request) as v:
        v.need()
        try:
            row, policy = v.workflow.policies.active(v.session)
        except Conflict:
            return v.page("policy.html", guide=None, row=None)
        lang = v.language if v.language in policy.languages else policy.languages[0]
        return v.page("policy.html", guide=build_page(policy, lang), row=row)


def editor(
    v: Visit, yaml_text: str, status: int = 200, checked: bool = False, **extra: Any
) -> Response:
    versions = v.session.execute(
        select(PolicyVersion, Person.name)
        .outerjoin(Person, Person.id == PolicyVersion.activated_by)
        .order_by(PolicyVersion.id.desc())
        .limit(50)
    ).all()
    values: dict[str, Any] = {
        "yaml": yaml_text,
        "problems": [],
        "lines": [],
        "examples": [],
        "changes": [],
        "valid": False,
        "checked": checked,
        "versions": [{"row": r, "by": name} for r, name in versions],
    }
    values.update(extra)
    return v.page("policy_edit.html", status=status, **values)


@router.get("/policy/edit", include_in_schema=False)
def edit_page(request: Request, version: int | None = None) -> Response:
    with visit(request) as v:
        v.need("admin")
        row = v.session.get(PolicyVersion, version) if version else active_version(v)
        if version and row is None:
            raise PageRefused(404, "errors.not_found")
        return editor(v, row.yaml if row else "", opened=row)


def _validate(v: Visit, yaml_text: str) -> tuple[CompiledPolicy | None, dict[str, Any]]:
    """Validate and, when valid, run the examples and diff against the active version."""
    try:
        compiled = load_policy_text(yaml_text, SOURCE)
    except PolicyError as exc:
        return None, {
            "problems": exc.problems,
            "lines": listing(yaml_text, exc.problems),
        }
    results: list[ExampleResult] = run_examples(compiled)
    active = active_version(v)
    return compiled, {
        "valid": True,
        "policy_version": compiled.version,
        "examples": results,
        "failed_examples": [r for r in results if not r.ok],
        "changes": diff(active.yaml if active else "", yaml_text),
        "same_as_active": active is not None and active.version == compiled.version,
    }


@router.post("/policy/edit", include_in_schema=False)
def save(
    request: Request,
    yaml: Annotated[str, Form()] = "",
    action: Annotated[str, Form()] = "validate",
) -> Response:
    with visit(request) as v:
        admin = v.need("admin")
        if len(yaml) > MAX_POLICY_CHARS:
            raise PageRefused(413, "policy.too_large")
        compiled, found = _validate(v, yaml)
        if compiled is None:
            return editor(v, yaml, status=422, checked=True, **found)
        if action == "activate":
            row = v.workflow.policies.activate(v.session, actor_of(admin), yaml, v.now)
            return v.redirect(f"/policy/edit?version={row.id}", done="policy_activated")
        return editor(v, yaml, checked=True, **found)
