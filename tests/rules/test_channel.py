"""channel: length per network counted as readers count, hashtags and mentions."""

from __future__ import annotations

import random

import pytest
import regex

from postwise import CompiledPolicy, check
from postwise.rules.channel import _grapheme_offset, length
from tests.conftest import context, policy_with


@pytest.fixture(scope="module")
def policy() -> CompiledPolicy:
    return policy_with("channel")


def details(text: str, policy: CompiledPolicy, channel: str) -> list[str]:
    report = check(text, context(channel=channel), policy)
    return [f.message for f in report.findings if f.kind == "channel"]


@pytest.mark.parametrize(
    ("channel", "limit"),
    [("x", 280), ("bluesky", 300), ("mastodon", 500), ("linkedin", 3000), ("instagram", 2200)],
)
def test_each_network_allows_exactly_its_limit(
    policy: CompiledPolicy, channel: str, limit: int
) -> None:
    assert details("a" * limit, policy, channel) == []
    [message] = details("a" * (limit + 1), policy, channel)
    assert f"{limit + 1} characters" in message and str(limit) in message


def test_the_span_starts_where_the_network_would_cut(policy: CompiledPolicy) -> None:
    text = "🇸🇪 " + "b" * 300
    [finding] = check(text, context(channel="x"), policy).findings
    # The flag and the space are two characters to a reader, so 278 b's still fit.
    assert finding.start == len("🇸🇪 ") + 278


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", 5),
        ("👩‍👩‍👧 ok", 4),
        ("🇸🇪🇳🇱", 2),
        ("e\u0301cole", 5),
        ("👍🏽!", 2),
        ("❤️‍🔥", 1),
    ],
)
def test_length_counts_what_a_reader_sees(text: str, expected: int) -> None:
    assert length(text) == expected


_PIECES = ["a", " ", "é", "e\u0301", "👍", "👍🏽", "👩\u200d👩\u200d👧", "🇸🇪", "🇳🇱", "❤️", "1️⃣"]
_PIECES += ["🏳️\u200d🌈"]


def test_the_cut_lands_where_unicode_grapheme_clusters_say() -> None:
    rng = random.Random(11)
    for _ in range(2000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40)))
        clusters = regex.findall(r"\X", text)
        for n in (0, 1, rng.randint(0, len(clusters) + 2)):
            expected = len("".join(clusters[:n]))
            assert _grapheme_offset(text, n) == expected, (text, n)


def test_more_than_five_hashtags_is_flagged_from_the_sixth(policy: CompiledPolicy) -> None:
    five = "Team day! #a1 #b #c #d #e"
    assert details(five, policy, "linkedin") == []
    text = five + " #f #g"
    [finding] = [f for f in check(text, context(), policy).findings]
    assert finding.excerpt == "#f #g"
    assert "7 hashtags" in finding.message


def test_an_email_address_is_not_a_mention(policy: CompiledPolicy) -> None:
    text = " ".join(f"a{i}@example.com" for i in range(12))
    assert details(text, policy, "linkedin") == []


def test_limits_can_be_changed_per_channel() -> None:
    policy = policy_with("channel", {"limits": {"linkedin": 100}, "max_hashtags": 2})
    assert details("x" * 101, policy, "linkedin")
    assert details("#a #b #c", policy, "linkedin")


def test_an_unknown_channel_has_no_length_limit(policy: CompiledPolicy) -> None:
    assert details("x" * 5000, policy, "intranet") == []
