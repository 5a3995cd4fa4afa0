"""Promissory and unsubstantiated claims: guarantees, "risk-free", superiority, share-price tips.

**What it catches.** Promises of results or returns ("guaranteed returns", "guarantees you'll
never miss a dose", "garanterad avkastning", "gegarandeerd rendement"), guaranteed outcomes
("guaranteed to stop attacks", "förebygger du garanterat", "stops flare-ups for good",
"results or your money back"); "risk-free", "no risk" and absolute safety or efficacy
("riskfritt", "utan risk", "zonder enig risico", "you can't lose", "100% safe", "100 %
säker", "100% veilig"); superiority claims ("beats every competitor", "faster than any app",
"better than anything Novexa sells", "bättre än alla", "sneller … dan elke app van Novexa",
"the most effective inhaler in the world", a comparative against a listed competitor or one of
its products: "better than Novexa's pen", "beter dan de pen van Novexa"; a verdict without
"than": "Respiqo every time", "CareLoop vinner överlägset", "…, punt uit"); and
predictions of a share price ("the share price is going to explode", "my bet: 400 kronor by
Christmas", "aktien går till 300 kr", "de koers gaat verdubbelen"; a bare forecast only in a
post about shares or quoting the organisation at a price: "it'll be back above SEK 200 before
Christmas", "ons aandeel staat veel te laag, wacht maar tot…, dan gaat hij omhoog"; not when
hedged: "maybe the stock will go up", "kanske stiger aktien"). Casual and negated uses are not
claims: "fun is guaranteed", "no guarantees in research", "I'm 100% sure", "better than
ever", "a warm welcome guaranteed"; nor are claims asked about, criticised ("anyone
promising guaranteed returns is a scammer"), reported as others' ("analysts expect the
share to reach 400") or past prices ("closed at 420 kr before Christmas").

**Why.** Financial communications must be fair and balanced and may not promise performance
(FINRA rule 2210); comparative advertising must be objective and verifiable (EU directive
2006/114/EC); and a prediction of the employer's share price from an insider can mislead the
market. Whatever the author meant, readers take such a claim as the organisation's.

**Example.** "CareLoop guarantees you'll never miss a dose again. Risk-free 30-day trial!"

**Fix.** Say what is true and can be shown ("in our pilot, 9 of 10 users kept their
reminders on"), leave out guarantees and absolutes, compare only with facts and a source,
and never say where a share price is going.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from postwise.policy.model import RuleBase, RuleSettings
from postwise.rules import Detector, FixHint, Hit, RuleKind
from postwise.rules._patterns import CuePatterns, PatternMatch, names_with_products

if TYPE_CHECKING:
    from postwise.engine.post import Post
    from postwise.policy.compiled import CompiledOrganisation

Check = Literal["guarantee", "risk", "superiority", "prediction"]
CHECKS: tuple[Check, ...] = ("guarantee", "risk", "superiority", "prediction")
# A bare forecast ("it's going to explode") is a prediction only in a post about shares.
FORECAST = "forecast"
# Claims quoted to be criticised ("anyone promising guaranteed returns is a scammer") or told as
# someone else's ("analysts expect the share to reach 400") are not the author's own.
CRITIQUE = "critique"
REPORTED = "reported"
# A forecast hedged earlier in its sentence ("maybe the stock will go up") is a guess.
HEDGE = "hedge"
_QUOTES = "\"'\u201c\u201d\u201e\u00ab\u00bb"


class Settings(RuleSettings):
    checks: list[Check] = Field(
        default_factory=lambda: list(CHECKS), description="Which kinds of claims to look for."
    )
    cues: dict[Check, list[str]] = Field(
        default_factory=dict, description="More cue patterns per kind of claim, any language."
    )


def compile(rule: RuleBase, org: CompiledOrganisation) -> Detector:
    settings = rule.settings
    assert isinstance(settings, Settings)
    groups: list[str] = sorted(settings.checks)
    if "prediction" in groups:
        groups.append(FORECAST)
    more = {str(k): v for k, v in settings.cues.items()}
    cues = CuePatterns.load(
        "claims", groups, org.languages, names_with_products(org), more, ("cues", None)
    )
    # Without the bare forecasts, for a post not about markets, where one that does not count
    # may have hidden an overlapping cue ("mark my words: X trades above 400 by Halloween").
    plain = CuePatterns.load(
        "claims",
        sorted(settings.checks),
        org.languages,
        names_with_products(org),
        more,
        ("cues", None),
    )
    market = CuePatterns.load("claims", ["market"], org.languages, names_with_products(org))
    distance = CuePatterns.load("claims", [CRITIQUE, REPORTED, HEDGE], org.languages)

    def detect(post: Post) -> Iterator[Hit]:
        distanced: list[PatternMatch] | None = None
        found = cues.find(post.folded)
        if any(m.group == FORECAST for m in found) and not market.find(post.folded):
            found = plain.find(post.folded)
        for match in found:
            detail = "prediction" if match.group == FORECAST else match.group
            if _asked(match, post):
                continue
            if distanced is None:
                distanced = distance.find(post.folded)
            if distanced and _not_own(match, distanced, post):
                continue
            yield Hit(
                match.start,
                match.end,
                detail,
                fix=FixHint(match.start, match.end, "", "remove"),
                data={"claim": detail},
            )

    return detect


def _not_own(match: PatternMatch, distanced: list[PatternMatch], post: Post) -> bool:
    """Whether a claim is criticised or reported rather than made: a critique anywhere in
    its sentence, or anywhere in the post when the claim is in quotation marks; a report of
    what others say ("analysts expect") earlier in its sentence; and for a prediction, a
    hedge ("maybe", "kanske", "misschien") earlier in its sentence."""
    sentence = post.folded.sentence_of(match.start)
    quoted = _quoted(post.folded.folded, match.start, match.end)
    for cue in distanced:
        here = sentence.start <= cue.start < sentence.end
        if cue.group == CRITIQUE and (here or quoted):
            return True
        if cue.group == REPORTED and here and cue.start < match.start:
            return True
        if cue.group == HEDGE and here and cue.start < match.start:
            return match.group in ("prediction", FORECAST)
    return False


def _asked(match: PatternMatch, post: Post) -> bool:
    """Whether the claim stands in a question ("will Lumora shares double?"): asked, not made."""
    sentence = post.folded.sentence_of(match.start)
    said = post.folded.folded[sentence.start : sentence.end + 1].rstrip().rstrip("!)\"'")
    return said.endswith("?")


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands in quotation marks (one character of slack)."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    return any(q in before for q in _QUOTES) and any(q in after for q in _QUOTES)


KIND = RuleKind(
    name="claims",
    settings=Settings,
    compile=compile,
    doc=__doc__ or "",
    default_severity="warn",
)
