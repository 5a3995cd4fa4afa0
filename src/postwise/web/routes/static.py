"""The pages' own stylesheet and scripts, served from the package (no CDN, no build step).

URLs carry a hash of the file (``static_url``), so browsers may keep a file for a year and
still get a new one the moment it changes.
"""

from __future__ import annotations

from fastapi import APIRouter, Response

from postwise.web.page import PageRefused, PageRoute, static_file

router = APIRouter(route_class=PageRoute)


@router.get("/static/{name}", include_in_schema=False)
def static(name: str) -> Response:
    found = static_file(name)
    if found is None:
        raise PageRefused(404, "errors.not_found")
    body, media_type = found
    return Response(
        body, media_type=media_type, headers={"Cache-Control": "public, max-age=31536000"}
    )
