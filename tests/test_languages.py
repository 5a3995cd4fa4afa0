"""Every text exists in every language: messages, page texts, pack texts and rule docs.

Generic over whatever exists: every file in any ``data/messages/<lang>/`` folder, every
registered rule kind and every pack. Adding a language folder (German, say) makes these
tests ask for every text in it; adding a kind or a message key asks for it in every language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from postwise.engine.messages import catalogue_languages
from postwise.policy.packs import list_packs
from postwise.rules import registry
from postwise.text.data import data_names, load_data

REQUIRED = ("en", "sv", "nl")
LANGUAGES = tuple(sorted(set(REQUIRED) | set(catalogue_languages())))
FILES = sorted(
    {
        name
        for lang in catalogue_languages()
        for name in data_names("messages", lang)
        if name.endswith(".yaml")
    }
)
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
SECTIONS = ("**What it catches.**", "**Why.**", "**Example.**", "**Fix.**")


def messages(lang: str, name: str) -> Mapping[str, Any]:
    if name not in data_names("messages", lang):
        return {}
    data = load_data("messages", lang, name)
    return data if isinstance(data, Mapping) else {}


def leaves(data: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping):
            yield from leaves(value, path + ".")
        else:
            yield path, value


def test_the_seeds_languages_have_a_catalogue() -> None:
    assert set(REQUIRED) <= set(catalogue_languages())


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_file_has_the_same_keys_in_every_language(name: str, lang: str) -> None:
    english = dict(leaves(messages("en", name)))
    own = dict(leaves(messages(lang, name)))
    assert name in data_names("messages", lang), f"messages/{lang}/{name} is missing"
    assert sorted(set(english) - set(own)) == [], f"messages/{lang}/{name} lacks these keys"
    assert sorted(set(own) - set(english)) == [], f"messages/{lang}/{name}: keys English lacks"
    empty = [key for key, value in own.items() if not (isinstance(value, str) and value.strip())]
    assert empty == [], f"messages/{lang}/{name}: empty or not text"


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_a_translation_uses_no_placeholder_that_english_does_not(name: str, lang: str) -> None:
    # A placeholder nobody fills would be shown to the author as "{foo}".
    english = dict(leaves(messages("en", name)))
    unknown = {
        key: sorted(set(_PLACEHOLDER.findall(value)) - set(_PLACEHOLDER.findall(english[key])))
        for key, value in leaves(messages(lang, name))
        if isinstance(value, str) and isinstance(english.get(key), str)
    }
    assert {k: v for k, v in unknown.items() if v} == {}


@pytest.mark.parametrize("kind", sorted(registry()))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_rule_kind_has_messages_and_a_page_explanation(kind: str, lang: str) -> None:
    assert f"{kind}.yaml" in data_names("messages", lang), f"messages/{lang}/{kind}.yaml"
    if registry()[kind].per_post:
        assert messages(lang, f"{kind}.yaml").get("guideline"), f"{lang}/{kind}.yaml: guideline"
    explanation = messages(lang, "policy_page.yaml").get("kinds", {}).get(kind)
    assert explanation, f"messages/{lang}/policy_page.yaml lacks kinds.{kind}"


@pytest.mark.parametrize("kind", sorted(registry()))
def test_every_rule_kind_is_documented_in_four_parts(kind: str) -> None:
    doc = registry()[kind].doc
    positions = [doc.find(section) for section in SECTIONS]
    assert -1 not in positions, f"rules/{kind}.py docstring lacks one of {SECTIONS}"
    assert positions == sorted(positions), "sections out of order"


@pytest.mark.parametrize("pack", [p.name for p in list_packs()])
def test_every_pack_text_is_in_every_language(pack: str) -> None:
    spec = next(p for p in list_packs() if p.name == pack).spec
    texts = {"summary": spec.summary, "title": spec.title, "intro": spec.intro}
    texts |= {f"rules.{rule.id}.guideline": rule.guideline for rule in spec.rules}
    lacking = {
        where: sorted(set(LANGUAGES) - {lang for lang, text in by_lang.items() if text.strip()})
        for where, by_lang in texts.items()
    }
    assert {k: v for k, v in lacking.items() if v} == {}


@pytest.mark.parametrize("pack", [p.name for p in list_packs()])
def test_every_pack_rule_has_examples_both_ways_in_every_language(pack: str) -> None:
    spec = next(p for p in list_packs() if p.name == pack).spec
    kinds = registry()
    lacking: dict[str, list[str]] = {}
    for rule in spec.rules:
        if rule.kind in kinds and not kinds[rule.kind].per_post:
            continue  # a report about people (role_duty): no post can show it
        for which, group in (("raise", rule.examples.raise_), ("pass", rule.examples.pass_)):
            missing = [lang for lang in LANGUAGES if not group.get(lang)]
            if missing:
                lacking[f"{rule.id}.{which}"] = missing
    assert lacking == {}
