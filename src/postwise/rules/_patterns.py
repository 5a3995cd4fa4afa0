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
reported. Every cue is found through an anchor, a run of plain words chosen to be rare in
text and to write out in few forms: the anchors of all groups go into one
:class:`~postwise.rules._cues.CueSet` (one Aho-Corasick pass); the rest of a cue is checked
with small compiled regexes around a found anchor only, so a post without any anchor costs
one pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TypeVar

from postwise.rules import RuleConfigError
from postwise.rules._cues import CueSet
from postwise.text.data import load_data
from postwise.text.fold import FoldedText, fold
from postwise.text.matcher import surface_forms

if TYPE_CHECKING:
    from postwise.policy.compiled import CompiledOrganisation

DEFAULT_GAP = 6
# At most this many written-out forms per anchor: alternatives beyond it are left to the
# regexes around the anchor (a large automaton is slower to build and to run).
MAX_FORMS = 256
# An anchor whose shortest form has this many characters is rare enough in text; among
# those, the one with the fewest forms wins (a smaller automaton runs faster).
RARE_ENOUGH = 5
# How far before an anchor the leading part of a cue is looked for (characters; never
# across the end of a sentence).
LOOKBACK = 100
_GAP_MARK = "..."
_GAP_RE = re.compile(r"\.\.\.(\d*)")
# A class glued to the end of a word ("in<end>") becomes its own token, joined without space.
_GLUE = "\x00"
# A token written out as it stands: one word, maybe with inner apostrophes or hyphens.
_PLAIN_TOKEN = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
_GLUED_CLASS = re.compile(r"^([^<]+?)(<[a-z_]+>)$")
# Between the words of a gap: anything but a word character or the end of a sentence.
_SEP = r"[^\w.!?]+"
_WORD = r"[\w'-]+(?:[.,]\d+)*"
_SPACE = " +"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_WORD_RE = re.compile(r"[^\W_]+")
_PAREN = re.compile(r"[()]")
_REGEX_SYNTAX = re.compile(r"[\[\]\\?^$]")
_SPECIAL = re.compile(r"[()|]")


class PatternMatch(NamedTuple):
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
    # Writes the regex sources of the words before and after the anchor. Run on first use:
    # most cues never get that far, and writing them all made compiling a policy slow.
    write: Callable[[], tuple[str | None, str | None, tuple[str, ...], tuple[str, ...]]] = field(
        repr=False, compare=False
    )

    @cached_property
    def sources(self) -> tuple[str | None, str | None]:
        """The regex sources of the lead and the tail (``None``: nothing to check there)."""
        lead, tail, _, _ = self.write()
        return lead, tail

    @cached_property
    def regexes(
        self,
    ) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, tuple[str, ...], tuple[str, ...]]:
        """The lead and tail compiled, and the plain words each cannot do without: a text
        that lacks one of them (before the anchor for the lead, after it for the tail) is
        passed over without running the regex, as most candidates are."""
        lead, tail, lead_needs, tail_needs = self.write()
        return (
            None if lead is None else _compiled(lead),
            None if tail is None else _compiled(tail),
            lead_needs,
            tail_needs,
        )


