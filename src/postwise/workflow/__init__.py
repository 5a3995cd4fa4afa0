"""The workflow: posts move from draft to published through checks, holds and reviews.

It joins the engine (``postwise.check``) and the store; the worker and the API call it,
never the other way round. See ``states`` for the moves and ``posts`` for what each does.
"""

from postwise.workflow.errors import (
    Conflict,
    Forbidden,
    Invalid,
    InvalidTransition,
    NotFound,
    Unauthenticated,
    WorkflowError,
)
from postwise.workflow.policy import Policies
from postwise.workflow.posts import PostChanges, PostDraft, Workflow
from postwise.workflow.states import State

__all__ = [
    "Conflict",
    "Forbidden",
    "Invalid",
    "InvalidTransition",
    "NotFound",
    "Policies",
    "PostChanges",
    "PostDraft",
    "State",
    "Unauthenticated",
    "Workflow",
    "WorkflowError",
]
