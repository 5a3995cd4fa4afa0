"""``postwise check``: one post (human or JSON) or many (JSON lines in, JSON lines out)."""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path
from typing import IO, Any

from postwise.cli.main import EXIT_INPUT, VERDICT_EXIT, print_json
from postwise.engine.check import check
from postwise.engine.context import Context
from postwise.policy.compiled import CompiledPolicy, load_policy
from postwise.policy.errors import InputError, Problem
from postwise.report.model import Report
from postwise.report.terminal import render_report


def run_check(args: argparse.Namespace) -> int:
    policy = load_policy(args.policy)
    if args.jsonl:
        # Many posts: the compiled policy lives as long as the process, so take it out of
        # the collector's way, as `postwise serve` does after its warm-up.
        gc.collect()
        gc.freeze()
        return _check_many(args.jsonl, policy)
    text = args.text if args.text is not None else _read_stdin_text()
    context = Context.from_data(_parse_context(args.context), "--context")
    report = check(text, context, policy)
    if args.format == "json":
        print_json(report.to_dict())
    else:
        print(render_report(text, report, color=args.color and sys.stdout.isatty()))
    return VERDICT_EXIT[report.verdict]


def _read_stdin_text() -> str:
    raw = sys.stdin.buffer.read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            [Problem("standard input", f"is not valid UTF-8 (byte {exc.start})")]
        ) from None


def _parse_context(value: str | None) -> Any:
    if value is None:
        return None
    source = "--context"
    if value.startswith("@"):
        source = value[1:]
        try:
            value = Path(source).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError([Problem(source, f"cannot be read: {exc}")]) from None
    try:
        return json.loads(value)
    except json.JSONDecodeError as exc:
        raise InputError(
            [Problem(source, f"malformed JSON: {exc.msg}", exc.lineno, exc.colno)]
        ) from None


def _check_many(path: str, policy: CompiledPolicy) -> int:
    stream: IO[bytes]
    if path == "-":
        stream = sys.stdin.buffer
    else:
        try:
            stream = open(path, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise InputError([Problem(path, f"cannot be read: {exc.strerror}")]) from None
    worst = 0
    errors = 0
    done = 0
    started = last_note = time.monotonic()
    show_progress = sys.stderr.isatty() or path != "-"
    try:
        for n, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            out, code = _check_line(raw, n, path, policy)
            print_json(out)
            if code == EXIT_INPUT:
                errors += 1
            else:
                worst = max(worst, code)
            done += 1
            now = time.monotonic()
            if show_progress and now - last_note > 1.0:
                rate = done / (now - started)
                print(f"checked {done:,} posts ({rate:,.0f}/s)", file=sys.stderr)
                last_note = now
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    if show_progress:
        took = time.monotonic() - started
        print(f"checked {done:,} posts in {took:.2f}s, {errors} with errors", file=sys.stderr)
    return EXIT_INPUT if errors else worst


def _check_line(
    raw: bytes, n: int, path: str, policy: CompiledPolicy
) -> tuple[dict[str, Any], int]:
    where = f"{path}:{n}"
    item_id: Any = None
    try:
        try:
            item = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise InputError([Problem(where, f"is not valid UTF-8 (byte {exc.start})")]) from None
        except json.JSONDecodeError as exc:
            raise InputError([Problem(where, f"malformed JSON: {exc.msg}", n, exc.colno)]) from None
        if not isinstance(item, dict) or "text" not in item:
            raise InputError([Problem(where, "expected an object with 'id' and 'text'")])
        item_id = item.get("id", n)
        context = Context.from_data(item.get("context"), f"{where} context")
        report: Report = check(item["text"], context, policy)
    except InputError as exc:
        return {"id": item_id, "error": [p.to_dict() for p in exc.problems]}, EXIT_INPUT
    out = {"id": item_id, **report.to_dict()}
    return out, VERDICT_EXIT[report.verdict]
