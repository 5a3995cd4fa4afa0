"""Quiet period: the organisation's figures, deals or share price before a report is out.

**What it catches.** A post published inside one of the organisation's quiet periods (the
posting time in the organisation's time zone; first and last day included) that says
something about the organisation's own results, sales, revenue, margins, guidance, orders,
deals or share price — in English, Swedish or Dutch, compounds included ("Zentrava-omzet",
"Lumora-aktien", "halvårsrapporten", "Respiqo volumes up 22%", "40% of the Dutch market",
"Zentrava har aldrig sålt bättre"). A statement is the organisation's when its sentence
names the organisation or a product, or speaks as the organisation ("our orders", "my
Nordic team", "vi tecknade", "onze omzet"); a sentence with figures and no one named
continues the sentence before it ("As CFO at Lumora: what a year! Sales hit a record…").
Industry talk ("deal volumes in pharma") and a competitor's figures ("Brevik raised its
forecast") are not the organisation's, even when the author says where they work.

**Why.** Before results are published, a listed company must not let anyone get ahead of
the market. An employee's proud "best quarter ever" is inside information told early, and
the company, not the author, carries the consequences.

**Example.** "Proud to work at Lumora. My Nordic team just had a fantastic quarter: orders up
more than 30% on last year", posted on 18 December during the year-end quiet period.

**Fix.** Wait until the report is published, then share it and add your own words to it.
Posts about the team, the work or the industry are fine meanwhile.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from postwise.policy.model import QuietPeriod, RuleBase, RuleSettings
from postwise.rules import Detector, Hit, RuleKind
from postwise.rules._cues import Cue, CueSet, outside_links
from postwise.text.data import load_data
from postwise.text.fold import fold

if TYPE_CHECKING:
    from postwise.engine.post import Post
    from postwise.policy.compiled import CompiledOrganisation

Owner = Literal["own", "other"]

_FIGURES = ("figures", "named", "qualified", "sold", "reports", "portions", "targets")
_CONTEXT = ("periods", "measures", "amounts", "clinical", "own", "other")
# Sentences without anyone named take their subject from this many sentences before them.
_CARRY_BACK = 2


class Settings(RuleSettings):
    periods: list[QuietPeriod] = Field(
        default_factory=list, description="More quiet periods, besides the organisation's."
    )
    extra_cues: list[str] = Field(
        default_factory=list,
        description="More words about business figures (a trailing * allows endings).",
    )


@dataclass(frozen=True)
class _Ref:
    """Someone a sentence is about: the organisation (``own``) or someone else (``other``)."""

    start: int
    end: int
    owner: Owner
    named: bool


def compile(rule: RuleBase, org: CompiledOrganisation) -> Detector:
    settings = rule.settings
    assert isinstance(settings, Settings)
    periods = tuple(sorted([*org.model.quiet_periods, *settings.periods], key=lambda p: p.start))
    if not periods:
        return _nothing
    lexicon = load_data("lexicons", "quiet_period", "financial.yaml")
    figures = CueSet.from_lexicon(
        lexicon,
        org.languages,
        categories=(*_FIGURES, "not"),
        extra={"figures": settings.extra_cues},
    )
    context = CueSet.from_lexicon(lexicon, org.languages, categories=_CONTEXT)
    team = _team_pattern(lexicon, org.languages)
    org_name = org.model.name

    def detect(post: Post) -> Iterator[Hit]:
        local = post.local_time
        if local is None:
            return
        day = local.date()
        period = next((p for p in periods if p.start <= day <= p.end), None)
        if period is None:
            return
        found = figures.find(post.folded)
        if not any(c.category in _FIGURES for c in found):
            return
        found.extend(context.find(post.folded))
        found = outside_links(found, post.folded)
        found.sort(key=lambda c: (c.start, -c.end))
        statement = _own_statement(post, found, team)
        if statement is None:
            return
        yield Hit(
            statement.start,
            statement.end,
            "default" if period.reason else "no_reason",
            {
                "org": org_name,
                "reason": period.reason,
                "start": period.start.isoformat(),
                "end": period.end.isoformat(),
            },
        )

    return detect


def _nothing(post: Post) -> Iterator[Hit]:
    return iter(())


def _own_statement(post: Post, found: Sequence[Cue], team: re.Pattern[str] | None) -> Cue | None:
    """A figure cue that speaks about the organisation's own business, if any."""
    starts = [s.start for s in post.folded.sentences]

    def where(offset: int) -> int:
        return bisect_right(starts, offset) - 1

    refs = _refs(post, found, team)
    by_sentence: dict[int, list[_Ref]] = {}
    for ref in refs:
        by_sentence.setdefault(where(ref.start), []).append(ref)
    measured = {where(c.start) for c in found if c.category == "measures"}
    amounted = {where(c.start) for c in found if c.category == "amounts"}
    with_period = measured | {where(c.start) for c in found if c.category == "periods"}
    clinical = {where(c.start) for c in found if c.category == "clinical"}
    excluded = [c for c in found if c.category == "not"]

    # Plain figure words first: the finding should point at "aandelen", not at "koop".
    candidates = sorted(
        (c for c in found if c.category in _FIGURES),
        key=lambda c: (_FIGURES.index(c.category), c.start),
    )
    for cue in candidates:
        if any(n.start <= cue.start and cue.end <= n.end for n in excluded):
            continue
        if cue.language is not None and post.language != cue.language:
            continue
        at = where(cue.start)
        if cue.category in ("qualified", "sold") and (at not in with_period or at in clinical):
            continue
        if cue.category == "reports" and at not in measured:
            continue
        if cue.category in ("portions", "targets") and at not in amounted:
            continue
        if cue.category in ("portions", "sold") and at not in by_sentence:
            continue
        here = by_sentence.get(at, [])
        if cue.category == "named":
            here = [r for r in here if r.named]
            owner = _nearest(cue, here, post.folded.folded)
        elif here:
            owner = _nearest(cue, here, post.folded.folded)
        else:
            owner = _carried(at, by_sentence)
        if owner == "own":
            return cue
    return None


