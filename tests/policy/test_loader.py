from __future__ import annotations

import textwrap

import pytest

from postwise.policy.compiled import load_policy_text
from postwise.policy.errors import PolicyError
from postwise.policy.loader import parse_policy_bytes

GOOD = textwrap.dedent(
    """\
    organisation:
      name: Acme
      timezone: Europe/Stockholm
      working_hours: ["08:30", "17:30"]
      languages: [en, sv, nl]
      confidential_terms: [Project Heron]
    rules:
      - id: no-leaks
        kind: confidential
        severity: block
        guideline: {en: Keep secrets., sv: Håll tyst., nl: Zwijg.}
        examples:
          raise: ["Sneak peek of #ProjectHeron"]
          pass: ["A grey heron"]
    """
)


def problems(text: str | bytes) -> list[tuple[int | None, int | None, str]]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(PolicyError) as info:
        load_policy_text(raw.decode("utf-8", "surrogateescape"), "p.yaml") if isinstance(
            text, str
        ) else parse_policy_bytes(raw, "p.yaml")
    return [(p.line, p.column, p.message) for p in info.value.problems]


def test_a_good_policy_loads_with_clock_times_kept_as_written() -> None:
    policy = load_policy_text(GOOD, "p.yaml")
    hours = policy.model.organisation.working_hours
    assert (hours.start.hour, hours.start.minute, hours.end.hour) == (8, 30, 17)
    assert [r.spec.id for r in policy.rules] == ["no-leaks"]
    assert len(policy.version) == 16


def test_the_version_changes_with_meaning_not_with_comments() -> None:
    a = load_policy_text(GOOD, "a").version
    b = load_policy_text("# a comment\n" + GOOD, "b").version
    c = load_policy_text(GOOD.replace("severity: block", "severity: warn"), "c").version
    assert a == b != c


@pytest.mark.parametrize(
    ("change", "line", "column", "words"),
    [
        (("severity: block", "severity: fatal"), 10, 15, "expected 'block', 'warn' or 'tip'"),
        (("kind: confidential", "kind: gossip"), 8, 5, "unknown rule kind 'gossip'"),
        (("    severity: block", "    severity: block\n    colour: red"), 11, 5, "unknown key"),
        (("timezone: Europe/Stockholm", "timezone: Mars/Olympus"), 3, 13, "unknown time zone"),
        (("nl: Zwijg.", "de: Still."), 11, 5, "guideline lacks language(s) nl"),
        (("  name: Acme", "  name: Acme\n  name: Acme2"), 3, 3, "appears twice"),
    ],
)
def test_errors_name_line_column_and_what_was_expected(
    change: tuple[str, str], line: int, column: int, words: str
) -> None:
    found = problems(GOOD.replace(*change))
    assert any(words in message for _, _, message in found), found
    located = [(ln, col) for ln, col, message in found if words in message]
    assert (line, column) in located or located[0][0] == line


def test_malformed_yaml_is_located() -> None:
    [(line, _column, message)] = problems("organisation:\n  name: [unclosed\nrules: []\n")
    assert message.startswith("malformed YAML")
    assert line == 3


def test_invalid_utf8_names_the_line_and_byte() -> None:
    [(line, column, message)] = problems(b"organisation:\n  name: Acme\xff\n")
    assert (line, column) == (2, 13)
    assert "not valid UTF-8" in message


@pytest.mark.parametrize("text", ["", "   \n", "- just\n- a list\n"])
def test_empty_or_wrong_shaped_policy_is_refused(text: str) -> None:
    assert problems(text)


def test_hostile_regular_expression_is_refused_at_its_line() -> None:
    hostile = GOOD.replace(
        "    examples:", "    settings:\n      patterns: ['(a|aa)+$']\n    examples:"
    )
    [(line, _column, message)] = problems(hostile)
    assert "too slow" in message
    assert line == 13  # the pattern's own line


def test_invalid_regular_expression_is_refused() -> None:
    bad = GOOD.replace(
        "    examples:", "    settings:\n      patterns: ['(unclosed']\n    examples:"
    )
    [(_, _, message)] = problems(bad)
    assert "not a valid regular expression" in message


def test_an_unknown_holiday_country_is_located_in_the_organisation() -> None:
    bad = GOOD.replace(
        '  working_hours: ["08:30", "17:30"]',
        "  working_hours: {start: '08:30', end: '17:30', holidays: XX}",
    )
    [(line, _, message)] = problems(bad)
    assert line == 4
    assert "no public holidays are known for 'XX'" in message
