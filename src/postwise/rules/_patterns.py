"""Cue patterns: cue phrases with gaps, alternatives and word classes, found in one pass.

Advice, claims and promises are not fixed phrases: words come between ("neem [de helft] in",
"the clause [in your contract] does not apply") or one word is any of a class ("faster than
any", "sneller dan elke"). A pattern file, ``data/lexicons/<kind>/<group>.yaml``, lists such
cues per language in a small notation on folded text (lower case, accents optional):

* words match on word boundaries; ``*`` at the start or end of a word lets it run into a
  compound or take an ending (``*klausul*``: "konkurrensklausulen"), as in
  :mod:`postwise.rules._cues`;
* ``(a|b|)`` — one of the alternatives; an empty one makes the group optional; alternatives
  may hold several words and nest;
* ``…`` (or ``...``) — a gap of at most ``gap`` words (the file's, default 6), never across
  the end of a sentence; ``…2`` a gap of at most two words;
* ``<name>`` — a word class from the file's ``classes:`` (a regular expression on folded
  text), e.g. ``<num>`` or ``<comparative>``;
* ``{org}`` (or another name the rule passes) — any of the organisation's names.

A file's ``not:`` lists look-alikes per language ("don't stop taking", "no guarantee"): a
look-alike that starts before an overlapping cue, or where it starts, wins, and is not
reported. Every cue is found through its longest run of plain words: all runs of all groups go
into one :class:`~postwise.rules._cues.CueSet` (one Aho-Corasick pass); the rest of a cue is
checked with a small compiled regex around a found run only, so a post without any run costs
one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from postwise.rules._cues import CueSet
from postwise.text.data import load_data
from postwise.text.fold import FoldedText, fold
from postwise.text.matcher import surface_forms

DEFAULT_GAP = 6
# How far before a run a leading part of a cue is looked for (characters).
LOOKBACK = 160
_GAP_MARK = "..."
_GAP_RE = re.compile(r"\.\.\.(\d*)")
# A class glued to the end of a word ("in<end>") becomes its own token, joined without space.
_GLUE = "\x00"
_GLUED_CLASS = re.compile(r"^([^<(]+?)(<[a-z_]+>)$")
# Between the words of a gap: anything but a word character or the end of a sentence.
_SEP = r"[^\w.!?]+"
_WORD = r"[\w'-]+(?:[.,]\d+)*"
_SPACE = " +"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_WORD_RE = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class PatternMatch:
    """A cue found: folded offsets of all the words it covers, its group and language."""

    start: int
    end: int
    group: str
    language: str
    phrase: str


@dataclass(frozen=True)
class _Pattern:
    group: str
    language: str
    phrase: str
    ignore: bool
    lead: re.Pattern[str] | None
    tail: re.Pattern[str] | None


class CuePatterns:
    """Groups of cue patterns compiled once; :meth:`find` is thread-safe."""

    def __init__(
        self,
        groups: Mapping[str, Mapping[str, Any]],
        languages: Iterable[str],
        names: Mapping[str, Sequence[str]] | None = None,
        extra: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        langs = tuple(languages)
        self._names = {key: _name_forms(values) for key, values in (names or {}).items()}
        self._regex_cache: dict[str, re.Pattern[str]] = {}
        self._patterns: list[_Pattern] = []
        entries: list[tuple[str, str]] = []
        for group, data in groups.items():
            gap = int(data.get("gap", DEFAULT_GAP))
            classes: Mapping[str, str] = data.get("classes") or {}
            ignored: Mapping[str, Iterable[str]] = data.get("not") or {}
            for lang in langs:
                for phrase in data.get(lang) or []:
                    entries.extend(self._add(phrase, group, lang, False, gap, classes))
                for phrase in ignored.get(lang) or []:
                    entries.extend(self._add(phrase, group, lang, True, gap, classes))
            for phrase in (extra or {}).get(group, []):
                entries.extend(self._add(phrase, group, "*", False, gap, classes))
        self._cues = CueSet(entries)
        self.size = self._cues.size

    @classmethod
    def load(
        cls,
        kind: str,
        groups: Iterable[str],
        languages: Iterable[str],
        names: Mapping[str, Sequence[str]] | None = None,
        extra: Mapping[str, Iterable[str]] | None = None,
    ) -> CuePatterns:
        """Read ``data/lexicons/<kind>/<group>.yaml`` for each group."""
        data = {group: load_data("lexicons", kind, f"{group}.yaml") for group in groups}
        return cls(data, languages, names, extra)

    def find(self, text: FoldedText) -> list[PatternMatch]:
        """Cues in ``text``: leftmost-longest, look-alikes removed, in text order."""
        folded = text.folded
        found: list[tuple[int, int, bool, _Pattern]] = []
        for cue in self._cues.find(text):
            pattern = self._patterns[int(cue.category)]
            start, end = cue.start, cue.end
            if pattern.lead is not None:
                lead = pattern.lead.search(folded, max(0, start - LOOKBACK), start)
                if lead is None:
                    continue
                start = lead.start()
            if pattern.tail is not None:
                tail = pattern.tail.match(folded, end)
                if tail is None:
                    continue
                end = tail.end()
            found.append((start, end, not pattern.ignore, pattern))
        found.sort(key=lambda f: (f[0], f[2], -f[1]))
        chosen: list[PatternMatch] = []
        reach = -1
        for start, end, _, pattern in found:
            if start < reach:
                continue
            reach = end
            if not pattern.ignore:
                chosen.append(
                    PatternMatch(start, end, pattern.group, pattern.language, pattern.phrase)
                )
        return chosen

    # -- compiling -------------------------------------------------------------------------

    def _add(
        self,
        phrase: str,
        group: str,
        language: str,
        ignore: bool,
        gap: int,
        classes: Mapping[str, str],
    ) -> list[tuple[str, str]]:
        tokens = _tokens(fold(phrase))
        first, last = _anchor(tokens, phrase)
        lead = tail = None
        if first > 0:
            source = self._sequence(tokens[:first], gap, classes, phrase, trailing_joint=True)
            if tokens[0][:1].isalnum() or tokens[0][:1] in "({":
                source = r"(?<!\w)" + source  # a lead starts at the start of a word
            lead = self._regex(source + r"\Z")
        if last < len(tokens):
            rest = tokens[last:]
            source = self._sequence(rest, gap, classes, phrase, leading_joint=True)
            if not rest[-1].endswith("*") and not rest[-1].startswith(_GAP_MARK):
                source += r"(?!\w)"
            tail = self._regex(source)
        anchor = " ".join(tokens[first:last])
        if any(self._names.get(m.group(1)) == [] for m in _PLACEHOLDER.finditer(anchor)):
            # It names what the organisation has not listed (no competitors, no prescription
            # products): the cue can never match, which is no reason to refuse the policy.
            return []
        forms = self._expand(anchor)
        if not forms or any("*" in form.strip("*") for form in forms):
            raise ValueError(f"cue {phrase!r}: its plain words need a word, '*' only at the edges")
        index = str(len(self._patterns))
        self._patterns.append(_Pattern(group, language, phrase, ignore, lead, tail))
        return [(form, index) for form in forms]

    def _sequence(
        self,
        tokens: Sequence[str],
        gap: int,
        classes: Mapping[str, str],
        phrase: str,
        *,
        leading_joint: bool = False,
        trailing_joint: bool = False,
    ) -> str:
        """A regex for ``tokens`` (a lead or a tail), with the joints between them."""
        parts: list[str] = []
        pending = _SPACE if leading_joint else ""
        for token in tokens:
            if token.startswith(_GLUE):
                parts.append(self._words(token[1:], classes, phrase))
                pending = _SPACE
                continue
            if token.startswith(_GAP_MARK):
                pending = _gap(int(token[len(_GAP_MARK) :] or gap))
                continue
            body, optional = self._token(token, classes, phrase)
            if optional and pending == _SPACE:
                parts.append(f"(?:{_SPACE}{body})?")
            elif optional and not parts and not leading_joint:
                parts.append(f"(?:{body}{_SPACE})?")
                pending = ""
                continue
            else:
                parts.append(pending + body)
            pending = _SPACE
        if trailing_joint:
            parts.append(pending)  # a lead ends in the joint to the plain words that follow
        return "".join(parts)

    def _token(self, token: str, classes: Mapping[str, str], phrase: str) -> tuple[str, bool]:
        """One word of a cue as a regex, and whether it may be left out entirely."""
        optional = token.startswith("(") and _closing(token, 0) == len(token) - 1
        if optional:
            alternatives = _split_top(token[1:-1], "|")
            if "" in alternatives:
                kept = [a for a in alternatives if a]
                return "(?:" + "|".join(self._words(a, classes, phrase) for a in kept) + ")", True
        return self._words(token, classes, phrase), False

    def _words(self, text: str, classes: Mapping[str, str], phrase: str) -> str:
        out: list[str] = []
        i = 0
        while i < len(text):
            char = text[i]
            if char == "(":
                end = _closing(text, i)
                alternatives = _split_top(text[i + 1 : end], "|")
                out.append(
                    "(?:" + "|".join(self._words(a, classes, phrase) for a in alternatives) + ")"
                )
                i = end + 1
            elif char == "<":
                end = text.index(">", i)
                name = text[i + 1 : end]
                if name not in classes:
                    raise ValueError(f"cue {phrase!r}: unknown word class <{name}>")
                out.append(f"(?:{classes[name]})")
                i = end + 1
            elif char == "{":
                end = text.index("}", i)
                out.append(self._placeholder(text[i + 1 : end], phrase))
                i = end + 1
            elif char == "*":
                out.append(r"\w*")
                i += 1
            elif char == " ":
                out.append(_SPACE)
                i += 1
            else:
                out.append(re.escape(char))
                i += 1
        return "".join(out)

    def _placeholder(self, name: str, phrase: str) -> str:
        forms = self._names.get(name)
        if forms is None:
            raise ValueError(f"cue {phrase!r}: unknown name {{{name}}}")
        if not forms:
            return r"(?!)"
        alternatives = "|".join(re.escape(f).replace(r"\ ", _SPACE) for f in forms)
        return rf"(?:{alternatives})(?:'s|s|-\w+)?"

    def _expand(self, text: str) -> list[str]:
        """Every plain form of an anchor: alternatives and names written out."""
        forms = [" ".join(form.split()) for form in _alternatives(text)]
        out: list[str] = []
        for form in forms:
            out.extend(self._fill_names(form))
        return sorted({f for f in out if f.strip("*")})

    def _fill_names(self, form: str) -> list[str]:
        match = _PLACEHOLDER.search(form)
        if match is None:
            return [form]
        forms = self._names.get(match.group(1))
        if forms is None:
            raise ValueError(f"cue {form!r}: unknown name {match.group()}")
        out: list[str] = []
        for name in forms:
            out.extend(self._fill_names(form[: match.start()] + name + form[match.end() :]))
        return out

    def _regex(self, source: str) -> re.Pattern[str]:
        cached = self._regex_cache.get(source)
        if cached is None:
            cached = self._regex_cache[source] = re.compile(source)
        return cached


def _gap(words: int) -> str:
    return rf"(?:{_SEP}{_WORD}){{0,{words}}}?{_SEP}"


def _name_forms(names: Sequence[str]) -> list[str]:
    forms: set[str] = set()
    for name in names:
        forms.update(f for f in surface_forms(name) if f)
    return sorted(forms, key=len, reverse=True)


def _tokens(phrase: str) -> list[str]:
    """Split a folded cue into words at spaces outside groups; ``...`` is its own token."""
    tokens: list[str] = []
    depth = 0
    current: list[str] = []
    for char in _GAP_RE.sub(lambda m: f" {m.group()} ", phrase):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        if char == " " and depth == 0:
            if current:
                tokens.append("".join(current))
                current = []
            continue
        current.append(char)
    if current:
        tokens.append("".join(current))
    split: list[str] = []
    for token in tokens:
        glued = _GLUED_CLASS.match(token)
        if glued:
            split.extend([glued.group(1), _GLUE + glued.group(2)])
        else:
            split.append(token)
    return split


def _anchor(tokens: Sequence[str], phrase: str) -> tuple[int, int]:
    """The longest run of plain words (no gap, no class): ``[first, last)`` token indexes."""
    best = (0, 0)
    start = None
    for i, token in enumerate([*tokens, _GAP_MARK]):
        plain = not token.startswith(_GAP_MARK) and "<" not in token
        if plain and start is None:
            start = i
        elif not plain and start is not None:
            if i - start > best[1] - best[0]:
                best = (start, i)
            start = None
    if best == (0, 0):
        raise ValueError(f"cue {phrase!r} needs at least one plain word")
    return best


def _closing(text: str, open_at: int) -> int:
    depth = 0
    for i in range(open_at, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    raise ValueError(f"unbalanced parentheses in cue {text!r}")


def _split_top(text: str, sep: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        if char == sep and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _alternatives(text: str) -> list[str]:
    start = text.find("(")
    if start < 0:
        return [text]
    end = _closing(text, start)
    head, rest = text[:start], text[end + 1 :]
    out: list[str] = []
    for option in _split_top(text[start + 1 : end], "|"):
        out.extend(_alternatives(head + option + rest))
    return out


def listed_role(role: str, roles: Iterable[str]) -> bool:
    """Whether ``role`` is one of ``roles``: equal, or containing it as whole words, folded.

    A listed "editor" covers "video editor"; a listed "press officer" covers "Press Officer
    Nordics"; nothing covers the empty role.
    """
    words = " ".join(_WORD_RE.findall(fold(role)))
    if not words:
        return False
    padded = f" {words} "
    for listed in roles:
        wanted = " ".join(_WORD_RE.findall(fold(listed)))
        if wanted and f" {wanted} " in padded:
            return True
    return False


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Spanned)


def nearest(start: int, end: int, spans: Sequence[S]) -> S:
    """The span closest to ``[start, end)`` (overlapping counts as closest; first on ties)."""

    def distance(span: S) -> int:
        if span.end <= start:
            return start - span.end
        if span.start >= end:
            return span.start - end
        return 0

    return min(spans, key=distance)
