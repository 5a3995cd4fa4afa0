"""What the engine knows about a post besides its text: when, where and by whom."""

from __future__ import annotations

from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from postwise.policy.errors import InputError, Problem


class Author(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str | None = None
    role: str = ""
    expertise: list[str] = Field(default_factory=list)
    spokesperson: bool = False
    profile_discloses_employer: bool = False
    language: str | None = Field(None, description="Preferred language for messages (en/sv/nl).")


class Context(BaseModel):
    """The circumstances of one post. Times must carry a time zone."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    posted_at: AwareDatetime | None = Field(
        None, description="When the post goes out; time rules are skipped when absent."
    )
    channel: str | None = Field(None, description="linkedin, x, mastodon, bluesky, instagram…")
    author: Author = Field(default_factory=Author)
    work_device: bool = False
    account_anonymous: bool = False
    recent_posts: list[AwareDatetime] = Field(
        default_factory=list, description="The author's earlier posting times (quota)."
    )

    @classmethod
    def from_data(cls, data: Any, source: str = "context") -> Context:
        """Validate plain data (e.g. parsed JSON), raising :class:`InputError` with field paths."""
        if data is None:
            return cls()
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise InputError(
                [
                    Problem(
                        source,
                        _friendly(str(e["msg"])),
                        path=".".join(str(p) for p in e["loc"]),
                    )
                    for e in exc.errors(include_url=False)
                ]
            ) from None


def _friendly(message: str) -> str:
    if "timezone" in message.lower():
        return "a time needs a time zone, e.g. 2026-05-04T09:20:00+02:00"
    return message


EMPTY_CONTEXT = Context()
