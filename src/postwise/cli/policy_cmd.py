"""``postwise policy init|validate|test|show|packs|schema``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from postwise.cli.main import EXIT_CLEAN, EXIT_INPUT
from postwise.policy.compiled import load_policy
from postwise.policy.errors import InputError, Problem


def run_policy(args: argparse.Namespace) -> int:
    command = args.policy_command
    if command == "init":
        return _init(args)
    if command == "validate":
        policy = load_policy(args.file)
        rules = len(policy.rules)
        examples = sum(len(r.examples.raise_) + len(r.examples.pass_) for r in policy.model.rules)
        print(
            f"{args.file}: valid — {rules} rules, {examples} examples, "
            f"languages {', '.join(policy.languages)}, version {policy.version}"
        )
        return EXIT_CLEAN
    if command == "test":
        return _test(args)
    if command == "show":
        from postwise.policy.render import render_policy

        policy = load_policy(args.file)
        page = render_policy(policy, args.lang, args.format)
        _write(page, args.output)
        return EXIT_CLEAN
    if command == "packs":
        from postwise.policy.packs import list_packs

        for pack in list_packs():
            print(f"{pack.name:<16} {pack.summary}")
        return EXIT_CLEAN
    if command == "kinds":
        from postwise.rules._reference import rules_reference

        _write(rules_reference(), args.output)
        return EXIT_CLEAN
    if command == "schema":
        from postwise.policy.schema import policy_schema

        _write(json.dumps(policy_schema(), indent=2, ensure_ascii=False) + "\n", args.output)
        return EXIT_CLEAN
    raise AssertionError(command)


def _init(args: argparse.Namespace) -> int:
    from postwise.policy.compiled import load_policy_text
    from postwise.policy.starter import dump_policy, read_organisation, starter_policy

    org = read_organisation(args.org)
    text = dump_policy(starter_policy(org, args.pack))
    load_policy_text(text, "generated policy")  # never hand out a policy that does not load
    if args.output and Path(args.output).exists() and not args.force:
        raise InputError([Problem(args.output, "exists already; use --force to overwrite it")])
    _write(text, args.output)
    if args.output:
        print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_CLEAN


def _test(args: argparse.Namespace) -> int:
    from postwise.policy.examples import run_examples

    policy = load_policy(args.file)
    results = run_examples(policy)
    failed = [r for r in results if not r.ok]
    for r in results:
        if args.verbose or not r.ok:
            print(r.describe())
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    return EXIT_INPUT if failed else EXIT_CLEAN


def _write(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
