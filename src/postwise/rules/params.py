"""Message parameters that a rule can give without knowing the message's language.

A detector does not know which language its message will be shown in (the engine picks the
author's language, else the post's), so a parameter that must read as words — the heat
rule's list of signals, say — is given as message keys of the rule's own kind and the engine
renders them: ``{"signals": MessageList(["signal_shouting", "signal_night"])}`` fills
``{signals}`` with "words in capitals and written late at night" in English, "ord i versaler
och skrivet mitt i natten" in Swedish. Rules never import the engine.
"""

from __future__ import annotations

from collections.abc import Iterable


class MessageList(str):
    """Message keys (of the rule's kind) to be shown as a list in the message's language.

    It is a ``str`` (the keys, comma-separated), so ``Hit.params`` stays a mapping of
    strings and a reader that does not render it still sees something language-neutral.
    """

    keys: tuple[str, ...]

    def __new__(cls, keys: Iterable[str]) -> MessageList:
        listed = tuple(keys)
        self = super().__new__(cls, ", ".join(listed))
        self.keys = listed
        return self

    def __getnewargs__(self) -> tuple[tuple[str, ...]]:  # type: ignore[override]
        return (self.keys,)
