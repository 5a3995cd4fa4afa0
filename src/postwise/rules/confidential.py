"""Confidential information: listed terms, internal links and confidentiality markers.

**What it catches.** The organisation's confidential terms (project code names, unreleased
products, customers under NDA) in any surface form — case, accents, hashtags, CamelCase,
separators (``LH-417``, ``lh 417``, ``lh417``), inflection and compounds
(``Heron-projektet``, ``Heronproject``); links to internal domains (intranet, ticket and wiki
hosts, sub-domains included); and phrases that mark a text as not for outside eyes
("internal only", "under NDA", "konfidentiellt", "vertrouwelijk", "niet naar buiten
brengen"). A policy may add terms, domains, markers and regular expressions.

**Why.** What is said on social media cannot be taken back, and one codename in a proud post
tells competitors and journalists what the organisation has not yet chosen to tell.

**Example.** "Vandaag de eerste batch voor #ProjectHeron opgeschaald naar 50 liter" names a
confidential project; "Sneak peek from today's all-hands (internal only)" marks itself.

**Fix.** Leave the name or link out, or describe the work in words that are already public
("our new inhaler programme"); ask the communications team what may be said and when.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex
from pydantic import Field

from postwise.policy.model import RuleBase, RuleSettings
from postwise.rules import Detector, FixHint, Hit, RuleConfigError, RuleKind
from postwise.text.data import load_data
from postwise.text.matcher import TermMatcher

if TYPE_CHECKING:
    from postwise.engine.post import Post
    from postwise.policy.compiled import CompiledOrganisation

# A host name as written in a post: labels of letters, digits and hyphens, a dot between.
_HOST_RE = re.compile(r"(?<![\w.@-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]")
_URL_END_RE = re.compile(r"[^\s<>\"')\]]*")
_SCHEME_RE = re.compile(r"(?:https?://|www\.)$")
# Time allowed for one policy-supplied regular expression on one post.
PATTERN_TIMEOUT_S = 0.005


class Settings(RuleSettings):
    terms: list[str] = Field(
        default_factory=list, description="More confidential terms (besides the organisation's)."
    )
    domains: list[str] = Field(default_factory=list, description="More internal domains.")
    markers: bool = Field(True, description="Catch built-in confidentiality markers.")
    extra_markers: list[str] = Field(default_factory=list, description="More marker phrases.")
    patterns: list[str] = Field(
        default_factory=list, description="Regular expressions for confidential identifiers."
    )


def compile(rule: RuleBase, org: CompiledOrganisation) -> Detector:
    settings = rule.settings
    assert isinstance(settings, Settings)
    terms = TermMatcher(
        [(t, t) for t in [*org.model.confidential_terms, *settings.terms]],
        languages=org.languages,
    )
    domains = tuple(
        d.lower().strip().strip(".") for d in [*org.model.internal_domains, *settings.domains]
    )
    markers = _marker_matcher(settings, org.languages) if settings.markers else None
    patterns = [_compile_pattern(p, i) for i, p in enumerate(settings.patterns)]

    def detect(post: Post) -> Iterator[Hit]:
        folded = post.folded
        for m in terms.find(folded):
            yield Hit(m.start, m.end, "term", {"term": m.term})
        # A host can only be internal if an internal domain's name is in the text: one
        # substring test per domain spares the host scan on nearly every post.
        if domains and any(d in folded.folded for d in domains):
            yield from _domain_hits(post, domains)
        if markers is not None:
            for marker in markers.find(folded):
                if marker.value is None or post.language == marker.value:
                    yield Hit(marker.start, marker.end, "marker")
        for pattern in patterns:
            try:
                for pm in pattern.finditer(post.text, timeout=PATTERN_TIMEOUT_S):
                    start = folded.index_of(pm.start())
                    end = folded.index_of(pm.end())
                    yield Hit(start, end, "pattern")
            except TimeoutError:
                continue

    return detect


def _marker_matcher(settings: Settings, languages: tuple[str, ...]) -> TermMatcher[str | None]:
    data = load_data("lexicons", "confidential", "markers.yaml")
    entries: list[tuple[str, str | None]] = []
    for lang in languages:
        entries.extend((phrase, None) for phrase in data.get(lang, []))
        entries.extend((phrase, lang) for phrase in data.get("only_in", {}).get(lang, []))
    entries.extend((phrase, None) for phrase in settings.extra_markers)
    return TermMatcher(entries, languages=languages, inflect=False)


def _domain_hits(post: Post, domains: tuple[str, ...]) -> Iterator[Hit]:
    folded = post.folded.folded
    for m in _HOST_RE.finditer(folded):
        host = m.group()
        if not any(host == d or host.endswith("." + d) for d in domains):
            continue
        start = m.start()
        scheme = _SCHEME_RE.search(folded, max(0, start - 8), start)
        if scheme:
            start = scheme.start()
        end = m.end() + len(_URL_END_RE.match(folded, m.end()).group())  # type: ignore[union-attr]
        while end > m.end() and folded[end - 1] in ".,;:!?":
            end -= 1
        yield Hit(start, end, "domain", {"domain": host}, FixHint(start, end, "", "remove_link"))


def _compile_pattern(pattern: str, i: int) -> regex.Pattern[str]:
    try:
        compiled = regex.compile(pattern, regex.IGNORECASE | regex.V1)
    except regex.error as exc:
        raise RuleConfigError(f"not a valid regular expression: {exc}", ("patterns", i)) from None
    # A pattern that backtracks catastrophically would stall every check: try it on text built
    # to provoke that, and refuse it if it cannot finish quickly.
    for probe in ("a" * 40 + "!", "1" * 40 + "x", "a1-" * 20 + "!", " " * 40 + "x"):
        try:
            compiled.search(probe, timeout=0.05)
        except TimeoutError:
            raise RuleConfigError(
                "this regular expression is too slow on some inputs (nested repetition?); "
                "simplify it",
                ("patterns", i),
            ) from None
    return compiled


KIND = RuleKind(
    name="confidential",
    settings=Settings,
    compile=compile,
    doc=__doc__ or "",
    default_severity="block",
)
