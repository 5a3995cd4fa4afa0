"""Channel limits: length, hashtags and mentions that the network or good manners allow.

**What it catches.** A post longer than its network accepts (X 280, Bluesky 300, Mastodon
500, Instagram 2,200, LinkedIn 3,000 characters, counted as people see them: an emoji is one
character), more hashtags than the policy allows (5 by default) and more mentions than it
allows (10 by default). Limits per channel can be changed in the rule's settings.

**Why.** Be relevant: a post that is cut off mid-sentence or buried under hashtags reads as
spam, and it reflects on the organisation as much as on the author.

**Example.** A 320-character post for X; a LinkedIn post ending in eight hashtags.

**Fix.** Shorten the text (or choose a network with room for it); keep the two or three
hashtags that people actually follow.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex
from pydantic import Field

from postwise.policy.model import RuleBase, RuleSettings
from postwise.rules import Detector, Hit, RuleKind

if TYPE_CHECKING:
    from postwise.engine.post import Post
    from postwise.policy.compiled import CompiledOrganisation

DEFAULT_LIMITS = {
    "x": 280,
    "twitter": 280,
    "bluesky": 300,
    "mastodon": 500,
    "threads": 500,
    "instagram": 2200,
    "facebook": 63206,
    "linkedin": 3000,
}
# Each opens with its literal mark, so the engine jumps from mark to mark (a pattern that opens
# with a look-behind is tried at every position: 30 times slower on a long post).
_HASHTAG_RE = re.compile(r"#(?<![\w#&]#)(?:[^\W\d_]\w*|\d+[^\W\d_]\w*)")
_MENTION_RE = re.compile(r"@(?<![\w@]@)[A-Za-z0-9_][A-Za-z0-9_.]*(?:@[A-Za-z0-9.-]+)?")
# Code points that never start a user-perceived character: combining marks, joiners,
# variation selectors, skin tones, tag characters, the second of a flag's two letters and the
# code point after a zero-width joiner. Counting them is one fast scan; ``\X`` is slow.
_NON_STARTER_RE = regex.compile(
    r"\u200d[^\u200d\p{M}\ufe00-\ufe0f]?"
    r"|[\p{M}\u200c\ufe00-\ufe0f\U0001F3FB-\U0001F3FF\U000E0020-\U000E007F]+"
)
_FLAG_LETTERS_RE = regex.compile(r"[\U0001F1E6-\U0001F1FF]+")


class Settings(RuleSettings):
    limits: dict[str, int] = Field(
        default_factory=dict, description="Character limits per channel (override defaults)."
    )
    max_hashtags: int = Field(5, ge=0)
    max_mentions: int = Field(10, ge=0)


def length(text: str) -> int:
    """Characters as a reader counts them (grapheme clusters: 👩‍👩‍👧 is one)."""
    if text.isascii():
        return len(text)
    return len(text) - sum(e - s for s, e in _non_starters(text))


def _non_starters(text: str) -> list[tuple[int, int]]:
    """Runs of code points that start no character a reader counts, in text order."""
    runs = [m.span() for m in _NON_STARTER_RE.finditer(text)]
    # A flag is two regional-indicator letters: the second of each pair starts nothing.
    flags = [
        (i, i + 1)
        for m in _FLAG_LETTERS_RE.finditer(text)
        for i in range(m.start() + 1, m.end(), 2)
    ]
    return sorted(runs + flags) if flags else runs


def compile(rule: RuleBase, org: CompiledOrganisation) -> Detector:
    settings = rule.settings
    assert isinstance(settings, Settings)
    limits = {**DEFAULT_LIMITS, **{k.lower(): v for k, v in settings.limits.items()}}

    def detect(post: Post) -> Iterator[Hit]:
        channel = (post.context.channel or "").lower()
        limit = limits.get(channel)
        if limit is not None and len(post.text) > limit:
            size = length(post.text)
            if size > limit:
                cut = post.folded.index_of(_grapheme_offset(post.text, limit))
                yield Hit(
                    cut,
                    len(post.folded.folded),
                    "too_long",
                    {"channel": channel, "limit": str(limit), "length": str(size)},
                )
        if "#" in post.text:
            tags = list(_HASHTAG_RE.finditer(post.text))
            if len(tags) > settings.max_hashtags:
                first_extra = tags[settings.max_hashtags]
                yield Hit(
                    post.folded.index_of(first_extra.start()),
                    post.folded.index_of(tags[-1].end()),
                    "hashtags",
                    {"count": str(len(tags)), "limit": str(settings.max_hashtags)},
                )
        if "@" in post.text:
            mentions = list(_MENTION_RE.finditer(post.text))
            if len(mentions) > settings.max_mentions:
                first_extra = mentions[settings.max_mentions]
                yield Hit(
                    post.folded.index_of(first_extra.start()),
                    post.folded.index_of(mentions[-1].end()),
                    "mentions",
                    {"count": str(len(mentions)), "limit": str(settings.max_mentions)},
                )

    return detect


def _grapheme_offset(text: str, graphemes: int) -> int:
    """Where the character a reader counts as number ``graphemes`` (from 0) begins.

    A code point that starts a character at offset ``i`` is character number ``i`` minus
    the non-starters before it: one scan for those, then arithmetic.
    """
    if text.isascii() or graphemes <= 0:
        return max(0, min(graphemes, len(text)))
    skipped = 0
    for start, end in _non_starters(text):
        if graphemes + skipped < start:
            break
        skipped += end - start
    return min(graphemes + skipped, len(text))


KIND = RuleKind(
    name="channel",
    settings=Settings,
    compile=compile,
    doc=__doc__ or "",
    default_severity="warn",
)
