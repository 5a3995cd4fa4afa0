"""The quality gate: every kind of the starter policy reaches precision and recall ≥ 0.9 on the
labelled development set (../shared/eval). CI always has it; a developer machine without it
skips with a message saying so."""

from __future__ import annotations

import os

import pytest

from postwise.quality.evaluate import evaluate, read_cases, render_evaluation
from tests.conftest import DEV_CASES, DEV_ORG

GATE = 0.9


@pytest.fixture(scope="module")
def evaluation():  # type: ignore[no-untyped-def]
    if not DEV_CASES.exists() or not DEV_ORG.exists():
        if os.environ.get("CI"):
            pytest.fail(f"CI must have the dev set at {DEV_CASES}")
        pytest.skip(f"no dev set at {DEV_CASES} on this machine (CI has it)")
    from postwise.cli.eval_cmd import policy_for

    class Args:
        policy = None
        org = str(DEV_ORG)

    return evaluate(read_cases(DEV_CASES), policy_for(Args()))  # type: ignore[arg-type]


def test_every_kind_meets_the_gate(evaluation) -> None:  # type: ignore[no-untyped-def]
    failing = evaluation.below(GATE, GATE)
    assert not failing, "\n" + render_evaluation(evaluation)


def test_every_labelled_kind_is_measured(evaluation) -> None:  # type: ignore[no-untyped-def]
    labelled = {kind for case in read_cases(DEV_CASES) for kind in case.expect}
    assert labelled <= set(evaluation.scores), labelled - set(evaluation.scores)
