"""Heat: "count to ten" — a post written in anger waits a few minutes before it goes out.

**What it catches.** A post that shows at least two (``threshold``) signs of anger or
escalation: shouting (several words in capitals — "THREE WEEKS", "PAS IN MAART", one long
"POUNDING" — but not abbreviations such as EULAR, CHMP or QA, hashtags, handles or links);
"!!", "?!" or "???"; swearing or insults (the ``respect`` lexicons); hostile second-person
address ("you people", "are you even", "ni på ledningen", "jullie bij de klantenservice" —
not a friendly "dank jullie wel"); and posting late at night (23:00 to 05:00 in the
organisation's time zone by default). The finding carries a cooling-off hold
(``cooling_off_minutes``, 10 by default) for the workflow, and the signals it saw.

**Why.** Count to ten. A post written in the heat of the moment is the one most often
regretted, and the internet keeps the screenshot. A short wait costs nothing; the author can
still publish it unchanged, or withdraw it.

**Example.** "THREE WEEKS and the -80 freezer is STILL not fixed?! Are you people in
facilities even reading the tickets??"

**Fix.** Let it rest for the hold, then read it again as its reader would. Keep the facts
(what is broken, since when, what you need), drop the capitals and the "you people", and
send it to the person who can fix it before telling the world.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import time
from functools import cache
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from postwise.policy.model import RuleBase, RuleSettings
from postwise.rules import Detector, Hit, RuleKind
from postwise.rules.params import MessageList
from postwise.rules.respect import rude_words
from postwise.text.data import load_data
from postwise.text.fold import fold
from postwise.text.matcher import TermMatcher

if TYPE_CHECKING:
    from postwise.engine.post import Post
    from postwise.policy.compiled import CompiledOrganisation

Signal = Literal["shouting", "exclamation", "profanity", "hostile_address", "night"]
SIGNALS: tuple[Signal, ...] = ("shouting", "exclamation", "profanity", "hostile_address", "night")

# Upper-case ASCII letters as "A", everything else as a space: runs of "AA" in this form are
# where words in capitals may be (one C-speed pass; non-ASCII capitals are added back below).
_CAPS_TABLE = bytes(ord("A") if 65 <= b <= 90 else ord(" ") for b in range(256))
_CAPS_RUN_RE = re.compile(rb"A{2,}")
# A capitalised word inside a hashtag, handle, link or code (#EULAR2026, @LUMORA, LH-417).
_NOT_BEFORE = frozenset("#@/.-_")
_NOT_AFTER = frozenset("-_")
_VOWEL_RE = re.compile(r"[AEIOUYÅÄÖÆØÉÈÊËÜÏÎÔÛÁÍÓÚÀ]")
_BETWEEN_RUN_RE = re.compile(r"[^\w]*")
_PUNCTUATION = ("!!", "?!", "!?", "???", "‼", "⁉", "⁈")
_WORD_RE = re.compile(r"[^\W_]+")
_SLOT = "*"
_EMOJI_REACH = 4
# Shouting: two capitalised words in a row with this many letters in all, or two distinct
# capitalised words of at least _LONG letters, or one of at least _VERY_LONG letters.
_RUN_LETTERS = 5
_LONG = 4
_VERY_LONG = 5


class Settings(RuleSettings):
    threshold: int = Field(2, ge=1, le=5, description="How many signals make a post heated.")
    cooling_off_minutes: int = Field(
        10, ge=0, le=1440, description="How long a heated post waits before it goes out."
    )
    night: tuple[time, time] = Field(
        (time(23, 0), time(5, 0)), description="Late-night hours (local time): start, end."
    )
    signals: list[Signal] = Field(
        default_factory=lambda: list(SIGNALS), description="Which signals count."
    )


@cache
def _acronyms() -> frozenset[str]:
    data = load_data("lexicons", "heat", "shouting.yaml")
    return frozenset(str(a).upper() for a in data.get("acronyms") or [])


@dataclass(frozen=True)
class HostilePhrases:
    """Hostile second-person phrases: their fixed words found by Aho-Corasick, then any
    ``*`` slot ("ni på *") checked by a small anchored pattern; ``friendly`` words defuse."""

    opening: TermMatcher[re.Pattern[str] | None]
    friendly: frozenset[str]
    friendly_symbols: tuple[str, ...] = ()

    @classmethod
    def of(cls, languages: tuple[str, ...]) -> HostilePhrases:
        data = load_data("lexicons", "heat", "hostile.yaml")
        entries: list[tuple[str, re.Pattern[str] | None]] = []
        for lang in languages:
            for phrase in data.get(lang) or []:
                words = fold(str(phrase)).replace(",", " ").split()
                if not words or words[0] == _SLOT:
                    raise ValueError(f"hostile phrase {phrase!r} ({lang}) must start with a word")
                fixed = words.index(_SLOT) if _SLOT in words else len(words)
                rest = words[fixed:]
                tail = None
                if rest:
                    parts = [r"[^\W\d_][\w'-]*" if w == _SLOT else re.escape(w) for w in rest]
                    tail = re.compile(r"[\s,]+" + r"[\s,]+".join(parts) + r"(?![\w'])")
                entries.append((" ".join(words[:fixed]), tail))
        friendly = frozenset(
            fold(w) for lang in languages for w in (data.get("friendly") or {}).get(lang) or []
        )
        symbols = tuple(str(s) for s in data.get("friendly_symbols") or [])
        return cls(TermMatcher(entries, languages=languages, inflect=False), friendly, symbols)

    def found_in(self, post: Post) -> bool:
        folded = post.folded
        for m in self.opening.find(folded):
            if m.value is not None and not m.value.match(folded.folded, m.end):
                continue
            sentence = folded.sentence_of(m.start)
            words = _WORD_RE.findall(folded.folded, sentence.start, sentence.end)
            if self.friendly.intersection(words):
                continue
            # A friendly emoji may close the sentence ("Tack ni på HR! 🙏"): look a little past it.
            text = folded.folded[sentence.start : sentence.end + _EMOJI_REACH]
            if not any(symbol in text for symbol in self.friendly_symbols):
                return True
        return False


@cache
def _hostile(languages: tuple[str, ...]) -> HostilePhrases:
    return HostilePhrases.of(languages)


def compile(rule: RuleBase, org: CompiledOrganisation) -> Detector:
    settings = rule.settings
    assert isinstance(settings, Settings)
    wanted = frozenset(settings.signals)
    threshold = settings.threshold
    minutes = settings.cooling_off_minutes
    night_start, night_end = settings.night
    hostile = _hostile(org.languages)
    acronyms = _acronyms()

    def is_night(post: Post) -> bool:
        local = post.local_time
        if local is None:
            return False
        now = local.time().replace(tzinfo=None)
        if night_start <= night_end:
            return night_start <= now < night_end
        return now >= night_start or now < night_end

    def detect(post: Post) -> Iterator[Hit]:
        signals: list[Signal] = []
        if "shouting" in wanted and _shouting(post.text, acronyms):
            signals.append("shouting")
        if "exclamation" in wanted and any(p in post.text for p in _PUNCTUATION):
            signals.append("exclamation")
        if "hostile_address" in wanted and hostile.found_in(post):
            signals.append("hostile_address")
        if "night" in wanted and is_night(post):
            signals.append("night")
        # Swearing is the dearest signal to look for: only when it could tip the balance.
        if "profanity" in wanted and len(signals) + 1 >= threshold and rude_words(post):
            signals.append("profanity")
        if len(signals) < threshold:
            return
        ordered = [s for s in SIGNALS if s in signals]
        yield Hit(
            None,
            None,
            "default",
            {"signals": MessageList(f"signal_{s}" for s in ordered), "minutes": str(minutes)},
            data={"hold_minutes": minutes, "signals": ordered},
        )

    return detect


def _capitalised(text: str) -> list[tuple[int, int]]:
    """Spans of words written in capitals, not in hashtags, handles, links or codes."""
    classes = text.encode("ascii", "replace").translate(_CAPS_TABLE)
    if b"AA" not in classes:
        return []
    spans = []
    for m in _CAPS_RUN_RE.finditer(classes):
        start, end = m.span()
        while start > 0 and text[start - 1].isupper():
            start -= 1
        while end < len(text) and text[end].isupper():
            end += 1
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before.isalnum() or before in _NOT_BEFORE or after.isalnum() or after in _NOT_AFTER:
            continue
        spans.append((start, end))
    return spans


def _shouting(text: str, acronyms: frozenset[str]) -> bool:
    """Several words in capitals (abbreviations, hashtags, handles and links aside)."""
    words = [
        (start, end, text[start:end])
        for start, end in _capitalised(text)
        if text[start:end] not in acronyms and _VOWEL_RE.search(text[start:end])
    ]
    if not words:
        return False
    long_words = {w for _, _, w in words if len(w) >= _LONG}
    if len(long_words) >= 2 or any(len(w) >= _VERY_LONG for w in long_words):
        return True
    for (_, first_end, first), (second_start, _, second) in itertools.pairwise(words):
        if (
            _BETWEEN_RUN_RE.fullmatch(text, first_end, second_start)
            and len(first) + len(second) >= _RUN_LETTERS
        ):
            return True
    return False


KIND = RuleKind(
    name="heat",
    settings=Settings,
    compile=compile,
    doc=__doc__ or "",
    default_severity="warn",
)
