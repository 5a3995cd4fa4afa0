"""The rendered policy: one readable page per language, in Markdown and standalone HTML."""

from __future__ import annotations

import re
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest

from postwise.cli.main import main
from postwise.engine.messages import catalogue
from postwise.policy.compiled import CompiledPolicy, load_policy_text
from postwise.policy.model import Organisation
from postwise.policy.render import (
    build_page,
    circumstances,
    kind_explanation,
    md_escape,
    page_words,
    render_policy,
)
from postwise.policy.starter import dump_policy, starter_policy
from postwise.rules import registry
from tests.conftest import ORG
from tests.policy.test_packs import PACKS, missing_kinds

LANGS = ["en", "sv", "nl"]

POLICY = textwrap.dedent(
    """\
    title: {en: "Acme: posting", sv: "Acme: att skriva", nl: "Acme: posten"}
    organisation:
      name: Acme
      timezone: Europe/Stockholm
      confidential_terms: [Project Heron]
    rules:
      - id: no-leaks
        kind: confidential
        severity: block
        guideline: &leaks
          en: "Keep secrets. Code names stay inside."
          sv: "Bevara hemligheter. Kodnamn stannar internt."
          nl: "Bewaar geheimen. Codenamen blijven binnen."
        examples:
          raise:
            - "Sneak peek of #ProjectHeron, the team is on fire!"
            - "Smygtitt på Project Heron, vilket team vi har!"
            - "Een kijkje in Project Heron, wat een team!"
          pass:
            - "Proud of the team today, more when we can share it."
            - "Stolt över teamet i dag, mer när vi kan berätta."
            - "Trots op het team vandaag, meer als we het kunnen delen."
      - id: no-passwords
        kind: secrets
        severity: block
        guideline: *leaks
      - id: relevant
        kind: channel
        severity: tip
        guideline:
          en: "Be relevant. Two or three hashtags are plenty."
          sv: "Var relevant. Två eller tre hashtaggar räcker."
          nl: "Zorg dat het ertoe doet. Twee of drie hashtags zijn genoeg."
        examples:
          raise:
            - text: "Great day! #a #b #c #d #e #f"
              context: {posted_at: "2026-03-03T23:40:00+01:00", channel: x}
      - id: switched-off
        kind: channel
        severity: warn
        enabled: false
        guideline: {en: "Never shown.", sv: "Visas aldrig.", nl: "Nooit getoond."}
    """
)


@pytest.fixture(scope="module")
def policy() -> CompiledPolicy:
    return load_policy_text(POLICY, "render test")


def hostile_policy() -> CompiledPolicy:
    nasty = '<script>alert("x")</script> *bold* [link](https://evil.example) & `code` | #'
    text = POLICY.replace("Keep secrets. Code names stay inside.", nasty.replace('"', '\\"'))
    text = text.replace("Proud of the team", "<img src=x onerror=alert(1)> Proud of the team")
    return load_policy_text(text, "hostile")


