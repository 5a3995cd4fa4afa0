"""Errors as the API answers them: a status code and one machine-readable shape.

    {"error": {"code": "invalid_transition", "message": "…", "field": "state",
               "problems": [{"field": "text", "message": "…", "line": null, "column": null}]}}

``code`` is stable for programs, ``message`` is for people, ``field`` names what to fix
(``problems`` lists every one when there are several, with line and column for policy YAML).
Nothing has changed when an error is returned: the unit of work was rolled back.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from postwise.policy.errors import InputError
from postwise.workflow.errors import WorkflowError


def error_body(
    code: str, message: str, field: str = "", problems: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    return {
        "error": {
            "code": code,
            "message": message,
            "field": field,
            "problems": problems
            if problems is not None
            else [{"field": field, "message": message}],
        }
    }


def _field(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts)


_MESSAGES = {
    "extra_forbidden": "unknown field",
    "missing": "is required",
}


def install(app: FastAPI) -> None:
    @app.exception_handler(WorkflowError)
    async def _workflow(_: Request, exc: WorkflowError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.message, exc.field), exc.status)

    @app.exception_handler(InputError)
    async def _input(_: Request, exc: InputError) -> JSONResponse:
        problems = [
            {
                "field": p.path or "",
                "message": p.message,
                "source": p.source,
                "line": p.line,
                "column": p.column,
            }
            for p in exc.problems
        ]
        first = problems[0] if problems else {"field": "", "message": str(exc)}
        return JSONResponse(
            error_body("invalid_input", str(exc), str(first["field"]), problems), 422
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for e in exc.errors():
            if e.get("type") == "json_invalid":
                ctx = e.get("ctx") or {}
                message = f"the body is not valid JSON: {ctx.get('error', 'malformed')}"
                return JSONResponse(error_body("invalid_json", message, "body"), 400)
            field = _field(tuple(e.get("loc", ())))
            problems.append(
                {"field": field, "message": _MESSAGES.get(str(e.get("type")), str(e.get("msg")))}
            )
        first = problems[0] if problems else {"field": "", "message": "invalid request"}
        message = "; ".join(f"{p['field'] or 'body'}: {p['message']}" for p in problems)
        return JSONResponse(error_body("validation_error", message, first["field"], problems), 422)

    @app.exception_handler(HTTPException)
    async def _http(_: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse(
            error_body(f"http_{exc.status_code}", str(exc.detail)),
            exc.status_code,
            headers=getattr(exc, "headers", None),
        )
