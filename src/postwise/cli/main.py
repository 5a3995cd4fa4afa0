"""``postwise``: check posts, manage policies, measure quality, run the demo.

Exit status (also in ``postwise --help``):
  0  clean (tips may be shown)      1  warn: acknowledge before posting
  2  block: needs review            3  bad input (policy, text, context, file)
  4  usage error                    5  quality gate not met (eval)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import NoReturn

from postwise.policy.errors import InputError

EXIT_CLEAN, EXIT_WARN, EXIT_BLOCK, EXIT_INPUT, EXIT_USAGE, EXIT_GATE = 0, 1, 2, 3, 4, 5
VERDICT_EXIT = {"clean": EXIT_CLEAN, "warn": EXIT_WARN, "block": EXIT_BLOCK}

EPILOG = """exit status:
  0  clean (tips may be shown)     1  warn: acknowledge before posting
  2  block: needs review           3  bad input (policy, text, context or file)
  4  usage error                   5  quality gate not met (eval)
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = _Parser(
        prog="postwise",
        description="Check social media posts against your organisation's own policy.",
        epilog=EPILOG,
        formatter_class=fmt,
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser(
        "check", help="check a post (or many with --jsonl)", epilog=EPILOG, formatter_class=fmt
    )
    p.add_argument("text", nargs="?", help="the post; read from standard input when omitted")
    p.add_argument("--policy", required=True, metavar="FILE", help="policy YAML file")
    p.add_argument("--context", metavar="JSON", help="context as JSON text or @file.json")
    p.add_argument("--format", choices=["human", "json"], default="human")
    p.add_argument("--jsonl", metavar="FILE", help="check many: JSON lines with id, text, context")
    p.add_argument("--color", action="store_true", help="colour the marked spans")

    pol = sub.add_parser("policy", help="create, validate, test and show policies")
    psub = pol.add_subparsers(dest="policy_command", required=True, parser_class=_Parser)
    pi = psub.add_parser("init", help="starter policy from an organisation profile (JSON)")
    pi.add_argument("--org", required=True, metavar="ORG.json")
    pi.add_argument("--pack", metavar="NAME", help="start from a ready-made pack (policy packs)")
    pi.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    pi.add_argument("--force", action="store_true", help="overwrite an existing file")
    pv = psub.add_parser("validate", help="validate a policy file")
    pv.add_argument("file")
    pt = psub.add_parser("test", help="run the examples written in a policy")
    pt.add_argument("file")
    pt.add_argument("-v", "--verbose", action="store_true", help="list passing examples too")
    ps = psub.add_parser("show", help="render the policy as a one-page guideline")
    ps.add_argument("file")
    ps.add_argument("--lang", default=None, help="en, sv or nl (default: the policy's first)")
    ps.add_argument("--format", choices=["md", "html"], default="md")
    ps.add_argument("-o", "--output", metavar="FILE")
    psub.add_parser("packs", help="list the ready-made policy packs")
    pk = psub.add_parser("kinds", help="the rule catalogue: every kind, its docs and settings")
    pk.add_argument("-o", "--output", metavar="FILE")
    sch = psub.add_parser("schema", help="print the policy file's JSON Schema")
    sch.add_argument("-o", "--output", metavar="FILE")

    ev = sub.add_parser("eval", help="measure precision and recall per kind on labelled cases")
    ev.add_argument("cases", metavar="CASES.jsonl")
    src = ev.add_mutually_exclusive_group(required=True)
    src.add_argument("--org", metavar="ORG.json", help="use the starter policy for this org")
    src.add_argument("--policy", metavar="FILE")
    ev.add_argument("--format", choices=["human", "json"], default="human")
    ev.add_argument("--min-precision", type=float, default=None, metavar="P")
    ev.add_argument("--min-recall", type=float, default=None, metavar="R")

    sub.add_parser("demo", help="check example posts in en/sv/nl against a built-in policy")

    from postwise.cli.service_cmd import add_service_commands

    add_service_commands(sub, fmt)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "check":
            from postwise.cli.check_cmd import run_check

            return run_check(args)
        if args.command == "policy":
            from postwise.cli.policy_cmd import run_policy

            return run_policy(args)
        if args.command == "eval":
            from postwise.cli.eval_cmd import run_eval

            return run_eval(args)
        if args.command == "demo":
            from postwise.cli.demo import run_demo

            return run_demo()
        if args.command in ("serve", "worker", "audit"):
            from postwise.cli.service_cmd import run_service

            return run_service(args)
    except InputError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN
    return EXIT_USAGE


def print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
