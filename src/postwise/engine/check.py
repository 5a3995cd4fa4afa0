"""``check(text, context, policy) -> Report``: run every rule of a compiled policy on a post."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import cast

from postwise.engine.context import EMPTY_CONTEXT, Context
from postwise.engine.messages import catalogue, fill, message
from postwise.engine.post import Post
from postwise.policy.compiled import CompiledPolicy, CompiledRule
from postwise.policy.errors import InputError, Problem
from postwise.report.model import Finding, Fix, Report, verdict_of
from postwise.rules import Detector, Hit
from postwise.rules.params import MessageList

MAX_TEXT_CHARS = 100_000


def check(text: str, context: Context | None, policy: CompiledPolicy) -> Report:
    """Check one post. Raises :class:`InputError` for empty or oversized text."""
    if not isinstance(text, str):
        raise InputError([Problem("text", f"expected text, got {type(text).__name__}")])
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            [Problem("text", f"is {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}")]
        )
    if not text.strip():
        raise InputError([Problem("text", "is empty; there is nothing to check")])
    post = Post(text, context or EMPTY_CONTEXT, policy)
    hits: list[tuple[CompiledRule, Hit]] = []
    policy.walk.begin(post.folded.folded)
    try:
        for rule in policy.rules:
            found = list(cast(Detector, rule.detect)(post))
            if found:  # most rules find nothing in most posts
                hits.extend((rule, hit) for hit in _outermost(found))
    finally:
        policy.walk.end()
    language = message_language(post) if hits else default_language(post)
    findings = sorted(
        (finding(post, rule, hit, language) for rule, hit in hits),
        key=lambda f: (f.start if f.start is not None else -1, f.rule_id),
    )
    hold = max((int(f.data.get("hold_minutes", 0)) for f in findings), default=0)
    return Report(verdict_of(findings), tuple(findings), policy.version, language, hold)


def _outermost(hits: list[Hit]) -> list[Hit]:
    """Drop a rule's hits that lie inside another hit of the same rule (a term in a URL)."""
    if len(hits) < 2:
        return hits
    spans = [(h.start, h.end) for h in hits if h.start is not None and h.end is not None]
    kept = []
    for hit in hits:
        if (
            hit.start is not None
            and hit.end is not None
            and any(
                s <= hit.start and hit.end <= e and (s, e) != (hit.start, hit.end) for s, e in spans
            )
        ):
            continue
        kept.append(hit)
    return kept


def default_language(post: Post) -> str:
    wanted = post.context.author.language
    return wanted if wanted in post.policy.languages else post.policy.languages[0]


def message_language(post: Post) -> str:
    """The author's language, else the post's detected language, else the policy's first."""
    wanted = post.context.author.language
    if wanted in post.policy.languages:
        return wanted
    return post.language


def finding(post: Post, rule: CompiledRule, hit: Hit, language: str) -> Finding:
    spec = rule.spec
    folded = post.folded
    start = end = None
    excerpt = ""
    if hit.start is not None and hit.end is not None:
        span = folded.to_original(hit.start, hit.end)
        start, end = span.start, span.end
        excerpt = post.text[start:end]
    params = {"excerpt": excerpt, **_rendered(hit.params, spec.kind, language)}
    override = spec.message.get(language)
    text = fill(override, params) if override else message(language, spec.kind, hit.detail, params)
    fix = None
    if hit.fix is not None:
        fspan = folded.to_original(hit.fix.start, hit.fix.end)
        label = message(language, "fix", hit.fix.label, {**params, **hit.fix.params})
        fix = Fix(fspan.start, fspan.end, hit.fix.text, label)
    return Finding(
        rule_id=spec.id,
        kind=spec.kind,
        severity=spec.severity,
        start=start,
        end=end,
        excerpt=excerpt,
        message=text,
        guideline=_pick(spec.guideline, language, post.policy.languages),
        language=language,
        fix=fix,
        data=dict(hit.data),
    )


def _rendered(params: Mapping[str, str], kind: str, language: str) -> Mapping[str, str]:
    """``params`` with each :class:`MessageList` written out in ``language``: "a, b and c"."""
    if not any(isinstance(value, MessageList) for value in params.values()):
        return params
    return {
        name: _listed(value.keys, kind, language) if isinstance(value, MessageList) else value
        for name, value in params.items()
    }


def _listed(keys: tuple[str, ...], kind: str, language: str) -> str:
    names = [_entry(language, kind, key) for key in keys]
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {_entry(language, 'list', 'and')} {names[-1]}"


def _entry(language: str, kind: str, key: str) -> str:
    """The catalogue text of ``kind.key`` as it stands (English if the language lacks it)."""
    for lang in (language, "en"):
        text = catalogue(lang).get(kind, {}).get(key)
        if isinstance(text, str):
            return text
    return key


def _pick(texts: dict[str, str], language: str, fallbacks: Iterable[str]) -> str:
    if language in texts:
        return texts[language]
    for lang in fallbacks:
        if lang in texts:
            return texts[lang]
    return next(iter(texts.values()), "")
