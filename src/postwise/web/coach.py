"""The composer's feedback: a report turned into what the writer sees while typing.

The engine reports spans as offsets into the text in code points; the browser counts in
UTF-16 units (an emoji is two), so the feedback sent to the composer's script carries both.
The verdict is said in words (ready to post, acknowledge first, needs review, cooling off),
the network's length limit comes with the length as the ``channel`` rule counts it, and
:func:`segments` cuts a text into plain and highlighted runs for the server-rendered pages,
so a post looks the same with or without the script.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from postwise.policy.compiled import CompiledPolicy
from postwise.report.model import SEVERITY_RANK, Finding, Report
from postwise.rules.channel import DEFAULT_LIMITS, length
from postwise.web.i18n import Translator

NETWORKS = ("linkedin", "x", "mastodon", "bluesky", "instagram", "facebook", "threads")


def verdict_key(verdict: str, hold_minutes: int) -> str:
    """``clean`` / ``warn`` / ``block``, or ``hold`` when a clean post would cool off first."""
    if verdict == "clean" and hold_minutes:
        return "hold"
    return verdict


def verdict_words(verdict: str, hold_minutes: int, t: Translator) -> str:
    """The verdict in words: ready to post, acknowledge first, needs review, cooling off
    (a warning that also holds the post says both, in the order they happen)."""
    key = verdict_key(verdict, hold_minutes)
    words = t(f"verdict.{key}", minutes=hold_minutes)
    if key == "warn" and hold_minutes:
        words += " " + t("verdict.then_hold", minutes=hold_minutes)
    return words


def limits(policy: CompiledPolicy | None) -> dict[str, int]:
    """Length limits per network: the channel rule's own settings over the defaults."""
    found = dict(DEFAULT_LIMITS)
    if policy is None:
        return found
    for rule in policy.model.rules:
        if rule.kind == "channel" and rule.enabled:
            custom = getattr(rule.settings, "limits", None) or {}
            found.update({k.lower(): int(v) for k, v in custom.items()})
            break
    return found


def utf16_offsets(text: str) -> list[int]:
    """``out[i]`` is the UTF-16 offset of code point ``i`` (and ``out[len(text)]`` the end)."""
    out = [0] * (len(text) + 1)
    pos = 0
    for i, char in enumerate(text):
        out[i] = pos
        pos += 2 if ord(char) > 0xFFFF else 1
    out[len(text)] = pos
    return out


def feedback(
    text: str,
    report: Report,
    channel: str | None,
    policy: CompiledPolicy | None,
    t: Translator,
) -> dict[str, Any]:
    """The JSON the composer's script shows: verdict, findings, length and limit."""
    units = utf16_offsets(text) if not text.isascii() else None

    def u16(offset: int | None) -> int | None:
        if offset is None:
            return None
        return units[min(offset, len(text))] if units is not None else offset

    key = verdict_key(report.verdict, report.hold_minutes)
    findings = []
    for f in report.findings:
        item: dict[str, Any] = {
            "rule_id": f.rule_id,
            "kind": f.kind,
            "severity": f.severity,
            "severity_label": t(f"severity.{f.severity}"),
            "start": u16(f.start),
            "end": u16(f.end),
            "excerpt": f.excerpt,
            "message": f.message,
            "guideline": f.guideline,
        }
        if f.fix is not None:
            item["fix"] = {
                "start": u16(f.fix.start),
                "end": u16(f.fix.end),
                "text": f.fix.text,
                "label": f.fix.label,
            }
        findings.append(item)
    network = (channel or "").lower()
    return {
        "verdict": key,
        "verdict_text": verdict_words(report.verdict, report.hold_minutes, t),
        "hold_minutes": report.hold_minutes,
        "findings": findings,
        "length": length(text),
        "limit": limits(policy).get(network),
        "policy_version": report.policy_version,
    }


@dataclass(frozen=True)
class Segment:
    """A run of the post's text, highlighted when ``finding`` (an index) covers it."""

    text: str
    finding: int | None
    severity: str | None


def segments(text: str, findings: Sequence[Finding | dict[str, Any]]) -> list[Segment]:
    """Cut ``text`` at every finding's start and end; a run covered by several findings is
    marked with the most severe one (the first of equals)."""
    spans: list[tuple[int, int, int, str]] = []
    for n, f in enumerate(findings):
        start, end, severity = _span(f)
        if start is not None and end is not None and 0 <= start < end <= len(text):
            spans.append((start, end, n, severity))
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    out: list[Segment] = []
    for a, b in pairwise(cuts):
        covering = [(n, sev) for s, e, n, sev in spans if s <= a and b <= e]
        if covering:
            n, sev = max(covering, key=lambda c: (SEVERITY_RANK.get(c[1], 0), -c[0]))
            out.append(Segment(text[a:b], n, sev))
        else:
            out.append(Segment(text[a:b], None, None))
    return out


def _span(f: Finding | dict[str, Any]) -> tuple[int | None, int | None, str]:
    if isinstance(f, Finding):
        return f.start, f.end, f.severity
    return f.get("start"), f.get("end"), str(f.get("severity", "tip"))
