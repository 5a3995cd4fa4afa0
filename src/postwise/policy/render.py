"""The policy as a page people read: one page per language, in Markdown or standalone HTML.

The page opens with the policy's introduction, says what postwise does with a post, and then
gives each guideline in plain words with a "do" and a "don't" taken from the rule's own
examples, what postwise checks for it and what happens when it finds something. Rules that
share a guideline text are shown as one guideline. What postwise checks comes from the rule
module's documentation in English (its summary line: the *What it catches* section is
written for developers and quotes the very words it looks for) and from the message
catalogue (``policy_page.yaml``, ``kinds``) in other languages; the summary line lives next
to the code, so it does not drift from it. Every text from the policy is escaped: a policy is
data, and the page must not run or link anything its author did not mean.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from typing import Any, Literal
from zoneinfo import ZoneInfo

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date, format_time

from postwise.engine.messages import catalogue, fill
from postwise.policy.compiled import CompiledPolicy
from postwise.policy.model import Example, Organisation, PolicyBase, RuleBase
from postwise.text.language import detect_language

Format = Literal["md", "html"]
PAGE = "policy_page"
_CHANNELS = {
    "x": "X",
    "twitter": "X",
    "linkedin": "LinkedIn",
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "instagram": "Instagram",
    "facebook": "Facebook",
    "threads": "Threads",
}
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s+|$)(.*)$", re.DOTALL)
_CODE = re.compile(r"``(.+?)``|`([^`]+)`")


@dataclass(frozen=True)
class Check:
    """One rule under a guideline: what postwise checks and what happens."""

    rule_id: str
    explanation: str
    severity_label: str
    consequence: str


@dataclass(frozen=True)
class Shown:
    """An example post shown on the page, with the circumstances that make it (in)valid."""

    text: str
    circumstances: str


@dataclass(frozen=True)
class Guideline:
    anchor: str
    heading: str
    body: str
    do: Shown | None
    dont: Shown | None
    checks: tuple[Check, ...]

    @property
    def outcome(self) -> tuple[str, str] | None:
        """The one outcome of all its checks (label, consequence), said once; else ``None``."""
        outcomes = {(c.severity_label, c.consequence) for c in self.checks}
        return next(iter(outcomes)) if len(outcomes) == 1 else None


@dataclass(frozen=True)
class Page:
    """Everything the page says, in one language, before it is written as md or HTML."""

    language: str
    title: str
    intro: str
    words: Mapping[str, Any]
    legend: tuple[tuple[str, str], ...]
    guidelines: tuple[Guideline, ...]
    footer: str


def render_policy(
    policy: CompiledPolicy | PolicyBase, lang: str | None = None, fmt: str = "md"
) -> str:
    """The policy as one page in ``lang`` (default: its first language), ``md`` or ``html``."""
    page = build_page(policy, lang)
    if fmt == "html":
        return _html(page)
    if fmt == "md":
        return _markdown(page)
    raise ValueError(f"unknown format {fmt!r}; use md or html")


def build_page(policy: CompiledPolicy | PolicyBase, lang: str | None = None) -> Page:
    model = policy.model if isinstance(policy, CompiledPolicy) else policy
    version = policy.version if isinstance(policy, CompiledPolicy) else ""
    languages = tuple(model.organisation.languages)
    language = lang or languages[0]
    words = page_words(language)
    org = model.organisation.name
    title = model.title.get(language) or fill(words["title"], {"org": org})
    intro = model.intro.get(language) or fill(words["intro"], {"org": org})
    rules = [rule for rule in model.rules if rule.enabled]
    groups: dict[str, list[RuleBase]] = {}
    for rule in rules:
        text = _pick(rule.guideline, language, languages)
        groups.setdefault(" ".join(text.split()), []).append(rule)
    guidelines = tuple(
        _guideline(i, text, group, language, languages, words, model.organisation)
        for i, (text, group) in enumerate(groups.items(), start=1)
    )
    severities = {rule.severity for rule in rules if _kind_per_post(rule.kind)}
    legend = [
        (words["severity"][s]["label"], words["severity"][s]["text"])
        for s in ("block", "warn", "tip")
        if s in severities
    ]
    if any(_hold_minutes(rule) for rule in rules):
        legend.append((words["hold_label"], words["hold_text"]))
    footer = fill(words["footer" if version else "footer_unversioned"], {"version": version})
    return Page(language, title, intro, words, tuple(legend), guidelines, footer)


def page_words(language: str) -> Mapping[str, Any]:
    """The page's own texts in ``language``, English filling any gap."""
    english = catalogue("en").get(PAGE, {})
    own = catalogue(language).get(PAGE, {})
    return {**english, **own}


