from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from postwise.cli.main import main
from tests.conftest import ORG


def postwise(*args: str, stdin: str | bytes | None = None) -> subprocess.CompletedProcess[str]:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    done = subprocess.run(
        [sys.executable, "-m", "postwise.cli.main", *args],
        input=data,
        capture_output=True,
        check=False,
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode(), done.stderr.decode()
    )


@pytest.fixture(scope="module")
def policy_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    org = folder / "org.json"
    org.write_text(json.dumps(ORG), encoding="utf-8")
    out = folder / "policy.yaml"
    assert main(["policy", "init", "--org", str(org), "-o", str(out)]) == 0
    return out


def test_init_writes_a_policy_that_validates(policy_file: Path) -> None:
    done = postwise("policy", "validate", str(policy_file))
    assert done.returncode == 0, done.stderr
    assert "valid" in done.stdout


def test_init_refuses_to_overwrite_without_force(policy_file: Path) -> None:
    org = policy_file.parent / "org.json"
    done = postwise("policy", "init", "--org", str(org), "-o", str(policy_file))
    assert done.returncode == 3
    assert "--force" in done.stderr


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Lovely autumn walk along the river.", 0),
        ("Sneak peek of #ProjectHeron, internal only!", 2),
    ],
)
def test_exit_status_tells_the_verdict(policy_file: Path, text: str, code: int) -> None:
    done = postwise("check", text, "--policy", str(policy_file))
    assert done.returncode == code, done.stderr


def test_human_output_marks_the_span_and_explains(policy_file: Path) -> None:
    done = postwise("check", "Sneak peek of #ProjectHeron", "--policy", str(policy_file))
    assert "⟦ProjectHeron⟧" in done.stdout
    assert "confidential" in done.stdout


def test_json_output_is_one_object(policy_file: Path) -> None:
    done = postwise(
        "check", "Velyra launches soon", "--policy", str(policy_file), "--format", "json"
    )
    report = json.loads(done.stdout)
    assert report["verdict"] == "block"
    [finding] = [f for f in report["findings"] if f["kind"] == "confidential"]
    assert (finding["start"], finding["end"], finding["excerpt"]) == (0, 6, "Velyra")


def test_text_can_come_from_standard_input(policy_file: Path) -> None:
    done = postwise("check", "--policy", str(policy_file), stdin="Velyra!")
    assert done.returncode == 2


def test_jsonl_checks_many_and_reports_bad_lines_without_stopping(policy_file: Path) -> None:
    lines = "\n".join(
        [
            json.dumps({"id": "a", "text": "Velyra launches"}),
            "{not json",
            json.dumps({"id": "c", "text": "Nice walk", "context": {"channel": "x"}}),
            json.dumps({"id": "d", "text": "x", "context": {"posted_at": "2026-01-01T10:00"}}),
        ]
    )
    done = postwise("check", "--policy", str(policy_file), "--jsonl", "-", stdin=lines)
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o.get("id") for o in out] == ["a", None, "c", "d"]
    assert out[0]["verdict"] == "block"
    assert "malformed JSON" in out[1]["error"][0]["message"]
    assert out[2]["verdict"] == "clean"
    assert "time zone" in out[3]["error"][0]["message"]
    assert done.returncode == 3


@pytest.mark.parametrize(
    ("args", "stdin", "words"),
    [
        (["check", "hi", "--policy", "/nonexistent.yaml"], None, "no such file"),
        (["check", "--policy", "POLICY"], b"caf\xe9", "not valid UTF-8"),
        (["check", "", "--policy", "POLICY"], None, "empty"),
        (["check", "hi", "--policy", "POLICY", "--context", "{bad"], None, "malformed JSON"),
        (
            ["check", "hi", "--policy", "POLICY", "--context", '{"posted_at": "2026-01-01"}'],
            None,
            "time zone",
        ),
    ],
)
def test_bad_input_gets_a_clear_error_and_no_traceback(
    policy_file: Path, args: list[str], stdin: bytes | None, words: str
) -> None:
    args = [str(policy_file) if a == "POLICY" else a for a in args]
    done = postwise(*args, stdin=stdin)
    assert done.returncode == 3
    assert words in done.stderr
    assert "Traceback" not in done.stderr


def test_usage_errors_have_their_own_status() -> None:
    done = postwise("check", "hi")
    assert done.returncode == 4
    assert "--policy" in done.stderr


def test_help_documents_exit_statuses() -> None:
    done = postwise("check", "--help")
    assert "exit status" in done.stdout and "block" in done.stdout


def test_policy_test_reports_each_failing_example(tmp_path: Path, policy_file: Path) -> None:
    text = policy_file.read_text(encoding="utf-8").replace(
        "  kind: confidential\n",
        "  kind: confidential\n  examples:\n    raise: ['A grey heron at dawn']\n"
        "    pass: ['Project Heron moves']\n",
        1,
    )
    broken = tmp_path / "broken.yaml"
    broken.write_text(text, encoding="utf-8")
    done = postwise("policy", "test", str(broken))
    assert done.returncode == 3
    assert "FAIL confidential raise[0]" in done.stdout
    assert "FAIL confidential pass[0]" in done.stdout
    assert "0 passed, 2 failed" in done.stdout


def test_demo_shows_findings_in_three_languages() -> None:
    done = postwise("demo")
    assert done.returncode == 0, done.stderr
    assert "konfidentiella" in done.stdout  # Swedish message
    assert "confidential terms" in done.stdout  # English message
