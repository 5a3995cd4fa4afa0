"""Find a lexicon's words in a post, also when the author disguises them.

People write ``f*ck``, ``f**king``, ``sh1t``, ``$h!t``, ``j-vla``, ``kl00tzak``, ``G*dverdomme``,
``i d i o t s``, ``s.h.i.t``, ``iiidiot`` and, leaving the vowels out, ``fckng``, ``jvla``,
``kltzak``; a word that is rude in one language may be innocent in the next (Swedish *fan*
is a curse, English *fan* is not), and a rude word must never be found inside an innocent
one (*Scunthorpe*, *slutet*, *class*, *cocktail*) nor made of markup (``**Sign-in**``).

A lexicon entry (:class:`Word`) is data: its category, how it inflects and compounds
(``idiot/idioter/idioterna``, ``kutbedrijf``, ``trafikidiot``), the whole words that merely
look like it, the contexts in which it is innocent (``ett stort fan av``; Dutch *eikels*
among *kastanjes*), and whether it is rude only when aimed at people: after a cue (``bunch
of clowns``, ``ena clowner``, ``stelletje amateurs``) or, per :class:`Targets`, said of
people or an organisation (``the amateurs at HR``, ``useless managers``, ``styrelsen är
inkompetent``) rather than of a thing (``the printer is useless``). A word written with
accents must be one of the listed spellings (folding makes Swedish *höra* look like *hora*),
and insults after a first-person cue ("I'm such an idiot") are self-mockery.

Matching stays cheap. Ordinary spellings are found by one Aho-Corasick pass over the folded
text, every inflected form expanded at compile time, with word boundaries checked at each
hit. The text is then translated to character classes (one C-speed pass) and a second small
automaton looks there for signs of disguise: a masking character or a digit among letters, a
hyphen beside a one- or two-letter piece, a run of single letters (``i d i o t e r``); one
letter three times in a row rides along in the first pass. Only tokens so marked are read
again, by walking a trie of the same forms in which a mask stands for any letters and a digit
or symbol for the letters it resembles.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from postwise.text.automaton import Automaton
from postwise.text.fold import FoldedText, fold

CATEGORIES = ("profanity", "insult", "slur", "demeaning")

# Characters people put in place of a letter they do not want to write out.
_MASKS = frozenset("*#%_")
_EMPHASIS = "*_"
# Digits and symbols read as the letters they resemble (1 may be an i or an l).
_LEET: Mapping[str, str] = {
    "0": "o",
    "1": "il",
    "3": "e",
    "4": "a",
    "5": "s",
    "7": "t",
    "@": "a",
    "$": "s",
    "!": "i",
    "|": "il",
}
_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789*#%@$!|_-")
_TOKEN_RE = re.compile(r"[a-z0-9*#%@$!|_\-]+")
_MAX_TOKEN = 40
# Three or more single letters (or look-alikes) with one separator between them.
_SPACED_RE = re.compile(r"(?<![a-z0-9])(?:[a-z0-9@$!*][ .\-_]){2,}[a-z0-9@$!*](?![a-z0-9])")


def _class_table() -> bytes:
    """Map each ASCII byte to its class: letter a, look-alike digit 1, other digit 9, mask *,
    the symbols # $ @ ! - . and space as themselves, anything else ~."""
    table = bytearray(b"~" * 256)
    for byte in range(ord("a"), ord("z") + 1):
        table[byte] = ord("a")
    for digit in b"0123456789":
        table[digit] = ord("1") if chr(digit) in _LEET else ord("9")
    for byte in b"*%_":
        table[byte] = ord("*")
    for byte in b"#$@!-. ":
        table[byte] = byte
    table[ord("|")] = ord("!")
    return bytes(table)


_CLASSES = _class_table()
_CLASS_TOKEN_RE = re.compile(r"[^ .~]*")


def _class_patterns() -> list[tuple[str, str]]:
    """Class sequences that send a post to the slower readings: ("disguise" | "spaced")."""
    found = [(p, "disguise") for p in ("a1", "1a", "a*", "*a", "a#a", "$a", "a@a", "a!a")]
    for edge in " ~.!":
        found += [(" a-a", "disguise"), ("~a-a", "disguise"), (" aa-a", "disguise")]
        found += [(f"a-a{edge}", "disguise"), (f"aa-a{edge}", "disguise")]
        found += [(f"a-aa{edge}", "disguise")]
    for before in " ~":
        for after in " ~.!":
            for sep in " .-":
                for a, b, c in itertools.product("a1", repeat=3):
                    found.append((f"{before}{a}{sep}{b}{sep}{c}{after}", "spaced"))
    return found


