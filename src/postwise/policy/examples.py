"""Run the examples written in a policy as tests: each must raise its rule, or must not."""

from __future__ import annotations

from dataclasses import dataclass

from postwise.engine.check import check
from postwise.engine.context import Context
from postwise.policy.compiled import CompiledPolicy
from postwise.policy.errors import InputError


@dataclass(frozen=True)
class ExampleResult:
    rule_id: str
    expect: str  # "raise" or "pass"
    index: int
    text: str
    ok: bool
    detail: str

    def describe(self) -> str:
        status = "ok  " if self.ok else "FAIL"
        want = "must raise" if self.expect == "raise" else "must not raise"
        return f"{status} {self.rule_id} {self.expect}[{self.index}] ({want}): {self.detail}"


def run_examples(policy: CompiledPolicy) -> list[ExampleResult]:
    results: list[ExampleResult] = []
    for rule in policy.model.rules:
        groups = (("raise", rule.examples.raise_), ("pass", rule.examples.pass_))
        for expect, examples in groups:
            for i, example in enumerate(examples):
                results.append(_run_one(policy, rule.id, expect, i, example.text, example.context))
    return results


def _run_one(
    policy: CompiledPolicy,
    rule_id: str,
    expect: str,
    index: int,
    text: str,
    context_data: dict[str, object] | None,
) -> ExampleResult:
    short = " ".join(text.split())[:70]
    try:
        context = Context.from_data(context_data, f"rules.{rule_id}.examples.{expect}[{index}]")
        report = check(text, context, policy)
    except InputError as exc:
        return ExampleResult(rule_id, expect, index, text, False, f"cannot run: {exc}")
    own = [f for f in report.findings if f.rule_id == rule_id]
    if expect == "raise":
        ok = bool(own)
        detail = (
            f"“{short}” raised it at “{own[0].excerpt}”"
            if ok
            else f"“{short}” did not raise it (raised: {sorted(report.kinds) or 'nothing'})"
        )
    else:
        ok = not own
        detail = (
            f"“{short}” passes"
            if ok
            else f"“{short}” raised it at “{own[0].excerpt}”: {own[0].message}"
        )
    return ExampleResult(rule_id, expect, index, text, ok, detail)
