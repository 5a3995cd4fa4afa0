"""The dashboard's numbers: how posts fared over the last weeks, read from the store.

- posts per day by verdict (at submission: ready, acknowledged, reviewed);
- findings per rule kind;
- the share of posts that needed no change (submitted as first written, nothing to fix);
- how long posts waited for a review;
- drafts withdrawn during a cooling-off hold.

Days are the organisation's calendar days. Each figure is a :class:`~postwise.web.charts.Chart`
so the page can draw it and offer the same numbers as a table and as CSV.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from postwise.store.models import Hold, Post, Review
from postwise.web.charts import Chart, Series
from postwise.web.i18n import Translator

VERDICTS = ("clean", "warn", "block")
WAIT_BUCKETS = ((3600, "lt_1h"), (4 * 3600, "h1_4"), (24 * 3600, "h4_24"), (None, "gt_24h"))


def dashboard(
    session: Session, now: datetime, zone: ZoneInfo, t: Translator, days: int = 30
) -> list[Chart]:
    since = now - timedelta(days=days)
    first = (now.astimezone(zone) - timedelta(days=days - 1)).date()
    day_list = [first + timedelta(days=i) for i in range(days)]
    labels = tuple(d.strftime("%m-%d") for d in day_list)

    def day_of(moment: datetime) -> date:
        return moment.astimezone(zone).date()

    posts = session.execute(
        select(Post.submitted_at, Post.verdict, Post.revision, Post.report).where(
            Post.submitted_at.is_not(None), Post.submitted_at >= since
        )
    ).all()
    per_day: dict[str, Counter[date]] = {v: Counter() for v in VERDICTS}
    kinds: Counter[str] = Counter()
    untouched: Counter[date] = Counter()
    submitted: Counter[date] = Counter()
    for submitted_at, verdict, revision, report in posts:
        day = day_of(submitted_at)
        per_day.get(verdict, per_day["clean"])[day] += 1
        submitted[day] += 1
        findings = (report or {}).get("findings", [])
        for finding in findings:
            kinds[str(finding.get("kind", "?"))] += 1
        if revision == 1 and verdict == "clean":
            untouched[day] += 1

    verdicts = Chart(
        id="verdicts",
        title=t("dashboard.verdicts.title"),
        description=t("dashboard.verdicts.desc", days=days),
        categories=labels,
        series=tuple(
            Series(t(f"dashboard.verdict.{v}"), tuple(float(per_day[v][d]) for d in day_list))
            for v in VERDICTS
        ),
    )
    ranked = kinds.most_common()
    by_kind = Chart(
        id="kinds",
        title=t("dashboard.kinds.title"),
        description=t("dashboard.kinds.desc", days=days),
        categories=tuple(k for k, _ in ranked),
        series=(Series(t("dashboard.kinds.series"), tuple(float(n) for _, n in ranked)),),
    )
    share = Chart(
        id="no-change",
        title=t("dashboard.no_change.title"),
        description=t("dashboard.no_change.desc"),
        categories=labels,
        series=(
            Series(
                t("dashboard.no_change.series"),
                tuple(
                    round(100.0 * untouched[d] / submitted[d], 1) if submitted[d] else 0.0
                    for d in day_list
                ),
            ),
        ),
        unit="%",
        has_data=bool(submitted),
    )
    waits = session.execute(
        select(Review.waited_seconds).where(Review.kind == "queue", Review.created_at >= since)
    ).scalars()
    buckets: Counter[str] = Counter()
    for seconds in waits:
        for limit, key in WAIT_BUCKETS:
            if limit is None or seconds < limit:
                buckets[key] += 1
                break
    waiting = Chart(
        id="waits",
        title=t("dashboard.waits.title"),
        description=t("dashboard.waits.desc", days=days),
        categories=tuple(t(f"dashboard.waits.{key}") for _, key in WAIT_BUCKETS),
        series=(
            Series(
                t("dashboard.waits.series"),
                tuple(float(buckets[key]) for _, key in WAIT_BUCKETS),
            ),
        ),
    )
    withdrawn_at = session.execute(
        select(Hold.ended_at).where(Hold.outcome == "withdrawn", Hold.ended_at >= since)
    ).scalars()
    withdrawn = Counter(day_of(at) for at in withdrawn_at if at is not None)
    cooling = Chart(
        id="withdrawn",
        title=t("dashboard.withdrawn.title"),
        description=t("dashboard.withdrawn.desc", days=days),
        categories=labels,
        series=(
            Series(t("dashboard.withdrawn.series"), tuple(float(withdrawn[d]) for d in day_list)),
        ),
    )
    return [verdicts, by_kind, share, waiting, cooling]


def totals(charts: list[Chart]) -> dict[str, float]:
    """Headline numbers over the whole period, for the top of the dashboard."""
    verdicts, by_kind, _share, waiting, cooling = charts
    posts = sum(sum(s.values) for s in verdicts.series)
    clean = sum(verdicts.series[0].values)
    return {
        "posts": posts,
        "clean_share": round(100.0 * clean / posts, 1) if posts else 0.0,
        "findings": sum(by_kind.series[0].values) if by_kind.series else 0.0,
        "reviews": sum(waiting.series[0].values),
        "withdrawn": sum(cooling.series[0].values),
    }