_MAX_SPACED = 40
_MIN_COMPOUND_PART = 3
_CONTEXT_CHARS = 80
_TOKEN_EDGES = ",;:()[]\"'"
_CUE_WORDS = 7  # a cue (up to four words) plus up to two skipped words before the word
_CONTEXT_WORD_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_ENTRY_KEYS = frozenset(
    {
        "word",
        "category",
        "inflect",
        "forms",
        "compound",
        "ambiguous",
        "needs_cue",
        "remove",
        "except",
        "not_in",
        "exact",
        "not_near",
        "squeeze",
    }
)
_AIMS = {True: "cue", "target": "target", "people": "people", "trait": "trait"}
_VOWELS = frozenset("aeiouy")
# Consonant runs that may begin an English, Swedish or Dutch word: a vowel dropped after one of
# these leaves a word that may be real ("stan" from "satan", "tring" from "tering").
_ONSETS = frozenset(
    {"str", "spr", "spl", "scr", "skr", "sch", "thr", "shr", "chr", "phr", "sph", "skv", "spj"}
    | {"stj", "skj", "scl", "squ", "sts"}
)
_MIN_SQUEEZED = 5


@dataclass(frozen=True)
class Word:
    """One lexicon entry and the rules for where it counts."""

    lemma: str
    category: str
    language: str
    only_in: str | None = None  # counts only in a post written in this language
    compound_start: bool = False  # may begin a compound: kutbedrijf, skitbolag
    compound_end: bool = False  # may end a compound: trafikidiot
    needs_cue: bool = False  # rude only after a cue: "bunch of clowns"
    removable: bool = False  # the sentence still reads without it: "f*cking", "jävla"
    exceptions: frozenset[str] = frozenset()  # whole words that only look like it
    exception_prefixes: tuple[str, ...] = ()
    not_in: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()  # (words before, after)
    # The spellings as listed (lower case, accents kept). A word written with accents must be
    # one of them: folding makes Swedish "höra" look like "hora" and "skänk" like "skank".
    spellings: frozenset[str] = frozenset()
    exact: bool = False  # also without accents: "javel" is not "jävel"
    # With needs_cue: what else shows that it is aimed at people (see Targets): nothing
    # ("cue"), or "target", "people" (adjectives) or "trait" (adjectives only people earn).
    aim: str = "cue"
    # Words in the same sentence that make it innocent ("eikels" among "kastanjes").
    not_near: frozenset[str] = frozenset()
    not_near_prefixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class WordHit:
    """A lexicon word found at folded ``[start, end)``, as read after undoing any disguise."""

    start: int
    end: int
    word: Word
    reading: str
    stem_end: int | None = None  # where the lexicon word ends inside a compound
    disguised: bool = False
    compound: bool = False  # part of a longer word ("skitbolag", "trafikidiot")


@dataclass(frozen=True)
class Targets:
    """Words that show a weak word (``needs_cue``) is aimed at people, not at a thing.

    Besides a cue before it ("bunch of amateurs"), a weak word with ``needs_cue: target``
    counts when it is said of people: of a noun for people or an organisation after a
    preposition ("the amateurs at HR", "amatörerna på ledningen", "prutsers bij de
    gemeente"), or as the predicate of one ("management are clowns", "styrelsen är helt
    inkompetent"). An adjective (``needs_cue: people``) also counts before such a noun
    ("useless managers", "waardeloze bestuurders"); a trait only people have (``needs_cue:
    trait``: clueless, inkompetent) counts as the predicate of anyone but the author
    ("they're clueless", "ze zijn incompetent", not "I was clueless"). Said to the reader,
    any of them counts ("you're useless", "ni är värdelösa").
    """

    people: frozenset[str] = frozenset()
    people_prefixes: tuple[str, ...] = ()
    prepositions: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    copulas: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()  # pronouns fused with their verb: "they're"
    addressees: frozenset[str] = frozenset()  # "you", "you're", "ni", "du", "jullie", "jij"
    self: frozenset[str] = frozenset()  # the author: "i", "we", "jag", "vi", "ik", "wij"

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Targets:
        def words(key: str) -> list[str]:
            return [fold(str(w)).strip() for w in data.get(key) or []]

        people = words("people")
        return cls(
            people=frozenset(p for p in people if not p.endswith("*")),
            people_prefixes=tuple(p[:-1] for p in people if p.endswith("*")),
            prepositions=frozenset(words("prepositions")),
            determiners=frozenset(words("determiners")),
            copulas=frozenset(words("copulas")),
            subjects=frozenset(words("subjects")),
            addressees=frozenset(words("addressees")),
            self=frozenset(words("self")),
        )

    def merged(self, other: Targets) -> Targets:
        return Targets(
            self.people | other.people,
            self.people_prefixes + other.people_prefixes,
            self.prepositions | other.prepositions,
            self.determiners | other.determiners,
            self.copulas | other.copulas,
            self.subjects | other.subjects,
            self.addressees | other.addressees,
            self.self | other.self,
        )

    def is_people(self, token: str) -> bool:
        return token in self.people or (
            bool(self.people_prefixes) and token.startswith(self.people_prefixes)
        )


