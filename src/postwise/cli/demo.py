"""``postwise demo``: check example posts in English, Swedish and Dutch against a built-in policy.

The demo organisation (Kestrel Systems) and its posts are data files in ``data/demo``; the
policy is the starter policy built from that organisation, exactly as ``postwise policy
init`` would build it for a real one.
"""

from __future__ import annotations

import json
from importlib import resources

from postwise.cli.main import EXIT_CLEAN
from postwise.engine.check import check
from postwise.engine.context import Context
from postwise.policy.compiled import CompiledPolicy, load_policy_text
from postwise.policy.starter import dump_policy, starter_policy
from postwise.report.terminal import render_report
from postwise.text.data import load_data


def demo_org() -> dict[str, object]:
    raw = resources.files("postwise").joinpath("data").joinpath("demo").joinpath("org.json")
    data: dict[str, object] = json.loads(raw.read_text(encoding="utf-8"))
    return data


def demo_policy() -> CompiledPolicy:
    return load_policy_text(dump_policy(starter_policy(demo_org())), "built-in demo policy")


def run_demo() -> int:
    policy = demo_policy()
    org = demo_org()
    print(
        f"postwise demo — {org['name']}, starter policy {policy.version}, "
        f"{len(policy.rules)} rules\n"
    )
    for n, post in enumerate(load_data("demo", "posts.yaml"), 1):
        context = Context.from_data(post.get("context"))
        report = check(post["text"], context, policy)
        print(f"── post {n} ({post['lang']}) " + "─" * 50)
        print(render_report(post["text"], report))
        print()
    print('Try it on your own post:  .venv/bin/postwise check "…" --policy FILE')
    print("Make a policy for your organisation:  .venv/bin/postwise policy init --org ORG.json")
    return EXIT_CLEAN
