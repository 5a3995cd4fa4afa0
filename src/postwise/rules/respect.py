"""Respect: insults, swearing, slurs and demeaning remarks, about anyone.

**What it catches.** Swear words ("fuck", "jävla", "godverdomme"), insults ("idiots",
"klootzak", "pucko"), slurs, and remarks that talk down to people ("bunch of amateurs",
"stelletje prutsers", "tillbaka till köket"; "the board is clueless", "värdelösa chefer",
"jullie zijn waardeloos") in English, Swedish and Dutch, with their inflections and
compounds ("idioterna", "klantskallarna", "skitbolag", "kutbedrijf", "trafikidiot"), whoever
they are aimed at: colleagues, customers, competitors, the council. Disguises do not hide a
word: "f*ck", "f**king", "fckng", "sh1t", "j-vla", "jvla", "kl00tzak", "G*dverdomme",
"i d i o t s", "s.h.i.t", "iiidiot". Innocent look-alikes are left alone: "Scunthorpe",
"class", "cocktail", Swedish "slutet" and "ett stort fan av", Dutch "kunstenaar",
"kankeronderzoek" and acorns ("eikels en kastanjes"); so are words that put people down only
when said of people, when they are said of things ("the printer is useless", "een domme
fout") or of the author ("I was clueless"). Mild frustration ("annoying", "jobbigt",
"balen") is not disrespect.

**Why.** A post speaks for its author and, whether they like it or not, for their employer.
Abuse of a competitor or a customer is quoted far longer than the point it was making, and
the people it is about read it too.

**Example.** "Whoever designed the new parking system is a complete f*cking amateur." —
"Wat een k*tbedrijf is Aldermed ook."

**Fix.** Say what went wrong, not what you think of the people: criticise the work, the
decision or the service. A swear word can usually just go ("Remove “f*cking”"); a compound
keeps its ordinary half ("k*tbedrijf" → "bedrijf").
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from postwise.policy.model import RuleBase, RuleSettings
from postwise.rules import Detector, FixHint, Hit, RuleKind
from postwise.text.data import data_names, load_data
from postwise.text.fold import fold
from postwise.text.obfuscation import DisguiseMatcher, Lexicon, Word, WordHit

if TYPE_CHECKING:
    from postwise.engine.post import Post
    from postwise.policy.compiled import CompiledOrganisation

Category = Literal["profanity", "insult", "slur", "demeaning"]
_ALL: list[Category] = ["profanity", "insult", "slur", "demeaning"]


class Settings(RuleSettings):
    categories: list[Category] = Field(
        default_factory=lambda: list(_ALL),
        description="Which kinds of words to flag (profanity, insult, slur, demeaning).",
    )
    extra_words: list[str] = Field(
        default_factory=list, description="More words or phrases to flag, as insults."
    )
    allow: list[str] = Field(
        default_factory=list, description="Words never to flag here (e.g. a product name)."
    )


@cache
def lexicons(languages: tuple[str, ...]) -> tuple[Lexicon, ...]:
    """The built-in lexicons of ``languages`` (one data file per language)."""
    available = {name.removesuffix(".yaml") for name in data_names("lexicons", "respect")}
    return tuple(
        Lexicon.from_data(load_data("lexicons", "respect", f"{lang}.yaml"), lang)
        for lang in languages
        if lang in available
    )


@cache
def rude_word_matcher(languages: tuple[str, ...]) -> DisguiseMatcher:
    """One matcher for the built-in lexicons of ``languages``, shared by every rule."""
    return DisguiseMatcher(lexicons(languages))


def rude_words(post: Post, matcher: DisguiseMatcher | None = None) -> list[WordHit]:
    """Rude words in ``post``, one per span, each valid in the post's language.

    Used by this rule and by ``heat`` (swearing is one of its signals). The post's language is
    detected only when a word that is innocent in another language stands on its own (English
    "fan", Swedish "slut"); a compound ("skitbolag", "kutbedrijf") belongs to one language.
    """
    found = (matcher or rude_word_matcher(post.policy.languages)).find(post.folded)
    chosen: list[WordHit] = []
    for hit in found:
        if chosen and (chosen[-1].start, chosen[-1].end) == (hit.start, hit.end):
            continue
        only_in = hit.word.only_in
        if only_in is not None and not hit.compound and post.language != only_in:
            continue
        chosen.append(hit)
    return chosen


def compile(rule: RuleBase, org: CompiledOrganisation) -> Detector:
    settings = rule.settings
    assert isinstance(settings, Settings)
    if settings.extra_words:
        extra = tuple(
            (fold(w).strip(), Word(fold(w).strip(), "insult", "policy"))
            for w in settings.extra_words
        )
        matcher = DisguiseMatcher([*lexicons(org.languages), Lexicon("policy", extra)])
    else:
        matcher = rude_word_matcher(org.languages)
    allowed = frozenset(fold(w).strip() for w in settings.allow)
    categories = frozenset(settings.categories)

    def detect(post: Post) -> Iterator[Hit]:
        for hit in rude_words(post, matcher):
            if hit.word.category not in categories or hit.reading in allowed:
                continue
            yield Hit(hit.start, hit.end, hit.word.category, fix=_fix(post, hit))

    return detect


def _fix(post: Post, hit: WordHit) -> FixHint | None:
    """Keep a compound's ordinary half; drop a swear word the sentence does not need."""
    folded = post.folded
    s = folded.folded
    if hit.stem_end is not None:
        rest_start = hit.stem_end + 1 if s.startswith("-", hit.stem_end) else hit.stem_end
        rest = folded.excerpt(rest_start, hit.end)
        if folded.original_char(hit.start).isupper():
            rest = rest[:1].upper() + rest[1:]
        return FixHint(hit.start, hit.end, rest, "replace", {"text": rest})
    if not hit.word.removable or " " in hit.reading:
        return None
    start, end = hit.start, hit.end
    while end < len(s) and s[end] in ",!":
        end += 1
    if end < len(s) and s[end] == " ":
        end += 1
    elif start > 0 and s[start - 1] == " ":
        start -= 1
    return FixHint(start, end, "", "remove")


KIND = RuleKind(
    name="respect",
    settings=Settings,
    compile=compile,
    doc=__doc__ or "",
    default_severity="warn",
)
