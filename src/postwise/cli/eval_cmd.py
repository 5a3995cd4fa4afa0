"""``postwise eval``: precision and recall per kind, every miss and false alarm listed."""

from __future__ import annotations

import argparse

from postwise.cli.main import EXIT_CLEAN, EXIT_GATE, print_json
from postwise.policy.compiled import CompiledPolicy, load_policy, load_policy_text
from postwise.quality.evaluate import evaluate, read_cases, render_evaluation


def policy_for(args: argparse.Namespace) -> CompiledPolicy:
    if args.policy:
        return load_policy(args.policy)
    from postwise.policy.starter import dump_policy, read_organisation, starter_policy

    return load_policy_text(dump_policy(starter_policy(read_organisation(args.org))), args.org)


def run_eval(args: argparse.Namespace) -> int:
    policy = policy_for(args)
    result = evaluate(read_cases(args.cases), policy)
    if args.format == "json":
        print_json(result.to_dict())
    else:
        print(render_evaluation(result))
    p = args.min_precision if args.min_precision is not None else 0.0
    r = args.min_recall if args.min_recall is not None else 0.0
    failing = result.below(p, r)
    if failing:
        print(f"quality gate not met (precision ≥ {p}, recall ≥ {r}): {', '.join(failing)}")
        return EXIT_GATE
    return EXIT_CLEAN
