"""Posting quota: more posts by one author in a day, or in an hour, than the policy suggests.

**What it catches.** The post that takes its author over the policy's number of posts in
one day (Mr Green: 8) or in one hour. Days are calendar days in the organisation's time zone.

Settings: ``per_day`` (8 by default) and ``per_hour`` (none by default); ``null`` switches a
limit off. The hour is the 60 minutes up to the post (a post exactly an hour earlier no longer
counts). The count is the author's earlier posting times that the context carries
(``recent_posts``, up to and including the posting time) plus this post; later times are not
counted, so in an archive audit the ninth post of a day is reported, not the first eight. When
a post breaks both limits, the daily one is reported. A post without a posting time is not
judged.

**Why.** A few posts that each have something to say are read; a stream of them is
scrolled past, and followers leave. Mr Green's Twitter policy: preferably no more than eight
tweets a day.

**Example.** A ninth post at 16:10 after eight since 08:00 that day (``per_day: 8``); a
fourth post within the hour with ``per_hour: 3``.

**Fix.** Keep it for tomorrow, or fold it into one of today's posts. Each finding carries
``suggested_at``: the start of the next day, or the moment the hour has room again.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import Field

from postwise.policy.model import RuleBase, RuleSettings
from postwise.rules import Detector, Hit, RuleKind
from postwise.rules._time import clock_text, next_midnight, start_of_day

if TYPE_CHECKING:
    from postwise.engine.post import Post
    from postwise.policy.compiled import CompiledOrganisation

_HOUR = 3600.0


class Settings(RuleSettings):
    per_day: int | None = Field(
        8, ge=1, description="Most posts per author per local calendar day; null for no limit."
    )
    per_hour: int | None = Field(
        None, ge=1, description="Most posts per author in any 60 minutes; null for no limit."
    )


def compile(rule: RuleBase, org: CompiledOrganisation) -> Detector:
    settings = rule.settings
    assert isinstance(settings, Settings)
    per_day, per_hour = settings.per_day, settings.per_hour
    limits = [limit for limit in (per_day, per_hour) if limit is not None]
    # Fewer earlier posts than the smallest limit cannot break any: the common case costs nothing.
    enough = min(limits, default=0)

    def detect(post: Post) -> Iterator[Hit]:
        recent = post.context.recent_posts
        if not limits or len(recent) < enough or post.local_time is None:
            return
        local = post.local_time
        now = local.timestamp()
        stamps = [t.timestamp() for t in recent]
        if per_day is not None:
            day_start = start_of_day(local).timestamp()
            count = 1 + sum(1 for s in stamps if day_start <= s <= now)
            if count > per_day:
                yield _hit("per_day", count, per_day, next_midnight(local))
                return
        if per_hour is not None:
            earlier = sorted(s for s in stamps if now - _HOUR < s <= now)
            count = 1 + len(earlier)
            if count > per_hour:
                # Room again once all but (per_hour - 1) of the earlier posts are an hour old.
                free_at = earlier[len(earlier) - per_hour] + _HOUR
                when = datetime.fromtimestamp(free_at, local.tzinfo)
                yield _hit("per_hour", count, per_hour, when)

    return detect


def _hit(detail: str, count: int, limit: int, suggestion: datetime) -> Hit:
    return Hit(
        None,
        None,
        detail,
        {"count": str(count), "limit": str(limit), "next": clock_text(suggestion.time())},
        data={
            "count": count,
            "limit": limit,
            "suggested_at": suggestion.isoformat(),
            "suggested_time": clock_text(suggestion.time()),
        },
    )


KIND = RuleKind(
    name="quota",
    settings=Settings,
    compile=compile,
    doc=__doc__ or "",
    default_severity="tip",
)
