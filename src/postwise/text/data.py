"""Load the package's data files (lexicons, cue phrases, inflection tables) once per process."""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

# The C loader is ten times faster on large lexicons; fall back where PyYAML lacks it.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
