"""The pages' own words in English, Swedish and Dutch, and which of them a reader gets.

Every text the pages show comes from the catalogue in ``data/ui/<lang>.yaml``: nested YAML
read as dotted keys (``compose.title``). A template asks for ``t("compose.title")``; a
missing key shows the key itself, loudly, and a test fails when any language lacks a key
the others have or a key that a template or module asks for. Only ``{name}`` placeholders
are filled (the engine's :func:`~postwise.engine.messages.fill`), so a translation cannot
reach into the program. Adding a language is adding a file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from postwise.engine.messages import fill
from postwise.text.data import data_names, load_data

DEFAULT_LANGUAGE = "en"


@cache
def ui_languages() -> tuple[str, ...]:
    """The languages the pages speak: one catalogue file each, English first."""
    found = [name.removesuffix(".yaml") for name in data_names("ui") if name.endswith(".yaml")]
    return tuple(sorted(found, key=lambda lang: (lang != DEFAULT_LANGUAGE, lang)))


@cache
def catalogue(language: str) -> Mapping[str, str]:
    """Every text of one language by dotted key; empty for a language without a file."""
    if language not in ui_languages():
        return {}
    return dict(_flatten(load_data("ui", f"{language}.yaml") or {}, ""))


def _flatten(node: Mapping[str, Any], prefix: str) -> Iterable[tuple[str, str]]:
    for key, value in node.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, Mapping):
            yield from _flatten(value, f"{dotted}.")
        else:
            yield dotted, str(value)


def translate(language: str, key: str, **params: object) -> str:
    """The text for ``key`` in ``language`` with ``{name}`` filled; English, then the key,
    when the language lacks it (the catalogue test makes sure that never ships)."""
    template = catalogue(language).get(key) or catalogue(DEFAULT_LANGUAGE).get(key) or key
    if not params:
        return template
    return fill(template, {name: str(value) for name, value in params.items()})


def choose_language(*wanted: str | None, accept: str | None = None) -> str:
    """The first of ``wanted`` the pages speak, else the best match of an Accept-Language
    header, else English."""
    known = ui_languages()
    for lang in wanted:
        if lang and lang in known:
            return lang
    for lang in _accepted(accept or ""):
        if lang in known:
            return lang
    return DEFAULT_LANGUAGE


def _accepted(header: str) -> list[str]:
    """Primary language tags of an Accept-Language header, most wanted first."""
    ranked: list[tuple[float, int, str]] = []
    for n, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag:
            ranked.append((-quality, n, tag.split("-")[0].lower()))
    return [tag for _, _, tag in sorted(ranked)]


class Translator:
    """``t`` for one reader: the callable the templates and routes use."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, key: str, **params: object) -> str:
        return translate(self.language, key, **params)

    def get(self, key: str, default: str) -> str:
        """The text for ``key`` if the catalogue has one, else ``default`` (for keys made
        from data, such as a network the catalogue does not name)."""
        if key in catalogue(self.language) or key in catalogue(DEFAULT_LANGUAGE):
            return translate(self.language, key)
        return default
