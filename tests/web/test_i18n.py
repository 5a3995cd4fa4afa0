"""The pages' catalogue: every text in every language, and the right language for a reader."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from postwise.web.coach import NETWORKS
from postwise.web.i18n import DEFAULT_LANGUAGE, Translator, catalogue, choose_language, ui_languages
from postwise.workflow.states import State

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# Keys written out in full in templates and modules: t('x.y'), "errors.z", error="x.y"…
LITERAL_KEY = re.compile(
    r"""(?:\bt\(|\bt\.get\(|PageRefused\(\d+,\s*|error=|key=)\s*['"]([a-z_]+(?:\.[a-z_]+)+)['"]\s*[,)]"""
)
# Keys made from data in templates (t('state.' ~ post.state)): every value must be there.
FAMILIES: dict[str, tuple[str, ...]] = {
    "state": tuple(s.value for s in State),
    "next": tuple(s.value for s in State),
    "severity": ("block", "warn", "tip"),
    "verdict": ("clean", "warn", "block", "hold", "empty", "then_hold"),
    "network": NETWORKS,
    "roles": ("employee", "reviewer", "admin"),
    "decision": ("approve", "reject", "request_changes", "ok", "concern"),
    "policy.expect": ("raise", "pass"),
    # the workflow's notification kinds, "." written as "_"
    "notice": (
        "review_approve",
        "review_reject",
        "review_request_changes",
        "schedule_missed",
        "publish_failed",
        "sample_concern",
        "drug_safety",
    ),
}
FLASHES = re.compile(r"""done=f?['"]([a-z_{}]+)['"]""")


def web_sources() -> dict[str, str]:
    root = resources.files("postwise.web")
    found: dict[str, str] = {}
    for folder in (root, root.joinpath("routes"), root.joinpath("templates")):
        for entry in folder.iterdir():
            if entry.name.endswith((".py", ".html")):
                found[entry.name] = entry.read_text(encoding="utf-8")
    return found


def test_english_comes_first_and_swedish_and_dutch_are_there() -> None:
    assert ui_languages()[0] == "en"
    assert set(ui_languages()) >= {"en", "sv", "nl"}


@pytest.mark.parametrize("language", [lang for lang in ui_languages() if lang != "en"])
def test_every_language_has_exactly_the_english_keys(language: str) -> None:
    english, other = set(catalogue("en")), set(catalogue(language))
    assert sorted(english - other) == [], f"{language} lacks these texts"
    assert sorted(other - english) == [], f"{language} has texts English does not"


@pytest.mark.parametrize("language", ui_languages())
def test_no_text_is_empty_and_placeholders_match_english(language: str) -> None:
    for key, text in catalogue(language).items():
        assert text.strip(), f"{language}:{key} is empty"
        wanted = set(PLACEHOLDER.findall(catalogue("en")[key]))
        assert set(PLACEHOLDER.findall(text)) == wanted, f"{language}:{key} placeholders"


def test_every_key_the_pages_ask_for_is_in_the_catalogue() -> None:
    english = catalogue("en")
    asked = {
        (name, key) for name, text in web_sources().items() for key in LITERAL_KEY.findall(text)
    }
    assert asked, "the key pattern found nothing: the test would prove nothing"
    missing = sorted(f"{name}: {key}" for name, key in asked if key not in english)
    assert missing == []


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_keys_made_from_data_exist_for_every_value(family: str) -> None:
    english = catalogue("en")
    separator = "_" if family == "policy.expect" else "."
    missing = [v for v in FAMILIES[family] if f"{family}{separator}{v}" not in english]
    assert missing == []


def test_every_flash_a_route_can_show_is_in_the_catalogue() -> None:
    english = catalogue("en")
    flashes = {m for text in web_sources().values() for m in FLASHES.findall(text)}
    expanded = {
        f.replace("{decision}", d)
        for f in flashes
        for d in ("approve", "reject", "request_changes")
    }
    assert expanded
    assert sorted(f for f in expanded if f"flash.{f}" not in english) == []


@pytest.mark.parametrize(
    ("wanted", "accept", "expected"),
    [
        (("sv",), None, "sv"),
        ((None, "nl"), None, "nl"),
        (("de",), "nl-NL,nl;q=0.9,en;q=0.8", "nl"),
        ((None,), "de-DE,sv;q=0.5,en;q=0.7", "en"),
        ((None,), "fr-FR", "en"),
        ((), "", DEFAULT_LANGUAGE),
        ((), "sv;q=bogus, nl", "nl"),
    ],
)
def test_the_reader_gets_the_first_language_they_want_that_the_pages_speak(
    wanted: tuple[str | None, ...], accept: str | None, expected: str
) -> None:
    assert choose_language(*wanted, accept=accept) == expected


def test_a_translation_fills_placeholders_and_nothing_else() -> None:
    t = Translator("sv")
    assert t("compose.counter", count=12, limit=280) == "12 av 280 tecken"
    assert t("post.title", id="{__class__}") == "Inlägg {__class__}"
    assert t("no.such.key") == "no.such.key"
    assert t.get("network.linkedin", "x") == "LinkedIn"
    assert t.get("network.myspace", "myspace") == "myspace"
