"""Messages in the author's language, from the catalogue in ``data/messages/<lang>/``.

The catalogue of a language is a folder with one YAML file per rule kind (``confidential.yaml``
holds ``term``, ``domain``, ``marker``…, plus ``guideline``: the default guideline text) and a
few shared files (``fix.yaml``, ``verdict.yaml``). Adding a language is adding a folder.
A message is looked up as ``<kind>.<detail>`` and filled with the hit's parameters. Only
``{name}`` placeholders are replaced (never attribute or index access), so a policy's own
message text cannot reach into the program.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from postwise.text.data import data_dirs, data_names, load_data

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


@cache
def catalogue(language: str) -> Mapping[str, Mapping[str, str]]:
    """Every message of one language, by kind (file name) and detail."""
    if language not in catalogue_languages():
        return {}
    return {
        name.removesuffix(".yaml"): load_data("messages", language, name)
        for name in data_names("messages", language)
        if name.endswith(".yaml")
    }


@cache
def catalogue_languages() -> tuple[str, ...]:
    return tuple(data_dirs("messages"))


def fill(template: str, params: Mapping[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: str(params.get(m.group(1), m.group(0))), template)


def message(language: str, kind: str, detail: str, params: Mapping[str, str]) -> str:
    """The catalogue text for ``kind.detail`` (falling back to ``kind.default``), filled."""
    entries = catalogue(language).get(kind, {})
    template = entries.get(detail) or entries.get("default")
    if template is None:
        template = catalogue("en").get(kind, {}).get(detail, f"{kind}: {detail}")
    return fill(template, params)