class _Outline(HTMLParser):
    """Collects what an accessibility check looks at: tags, the lang attribute, external refs."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.lang: str | None = None
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        for name in ("src", "href"):
            value = values.get(name) or ""
            if value and not value.startswith("#"):
                self.external.append(value)


def outline(page: str) -> _Outline:
    parser = _Outline()
    parser.feed(page)
    return parser


@pytest.mark.parametrize("lang", LANGS)
def test_html_is_a_standalone_accessible_page(policy: CompiledPolicy, lang: str) -> None:
    page = render_policy(policy, lang, "html")
    found = outline(page)
    assert page.startswith("<!DOCTYPE html>")
    assert found.lang == lang
    assert found.external == []  # nothing fetched: no links out, no images, no fonts
    assert {"header", "nav", "main", "footer", "h1", "h2", "style"} <= set(found.tags)
    assert found.tags.count("h1") == 1
    assert "@media print" in page


@pytest.mark.parametrize(
    ("lang", "title", "heading", "do_label", "consequence"),
    [
        ("en", "# Acme: posting", "## 1. Keep secrets", "**Do**", "*Held for review*"),
        (
            "sv",
            "# Acme: att skriva",
            "## 1. Bevara hemligheter",
            "**Gör så här**",
            "*Väntar på granskning*",
        ),
        ("nl", "# Acme: posten", "## 1. Bewaar geheimen", "**Wel doen**", "*Wacht op beoordeling*"),
    ],
)
def test_markdown_speaks_the_pages_language(
    policy: CompiledPolicy, lang: str, title: str, heading: str, do_label: str, consequence: str
) -> None:
    page = render_policy(policy, lang, "md")
    assert page.startswith(title + "\n")
    assert heading + "\n" in page
    assert do_label in page
    assert consequence in page


@pytest.mark.parametrize(
    ("lang", "do", "dont"),
    [
        ("en", "Proud of the team today", "Sneak peek of #ProjectHeron"),
        ("sv", "Stolt över teamet i dag", "Smygtitt på Project Heron"),
        ("nl", "Trots op het team vandaag", "Een kijkje in Project Heron"),
    ],
)
def test_do_and_dont_come_from_the_rules_examples_in_the_pages_language(
    policy: CompiledPolicy, lang: str, do: str, dont: str
) -> None:
    first = build_page(policy, lang).guidelines[0]
    assert first.do is not None and first.do.text.startswith(do)
    assert first.dont is not None and first.dont.text.startswith(dont)


def test_rules_that_share_a_guideline_are_one_guideline(policy: CompiledPolicy) -> None:
    page = build_page(policy, "en")
    assert [g.heading for g in page.guidelines] == ["Keep secrets", "Be relevant"]
    assert [c.rule_id for c in page.guidelines[0].checks] == ["no-leaks", "no-passwords"]


def test_a_disabled_rule_is_not_on_the_page(policy: CompiledPolicy) -> None:
    assert "Never shown" not in render_policy(policy, "en", "md")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "Posted on Tuesday 3 March at 23:40, on X"),
        ("sv", "Publicerat tisdag 3 mars kl. 23.40, på X"),
        ("nl", "Geplaatst op dinsdag 3 maart om 23.40 uur, op X"),
    ],
)
def test_an_examples_circumstances_are_said_in_words_and_local_time(
    policy: CompiledPolicy, lang: str, said: str
) -> None:
    # The example is in English, so only the English page shows it; the words are checked
    # for every language through the helper the page uses.
    context = {"posted_at": "2026-03-03T23:40:00+01:00", "channel": "x"}
    org = Organisation(name="Acme", timezone="Europe/Stockholm")
    assert circumstances(context, lang, page_words(lang), org) == said


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "Posted on Monday 22 June at 10:00, in a quiet period, after 2 posts earlier that day",
        ),
        (
            "sv",
            "Publicerat måndag 22 juni kl. 10.00, under en tyst period, "
            "efter 2 inlägg tidigare samma dag",
        ),
        (
            "nl",
            "Geplaatst op maandag 22 juni om 10.00 uur, tijdens een stille periode, "
            "na 2 berichten eerder die dag",
        ),
    ],
)
def test_circumstances_say_when_a_post_falls_in_a_quiet_period(lang: str, said: str) -> None:
    org = Organisation.model_validate(
        {
            "name": "Acme",
            "timezone": "Europe/Amsterdam",
            "quiet_periods": [{"start": "2026-06-22", "end": "2026-07-22"}],
        }
    )
    context = {
        "posted_at": "2026-06-22T10:00:00+02:00",
        # Two that day; the one the day before is not "earlier that day".
        "recent_posts": [
            "2026-06-22T08:00:00+02:00",
            "2026-06-22T09:00:00+02:00",
            "2026-06-21T09:00:00+02:00",
        ],
    }
    assert circumstances(context, lang, page_words(lang), org) == said


def test_a_guideline_without_examples_in_the_language_shows_none(policy: CompiledPolicy) -> None:
    relevant = build_page(policy, "sv").guidelines[1]
    assert relevant.do is None and relevant.dont is None
    assert "Great day!" not in render_policy(policy, "sv", "md")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_every_text_from_the_policy_is_escaped(fmt: str) -> None:
    page = render_policy(hostile_policy(), "en", fmt)
    if fmt == "html":
        assert "<script>" not in page
        assert "<img" not in page
        assert "&lt;script&gt;" in page
        assert "&lt;img src=x onerror=alert(1)&gt;" in page
        assert outline(page).external == []
    else:
        heading = r'## 1. \<script\>alert("x")\</script\> \*bold\* \[link\](https://evil.example) '
        assert heading + r"\& \`code\` \| #" in page.splitlines()
        assert r"> \<img src=x onerror=alert(1)\> Proud of the team" in page
        assert r"\<script\>" in page
        assert r"\*bold\*" in page
        assert r"\[link\]" in page


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("plain words stay plain", "plain words stay plain"),
        ("*not emphasis* and _not either_", r"\*not emphasis\* and \_not either\_"),
        ("# not a heading", r"\# not a heading"),
        ("1. not a list", r"1\. not a list"),
        ("- not a bullet", r"\- not a bullet"),
        ("a <b>tag</b> & an &amp;", r"a \<b\>tag\</b\> \& an \&amp;"),
        ("#hashtag at the start", r"\#hashtag at the start"),
        ("mid #hashtag", "mid #hashtag"),
    ],
)
def test_markdown_escaping(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


@pytest.mark.parametrize("kind", sorted(registry()))
def test_what_postwise_checks_in_english_is_the_rule_modules_summary(kind: str) -> None:
    summary = registry()[kind].doc.strip().splitlines()[0].rstrip(".")
    assert kind_explanation(kind, "en") == summary + "."


@pytest.mark.parametrize("lang", ["sv", "nl"])
def test_what_postwise_checks_in_other_languages_comes_from_the_catalogue(
    policy: CompiledPolicy, lang: str
) -> None:
    page = build_page(policy, lang)
    want = catalogue(lang)["policy_page"]["kinds"]["confidential"]  # type: ignore[index]
    assert page.guidelines[0].checks[0].explanation == want


def test_the_legend_names_only_the_severities_the_policy_uses(policy: CompiledPolicy) -> None:
    labels = [label for label, _ in build_page(policy, "en").legend]
    assert labels == ["Held for review", "Tip"]


def test_the_default_language_is_the_policys_first(policy: CompiledPolicy) -> None:
    assert render_policy(policy, None, "md") == render_policy(policy, "en", "md")


def test_the_footer_names_the_policy_version(policy: CompiledPolicy) -> None:
    assert policy.version in render_policy(policy, "nl", "html")


@pytest.mark.parametrize("pack", PACKS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_every_pack_renders_in_every_language(pack: str, lang: str, fmt: str) -> None:
    if missing_kinds(pack):
        pytest.skip(f"kinds not built yet: {missing_kinds(pack)}")
    compiled = load_policy_text(dump_policy(starter_policy(ORG, pack)), pack)
    page = render_policy(compiled, lang, fmt)
    built = build_page(compiled, lang)
    assert built.intro == compiled.model.intro[lang]
    for guideline in built.guidelines:
        assert all(check.explanation for check in guideline.checks), guideline.heading
        per_post = any(
            registry()[r.kind].per_post
            for r in compiled.model.rules
            if r.guideline.get(lang, "").startswith(guideline.heading)
        )
        if per_post:
            assert guideline.do is not None and guideline.dont is not None, guideline.heading
    assert "{" not in re.sub(r"<style>.*?</style>", "", page, flags=re.S)


def test_the_cli_writes_the_page(tmp_path: Path, policy: CompiledPolicy) -> None:
    source = tmp_path / "policy.yaml"
    source.write_text(POLICY, encoding="utf-8")
    out = tmp_path / "policy.html"
    assert (
        main(["policy", "show", str(source), "--lang", "sv", "--format", "html", "-o", str(out)])
        == 0
    )
    assert outline(out.read_text(encoding="utf-8")).lang == "sv"