class CuePatterns:
    """Groups of cue patterns compiled once; :meth:`find` is thread-safe."""

    def __init__(
        self,
        groups: Mapping[str, Mapping[str, Any]],
        languages: Iterable[str],
        names: Mapping[str, Sequence[str]] | None = None,
        extra: Mapping[str, Iterable[str]] | None = None,
        extra_at: tuple[str | None, ...] = ("cues",),
    ) -> None:
        """``extra`` adds a policy's own cues per group, in any language; one that does not
        parse is a :class:`~postwise.rules.RuleConfigError` at ``extra_at`` (a ``None`` in it
        stands for the group's name)."""
        langs = tuple(languages)
        self._names = {key: _name_forms(values) for key, values in (names or {}).items()}
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
            for i, phrase in enumerate((extra or {}).get(group, [])):
                try:
                    entries.extend(self._add(phrase, group, "*", False, gap, classes))
                except ValueError as exc:
                    loc = tuple(group if part is None else part for part in extra_at)
                    raise RuleConfigError(str(exc), (*loc, i)) from None
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
        extra_at: tuple[str | None, ...] = ("cues",),
    ) -> CuePatterns:
        """Read ``data/lexicons/<kind>/<group>.yaml`` for each group (``other/group`` reads
        another kind's file); built once per process for the same arguments."""
        return _load(
            kind,
            tuple(groups),
            tuple(languages),
            tuple((k, tuple(v)) for k, v in sorted((names or {}).items())),
            tuple((k, tuple(v)) for k, v in sorted((extra or {}).items()) if v),
            extra_at,
        )

    def find(self, text: FoldedText) -> list[PatternMatch]:
        """Cues in ``text``: leftmost-longest, look-alikes removed, in text order."""
        folded = text.folded
        found: list[tuple[int, int, bool, _Pattern]] = []
        for cue in self._cues.find(text):
            pattern = self._patterns[int(cue.category)]
            start, end = cue.start, cue.end
            lead_re, tail_re, needs, tail_needs = pattern.regexes
            if tail_needs and any(folded.find(word, end) < 0 for word in tail_needs):
                continue
            if lead_re is not None:
                window = max(0, start - LOOKBACK)
                if needs and any(folded.find(word, window, start) < 0 for word in needs):
                    continue
                for end_mark in (". ", "! ", "? "):  # a cue may start at the mark, not before
                    window = max(window, folded.rfind(end_mark, window, start))
                if needs and any(folded.find(word, window, start) < 0 for word in needs):
                    continue
                lead = lead_re.search(folded, window, start)
                if lead is None:
                    continue
                start = lead.start()
            if tail_re is not None:
                tail = tail_re.match(folded, end)
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
        first, last, forms = self._anchor(tokens, phrase)
        if not forms:
            # It names what the organisation has not listed (no competitors, no prescription
            # products): the cue can never match, which is no reason to refuse the policy.
            return []
        if any("*" in form.strip("*") for form in forms):
            raise ValueError(f"cue {phrase!r}: '*' only at the edges of its plain words")

        def write() -> tuple[str | None, str | None, tuple[str, ...], tuple[str, ...]]:
            lead = tail = None
            if first > 0:
                source = self._sequence(tokens[:first], gap, classes, phrase, trailing_joint=True)
                if tokens[0][:1].isalnum() or tokens[0][:1] in "({":
                    source = r"(?<!\w)" + source  # a lead starts at the start of a word
                lead = source + r"\Z"
            if last < len(tokens):
                rest = tokens[last:]
                source = self._sequence(rest, gap, classes, phrase, leading_joint=True)
                if not rest[-1].endswith("*") and not rest[-1].startswith(_GAP_MARK):
                    source += r"(?!\w)"
                tail = source
            return lead, tail, _plain_words(tokens[:first]), _plain_words(tokens[last:])

        pattern = _Pattern(group, language, phrase, ignore, write)
        if language == "*":
            pattern.regexes  # noqa: B018 - a policy's own cue is checked when the policy compiles
        index = str(len(self._patterns))
        self._patterns.append(pattern)
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
        if _is_optional_group(token):
            # "(de |)": the space inside belongs to the joint, which the sequence writes.
            alternatives = [a.strip() for a in _split_top(token[1:-1], "|")]
            return self._group([a for a in alternatives if a], classes, phrase), True
        return self._words(token, classes, phrase), False

    def _group(self, alternatives: list[str], classes: Mapping[str, str], phrase: str) -> str:
        """Alternatives as a regex group, longest first: a regex takes the first that fits,
        and "you'll never" must win over "you" as it does in the anchor pass."""
        ordered = sorted(alternatives, key=len, reverse=True)
        return "(?:" + "|".join(self._words(a, classes, phrase) for a in ordered) + ")"

    def _words(self, text: str, classes: Mapping[str, str], phrase: str) -> str:
        out: list[str] = []
        i = 0
        while i < len(text):
            char = text[i]
            if char == "(":
                end = _closing(text, i)
                out.append(self._group(_split_top(text[i + 1 : end], "|"), classes, phrase))
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

    def _stats(self, token: str) -> tuple[int, int]:
        """How many forms a token writes out in, and the length of its shortest form."""
        alternatives = _alternatives(token)
        count, shortest = 0, 1 << 30
        for alternative in alternatives:
            size, extra = 1, 0
            for m in _PLACEHOLDER.finditer(alternative):
                forms = self._names.get(m.group(1)) or []
                size *= len(forms)
                extra += min((len(f) for f in forms), default=0) - len(m.group())
            count += size
            if size:
                shortest = min(shortest, len(alternative.strip("*")) + extra)
        return count, shortest if count else 0

    def _anchor(self, tokens: Sequence[str], phrase: str) -> tuple[int, int, list[str]]:
        """The tokens ``[first, last)`` to find the cue by, and their written-out forms.

        Among runs of plain words (no gap, no class) that write out in at most
        :data:`MAX_FORMS` forms and never as nothing, the best has the longest shortest form
        up to :data:`RARE_ENOUGH` characters (short anchors such as "is" are everywhere),
        then the fewest forms, then the longest shortest form.
        No forms at all: every run names something the organisation has not listed.
        """
        best: tuple[tuple[int, int, int], int, int] | None = None  # score, first, last
        empty: tuple[int, int] | None = None
        stats = [self._stats(t) for t in tokens]
        plain = [not t.startswith((_GAP_MARK, _GLUE)) and "<" not in t for t in tokens]
        for first in range(len(tokens)):
            count, length, required = 1, -1, False
            for last in range(first + 1, len(tokens) + 1):
                if not plain[last - 1]:
                    break
                token_count, token_length = stats[last - 1]
                count *= token_count
                if count == 0:
                    empty = empty or (first, last)
                    break
                if count > MAX_FORMS:
                    break
                optional = any(not a.split() for a in _alternatives(tokens[last - 1]))
                required = required or not optional
                length += token_length + (0 if optional else 1)
                if not required:
                    continue  # every word optional: the cue could be there without them
                score = (min(length, RARE_ENOUGH), -count, length)
                if best is None or score > best[0]:
                    best = (score, first, last)
        if best is not None:
            first, last = best[1], best[2]
            return first, last, self._expand(" ".join(tokens[first:last]))
        if empty is not None:
            return empty[0], empty[1], []
        raise ValueError(f"cue {phrase!r} needs a plain word that is not optional")

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
        if glued and _is_optional_group(glued.group(1)):
            # "(de |)<money>": an optional word before a class, not a class glued to a word.
            split.extend([glued.group(1), glued.group(2)])
        elif glued:
            split.extend([glued.group(1), _GLUE + glued.group(2)])
        else:
            split.append(token)
    return split


