from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from postwise import CompiledPolicy, Context, InputError, check, load_policy_text
from postwise.policy.starter import dump_policy, starter_policy
from tests.conftest import ORG, context, make_policy


@pytest.fixture(scope="module")
def policy() -> CompiledPolicy:
    return make_policy()


def test_a_clean_post_is_clean_and_names_the_policy_version(policy: CompiledPolicy) -> None:
    report = check("Lovely autumn walk along the river today.", context(), policy)
    assert report.verdict == "clean"
    assert report.findings == ()
    assert report.policy_version == policy.version


def test_spans_point_at_the_authors_own_words(policy: CompiledPolicy) -> None:
    text = "Äntligen! Stabilitetsdatan för LH 417 ser bra ut 🧪 (konfidentiellt)"
    report = check(text, context(), policy)
    excerpts = {f.excerpt for f in report.findings if f.kind == "confidential"}
    assert excerpts == {"LH 417", "konfidentiellt"}
    for f in report.findings:
        assert f.start is not None and f.end is not None
        assert text[f.start : f.end] == f.excerpt
    assert report.verdict == "block"


@pytest.mark.parametrize(
    ("text", "author_language", "expected"),
    [
        ("Vandaag de eerste batch voor #ProjectHeron opgeschaald", None, "nl"),
        ("Sista sprinten i Heron-projektet innan semestern", None, "sv"),
        ("Sista sprinten i Heron-projektet innan semestern", "nl", "nl"),
        ("Project Heron is moving to a new lab next month", "de", "en"),
    ],
)
def test_messages_use_the_authors_language_else_the_posts(
    policy: CompiledPolicy, text: str, author_language: str | None, expected: str
) -> None:
    ctx = Context.from_data({"author": {"language": author_language}})
    report = check(text, ctx, policy)
    assert report.language == expected
    assert all(f.language == expected for f in report.findings)
    finding = report.findings[0]
    assert finding.guideline == policy.rule(finding.rule_id).spec.guideline[expected]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
        ("   \n\t", "empty"),
        ("x" * 100_001, "limit is 100,000"),
    ],
)
def test_bad_text_is_refused_with_a_clear_error(
    policy: CompiledPolicy, text: str, words: str
) -> None:
    with pytest.raises(InputError) as info:
        check(text, None, policy)
    assert words in str(info.value)


def test_times_without_a_time_zone_are_refused() -> None:
    with pytest.raises(InputError) as info:
        Context.from_data({"posted_at": "2026-05-04T09:20:00"})
    assert "time zone" in str(info.value)


def test_unknown_context_keys_are_refused() -> None:
    with pytest.raises(InputError) as info:
        Context.from_data({"chanel": "x"})
    assert "chanel" in str(info.value)


def test_one_compiled_policy_serves_many_threads_with_the_same_answers(
    policy: CompiledPolicy,
) -> None:
    posts = [
        "Sneak peek: #ProjectHeron gets its own lab (internal only)",
        "Grey heron in the fog this morning",
        "Velyra launches next year!",
        "Bezoek aan https://intranet.lumora.local/hr vandaag",
    ] * 50
    expected = [check(p, None, policy).to_dict() for p in posts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda p: check(p, None, policy).to_dict(), posts))
    assert got == expected


def test_the_engine_reads_no_clock_the_same_input_gives_the_same_report(
    policy: CompiledPolicy,
) -> None:
    text = "THREE WEEKS and still nothing?! Are you people even reading this??"
    assert check(text, context(), policy) == check(text, context(), policy)


def _heat_policy(
    settings: dict[str, object], message: dict[str, str] | None = None
) -> CompiledPolicy:
    data = starter_policy(ORG)
    data["rules"] = [
        {**rule, "settings": settings, **({"message": message} if message else {})}
        for rule in data["rules"]
        if rule["kind"] == "heat"
    ]
    return load_policy_text(dump_policy(data), "test policy")


@pytest.mark.parametrize(
    ("language", "listed"),
    [
        ("en", "words in capitals and “!!” or “?!”"),
        ("sv", "ord i versaler och ”!!” eller ”?!”"),
        ("nl", "woorden in hoofdletters en ‘!!’ of ‘?!’"),
    ],
)
def test_a_list_of_message_keys_is_written_out_in_the_message_language(
    language: str, listed: str
) -> None:
    (finding,) = check(
        "WHY IS THIS STILL BROKEN?!", context(language=language), _heat_policy({})
    ).findings
    assert f"({listed})" in finding.message
    assert "signal_" not in finding.message


def test_a_list_of_one_message_key_is_just_that_entry() -> None:
    policy = _heat_policy({"threshold": 1})
    (finding,) = check("Is it broken?!", context(language="en"), policy).findings
    assert "(“!!” or “?!”)" in finding.message


def test_a_policys_own_message_gets_the_list_written_out_too() -> None:
    policy = _heat_policy({}, {"en": "Cool down first: {signals}."})
    (finding,) = check("WHY IS THIS STILL BROKEN?!", context(language="en"), policy).findings
    assert finding.message == "Cool down first: words in capitals and “!!” or “?!”."