@dataclass(frozen=True)
class Lexicon:
    """One language's entries (every surface form), its cues and its skippable words.

    ``self_cues`` ("I'm such a", "jag är en", "ik ben zo'n") make a word that follows them
    about the author; words of ``self_categories`` (insults) then do not count: calling
    yourself an idiot for leaving a laptop on the train is no disrespect to anyone.
    """

    language: str
    forms: tuple[tuple[str, Word], ...]
    cues: tuple[tuple[str, ...], ...] = ()
    skippable: frozenset[str] = field(default_factory=frozenset)
    self_cues: tuple[tuple[str, ...], ...] = ()
    self_categories: frozenset[str] = frozenset({"insult", "demeaning"})
    targets: Targets = field(default_factory=Targets)

    @classmethod
    def from_data(cls, data: Mapping[str, Any], language: str) -> Lexicon:
        """Read the lexicon file format (see ``data/lexicons/respect/en.yaml``)."""
        classes: Mapping[str, Sequence[str]] = data.get("inflections") or {}
        forms: list[tuple[str, Word]] = []
        for i, entry in enumerate(data.get("words") or []):
            word, surface = _entry(entry, language, classes, i)
            forms.extend((form, word) for form in surface)
        cues = tuple(tuple(fold(c).split()) for c in data.get("cues") or [])
        skippable = frozenset(fold(w) for w in data.get("skippable") or [])
        self_cues = tuple(tuple(fold(c).split()) for c in data.get("self_cues") or [])
        targets = Targets.from_data(data.get("targets") or {})
        return cls(language, tuple(forms), cues, skippable, self_cues, targets=targets)


def _entry(
    entry: Mapping[str, Any], language: str, classes: Mapping[str, Sequence[str]], i: int
) -> tuple[Word, list[str]]:
    unknown = set(entry) - _ENTRY_KEYS
    lemma = fold(str(entry.get("word", ""))).strip()
    where = f"{language} lexicon, entry {i + 1} ({lemma or '?'})"
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    if not lemma:
        raise ValueError(f"{where}: 'word' is missing")
    category = entry.get("category")
    if category not in CATEGORIES:
        raise ValueError(f"{where}: category must be one of {', '.join(CATEGORIES)}")
    raw = [str(entry["word"]).strip().lower()]
    for name in entry.get("inflect") or []:
        if name not in classes:
            raise ValueError(f"{where}: no inflection class {name!r}")
        raw.extend(raw[0] + ending for ending in classes[name])
    raw.extend(str(f).strip().lower() for f in entry.get("forms") or [])
    surface = [fold(f) for f in raw]
    needs_cue = entry.get("needs_cue", False)
    if needs_cue is not False and needs_cue not in _AIMS:
        raise ValueError(f"{where}: needs_cue must be true, target, people or trait")
    if entry.get("squeeze", not needs_cue):
        squeezed = [v for form in surface for v in _squeezed(form) if v not in surface]
        raw.extend(squeezed)
        surface.extend(squeezed)
    compound = entry.get("compound")
    if compound not in (None, "start", "end", "both"):
        raise ValueError(f"{where}: compound must be start, end or both")
    exceptions = [fold(str(e)) for e in entry.get("except") or []]
    near = [fold(str(n)) for n in entry.get("not_near") or []]
    word = Word(
        lemma=lemma,
        category=category,
        language=language,
        only_in=language if entry.get("ambiguous") else None,
        compound_start=compound in ("start", "both"),
        compound_end=compound in ("end", "both"),
        needs_cue=needs_cue is not False,
        aim=_AIMS.get(needs_cue, "cue"),
        removable=bool(entry.get("remove")),
        exceptions=frozenset(e for e in exceptions if not e.endswith("*")),
        exception_prefixes=tuple(e[:-1] for e in exceptions if e.endswith("*")),
        not_in=tuple(_context(fold(str(c)), where) for c in entry.get("not_in") or []),
        spellings=frozenset(raw),
        exact=bool(entry.get("exact")),
        not_near=frozenset(n for n in near if not n.endswith("*")),
        not_near_prefixes=tuple(n[:-1] for n in near if n.endswith("*")),
    )
    return word, list(dict.fromkeys(f for f in surface if f))


