"""Anonymous accounts on work time or a work device.

**What it catches.** A post from an anonymous account on work time (the organisation's
working hours, public holidays excepted) or on a work device; the message says which.

Details: the context says whether the account is anonymous (``account_anonymous``) and the
device a work one (``work_device``). Work time is ``organisation.working_hours`` (start, end
and days, in the organisation's time zone) except the public holidays of the country named in
``working_hours.holidays`` (e.g. ``NL``). Either test can be switched off (``work_device:
false``, ``work_time: false``). Disclosing the employer in the post is the ``disclosure``
rule's concern; this one is about the account itself.

**Why.** Mr Green's Twitter policy, rule 4: whoever posts on work time or on a work
computer makes clear who they are and where they work; anonymous posting is for free time on
a private computer. An anonymous account traced back to a work laptop makes the
organisation look as if it hides behind it.

**Example.** An anonymous account posting at 10:15 on a Tuesday, or from a work laptop in the
evening.

**Fix.** Post from an account under your own name that says where you work, or keep the
anonymous account for your own time and your own device.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from postwise.policy.model import RuleBase, RuleSettings
from postwise.rules import Detector, Hit, RuleConfigError, RuleKind
from postwise.rules._time import clock_text, working_time

if TYPE_CHECKING:
    from postwise.engine.post import Post
    from postwise.policy.compiled import CompiledOrganisation


class Settings(RuleSettings):
    work_device: bool = Field(True, description="An anonymous post from a work device counts.")
    work_time: bool = Field(
        True, description="An anonymous post on work time (working hours, not holidays) counts."
    )


def compile(rule: RuleBase, org: CompiledOrganisation) -> Detector:
    settings = rule.settings
    assert isinstance(settings, Settings)
    try:
        schedule = working_time(org.model)
    except ValueError as exc:
        raise RuleConfigError(f"organisation.working_hours.holidays: {exc}") from None
    hours = org.model.working_hours
    base = {"start": clock_text(hours.start), "end": clock_text(hours.end)}
    check_device, check_time = settings.work_device, settings.work_time

    def detect(post: Post) -> Iterator[Hit]:
        context = post.context
        if not context.account_anonymous:
            return
        device = check_device and context.work_device
        local = post.local_time
        on_time = check_time and local is not None and schedule.contains(local)
        if not (device or on_time):
            return
        detail = "work_device" if device else "work_time"
        if device and on_time:
            detail = "work_device_and_time"
        params = {**base, "time": clock_text(local.time()) if local is not None else ""}
        yield Hit(
            None,
            None,
            detail,
            params,
            data={"work_device": device, "work_time": on_time},
        )

    return detect


KIND = RuleKind(
    name="anonymity",
    settings=Settings,
    compile=compile,
    doc=__doc__ or "",
    default_severity="warn",
)
