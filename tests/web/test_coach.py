"""The composer's feedback: spans the browser can use, verdicts in words, highlighted runs."""

from __future__ import annotations

import pytest

from postwise import CompiledPolicy, check
from postwise.report.model import Finding, Fix, Report
from postwise.web.coach import feedback, limits, segments, utf16_offsets, verdict_words
from postwise.web.i18n import Translator
from tests.conftest import context


def finding(start: int | None, end: int | None, severity: str = "warn") -> Finding:
    return Finding(
        rule_id="r",
        kind="confidential",
        severity=severity,  # type: ignore[arg-type]
        start=start,
        end=end,
        excerpt="",
        message="m",
        guideline="g",
        language="en",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("abc", [0, 1, 2, 3]),
        ("a😀b", [0, 1, 3, 4]),  # an emoji is two UTF-16 units
        ("é", [0, 1]),
        ("👩‍👩‍👧", [0, 2, 3, 5, 6, 8]),
    ],
)
def test_utf16_offsets_count_as_javascript_does(text: str, expected: list[int]) -> None:
    assert utf16_offsets(text) == expected


def test_spans_after_an_emoji_are_sent_in_utf16_units(dev_policy: CompiledPolicy) -> None:
    text = "🚀🚀 Sneak peek of Project Heron!"
    report = check(text, context(), dev_policy)
    sent = feedback(text, report, "linkedin", dev_policy, Translator("en"))
    heron = next(f for f in sent["findings"] if f["excerpt"] == "Project Heron")
    as_js = text.encode("utf-16-le")
    assert as_js[heron["start"] * 2 : heron["end"] * 2].decode("utf-16-le") == "Project Heron"


def test_a_fix_comes_with_its_label_and_replacement(dev_policy: CompiledPolicy) -> None:
    text = "CareLoop just got a great update."
    report = check(text, context(), dev_policy)
    sent = feedback(text, report, "linkedin", dev_policy, Translator("en"))
    fix = sent["findings"][0]["fix"]
    assert fix == {
        "start": len(text),
        "end": len(text),
        "text": " #LumoraEmployee",
        "label": "Add #LumoraEmployee",
    }
    assert sent["verdict"] == "warn"
    assert sent["length"] == len(text) and sent["limit"] == 3000


@pytest.mark.parametrize(
    ("verdict", "hold", "language", "words"),
    [
        ("clean", 0, "en", "Ready to post."),
        (
            "warn",
            0,
            "en",
            "Acknowledge first: read the notes below and confirm before it goes out.",
        ),
        ("block", 0, "sv", "Behöver granskas: en granskare tittar på inlägget innan det går ut."),
        (
            "clean",
            5,
            "nl",
            "Bedenktijd: na het indienen wacht het bericht 5 minuten voordat het "
            "online gaat, en je kunt het nog intrekken.",
        ),
        (
            "warn",
            10,
            "en",
            "Acknowledge first: read the notes below and confirm before it goes "
            "out. After that it waits 10 minutes before going out, and you can still withdraw it.",
        ),
    ],
)
def test_the_verdict_is_said_in_words(verdict: str, hold: int, language: str, words: str) -> None:
    assert verdict_words(verdict, hold, Translator(language)) == words


def test_limits_follow_the_policy_s_channel_settings(dev_policy: CompiledPolicy) -> None:
    assert limits(dev_policy)["x"] == 280
    assert limits(None)["mastodon"] == 500


@pytest.mark.parametrize(
    ("findings", "runs"),
    [
        ([], [("hello world", None)]),
        ([finding(0, 5)], [("hello", "warn"), (" world", None)]),
        (
            [finding(0, 11, "tip"), finding(6, 11, "block")],
            [("hello ", "tip"), ("world", "block")],
        ),
        ([finding(None, None), finding(3, 99)], [("hello world", None)]),
    ],
)
def test_segments_mark_each_run_with_its_most_severe_finding(
    findings: list[Finding], runs: list[tuple[str, str | None]]
) -> None:
    cut = segments("hello world", findings)
    assert [(s.text, s.severity) for s in cut] == runs
    assert "".join(s.text for s in cut) == "hello world"


def test_segments_read_stored_reports_too() -> None:
    stored = Report("warn", (finding(6, 11),), "v1", "en").to_dict()["findings"]
    assert [s.text for s in segments("hello world", stored) if s.finding is not None] == ["world"]


def test_a_fix_applies_where_it_says() -> None:
    assert Fix(5, 5, " #Tag", "Add").apply("Hello") == "Hello #Tag"