def _plain_words(tokens: Sequence[str]) -> tuple[str, ...]:
    """The tokens written out as they stand: words a match cannot do without."""
    return tuple(t for t in tokens if _PLAIN_TOKEN.fullmatch(t))


def _is_optional_group(text: str) -> bool:
    """``(de |)``: a group that may be left out (one alternative is empty)."""
    if not (text.startswith("(") and _closing(text, 0) == len(text) - 1):
        return False
    return any(not a.strip() for a in _split_top(text[1:-1], "|"))


@cache
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source)


@cache
def _load(
    kind: str,
    groups: tuple[str, ...],
    languages: tuple[str, ...],
    names: tuple[tuple[str, tuple[str, ...]], ...],
    extra: tuple[tuple[str, tuple[str, ...]], ...],
    extra_at: tuple[str | None, ...],
) -> CuePatterns:
    data: dict[str, Any] = {}
    for group in groups:
        folder, _, name = group.rpartition("/")
        data[name] = load_data("lexicons", folder or kind, f"{name}.yaml")
    return CuePatterns(data, languages, dict(names), dict(extra), extra_at)


def _closing(text: str, open_at: int) -> int:
    depth = 0
    for m in _PAREN.finditer(text, open_at):
        depth += 1 if m.group() == "(" else -1
        if depth == 0:
            return m.start()
    raise ValueError(f"unbalanced parentheses in cue {text!r}")


