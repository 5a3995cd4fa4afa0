"""The rule catalogue: one module per rule kind, found and registered automatically.

Each module in this package defines ``KIND = RuleKind(...)``: the kind's public name (part
of the policy format), its settings model, and ``compile``, which turns one rule of a policy
into a detector — a function from a :class:`~postwise.engine.post.Post` to hits. The
module's docstring says *What it catches / Why / Example / Fix*; the rendered policy and the
docs are generated from it. Adding a kind is adding one module (and its data files).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from postwise.policy.model import RuleBase, RuleSettings, Severity

if TYPE_CHECKING:
    from postwise.engine.post import Post
    from postwise.policy.compiled import CompiledOrganisation


@dataclass(frozen=True)
class FixHint:
    """A suggested change in folded offsets; ``label`` is a message key under ``fix``."""

    start: int
    end: int
    text: str
    label: str
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Hit:
    """What a detector found. Offsets are folded offsets; ``None`` when not about a span.

    ``detail`` picks the message (``<kind>.<detail>`` in the message catalogue) and
    ``params`` fills it. ``data`` travels to the workflow (e.g. ``hold_minutes``).
    """

    start: int | None
    end: int | None
    detail: str = "default"
    params: Mapping[str, str] = field(default_factory=dict)
    fix: FixHint | None = None
    data: Mapping[str, Any] = field(default_factory=dict)


Detector = Callable[["Post"], Iterable[Hit]]


class RuleConfigError(ValueError):
    """A rule's settings validate but cannot be compiled (e.g. a regular expression too slow)."""

    def __init__(self, message: str, loc: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.loc = loc


@dataclass(frozen=True)
class RuleKind:
    name: str
    settings: type[RuleSettings]
    compile: Callable[[RuleBase, CompiledOrganisation], Detector]
    doc: str
    default_severity: Severity = "warn"
    per_post: bool = True

    @property
    def title(self) -> str:
        """The first line of the module's docstring: what the kind is about."""
        return self.doc.strip().splitlines()[0].rstrip(".") if self.doc.strip() else self.name


@cache
def registry() -> Mapping[str, RuleKind]:
    """Every rule kind in this package, by name."""
    kinds: dict[str, RuleKind] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        kind = getattr(module, "KIND", None)
        if isinstance(kind, RuleKind):
            kinds[kind.name] = kind
    return dict(sorted(kinds.items()))