def _refs(post: Post, found: Iterable[Cue], team: re.Pattern[str] | None) -> list[_Ref]:
    refs: list[_Ref] = []
    for m in post.entities:
        owner: Owner = "other" if m.value.category == "competitor" else "own"
        refs.append(_Ref(m.start, m.end, owner, named=True))
    for c in found:
        if c.category == "own":
            refs.append(_Ref(c.start, c.end, "own", named=False))
        elif c.category == "other":
            refs.append(_Ref(c.start, c.end, "other", named=False))
    if team is not None:
        refs.extend(_Ref(start, end, "own", named=False) for start, end in _teams(team, post))
    return refs


def _teams(team: re.Pattern[str], post: Post) -> Iterator[tuple[int, int]]:
    """Where ``team`` matches on a word boundary (checked here: a pattern that opens with a
    look-behind is tried at every character, one that opens with its words is a fast scan)."""
    text = post.folded.folded
    pos = 0
    while (found := team.search(text, pos)) is not None:
        start = found.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "_'-"):
            pos = start + 1
            continue
        yield start, found.end()
        pos = found.end()


def _nearest(cue: Cue, refs: Sequence[_Ref], text: str) -> Owner | None:
    """The owner of the reference closest to the cue (the organisation on a tie).

    A reference across a semicolon belongs to another clause and counts only when no
    reference shares the cue's clause ("Novexa reported record sales; we wait for February").
    """
    if not refs:
        return None

    def distance(ref: _Ref) -> tuple[int, int, bool]:
        lo, hi = (ref.end, cue.start) if ref.end <= cue.start else (cue.end, ref.start)
        return (";" in text[lo:hi], max(0, hi - lo), ref.owner != "own")

    return min(refs, key=distance).owner


def _carried(at: int, by_sentence: dict[int, list[_Ref]]) -> Owner | None:
    """Whose figures a sentence naming no one gives: the subject of the sentences before it.

    A following sentence counts only when it speaks as the organisation ("we", "our team"),
    not when it merely discloses the author's employer ("I work at Lumora, so I follow this").
    """
    for back in range(at - 1, max(-1, at - 1 - _CARRY_BACK), -1):
        refs = by_sentence.get(back)
        if refs:
            return "own" if all(r.owner == "own" for r in refs) else None
    after = by_sentence.get(at + 1, [])
    if after and all(r.owner == "own" for r in after) and any(not r.named for r in after):
        return "own"
    return None


def _team_pattern(lexicon: Any, languages: Iterable[str]) -> re.Pattern[str] | None:
    """A group the author speaks for: "my [Nordic] team", "mina kunder", "mijn regio"."""
    possessives: set[str] = set()
    groups: set[str] = set()
    for lang in languages:
        entry = lexicon.get(lang) or {}
        possessives.update(fold(p) for p in entry.get("own_possessives") or [])
        groups.update(fold(g) for g in entry.get("own_groups") or [])
    if not possessives or not groups:
        return None
    return re.compile(
        rf"{_words(possessives)}(?:\s+[^\W_][\w'-]*){{0,2}}\s+{_words(groups)}(?![\w'-])"
    )


def _words(words: Iterable[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


KIND = RuleKind(
    name="quiet_period",
    settings=Settings,
    compile=compile,
    doc=__doc__ or "",
    default_severity="block",
)
