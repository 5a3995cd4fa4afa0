"""The dashboard (reviewers and admins): charts drawn as SVG, their numbers as CSV."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request, Response

from postwise.web.charts import bar_chart, hbar_chart
from postwise.web.page import PageRefused, PageRoute, Visit, visit
from postwise.web.stats import dashboard, totals
from postwise.workflow.errors import Conflict

router = APIRouter(route_class=PageRoute)
HORIZONTAL = {"kinds", "waits"}


def _zone(v: Visit) -> ZoneInfo:
    try:
        _, policy = v.workflow.policies.active(v.session)
    except Conflict:
        return ZoneInfo("UTC")
    return policy.organisation.zone


@router.get("/dashboard", include_in_schema=False)
def dashboard_page(request: Request) -> Response:
    with visit(request) as v:
        v.need("reviewer")
        charts = dashboard(v.session, v.now, _zone(v), v.t)
        drawn = [
            {
                "chart": chart,
                "svg": hbar_chart(chart) if chart.id in HORIZONTAL else bar_chart(chart),
            }
            for chart in charts
        ]
        return v.page("dashboard.html", charts=drawn, totals=totals(charts))


@router.get("/dashboard/{chart_id}.csv", include_in_schema=False)
def dashboard_csv(request: Request, chart_id: str) -> Response:
    with visit(request) as v:
        v.need("reviewer")
        for chart in dashboard(v.session, v.now, _zone(v), v.t):
            if chart.id == chart_id:
                return Response(
                    chart.csv(),
                    media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{chart.id}.csv"'},
                )
        raise PageRefused(404, "errors.not_found")
