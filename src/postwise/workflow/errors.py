"""What can go wrong when someone acts on a post, in a form the API turns into a 4xx.

Each error names the ``field`` it is about (``state`` for an impossible move, ``text`` for
a post that is too long…) so a program can point at it; nothing has changed when one is
raised, because the unit of work it happened in is rolled back.
"""

from __future__ import annotations


class WorkflowError(Exception):
    status = 400
    code = "bad_request"

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(WorkflowError):
    status = 404
    code = "not_found"


class Forbidden(WorkflowError):
    status = 403
    code = "forbidden"


class Unauthenticated(WorkflowError):
    status = 401
    code = "unauthenticated"


class InvalidTransition(WorkflowError):
    status = 409
    code = "invalid_transition"


class Conflict(WorkflowError):
    status = 409
    code = "conflict"


class Invalid(WorkflowError):
    status = 422
    code = "invalid"
