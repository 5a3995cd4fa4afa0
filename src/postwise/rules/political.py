"""Political statements by people whose role binds them to impartiality.

**What it catches.** For authors whose role is listed under ``people.impartial_roles`` (or
the rule's own ``roles``; compared without regard to case, "editor" also covers "news
editor"): voting intentions and calls to vote in a post about politics ("I'll vote for the
Greens", "jag röstar på Centerpartiet i valet", "ik stem op D66"); the campaign hashtags
listed in the rule's settings; and positions on current political debate — a party or a
topic of the day (elections, government, parliament; the parties of Sweden, the Netherlands
and the United Kingdom are listed as data) with an opinion in the same sentence ("the
government's plan is a disgrace", "äntligen en regering som…", "weg met dit kabinet"). Other
roles are not checked, and neutral news about politics is not a position.

**Why.** Public broadcasters, civil servants and others whose work depends on being trusted
by everyone are bound to political impartiality, also on their personal accounts: one post
taking sides can be read as their organisation's bias (e.g. the BBC's and the Dutch and
Swedish civil-service guidance on social media).

**Example.** An editor writes "Ik stem op D66 en jullie zouden dat ook moeten doen
#stemD66".

**Fix.** Keep your vote and your political views off social media while you hold this role;
share facts and your organisation's own reporting instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from postwise.policy.model import RuleBase, RuleSettings
from postwise.rules import Detector, FixHint, Hit, RuleKind
from postwise.rules._patterns import CuePatterns, listed_role
from postwise.text.matcher import TermMatcher

if TYPE_CHECKING:
    from postwise.engine.post import Post
    from postwise.policy.compiled import CompiledOrganisation


class Settings(RuleSettings):
    roles: list[str] = Field(
        default_factory=list,
        description="More roles bound to impartiality (besides people.impartial_roles).",
    )
    hashtags: list[str] = Field(
        default_factory=list, description="Campaign hashtags these roles must not use."
    )
    parties: list[str] = Field(
        default_factory=list, description="More party names, e.g. local parties."
    )
    topics: list[str] = Field(
        default_factory=list, description="More topics of current political debate."
    )


def compile(rule: RuleBase, org: CompiledOrganisation) -> Detector:
    settings = rule.settings
    assert isinstance(settings, Settings)
    langs = org.languages
    # One pass per group: a vote ("I'll vote") and a party ("vote Labour") may overlap.
    votes = CuePatterns.load("political", ["vote"], langs)
    parties = CuePatterns.load(
        "political", ["party"], langs, extra={"party": settings.parties}, extra_at=("parties",)
    )
    topics = CuePatterns.load(
        "political", ["topic"], langs, extra={"topic": settings.topics}, extra_at=("topics",)
    )
    stances = CuePatterns.load("political", ["stance"], langs)
    hashtags = TermMatcher([(tag, tag) for tag in settings.hashtags], languages=langs)
    extra_roles = tuple(settings.roles)

    def detect(post: Post) -> Iterator[Hit]:
        roles = (*post.policy.model.people.impartial_roles, *extra_roles)
        if not roles or not listed_role(post.context.author.role, roles):
            return
        text = post.folded
        for tag in hashtags.find(text):
            start = tag.start - 1 if tag.start and text.folded[tag.start - 1] == "#" else tag.start
            yield Hit(
                start,
                tag.end,
                "hashtag",
                {"hashtag": tag.term},
                FixHint(start, tag.end, "", "remove"),
                {"signal": "hashtag"},
            )
            break
        politics = [*parties.find(text), *topics.find(text)]
        if not politics:
            return
        vote = next(iter(votes.find(text)), None)
        if vote is not None:
            yield Hit(vote.start, vote.end, "vote", data={"signal": "vote"})
            return
        for stance in stances.find(text):
            sentence = text.sentence_of(stance.start)
            for mention in politics:
                if sentence.start <= mention.start < sentence.end:
                    start, end = min(stance.start, mention.start), max(stance.end, mention.end)
                    yield Hit(start, end, "position", data={"signal": "position"})
                    return

    return detect


KIND = RuleKind(
    name="political",
    settings=Settings,
    compile=compile,
    doc=__doc__ or "",
    default_severity="warn",
)
