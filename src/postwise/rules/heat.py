"""Heat: "count to ten" — a post written in anger waits a few minutes before it goes out.

**What it catches.** A post that shows at least two (``threshold``) signs of anger or
escalation: shouting (several words in capitals — "THREE WEEKS", "PAS IN MAART", one long
"POUNDING" — but not abbreviations such as EULAR, CHMP or QA, hashtags, handles or links);
"!!", "?!" or "???"; swearing or insults (the ``respect`` lexicons); hostile second-person
address ("you people", "are you even", "ni på ledningen", "jullie bij de klantenservice",
"waar zijn jullie mee bezig" — not a friendly "dank jullie wel"), which a swear word or an
insult said to someone also is ("f*ck you", "you idiots", "din idiot", "rot op": two signs at
once); and posting late at night (23:00 to 05:00 in the organisation's time zone by default).
The finding carries a cooling-off hold (``cooling_off_minutes``, 10 by default) for the
workflow, and the signals it saw.

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
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import time
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

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
    from postwise.text.obfuscation import WordHit

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
_PUNCTUATION = ("!!", "?!", "!?", "???")
_PUNCTUATION_MARKS = ("‼", "⁉", "⁈")
_WORD_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_NEXT_WORD_RE = re.compile(r" ([^\W_]+(?:'[^\W_]+)?)\b")
_CLAUSE_EDGES = ".!?\n,;:()"
_REACH = 60  # characters before a rude word searched for "you", "ni", "jullie"
_BETWEEN = 3  # words that may stand between: "you are a complete idiot"
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
class Addressed:
    """Second-person words that turn a swear word or an insult into an address: "f*ck you",
    "piss off", "you idiots", "you're an idiot", "ni idioter", "din idiot", "jullie zijn
    eikels", "rot op". ``between`` words may stand between the address and the word
    ("you are a complete idiot", "ni är så jävla inkompetenta")."""

    pronouns: frozenset[str] = frozenset()  # after the word: "f*ck you", "fan ta er"
    particles: frozenset[str] = frozenset()  # after the word: "f*ck off", "kanker op"
    before: frozenset[str] = frozenset()  # before it: "you idiots", "din idiot", "jij eikel"
    between: frozenset[str] = frozenset()
    self: frozenset[str] = frozenset()  # "pisses me off" is about the author

    @classmethod
    def of(cls, data: Mapping[str, Any], languages: tuple[str, ...]) -> Addressed:
        def words(key: str) -> frozenset[str]:
            lists = data.get(key) or {}
            return frozenset(fold(str(w)) for lang in languages for w in lists.get(lang) or [])

        return cls(*(words(k) for k in ("pronouns", "particles", "before", "between", "self")))

    def to(self, s: str, hit: WordHit) -> bool:
        """Whether the rude word ``hit`` in the folded text ``s`` is said to someone."""
        said = hit.reading.split()
        if (
            len(said) > 1
            and not self.self.intersection(said)
            and (self.pronouns.intersection(said[1:]) or said[-1] in self.particles)
        ):
            return True  # a listed phrase: "fuck you", "knulla dig", "rot op"
        after = _NEXT_WORD_RE.match(s, hit.end)
        if after and (after.group(1) in self.pronouns or after.group(1) in self.particles):
            return True
        clause = s[max(0, hit.start - _REACH) : hit.start]
        cut = max(clause.rfind(c) for c in _CLAUSE_EDGES)
        before = _WORD_RE.findall(clause, cut + 1)
        for _ in range(_BETWEEN):
            if not before or before[-1] not in self.between:
                break
            before.pop()
        return bool(before) and before[-1] in self.before


@dataclass(frozen=True)
class HostilePhrases:
    """Hostile second-person phrases: their fixed words found by Aho-Corasick, then any
    ``*`` slot ("ni på *") checked by a small anchored pattern; ``friendly`` words defuse.
    A swear word or insult said to someone (:class:`Addressed`) is hostile address too."""

    opening: TermMatcher[re.Pattern[str] | None]
    friendly: frozenset[str]
    friendly_symbols: tuple[str, ...] = ()
    addressed: Addressed = Addressed()

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
        addressed = Addressed.of(data.get("addressed") or {}, languages)
        matcher = TermMatcher(entries, languages=languages, inflect=False)
        return cls(matcher, friendly, symbols, addressed)

    def found_in(self, post: Post) -> bool:
        folded = post.folded
        for m in self.opening.find(folded):
            if m.value is not None and not m.value.match(folded.folded, m.end):
                continue
            if not self.friendly_at(post, m.start):
                return True
        return False

    def said_to_someone(self, post: Post, rude: list[WordHit]) -> bool:
        """Whether one of the ``rude`` words is said to someone, in an unfriendly sentence."""
        s = post.folded.folded
        return any(
            self.addressed.to(s, hit) and not self.friendly_at(post, hit.start) for hit in rude
        )

    def friendly_at(self, post: Post, at: int) -> bool:
        """Whether the sentence around folded offset ``at`` is friendly ("Tack ni på HR!")."""
        folded = post.folded
        sentence = folded.sentence_of(at)
        words = _WORD_RE.findall(folded.folded, sentence.start, sentence.end)
        if self.friendly.intersection(words):
            return True
        # A friendly emoji may close the sentence ("Tack ni på HR! 🙏"): look a little past it.
        text = folded.folded[sentence.start : sentence.end + _EMOJI_REACH]
        return any(symbol in text for symbol in self.friendly_symbols)


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
        # Cheapest signals first; stop as soon as the rest cannot reach the threshold.
        signals: list[Signal] = []
        if "night" in wanted and is_night(post):
            signals.append("night")
        if "exclamation" in wanted and _exclaims(post.text):
            signals.append("exclamation")
        if "shouting" in wanted and _shouting(post.text, acronyms):
            signals.append("shouting")
        # Swearing and hostile address are all that is left: a rude word may give both
        # ("f*ck you"); a hostile phrase gives only the latter.
        addressable = "hostile_address" in wanted
        profane = "profanity" in wanted
        if len(signals) + profane + addressable < threshold:
            return
        rude = rude_words(post) if profane or addressable else []
        if rude and profane:
            signals.append("profanity")
        if (
            addressable
            and len(signals) + 1 >= threshold
            and (hostile.found_in(post) or (rude and hostile.said_to_someone(post, rude)))
        ):
            signals.append("hostile_address")
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


def _exclaims(text: str) -> bool:
    """Whether the text has "!!", "?!", "!?", "???" or a one-character form of them."""
    if ("!" in text or "?" in text) and any(p in text for p in _PUNCTUATION):
        return True
    return not text.isascii() and any(p in text for p in _PUNCTUATION_MARKS)


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