def _pick(texts: Mapping[str, str], language: str, fallbacks: Sequence[str]) -> str:
    for lang in (language, *fallbacks):
        if texts.get(lang):
            return texts[lang]
    return next(iter(texts.values()), "")


def _guideline(
    number: int,
    text: str,
    rules: list[RuleBase],
    language: str,
    languages: tuple[str, ...],
    words: Mapping[str, Any],
    org: Organisation,
) -> Guideline:
    m = _FIRST_SENTENCE.match(text)
    heading, body = (m.group(1), m.group(2).strip()) if m else (text, "")
    # A heading is a title, not a sentence: no full stop (a question or exclamation stays).
    heading = heading.removesuffix(".")
    dont = _example(rules, "raise", language, languages, words, org)
    do = _example(rules, "pass", language, languages, words, org)
    checks = tuple(_check(rule, language, words) for rule in rules)
    return Guideline(f"guideline-{number}", heading, body, do, dont, checks)


def _example(
    rules: list[RuleBase],
    which: str,
    language: str,
    languages: tuple[str, ...],
    words: Mapping[str, Any],
    org: Organisation,
) -> Shown | None:
    """The first example in ``language``, preferring one that needs no circumstances."""
    candidates: list[Example] = []
    for rule in rules:
        group = rule.examples.raise_ if which == "raise" else rule.examples.pass_
        candidates.extend(e for e in group if _language_of(e.text, languages) == language)
    if not candidates:
        return None
    best = min(candidates, key=lambda e: 0 if not e.context else 1)
    return Shown(best.text, circumstances(best.context or {}, language, words, org))


def _language_of(text: str, languages: tuple[str, ...]) -> str | None:
    if len(languages) == 1:
        return languages[0]
    return detect_language(text, languages)


def circumstances(
    context: Mapping[str, Any], language: str, words: Mapping[str, Any], org: Organisation
) -> str:
    """The example's context in words: "posted on Tuesday 3 March at 23:40, on X"."""
    said = words["context"]
    parts: list[str] = []
    posted = context.get("posted_at")
    moment = _moment(posted) if isinstance(posted, str) else None
    if moment is not None:
        local = moment.astimezone(ZoneInfo(org.timezone))
        day = format_date(local.date(), words["date_format"], locale=_locale(language))
        clock = format_time(local.time(), words["time_format"], locale=_locale(language))
        parts.append(fill(said["posted_at"], {"date": day, "time": clock}))
        if any(p.start <= local.date() <= p.end for p in org.quiet_periods):
            parts.append(said["quiet_period"])
    recent = _same_day(context.get("recent_posts"), moment, org)
    if recent:
        parts.append(fill(said["recent"], {"count": str(recent)}))
    channel = context.get("channel")
    if isinstance(channel, str) and channel:
        parts.append(fill(said["channel"], {"channel": _CHANNELS.get(channel.lower(), channel)}))
    if context.get("account_anonymous"):
        parts.append(said["anonymous"])
    if context.get("work_device"):
        parts.append(said["work_device"])
    author = context.get("author")
    if isinstance(author, Mapping):
        if author.get("spokesperson"):
            parts.append(said["spokesperson"])
        if author.get("profile_discloses_employer"):
            parts.append(said["profile"])
    if not parts:
        return ""
    text = ", ".join(parts)
    return text[0].upper() + text[1:]


