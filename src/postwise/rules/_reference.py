"""The rule catalogue as Markdown (``docs/rules.md``), generated from the rule modules.

Each kind's section is its module docstring (*What it catches / Why / Example / Fix*), its
default severity and a table of its settings from the settings model, so the reference can
never drift from the code.
"""

from __future__ import annotations

from typing import Any

from pydantic.fields import FieldInfo

from postwise.rules import registry


def rules_reference() -> str:
    lines = [
        "# Rule kinds",
        "",
        "Generated from the rule modules by `postwise policy kinds`; do not edit by hand.",
        "Each kind's name is part of the policy format. Severity is set per rule; the",
        "default is what `postwise policy init` writes.",
        "",
    ]
    for kind in registry().values():
        lines.append(f"## `{kind.name}`")
        lines.append("")
        lines.append(_dedent(kind.doc))
        lines.append("")
        scope = "per post" if kind.per_post else "a periodic report, not a per-post finding"
        lines.append(f"Default severity: `{kind.default_severity}` · runs {scope}.")
        lines.append("")
        fields = kind.settings.model_fields
        if fields:
            lines.append("| setting | default | meaning |")
            lines.append("|---|---|---|")
            for name, field in fields.items():
                lines.append(f"| `{name}` | {_default(field)} | {field.description or ''} |")
        else:
            lines.append("No settings.")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _default(field: FieldInfo) -> str:
    if field.default_factory is not None:
        value: Any = field.default_factory()  # type: ignore[call-arg]
    elif field.is_required():
        return "(required)"
    else:
        value = field.default
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return f"`{text}`".replace("|", "\\|")


def _dedent(doc: str) -> str:
    import inspect

    return inspect.cleandoc(doc)