def _squeezed(form: str) -> list[str]:
    """Spellings of ``form`` without its vowels, as people write a word they half-hide:
    "fcking" and "fckng" for "fucking", "jvla" for "jävla", "kltzak" for "klootzak".

    Only spellings that cannot be a word of their own: at least five letters (shorter ones may
    be abbreviations, "CRPS", or typos, "whre"), and the first vowel dropped leaves a run of
    consonants no English, Swedish or Dutch word begins with.
    """
    if not form.isalpha() or not form.isascii() or form[0] in _VOWELS:
        return []
    first = next((i for i, c in enumerate(form) if c in _VOWELS), None)
    if first is None:
        return []
    after = first
    while after < len(form) and form[after] in _VOWELS:
        after += 1
    one = form[:first] + form[after:]
    run = next((i for i, c in enumerate(one) if c in _VOWELS), len(one))
    if len(one) < _MIN_SQUEEZED or run < 3 or one[:3] in _ONSETS:
        return []
    none = "".join(c for c in form if c not in _VOWELS)
    return [one] if none == one or len(none) < _MIN_SQUEEZED else [one, none]


def _context(pattern: str, where: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    tokens = pattern.split()
    if tokens.count("~") != 1:
        raise ValueError(f"{where}: not_in {pattern!r} needs exactly one '~' for the word")
    at = tokens.index("~")
    return tuple(tokens[:at]), tuple(tokens[at + 1 :])


_Phrases = dict[int, frozenset[tuple[str, ...]]]


def _by_length(phrases: Iterable[tuple[str, ...]]) -> _Phrases:
    """Phrases grouped by their number of words, for look-ups from the end of a word list."""
    grouped: dict[int, set[tuple[str, ...]]] = {}
    for phrase in phrases:
        grouped.setdefault(len(phrase), set()).add(phrase)
    return {size: frozenset(group) for size, group in grouped.items()}


class _Node:
    __slots__ = ("children", "words")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.words: tuple[tuple[str, Word], ...] = ()


# A run of one character in a token: its offset, the letters it may stand for (alternatives),
# and how many letters of any kind it may stand for instead (a mask: f*ck, f**king).
_Unit = tuple[int, tuple[str, ...], tuple[int, ...]]


@dataclass(frozen=True)
class _Reading:
    reading: str
    words: tuple[tuple[str, Word], ...]
    stem_end: int | None  # offset in the token where a compound's first part ends


class DisguiseMatcher:
    """Compile lexicons once; :meth:`find` is then thread-safe."""

    def __init__(self, lexicons: Iterable[Lexicon]) -> None:
        lexicons = tuple(lexicons)
        table: dict[str, list[Word]] = {}
        self._cues: dict[str, _Phrases] = {}
        self._skippable: dict[str, frozenset[str]] = {}
        for lexicon in lexicons:
            self._cues[lexicon.language] = _by_length(lexicon.cues)
            self._skippable[lexicon.language] = lexicon.skippable
            for form, word in lexicon.forms:
                table.setdefault(form, []).append(word)
        # Self-mockery is recognised in any language: posts mix languages, and a word such as
        # "idiot" is listed under several.
        self._self_cues = _by_length(c for lexicon in lexicons for c in lexicon.self_cues)
        self._self_categories = frozenset(c for lex in lexicons for c in lex.self_categories)
        self._all_skippable = frozenset(w for lex in lexicons for w in lex.skippable)
        # Where a weak word is aimed is read with every language's words (posts mix them:
        # "helt clueless", "the board är inkompetenta" is rare, "IT-afdeling" is not).
        self._targets = Targets()
        for lexicon in lexicons:
            self._targets = self._targets.merged(lexicon.targets)
        self.size = len(table)
        self._root = _Node()
        forms: dict[str, tuple[int, tuple[Word, ...]]] = {}
        for form, words in table.items():
            forms[form] = (len(form), tuple(words))
            if " " not in form:
                self._add_to_trie(form, tuple(words))
        # One letter three times over ("iiidiot", "fuuuck") rides along in the same pass.
        for letter in "abcdefghijklmnopqrstuvwxyz":
            forms.setdefault(letter * 3, (3, ()))
        self._automaton = Automaton(forms)
        self._classes = Automaton(dict(_class_patterns()))
        # The last text read and what was found in it: two rules (respect, heat) ask about the
        # same post one after the other. Compared by identity; replaced in one assignment.
        self._last: tuple[FoldedText | None, list[WordHit]] = (None, [])

    def _add_to_trie(self, form: str, words: tuple[Word, ...]) -> None:
        node = self._root
        for char in form:
            node = node.children.setdefault(char, _Node())
        node.words = tuple((form, w) for w in words)

    def find(self, text: FoldedText) -> list[WordHit]:
        """Every lexicon word on word boundaries, disguised or not; leftmost-longest.

        The list is shared with the next caller asking about the same text: do not change it.
        """
        last_text, last_hits = self._last
        if last_text is text:
            return last_hits
        hits = self._find(text)
        self._last = (text, hits)
        return hits

    def _find(self, text: FoldedText) -> list[WordHit]:
        if not self.size:
            return []
        hits: list[WordHit] = []
        suspects = self._plain(text, hits)
        # The text as character classes (one C-speed pass), searched for signs of disguise.
        classes = f" {text.folded} ".encode("ascii", "replace").translate(_CLASSES).decode()
        spaced = False
        covered = -1
        for end, reading in self._classes.iter(classes):
            if reading == "spaced":
                spaced = True
            elif end > covered:
                # One suspect per token is enough (a pasted key has hundreds of them).
                suspects.append(end - 1)  # the padding space shifts class offsets by one
                rest = _CLASS_TOKEN_RE.match(classes, end)
                covered = rest.end() if rest else end
        if suspects:
            hits.extend(self._disguised(text, suspects))
        if spaced:
            hits.extend(self._spaced(text))
        return _leftmost_longest(hits)

    # -- ordinary spellings -------------------------------------------------------------
    def _plain(self, text: FoldedText, hits: list[WordHit]) -> list[int]:
        """Add ordinary spellings to ``hits``; return where a letter stands three times in a row."""
        s = text.folded
        n = len(s)
        repeats: list[int] = []
        for last, (length, words) in self._automaton.iter(s):
            if not words:
                repeats.append(last)
                continue
            start, end = last - length + 1, last + 1
            left_free = start == 0 or not s[start - 1].isalnum() or text.is_camel_boundary(start)
            right_free = end == n or not s[end].isalnum() or text.is_camel_boundary(end)
            if not left_free and not any(w.compound_end for w in words):
                continue
            if not right_free and not any(w.compound_start for w in words):
                continue
            for word in words:
                hit = self._bounded(text, start, end, word, left_free, right_free)
                if hit is not None:
                    hits.append(hit)
        return repeats

    def _bounded(
        self, text: FoldedText, start: int, end: int, word: Word, left_free: bool, right_free: bool
    ) -> WordHit | None:
        s = text.folded
        if word.spellings:
            written = text.excerpt(start, end).lower()
            if (word.exact or written != s[start:end]) and written not in word.spellings:
                return None
        w_start, w_end, stem_end = start, end, None
        if not left_free:
            if not word.compound_end:
                return None
            w_start = _word_start(s, start)
            if start - w_start < _MIN_COMPOUND_PART:
                return None
        if not right_free:
            if not word.compound_start:
                return None
            w_end = _word_end(s, end)
            if w_end - end < _MIN_COMPOUND_PART:
                return None
            stem_end = end
        elif word.compound_start and s.startswith("-", end):
            # "kut-bedrijf": the hyphenated compound is one word for the reader.
            after = _word_end(s, end + 1)
            if after - end - 1 >= _MIN_COMPOUND_PART:
                w_end, stem_end = after, end
        whole = s[_word_start(s, w_start) : _word_end(s, w_end)]
        if not self._allowed(s, w_start, w_end, whole, word):
            return None
        compound = (w_start, w_end) != (start, end)
        return WordHit(w_start, w_end, word, s[w_start:w_end], stem_end, compound=compound)

    def _allowed(self, s: str, start: int, end: int, whole: str, word: Word) -> bool:
        if whole in word.exceptions or whole.startswith(word.exception_prefixes or ("\0",)):
            return False
        if word.not_in and _in_context(s, start, end, word.not_in):
            return False
        if (word.not_near or word.not_near_prefixes) and _near(s, start, end, word):
            return False
        if word.needs_cue and not self._aimed(s, start, end, word):
            return False
        return word.category not in self._self_categories or not _after(
            s, start, self._self_cues, self._all_skippable
        )

    def _aimed(self, s: str, start: int, end: int, word: Word) -> bool:
        """Whether a weak word at ``[start, end)`` is said of people: after a cue ("bunch of
        clowns"), or for ``target``, ``people`` and ``trait`` words as :class:`Targets` says.
        An adjective takes no cue: "what a useless meeting" is about the meeting."""
        if word.aim in ("cue", "target"):
            cues = self._cues.get(word.language)
            skippable = self._skippable.get(word.language, frozenset())
            if cues and _after(s, start, cues, skippable):
                return True
        targets = self._targets
        if word.aim == "cue" or not (targets.people or targets.copulas):
            return False
        skippable = self._all_skippable
        after = _clause_after(s, end)
        if after:
            i = 0
            if word.aim != "target":
                while i < len(after) - 1 and after[i] in skippable:
                    i += 1
                if targets.is_people(after[i]):
                    return True  # "useless managers", "incompetente bestuurders"
                i = 0
            if after[0] in targets.prepositions:
                i = 1
                while i < min(len(after) - 1, 3) and after[i] in targets.determiners:
                    i += 1
                if targets.is_people(after[i]):
                    return True  # "the amateurs at HR", "prutsers bij de gemeente"
        before = _clause_before(s, start)
        while (
            before
            and before[-1] not in targets.copulas  # Dutch "zijn" is "are" and "his"
            and (before[-1] in skippable or before[-1] in targets.determiners)
        ):
            before.pop()
        if not before:
            return False
        if before[-1] in targets.addressees:
            return True  # "you're useless"
        if word.aim == "trait" and before[-1] in targets.subjects:
            return True  # "they're clueless"
        if before[-1] not in targets.copulas:
            return False
        subject = before[-4:-1]
        if word.aim == "trait" and subject and subject[-1] not in targets.self:
            return True  # "she is clueless", "ze zijn incompetent", not "I was clueless"
        # "management are clowns", "ni är värdelösa", "jullie zijn waardeloos"
        return any(targets.is_people(t) or t in targets.addressees for t in subject)

    # -- disguised tokens ---------------------------------------------------------------
    def _disguised(self, text: FoldedText, suspects: list[int]) -> Iterator[WordHit]:
        """Read again the tokens around ``suspects`` (offsets where a disguise was seen)."""
        s = text.folded
        reach = -1
        for at in sorted(suspects):
            if at < reach:
                continue  # inside the token just read
            start = at
            while start > 0 and s[start - 1] in _TOKEN_CHARS:
                start -= 1
            m = _TOKEN_RE.match(s, start)
            if m is None:
                continue
            reach = m.end()
            if reach - start > _MAX_TOKEN:
                continue
            token = m.group()
            lead = len(token) - len(token.lstrip("#-"))
            token = token[lead:].rstrip("!|-")
            # Emphasis (**word**, _word_) is markup, not letters: a mask opens a word only
            # as markup, and the markup that opens it also closes it.
            emphasis = len(token) - len(token.lstrip(_EMPHASIS))
            if emphasis:
                lead += emphasis
                token = token[emphasis:].rstrip(_EMPHASIS)
            start += lead
            pieces = [(start, token)]
            if "-" in token:
                offset = start
                for part in token.split("-"):
                    pieces.append((offset, part))
                    offset += len(part) + 1
            for piece_start, piece in pieces:
                hit = self._read_token(s, piece_start, piece)
                if hit is not None:
                    yield hit
                    break

    def _read_token(self, s: str, start: int, token: str) -> WordHit | None:
        # A disguise hides a few letters of a word, not most of them: "A50" is a road, not "aso".
        letters = sum(1 for c in token if "a" <= c <= "z")
        if len(token) < 3 or letters < 2 or letters < len(token) - letters:
            return None
        found = self._walk(token)
        if found is None:
            return None
        end = start + len(token)
        for form, word in found.words:
            if found.stem_end is None:
                whole = found.reading
                stem_end = None
            else:
                if not word.compound_start:
                    continue
                whole = found.reading + _naive(token[found.stem_end :])
                stem_end = start + found.stem_end
            if self._allowed(s, start, end, whole, word):
                disguised = form != token
                return WordHit(start, end, word, whole, stem_end, disguised, stem_end is not None)
        return None

    def _walk(self, token: str) -> _Reading | None:
        # Most tokens part ways with every lexicon word within a letter or two: follow the
        # plain letters first and build the full reading only if the trie is still with us.
        node: _Node | None = self._root
        for i, char in enumerate(token):
            if not "a" <= char <= "z" or token.startswith(char * 2, i + 1):
                break
            node = node.children.get(char) if node is not None else None
            if node is None:
                return None
        units = _units(token)
        if units is None:
            return None
        full: list[_Reading] = []
        compound: list[_Reading] = []
        stack: list[tuple[int, _Node, str]] = [(0, self._root, "")]
        while stack:
            i, node, built = stack.pop()
            if i == len(units):
                if node.words:
                    full.append(_Reading(built, node.words, None))
                continue
            offset, spellings, wild = units[i]
            if i > 0 and node.words and len(token) - offset >= _MIN_COMPOUND_PART:
                compound.append(_Reading(built, node.words, offset))
            for spelling in spellings:
                child: _Node | None = node
                for char in spelling:
                    child = child.children.get(char) if child is not None else None
                if child is not None:
                    stack.append((i + 1, child, built + spelling))
            for size in wild:
                for child, letters in _descend(node, size):
                    stack.append((i + 1, child, built + letters))
        if full:
            return max(full, key=lambda r: len(r.reading))
        if compound:
            return max(compound, key=lambda r: len(r.reading))
        return None

    # -- s p a c e d letters ------------------------------------------------------------
    def _spaced(self, text: FoldedText) -> Iterator[WordHit]:
        s = text.folded
        for m in _SPACED_RE.finditer(s):
            letters = [(m.start() + i, c) for i, c in enumerate(m.group()) if i % 2 == 0]
            letters = letters[:_MAX_SPACED]
            i = 0
            while i <= len(letters) - 3:
                hit = None
                for j in range(len(letters), i + 2, -1):
                    joined = "".join(c for _, c in letters[i:j])
                    found = self._walk(joined)
                    if found is None or found.stem_end is not None:
                        continue
                    start, end = letters[i][0], letters[j - 1][0] + 1
                    for _, word in found.words:
                        if self._allowed(s, start, end, found.reading, word):
                            hit = WordHit(start, end, word, found.reading, None, disguised=True)
                            break
                    if hit is not None:
                        yield hit
                        i = j
                        break
                if hit is None:
                    i += 1


def _after(s: str, start: int, cues: _Phrases, skippable: frozenset[str]) -> bool:
    """True when one of ``cues`` ("bunch of", "ena", "stelletje") stands just before ``start``
    in the same sentence, perhaps with a skippable word or two between ("ena jävla clowner")."""
    if not cues:
        return False
    window = s[max(0, start - _CONTEXT_CHARS) : start]
    cut = max(window.rfind("."), window.rfind("!"), window.rfind("?"), window.rfind("\n"))
    tokens = [t.strip(_TOKEN_EDGES) for t in window[cut + 1 :].rsplit(maxsplit=_CUE_WORDS)]
    tokens = [t for t in tokens if t]
    for skipped in range(3):
        if not tokens:
            return False
        if any(tuple(tokens[-size:]) in group for size, group in cues.items()):
            return True
        last = tokens[-1]
        if skipped == 2 or not (last in skippable or any(c in _MASKS for c in last)):
            return False
        tokens.pop()
    return False


_CLAUSE_WORDS = 6
_CLAUSE_EDGES = ".!?\n,;:()"


def _clause_before(s: str, start: int) -> list[str]:
    """Up to six words before ``start`` in the same clause (a comma ends it), nearest last."""
    window = s[max(0, start - _CONTEXT_CHARS) : start]
    cut = max(window.rfind(c) for c in _CLAUSE_EDGES)
    tokens = window[cut + 1 :].rsplit(maxsplit=_CLAUSE_WORDS)
    return [t for t in (t.strip(_TOKEN_EDGES) for t in tokens[-_CLAUSE_WORDS:]) if t]


def _clause_after(s: str, end: int) -> list[str]:
    """Up to six words after ``end`` in the same clause, nearest first."""
    window = s[end : end + _CONTEXT_CHARS]
    cut = min((i for i in (window.find(c) for c in _CLAUSE_EDGES) if i >= 0), default=len(window))
    tokens = window[:cut].split(maxsplit=_CLAUSE_WORDS)
    return [t for t in (t.strip(_TOKEN_EDGES) for t in tokens[:_CLAUSE_WORDS]) if t]


def _near(s: str, start: int, end: int, word: Word) -> bool:
    """Whether a word of ``word.not_near`` stands in the same sentence as ``[start, end)``."""
    window = s[max(0, start - _CONTEXT_CHARS) : end + _CONTEXT_CHARS]
    at = start - max(0, start - _CONTEXT_CHARS)
    begin = max(window.rfind(c, 0, at) for c in ".!?\n") + 1
    stop = min((i for i in (window.find(c, at) for c in ".!?\n") if i >= 0), default=len(window))
    prefixes = word.not_near_prefixes or ("\0",)
    return any(
        w in word.not_near or w.startswith(prefixes)
        for w in _CONTEXT_WORD_RE.findall(window, begin, stop)
    )


def _units(token: str) -> list[_Unit] | None:
    units: list[_Unit] = []
    offset = 0
    for char, group in itertools.groupby(token):
        size = len(list(group))
        if "a" <= char <= "z":
            units.append((offset, (char, char * 2) if size >= 3 else (char * size,), ()))
        elif char in _LEET:
            options = _LEET[char]
            if size >= 3:
                spellings = (*options, *(c * 2 for c in options))
            else:
                spellings = tuple("".join(p) for p in itertools.product(options, repeat=size))
            units.append((offset, spellings, ()))
        elif char in _MASKS:
            units.append((offset, (), (1,) if size == 1 else (size - 1, size, size + 1)))
        elif char == "-" and size == 1 and 0 < offset < len(token) - 1:
            units.append((offset, (), (1,)))
        else:
            return None
        offset += size
    return units


def _descend(node: _Node, size: int) -> Iterator[tuple[_Node, str]]:
    if size == 0:
        yield node, ""
        return
    for char, child in node.children.items():
        for deeper, letters in _descend(child, size - 1):
            yield deeper, char + letters


def _naive(rest: str) -> str:
    """A disguised remainder read with each look-alike's first letter (for exception checks)."""
    return "".join(_LEET[c][0] if c in _LEET else c for c in rest)


def _word_start(s: str, i: int) -> int:
    while i > 0 and s[i - 1].isalnum():
        i -= 1
    return i


def _word_end(s: str, i: int) -> int:
    while i < len(s) and s[i].isalnum():
        i += 1
    return i


def _in_context(
    s: str, start: int, end: int, contexts: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
) -> bool:
    before = _CONTEXT_WORD_RE.findall(s, max(0, start - _CONTEXT_CHARS), start)
    after = _CONTEXT_WORD_RE.findall(s, end, end + _CONTEXT_CHARS)
    for want_before, want_after in contexts:
        if want_before and tuple(before[-len(want_before) :]) != want_before:
            continue
        if want_after and tuple(after[: len(want_after)]) != want_after:
            continue
        return True
    return False


def _leftmost_longest(hits: list[WordHit]) -> list[WordHit]:
    if len(hits) <= 1:
        return hits
    # A listed form beats the same span read as a compound ("idiotiskt" is not "idiot" + "iskt").
    hits.sort(key=lambda h: (h.start, h.start - h.end, h.stem_end is not None))
    chosen: list[WordHit] = []
    reach = -1
    for hit in hits:
        if hit.start >= reach:
            chosen.append(hit)
            reach = hit.end
        elif (hit.start, hit.end) == (chosen[-1].start, chosen[-1].end) and all(
            hit.word != c.word for c in chosen if c.start == hit.start
        ):
            chosen.append(hit)  # one spelling, several entries (kept for language checks)
    return chosen
