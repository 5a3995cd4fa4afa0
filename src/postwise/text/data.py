"""Load the package's data files (lexicons, cue phrases, inflection tables) once per process."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser is ~20× faster


class StrictLoader(_Base):  # type: ignore[misc]
    """Safe YAML that keeps words as written: only true/false are booleans (not yes/no/on),
    only plain decimals are integers (17:30 stays a clock time, not 1050)."""


_BOOL, _INT = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int"
StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_BOOL, _INT)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), None
)
StrictLoader.add_implicit_resolver(_INT, re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"), None)
_Loader = StrictLoader


@cache
def load_data(*parts: str) -> Any:
    """Parse ``src/postwise/data/<parts...>`` (YAML); cached, so treat the result as read-only."""
    ref = _path(*parts)
    return yaml.load(ref.read_text(encoding="utf-8"), Loader=_Loader)


def data_names(*parts: str) -> list[str]:
    """File names in a data folder, sorted (e.g. the languages that have a lexicon)."""
    return sorted(entry.name for entry in _path(*parts).iterdir() if entry.is_file())


def data_dirs(*parts: str) -> list[str]:
    """Sub-folder names of a data folder, sorted (e.g. the languages of the catalogue)."""
    return sorted(entry.name for entry in _path(*parts).iterdir() if entry.is_dir())


def _path(*parts: str) -> Traversable:
    ref = resources.files("postwise").joinpath("data")
    for part in parts:
        ref = ref.joinpath(part)
    return ref
