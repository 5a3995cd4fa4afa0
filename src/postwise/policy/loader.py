"""Read a policy file: bytes → UTF-8 text → YAML → validated model, every error located.

YAML is parsed twice: once into nodes, whose marks give the line and column of every key and
value, and once into plain data for validation. A validation error's location (``rules → 3 →
settings → terms``) is walked through the node tree to the nearest line and column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from postwise.policy.errors import PolicyError, Problem
from postwise.policy.model import PolicyBase, consistency_problems, policy_model
from postwise.text.data import StrictLoader

MAX_POLICY_BYTES = 1_000_000
_Loc = tuple[str | int, ...]


_Loader = StrictLoader


Marks = dict[_Loc, tuple[int, int]]


def read_policy_file(path: str | Path) -> PolicyBase:
    """Load and validate a policy file; raises :class:`PolicyError` naming file, line, column."""
    return read_policy_marked(path)[0]


def read_policy_marked(path: str | Path) -> tuple[PolicyBase, Marks]:
    """Like :func:`read_policy_file`, also returning where each key and value stands."""
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise PolicyError([Problem(source, "no such file")]) from None
    except IsADirectoryError:
        raise PolicyError([Problem(source, "is a folder, not a policy file")]) from None
    except OSError as exc:
        raise PolicyError([Problem(source, f"cannot be read: {exc.strerror}")]) from None
    return parse_policy_marked(raw, source)


def parse_policy_bytes(raw: bytes, source: str = "<policy>") -> PolicyBase:
    return parse_policy_marked(raw, source)[0]


def parse_policy_text(text: str, source: str = "<policy>") -> PolicyBase:
    return parse_policy_marked(text.encode("utf-8"), source)[0]


def parse_policy_marked(raw: bytes, source: str = "<policy>") -> tuple[PolicyBase, Marks]:
    if len(raw) > MAX_POLICY_BYTES:
        raise PolicyError(
            [
                Problem(
                    source, f"is {len(raw):,} bytes; a policy may be at most {MAX_POLICY_BYTES:,}"
                )
            ]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise PolicyError(
            [Problem(source, f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x})", line, column)]
        ) from None
    if not text.strip():
        raise PolicyError([Problem(source, "is empty; expected a policy (see docs/policy.md)")])
    data, marks = _parse_yaml(text, source)
    if not isinstance(data, dict):
        raise PolicyError(
            [Problem(source, "expected a mapping with 'organisation' and 'rules' at the top", 1, 1)]
        )
    try:
        policy = policy_model().model_validate(data)
    except ValidationError as exc:
        raise PolicyError(validation_problems(exc, data, marks, source)) from None
    located = []
    for loc, message in consistency_problems(policy):
        where = marks.get(loc)
        located.append(
            Problem(
                source,
                message,
                where[0] if where else None,
                where[1] if where else None,
                _dotted(loc),
            )
        )
    if located:
        raise PolicyError(located)
    return policy, marks


def _parse_yaml(text: str, source: str) -> tuple[Any, dict[_Loc, tuple[int, int]]]:
    loader = _Loader(text)
    try:
        # One parse: compose the node tree (for marks), then construct data from it.
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or "malformed YAML"
        context = f" {exc.context}" if exc.context else ""
        raise PolicyError(
            [
                Problem(
                    source,
                    f"malformed YAML: {what}{context}",
                    mark.line + 1 if mark else None,
                    mark.column + 1 if mark else None,
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        raise PolicyError([Problem(source, f"malformed YAML: {exc}")]) from None
    finally:
        loader.dispose()
    marks: dict[_Loc, tuple[int, int]] = {}
    problems: list[Problem] = []
    if node is not None:
        _walk(node, (), marks, problems, source)
    if problems:
        raise PolicyError(problems)
    return data, marks


def _walk(
    node: yaml.Node,
    loc: _Loc,
    marks: dict[_Loc, tuple[int, int]],
    problems: list[Problem],
    source: str,
) -> None:
    marks[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                problems.append(
                    Problem(
                        source,
                        f"key {key!r} appears twice; keep one",
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        _dotted((*loc, key)),
                    )
                )
            seen.add(key)
            marks[(*loc, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            _walk(value_node, (*loc, key), marks, problems, source)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*loc, i), marks, problems, source)


def validation_problems(
    exc: ValidationError, data: Any, marks: dict[_Loc, tuple[int, int]], source: str
) -> list[Problem]:
    """Turn pydantic's errors into located problems in the words of the policy file."""
    problems: list[Problem] = []
    for error in exc.errors(include_url=False):
        loc = _data_loc(error["loc"], data)
        line, column = marks.get(loc, (None, None))
        problems.append(Problem(source, _explain(error), line, column, _dotted(loc)))
    return problems


def _data_loc(loc: tuple[Any, ...], data: Any) -> _Loc:
    """Keep the parts of pydantic's location that exist in the data (drops union tags)."""
    kept: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            kept.append(part)
            node = node[part]
        elif isinstance(node, dict) and part == "raise_" and "raise" in node:
            kept.append("raise")
            node = node["raise"]
        elif isinstance(node, dict) and part == "pass_" and "pass" in node:
            kept.append("pass")
            node = node["pass"]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            kept.append(part)
            node = node[part]
    return tuple(kept)


def _explain(error: Any) -> str:
    kind = error["type"]
    loc = error["loc"]
    if kind == "extra_forbidden":
        return f"unknown key {loc[-1]!r}; check the spelling against docs/policy.md"
    if kind == "missing":
        return f"missing required key {loc[-1]!r}"
    if kind == "union_tag_invalid":
        ctx = error.get("ctx", {})
        return f"unknown rule kind {ctx.get('tag')!r}; expected one of {ctx.get('expected_tags')}"
    if kind == "union_tag_not_found":
        return "each rule needs a 'kind'"
    message = str(error["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    if kind == "literal_error":
        message = message.replace("Input should be", "expected")
    return message


def _dotted(loc: _Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
