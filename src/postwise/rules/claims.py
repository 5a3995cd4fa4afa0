"""Promissory and unsubstantiated claims: guarantees, "risk-free", superiority, share-price tips.

**What it catches.** Promises of results or returns ("guaranteed returns", "guarantees you'll
never miss a dose", "garanterad avkastning", "gegarandeerd rendement"); "risk-free" and
absolute safety or efficacy ("riskfritt", "risicoloos", "100% safe", "100 % säker", "100%
veilig"); superiority claims ("beats every competitor", "faster than any app", "bättre än
alla", "sneller … dan elke app van Novexa", a comparative against a listed competitor); and
predictions of a share price ("the share price is going to explode", "aktien går till 300
kr", "de koers gaat verdubbelen"). Casual and negated uses are not claims: "fun is
guaranteed", "no guarantees in research", "I'm 100% sure", "better than ever".

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
from postwise.rules._patterns import CuePatterns, names_of

if TYPE_CHECKING:
    from postwise.engine.post import Post
    from postwise.policy.compiled import CompiledOrganisation

Check = Literal["guarantee", "risk", "superiority", "prediction"]
CHECKS: tuple[Check, ...] = ("guarantee", "risk", "superiority", "prediction")
# A bare forecast ("it's going to explode") is a prediction only in a post about shares.
FORECAST = "forecast"


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
    cues = CuePatterns.load("claims", groups, org.languages, names_of(org), more, ("cues", None))
    market = CuePatterns.load("claims", ["market"], org.languages)

    def detect(post: Post) -> Iterator[Hit]:
        in_market: bool | None = None
        for match in cues.find(post.folded):
            detail = match.group
            if detail == FORECAST:
                if in_market is None:
                    in_market = bool(market.find(post.folded))
                if not in_market:
                    continue
                detail = "prediction"
            yield Hit(
                match.start,
                match.end,
                detail,
                fix=FixHint(match.start, match.end, "", "remove"),
                data={"claim": detail},
            )

    return detect


KIND = RuleKind(
    name="claims",
    settings=Settings,
    compile=compile,
    doc=__doc__ or "",
    default_severity="warn",
)
