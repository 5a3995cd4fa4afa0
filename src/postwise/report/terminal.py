"""Render a report for a person at a terminal: the post with spans marked, then each finding."""

from __future__ import annotations

from postwise.engine.messages import catalogue, fill
from postwise.report.model import Finding, Report

_SEVERITY_MARK = {"block": "✖ block", "warn": "▲ warn", "tip": "• tip"}


def render_report(text: str, report: Report, *, color: bool = False) -> str:
    lines: list[str] = []
    verdicts = catalogue(report.language).get("verdict", {})
    if not report.findings:
        lines.append(verdicts.get("none", "Nothing to flag."))
        return "\n".join(lines)
    lines.append(mark_spans(text, report.findings, color=color))
    lines.append("")
    explained: set[str] = set()
    for n, f in enumerate(report.findings, 1):
        lines.append(_finding_line(n, f, show_guideline=f.rule_id not in explained))
        explained.add(f.rule_id)
    lines.append("")
    verdict = verdicts.get(report.verdict, report.verdict)
    if report.hold_minutes:
        verdict += " " + fill(verdicts.get("hold", ""), {"minutes": str(report.hold_minutes)})
    lines.append(f"→ {verdict}  (policy {report.policy_version})")
    return "\n".join(lines)


def _finding_line(n: int, f: Finding, *, show_guideline: bool = True) -> str:
    head = f"[{n}] {_SEVERITY_MARK[f.severity]}  {f.kind} ({f.rule_id})"
    out = [head, f"    {f.message}"]
    if f.excerpt:
        out.insert(1, f"    “{_one_line(f.excerpt)}” at {f.start}–{f.end}")
    if f.fix is not None:
        out.append(f"    fix: {f.fix.label}")
    if show_guideline:
        out.append(f"    guideline: {_one_line(f.guideline)}")
    return "\n".join(out)


def mark_spans(text: str, findings: tuple[Finding, ...], *, color: bool = False) -> str:
    """The post with each finding's span wrapped in ⟦…⟧ and numbered (overlaps merged)."""
    spans = sorted(
        (f.start, f.end, n)
        for n, f in enumerate(findings, 1)
        if f.start is not None and f.end is not None and f.end > f.start
    )
    out: list[str] = []
    pos = 0
    open_, close = ("\x1b[1;31m⟦", "⟧\x1b[0m") if color else ("⟦", "⟧")
    for start, end, n in spans:
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(f"{open_}{text[start:end]}{close}{_superscript(n)}")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _superscript(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


def _one_line(text: str) -> str:
    return " ".join(text.split())
