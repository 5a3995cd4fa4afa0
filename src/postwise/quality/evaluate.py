"""Evaluate a policy on labelled cases (the format of ``eval/dev-cases.jsonl``).

Per kind: true positives, false positives, false negatives, precision, recall and F1; then
every miss and every false alarm with the case id and an excerpt, so a person can see why.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from postwise.engine.check import check
from postwise.engine.context import Context
from postwise.policy.compiled import CompiledPolicy
from postwise.policy.errors import InputError, Problem


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    context: Context
    expect: frozenset[str]
    lang: str | None = None


@dataclass
class KindScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Error:
    case_id: str
    kind: str
    what: str  # "miss" or "false alarm"
    excerpt: str


@dataclass
class Evaluation:
    scores: dict[str, KindScore] = field(default_factory=dict)
    errors: list[Error] = field(default_factory=list)
    cases: int = 0

    def below(self, precision: float, recall: float) -> list[str]:
        return sorted(
            k for k, s in self.scores.items() if s.precision < precision or s.recall < recall
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "kinds": {
                k: {
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                }
                for k, s in sorted(self.scores.items())
            },
            "errors": [e.__dict__ for e in self.errors],
        }


def read_cases(path: str | Path) -> list[Case]:
    """Read labelled cases; every malformed line is reported with its line number."""
    source = str(path)
    cases: list[Case] = []
    problems: list[Problem] = []
    try:
        lines = Path(path).read_bytes().decode("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError([Problem(source, f"cannot be read: {exc}")]) from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            context = Context.from_data(data.get("context"), f"{source}:{n} context")
            cases.append(
                Case(
                    str(data["id"]),
                    str(data["text"]),
                    context,
                    frozenset(data.get("expect", [])),
                    data.get("lang"),
                )
            )
        except json.JSONDecodeError as exc:
            problems.append(Problem(source, f"malformed JSON: {exc.msg}", n, exc.colno))
        except KeyError as exc:
            problems.append(Problem(source, f"missing key {exc}", n))
        except InputError as exc:
            problems.extend(Problem(source, str(p), n) for p in exc.problems)
    if problems:
        raise InputError(problems)
    return cases


def evaluate(cases: Iterable[Case], policy: CompiledPolicy) -> Evaluation:
    result = Evaluation()
    kinds = {rule.spec.kind for rule in policy.rules}
    for kind in kinds:
        result.scores[kind] = KindScore()
    for case in cases:
        result.cases += 1
        report = check(case.text, case.context, policy)
        raised = report.kinds
        for kind in kinds:
            score = result.scores[kind]
            want, got = kind in case.expect, kind in raised
            if want and got:
                score.tp += 1
            elif got:
                score.fp += 1
                excerpt = next(f.excerpt for f in report.findings if f.kind == kind)
                result.errors.append(Error(case.id, kind, "false alarm", excerpt or "(no span)"))
            elif want:
                score.fn += 1
                result.errors.append(Error(case.id, kind, "miss", case.text[:100]))
    return result


def render_evaluation(result: Evaluation) -> str:
    lines = [f"{result.cases} cases", ""]
    lines.append(f"{'kind':<15} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'recall':>6} {'f1':>6}")
    for kind, s in sorted(result.scores.items()):
        lines.append(
            f"{kind:<15} {s.tp:>4} {s.fp:>4} {s.fn:>4} "
            f"{s.precision:>6.2f} {s.recall:>6.2f} {s.f1:>6.2f}"
        )
    if result.errors:
        lines.append("")
        for e in sorted(result.errors, key=lambda e: (e.kind, e.case_id)):
            excerpt = " ".join(e.excerpt.split())
            lines.append(f"{e.what:<11} {e.kind:<15} {e.case_id:<8} {excerpt}")
    return "\n".join(lines)
