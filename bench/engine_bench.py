"""Engine benchmark: latency per post, bulk throughput on one core, compile and cold start.

The policy is the dev organisation's starter policy (every per-post kind enabled) with
10,000 extra confidential terms; the posts are the dev set's texts (../shared/eval), or the
built-in demo posts when the dev set is not beside the repository.

    .venv/bin/python bench/engine_bench.py [--rounds 20] [--terms 10000] [--json]

Prints median and p99 latency per post (µs), throughput (posts/s, one core: this process
runs on one thread), policy compile time and the cold start of ``postwise check``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from postwise import Context, check, load_policy_text
from postwise.policy.starter import dump_policy, starter_policy
from postwise.text.data import load_data

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval"

SYLLABLES = [
    "ka",
    "lo",
    "ri",
    "va",
    "ne",
    "sto",
    "mir",
    "dal",
    "fen",
    "gor",
    "hal",
    "ish",
    "jun",
    "kel",
    "lum",
    "mor",
    "nar",
    "pel",
    "quo",
    "rud",
    "sil",
    "tor",
    "ul",
    "vin",
    "wex",
    "yor",
    "zan",
]


def synthetic_terms(n: int, seed: int = 7) -> list[str]:
    """Code names, customer names and codes shaped like real confidential lists."""
    rng = random.Random(seed)
    terms: set[str] = set()
    while len(terms) < n:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        shape = rng.random()
        if shape < 0.4:
            terms.add(f"Project {word}")
        elif shape < 0.7:
            terms.add(f"{word[:2].upper()}-{rng.randint(100, 999)}")
        elif shape < 0.85:
            terms.add(f"{word} {rng.choice(['Zorggroep', 'Bank', 'Kliniken', 'Health', 'AB'])}")
        else:
            terms.add(word)
    return sorted(terms)


def load_org_and_posts() -> tuple[dict[str, Any], list[tuple[str, Context]]]:
    if (DEV / "dev-org.json").exists():
        org = json.loads((DEV / "dev-org.json").read_text(encoding="utf-8"))
        posts = []
        for line in (DEV / "dev-cases.jsonl").read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            posts.append((case["text"], Context.from_data(case.get("context"))))
        return org, posts
    from postwise.cli.demo import demo_org

    org = demo_org()
    posts = [
        (p["text"], Context.from_data(p.get("context"))) for p in load_data("demo", "posts.yaml")
    ]
    return org, posts


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def machine_pace() -> float:
    """Microseconds for a fixed pure-Python loop (best of 20): how fast this machine runs
    Python right now. Shared and virtual machines drift by a factor of 1.5 or more within
    minutes; figures from runs with different paces are not comparable."""
    best = float("inf")
    for _ in range(20):
        t0 = time.perf_counter_ns()
        sum(i * i for i in range(20_000))
        best = min(best, time.perf_counter_ns() - t0)
    return best / 1000


def cold_start(policy_text: str, runs: int = 5) -> list[float]:
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False, encoding="utf-8") as f:
        f.write(policy_text)
        path = f.name
    exe = Path(sys.executable).with_name("postwise")
    times = []
    try:
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(
                [str(exe), "check", "Sneak peek of #ProjectHeron!", "--policy", path],
                capture_output=True,
                check=False,
            )
            times.append(time.perf_counter() - started)
    finally:
        os.unlink(path)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="passes over the posts")
    parser.add_argument("--terms", type=int, default=10_000, help="extra confidential terms")
    parser.add_argument("--json", action="store_true", help="print figures as JSON")
    parser.add_argument(
        "--kinds",
        default="",
        help="only these rule kinds, comma-separated (e.g. the foundation issue's seven)",
    )
    parser.add_argument(
        "--no-freeze",
        action="store_true",
        help="leave the start-up heap to the garbage collector (postwise serve freezes it)",
    )
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core

    org, posts = load_org_and_posts()
    org = {**org, "confidential_terms": [*org["confidential_terms"], *synthetic_terms(args.terms)]}
    document = starter_policy(org)
    if args.kinds:
        wanted = {k.strip() for k in args.kinds.split(",")}
        document["rules"] = [r for r in document["rules"] if r["kind"] in wanted]
    policy_text = dump_policy(document)
    started = time.perf_counter()
    policy = load_policy_text(policy_text, "bench policy")
    compile_s = time.perf_counter() - started

    for text, ctx in posts:  # warm-up: lazy data, language models
        check(text, ctx, policy)
    if not args.no_freeze:
        # As `postwise serve` does after its warm-up (postwise.api.app.warm_up): the compiled
        # policy and the loaded lexicons live as long as the process, so the collector need
        # not walk them again and again.
        gc.collect()
        gc.freeze()
    pace_before = machine_pace()
    latencies: list[float] = []
    for _ in range(args.rounds):
        for text, ctx in posts:
            t0 = time.perf_counter_ns()
            check(text, ctx, policy)
            latencies.append((time.perf_counter_ns() - t0) / 1000)
    bulk_started = time.perf_counter()
    for _ in range(args.rounds):
        for text, ctx in posts:
            check(text, ctx, policy)
    bulk_s = time.perf_counter() - bulk_started
    throughput = args.rounds * len(posts) / bulk_s
    cold = cold_start(policy_text)
    pace = round((pace_before + machine_pace()) / 2)

    figures = {
        "posts": len(posts),
        "rounds": args.rounds,
        "rules": len(policy.rules),
        "confidential_terms": len(org["confidential_terms"]),
        "compile_s": round(compile_s, 3),
        "median_us": round(statistics.median(latencies), 1),
        "p99_us": round(percentile(latencies, 0.99), 1),
        "max_us": round(max(latencies), 1),
        "throughput_posts_per_s": round(throughput),
        "cold_start_median_s": round(statistics.median(cold), 3),
        "machine_pace_us": pace,
    }
    if args.json:
        print(json.dumps(figures))
        return
    print(f"policy: {figures['rules']} rules, {figures['confidential_terms']:,} confidential terms")
    print(f"compile:     {compile_s * 1000:8.0f} ms")
    print(f"posts:       {len(posts)} × {args.rounds} rounds")
    print(f"median:      {figures['median_us']:8.1f} µs per post")
    print(f"p99:         {figures['p99_us']:8.1f} µs per post")
    print(f"max:         {figures['max_us']:8.1f} µs per post")
    print(f"throughput:  {throughput:8.0f} posts/s on one core")
    print(
        f"cold start:  {figures['cold_start_median_s'] * 1000:8.0f} ms (postwise check, one post)"
    )
    print(f"pace:        {pace:8d} µs for the reference loop (lower: a faster machine right now)")


if __name__ == "__main__":
    main()