def _same_day(recent: Any, moment: datetime | None, org: Organisation) -> int:
    """How many of the earlier posts went out on the example's (local) day."""
    if not isinstance(recent, list) or moment is None:
        return 0
    zone = ZoneInfo(org.timezone)
    day = moment.astimezone(zone).date()
    times = [_moment(t) for t in recent if isinstance(t, str)]
    return sum(1 for t in times if t is not None and t.astimezone(zone).date() == day)


def _moment(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def _check(rule: RuleBase, language: str, words: Mapping[str, Any]) -> Check:
    explanation = kind_explanation(rule.kind, language)
    if not _kind_per_post(rule.kind):
        return Check(rule.id, explanation, words["report_label"], words["report_text"])
    severity = words["severity"][rule.severity]
    consequence = severity["text"]
    minutes = _hold_minutes(rule)
    if minutes:
        consequence += " " + fill(words["hold"], {"minutes": str(minutes)})
    return Check(rule.id, explanation, severity["label"], consequence)


def kind_explanation(kind: str, language: str) -> str:
    """What postwise checks for ``kind``: in English the rule module's summary line, in other
    languages the catalogue's ``policy_page.kinds`` text (English falls back to it too)."""
    from postwise.rules import registry

    found = registry().get(kind)
    if language == "en" and found is not None and found.doc.strip():
        return found.title + "."
    return str(page_words(language).get("kinds", {}).get(kind, ""))


def _kind_per_post(kind: str) -> bool:
    from postwise.rules import registry

    found = registry().get(kind)
    return found.per_post if found is not None else True


def _hold_minutes(rule: RuleBase) -> int:
    """The cooling-off a rule asks for (``heat``'s hold), 0 when it asks for none."""
    for name in ("hold_minutes", "cooling_off_minutes"):
        value = getattr(rule.settings, name, None)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return 0


# --- Markdown ---------------------------------------------------------------------------

# Characters that start markup anywhere in a line (emphasis, code, links, HTML, tables,
# strike-through, entities), and what starts a block at the start of a line.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_MD_LINE_START = re.compile(r"^(\s*)(?:([-+=#])|(\d+)([.)]))", re.M)


def md_escape(text: str) -> str:
    """Text that Markdown shows as written: no emphasis, links, HTML or headings."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(m: re.Match[str]) -> str:
    if m.group(2):
        return f"{m.group(1)}\\{m.group(2)}"
    return f"{m.group(1)}{m.group(3)}\\{m.group(4)}"


def _md_rich(text: str) -> str:
    """Escape, keeping the documentation's ``code`` as code spans."""
    out: list[str] = []
    for segment, is_code in _segments(text):
        out.append(f"`{segment.replace('`', '')}`" if is_code else md_escape(segment))
    return "".join(out)


def _segments(text: str) -> Iterator[tuple[str, bool]]:
    pos = 0
    for m in _CODE.finditer(text):
        if m.start() > pos:
            yield text[pos : m.start()], False
        yield m.group(1) or m.group(2), True
        pos = m.end()
    if pos < len(text):
        yield text[pos:], False


def _md_quote(text: str) -> str:
    return "\n".join(f"> {md_escape(line)}".rstrip() for line in text.strip().splitlines())


def _markdown(page: Page) -> str:
    w = page.words
    lines = [f"# {md_escape(page.title)}", "", md_escape(page.intro), ""]
    lines += [f"## {md_escape(w['how_title'])}", "", md_escape(w["how_text"]), ""]
    lines += [f"- **{md_escape(label)}**: {md_escape(text)}" for label, text in page.legend]
    lines.append("")
    for number, g in enumerate(page.guidelines, start=1):
        lines += [f"## {number}. {md_escape(g.heading)}", ""]
        if g.body:
            lines += [md_escape(g.body), ""]
        for label, shown in ((w["do"], g.do), (w["dont"], g.dont)):
            if shown is None:
                continue
            lines += [f"**{md_escape(label)}**", "", _md_quote(shown.text), ""]
            if shown.circumstances:
                lines += [f"*{md_escape(shown.circumstances)}*", ""]
        lines += [f"**{md_escape(w['checks'])}**", ""]
        shared = g.outcome
        for check in g.checks:
            item = f"- {_md_rich(check.explanation)}"
            if shared is None:
                item += f"  \n  *{md_escape(check.severity_label)}*: {md_escape(check.consequence)}"
            lines.append(item)
        lines.append("")
        if shared is not None:
            lines += [f"*{md_escape(shared[0])}*: {md_escape(shared[1])}", ""]
    lines += ["---", "", md_escape(page.footer), ""]
    return "\n".join(lines)


# --- HTML -------------------------------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _html_rich(text: str) -> str:
    return "".join(
        f"<code>{_e(segment)}</code>" if is_code else _e(segment)
        for segment, is_code in _segments(text)
    )


def _html_post(text: str) -> str:
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join(
        "<p>" + "<br>".join(_e(line) for line in p.strip().splitlines()) + "</p>"
        for p in paragraphs
    )


def _html_outcome(label: str, consequence: str) -> str:
    return f'<p class="outcome"><strong>{_e(label)}</strong>: {_e(consequence)}</p>'


def _stylesheet() -> str:
    return (
        resources.files("postwise")
        .joinpath("data", "render", "policy.css")
        .read_text(encoding="utf-8")
    )


def _html(page: Page) -> str:
    w = page.words
    lang = _e(page.language)
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(page.title)}</title>",
        f"<style>\n{_stylesheet()}</style>",
        "</head>",
        "<body>",
        f'<a class="skip" href="#guidelines">{_e(w["skip"])}</a>',
        "<header>",
        f"<h1>{_e(page.title)}</h1>",
        f'<p class="intro">{_e(page.intro)}</p>',
        "</header>",
        f'<nav aria-labelledby="contents-title"><h2 id="contents-title">{_e(w["contents"])}</h2>',
        "<ol>",
    ]
    out += [f'<li><a href="#{g.anchor}">{_e(g.heading)}</a></li>' for g in page.guidelines]
    out += ["</ol>", "</nav>", '<main id="guidelines">']
    out += [
        '<section class="how" aria-labelledby="how-title">',
        f'<h2 id="how-title">{_e(w["how_title"])}</h2>',
        f"<p>{_e(w['how_text'])}</p>",
        "<dl>",
    ]
    for label, text in page.legend:
        out += [f"<dt>{_e(label)}</dt>", f"<dd>{_e(text)}</dd>"]
    out += ["</dl>", "</section>"]
    for number, g in enumerate(page.guidelines, start=1):
        out += [
            f'<section class="guideline" id="{g.anchor}" aria-labelledby="{g.anchor}-title">',
            f'<h2 id="{g.anchor}-title"><span class="number">{number}.</span> {_e(g.heading)}</h2>',
        ]
        if g.body:
            out.append(f"<p>{_e(g.body)}</p>")
        if g.do or g.dont:
            out.append('<div class="examples">')
            for css, mark, label, shown in (
                ("do", "✓", w["do"], g.do),
                ("dont", "✗", w["dont"], g.dont),
            ):
                if shown is None:
                    continue
                out += [
                    f'<figure class="{css}">',
                    f'<figcaption><span aria-hidden="true">{mark}</span> {_e(label)}</figcaption>',
                    f"<blockquote>{_html_post(shown.text)}</blockquote>",
                ]
                if shown.circumstances:
                    out.append(f'<p class="when">{_e(shown.circumstances)}</p>')
                out.append("</figure>")
            out.append("</div>")
        out += [f"<h3>{_e(w['checks'])}</h3>", '<ul class="checks">']
        shared = g.outcome
        for check in g.checks:
            outcome = (
                "" if shared is not None else _html_outcome(check.severity_label, check.consequence)
            )
            out.append(f"<li><p>{_html_rich(check.explanation)}</p>{outcome}</li>")
        out.append("</ul>")
        if shared is not None:
            out.append(_html_outcome(*shared))
        out.append("</section>")
    out += ["</main>", f"<footer><p>{_e(page.footer)}</p></footer>", "</body>", "</html>", ""]
    return "\n".join(out)
