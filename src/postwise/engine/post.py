"""One post under analysis: its text folded once, and everything detectors share, computed lazily.

Detectors ask the post for what they need (folded text, words, sentences, the organisation's
names it mentions, its language, the local posting time); each is computed at most once per
check, and only if some detector asks. A ``Post`` lives for one check and one thread.
"""

from __future__ import annotations

from datetime import datetime
from functools import cached_property

from postwise.engine.context import Context
from postwise.policy.compiled import CompiledPolicy, Entity, EntityCategory
from postwise.text.fold import FoldedText
from postwise.text.language import detect_language
from postwise.text.matcher import Match


class Post:
    def __init__(self, text: str, context: Context, policy: CompiledPolicy) -> None:
        self.text = text
        self.context = context
        self.policy = policy
        self.organisation = policy.organisation
        self.folded = FoldedText.of(text)

    @cached_property
    def language(self) -> str:
        """The post's language among the policy's (the policy's first when unsure)."""
        found = detect_language(self.text, self.policy.languages, self.folded.folded)
        return found or self.policy.languages[0]

    @cached_property
    def entities(self) -> list[Match[Entity]]:
        """Mentions of the organisation, its products, competitors and disclosure tags."""
        return self.organisation.entities.find(self.folded)

    def mentions(self, *categories: EntityCategory) -> list[Match[Entity]]:
        return [m for m in self.entities if m.value.category in categories]

    @cached_property
    def local_time(self) -> datetime | None:
        """The posting time in the organisation's time zone (``None`` when not given)."""
        if self.context.posted_at is None:
            return None
        return self.context.posted_at.astimezone(self.organisation.zone)
