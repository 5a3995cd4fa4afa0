"""What keeps the pages safe: headers, cookies, CSRF tokens and login throttling.

- **Headers.** A content security policy with no inline scripts or styles and no other
  origins (the pages load only their own files), ``frame-ancestors 'none'`` so no site can
  frame them, and the usual ``nosniff`` / referrer / permissions headers.
- **Cookies.** The session cookie is HttpOnly and SameSite=Lax, and Secure whenever the
  page was served over HTTPS (behind a proxy, run uvicorn with ``--proxy-headers``).
- **CSRF.** Every form and every script request that changes something carries a token
  derived from a secret only the browser's cookie holds: the login session's secret once
  signed in, a random pre-session secret before. A page on another site can make the
  browser send the cookie but cannot read it, so it cannot compute the token. Requests
  whose ``Origin`` names another site are refused as well.
- **Throttling.** Failed sign-ins are counted per e-mail address from the audit log (so
  every process sees the same count) and per client address in this process; past the
  limit the password is not even tried until the window has passed.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from collections import deque
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from postwise.store.models import AuditEvent

SESSION_COOKIE = "postwise_session"
PRE_SESSION_COOKIE = "postwise_pre"
LANGUAGE_COOKIE = "postwise_lang"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def csrf_token(seed: str) -> str:
    """The token forms carry: an HMAC of a fixed label under the cookie's secret."""
    return hmac.new(seed.encode("utf-8"), b"postwise-csrf", hashlib.sha256).hexdigest()


def csrf_ok(seed: str | None, token: str | None) -> bool:
    if not seed or not token:
        return False
    return hmac.compare_digest(csrf_token(seed), token)


def same_origin(origin: str | None, host_url: str) -> bool:
    """``True`` when a request's ``Origin`` header is absent or names this site."""
    if not origin or origin == "null":
        return origin is None
    return origin.rstrip("/") == host_url.rstrip("/")


class LoginThrottle:
    """How many failed sign-ins are allowed, per address and per client, in a window."""

    def __init__(
        self,
        per_email: int = 5,
        per_client: int = 20,
        window: timedelta = timedelta(minutes=15),
    ) -> None:
        self.per_email = per_email
        self.per_client = per_client
        self.window = window
        self._failures: dict[str, deque[datetime]] = {}
        self._lock = threading.Lock()

    def blocked(self, session: Session, email: str, client: str, now: datetime) -> bool:
        """``True`` when this e-mail or this client failed too often lately."""
        since = now - self.window
        with self._lock:
            recent = self._recent(client, since)
            if len(recent) >= self.per_client:
                return True
        failed = session.execute(
            select(func.count())
            .select_from(AuditEvent)
            .where(
                AuditEvent.action == "login.failed",
                AuditEvent.subject == f"email:{email.strip().lower()}",
                AuditEvent.at >= since,
            )
        ).scalar_one()
        return int(failed) >= self.per_email

    def failed(self, client: str, now: datetime) -> None:
        with self._lock:
            self._recent(client, now - self.window).append(now)

    def _recent(self, client: str, since: datetime) -> deque[datetime]:
        times = self._failures.setdefault(client, deque())
        while times and times[0] < since:
            times.popleft()
        if len(self._failures) > 10_000:  # forget idle clients rather than grow without end
            for key in [k for k, v in self._failures.items() if not v and k != client]:
                del self._failures[key]
        return times