def _split_top(text: str, sep: str) -> list[str]:
    """Split at ``sep`` outside parentheses."""
    if "(" not in text:
        return text.split(sep)
    parts: list[str] = []
    depth = start = 0
    for m in _SPECIAL.finditer(text):
        char = m.group()
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == sep and depth == 0:
            parts.append(text[start : m.start()])
            start = m.end()
    parts.append(text[start:])
    return parts


@cache
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


@lru_cache(maxsize=4096)
def names_of(org: CompiledOrganisation) -> dict[str, list[str]]:
    """What ``{org}``, ``{competitor}`` and ``{drug}`` stand for in cues: the organisation's
    names (aliases, handles, hashtags), its competitors, its prescription products."""
    model = org.model
    return {
        "org": [model.name, *model.aliases, *model.handles, *model.hashtags],
        "competitor": list(model.competitors),
        "drug": [n for p in model.products if p.prescription for n in [p.name, *p.aliases]],
    }


@lru_cache(maxsize=256)
def names_with_products(org: CompiledOrganisation) -> dict[str, list[str]]:
    """:func:`names_of` plus ``{product}``: every product of the organisation, prescription
    or not (claims and advice can be about any of them)."""
    products = [n for p in org.model.products for n in [p.name, *p.aliases]]
    return {**names_of(org), "product": products}


@lru_cache(maxsize=4096)
def listed_role(role: str, roles: tuple[str, ...]) -> bool:
    """Whether ``role`` is one of ``roles``: equal, or containing it as whole words, folded.

    A listed "editor" covers "video editor"; a listed "press officer" covers "Press Officer
    Nordics"; nothing covers the empty role. Cached: a policy has few roles, people few titles.
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


def lexicon_problems(
    kind: str, group: str, languages: Iterable[str] = ("en", "sv", "nl"), text: str | None = None
) -> list[str]:
    """What is wrong with ``data/lexicons/<kind>/<group>.yaml`` (or ``text``), for tests and
    lexicon authors.

    A key written twice (YAML would silently keep the last), an unknown top-level key, a cue
    that does not parse, a regex that does not compile: each is one line. Names (``{org}``…)
    are filled with a placeholder.
    """
    from importlib import resources

    import yaml

    if text is None:
        ref = resources.files("postwise").joinpath("data", "lexicons", kind, f"{group}.yaml")
        text = ref.read_text("utf-8")
    problems: list[str] = []

    class _Strict(yaml.SafeLoader):
        pass

    def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
        keys = [loader.construct_object(k) for k, _ in node.value]
        problems.extend(
            f"key {k!r} is written twice" for k in {k for k in keys if keys.count(k) > 1}
        )
        return loader.construct_mapping(node)

    _Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
    data = yaml.load(text, Loader=_Strict)
    langs = tuple(languages)
    known = {"gap", "classes", "not", "negators", *langs}
    problems.extend(f"unknown key {k!r}" for k in data if k not in known)
    names = {k: ["Example"] for k in ("org", "drug", "competitor", "product")}
    try:
        patterns = CuePatterns({group: data}, langs, names)
    except ValueError as exc:
        return [*problems, str(exc)]
    for pattern in patterns._patterns:
        words = _PLACEHOLDER.sub("", re.sub(r"<[a-z_]+>", "", pattern.phrase))
        if _REGEX_SYNTAX.search(words):
            problems.append(f"cue {pattern.phrase!r}: regex syntax outside a <class> is literal")
        try:
            pattern.regexes  # noqa: B018 - writing and compiling them is the check
        except ValueError as exc:  # a class or a name the cue does not know
            problems.append(str(exc))
        except re.error as exc:
            problems.append(f"cue {pattern.phrase!r}: {exc}")
    return problems
