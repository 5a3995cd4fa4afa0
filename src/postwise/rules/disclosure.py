"""Undisclosed ties: naming the employer, its products or competitors without saying so.

**What it catches.** A post that names the organisation (name, alias, handle, hashtag), one
of its products or a competitor, and does not say in the post itself that the author works
there. A disclosure is one of the organisation's disclosure tags (``#LumoraEmployee``) or a
statement in the author's words, in English, Swedish or Dutch: "I work at Lumora", "my team
at Lumora", "as a nurse advisor at Lumora", "(yes, I work there)", "jag jobbar själv på
Lumora", "som CFO på Lumora", "oss på Lumora", "ik werk bij Lumora", "als medewerker van
Lumora", "ik werk er zelf", "I'm a nurse and work at Lumora", "First day at Lumora!", "we
both work at Lumora", "vi är kollegor på Lumora", "(yes, I'm at Lumora)". When
the author's profile names the employer, a plain mention of the organisation or its
products is covered by that; praise of a product ("my favourite app", "give it a go",
"works wonders"), a testimonial or benefit claim ("gave me my life back", "tack vare
Respiqo kan jag springa igen", "Met CareLoop vergeet je nooit meer een dosis") and a
comparison with a competitor are not. Words inside a link or an e-mail address
("careloop.app/download") are not praise.

**Why.** Readers weigh a recommendation differently when they know who makes a living from
it. Consumer-protection rules on endorsements (the FTC's guides among them) ask for the tie
to be clear in the post itself, early, not left to a profile page or buried in hashtags.

**Example.** "A month of using CareLoop and it's the first reminder app I've stuck with.
Give it a go!" — written by someone who works on CareLoop — reads as a neutral user's tip.

**Fix.** Say it in the post: "I work at Lumora", "jag jobbar på Lumora", "ik werk bij
Lumora", or add the organisation's disclosure tag (postwise suggests the first one).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import Field

from postwise.policy.model import RuleBase, RuleSettings
from postwise.rules import Detector, FixHint, Hit, RuleKind
from postwise.rules._cues import Cue, CueSet, outside_links
from postwise.text.data import load_data
from postwise.text.fold import Span, fold
from postwise.text.matcher import Match, term_parts

if TYPE_CHECKING:
    from postwise.engine.post import Post
    from postwise.policy.compiled import CompiledOrganisation, Entity

# How far before and after a name an affiliation statement is looked for (folded characters).
_BEFORE = 160
_AFTER = 80
_FRONTED_TOKENS = 6
# Endorsing words count in the product's sentence and this many sentences after it.
_ENDORSE_REACH = 2
# Evaluative words ("amazing", "better") count only this close to the product's name, in its
# sentence: "Great day presenting CareLoop" praises the day.
_PRAISE_REACH = 30
# What makes a competitor's mention more than plain, in its sentence: "better than Novexa",
# "Novexa's new app is useless". (Praising a competitor needs no disclosure.)
_AGAINST = ("compare", "disparage")
_SIGNALS = ("endorse", "praise", "compare", "disparage")
# Words that may stand between an evaluative word and the product it praises when the word
# comes first ("amazing new CareLoop"); "Great day at the CareLoop stand" praises the day.
_PRAISE_BEFORE_WORDS = 1
_WORD = r"[^\W_][\w'-]*"
# After a name that closes its clause: "(yes, I'm at Lumora)", "I'm at Lumora. Ask me".
_CLAUSE_END = r"|\s*(?:[).,;:!?—–]|\s-\s|$)"
# The message for a post without any disclosure, by what its first mention names.
_DETAIL = {"organisation": "employer", "product": "default", "competitor": "competitor"}


class Settings(RuleSettings):
    competitors: bool = Field(
        True, description="A post that names a competitor needs the disclosure too."
    )
    profile_covers_plain_mentions: bool = Field(
        True,
        description=(
            "When the author's profile names the employer, a plain mention needs no disclosure "
            "in the post (praise of a product or a comparison with a competitor still does)."
        ),
    )
    extra_phrases: list[str] = Field(
        default_factory=list,
        description="More statements that disclose the tie on their own (e.g. 'Lumoran here').",
    )


def compile(rule: RuleBase, org: CompiledOrganisation) -> Detector:
    settings = rule.settings
    assert isinstance(settings, Settings)
    grammar = Affiliation.build(
        load_data("lexicons", "disclosure", "affiliation.yaml"),
        org.languages,
        settings.extra_phrases,
    )
    endorsement = load_data("lexicons", "disclosure", "endorsement.yaml")
    signals = CueSet.from_lexicon(endorsement, org.languages, categories=_SIGNALS)
    credits = Credits.build(endorsement, org.languages)
    subjects = {"organisation", "product"} | ({"competitor"} if settings.competitors else set())
    profile_counts = settings.profile_covers_plain_mentions
    org_name = org.model.name
    tag = org.model.disclosure_tags[0] if org.model.disclosure_tags else None

    def detect(post: Post) -> Iterator[Hit]:
        entities = post.entities
        if not entities:
            return
        named = [m for m in entities if m.value.category in subjects]
        if not named:
            return
        if any(_is_tag(post, m) for m in entities if m.value.category == "disclosure_tag"):
            return
        if grammar.discloses(post):
            return
        if profile_counts and post.context.author.profile_discloses_employer:
            found = _beyond_plain(post, named, signals, credits)
            if found is None:
                return
            mention, detail = found
        else:
            mention = named[0]
            detail = _DETAIL[mention.value.category]
        yield Hit(
            mention.start,
            mention.end,
            detail,
            {"name": mention.value.name, "org": org_name},
            _add_tag(post, tag) if tag else None,
        )

    return detect


def _is_tag(post: Post, match: Match[Entity]) -> bool:
    """A disclosure tag as written: a one-word tag ("#medarbetare") only with its "#"."""
    if len(term_parts(match.value.name)) > 1 or not match.value.name.startswith("#"):
        return True
    return match.start > 0 and post.folded.folded[match.start - 1] == "#"


def _add_tag(post: Post, tag: str) -> FixHint:
    end = len(post.folded.folded)
    text = tag if post.text[-1:].isspace() else f" {tag}"
    return FixHint(end, end, text, "add_disclosure", {"tag": tag})


def _beyond_plain(
    post: Post, named: Sequence[Match[Entity]], signals: CueSet, credits: Credits
) -> tuple[Match[Entity], str] | None:
    """With the employer in the profile: the mention that needs more, and why (or ``None``)."""
    products = [m for m in named if m.value.category == "product"]
    competitors = [m for m in named if m.value.category == "competitor"]
    if not products and not competitors:
        return None
    products = [p for p in products if not credits.names_a_group(post, p)]
    for product in products:
        if credits.credited(post, product):
            return product, "endorsement"
    cues = outside_links(signals.find(post.folded), post.folded)
    if not cues:
        return None
    text = post.folded.folded
    where = _sentence_index(post.folded.sentences)
    for competitor in competitors:
        at = where(competitor.start)
        if any(c.category in _AGAINST and where(c.start) == at for c in cues):
            return competitor, "comparison"
    for product in products:
        at = where(product.start)
        for cue in cues:
            distance = where(cue.start) - at
            if cue.category == "endorse" and 0 <= distance <= _ENDORSE_REACH:
                return product, "endorsement"
            if (
                cue.category in ("praise", "compare")
                and distance == 0
                and _praises(text, cue, product)
            ):
                return product, "endorsement"
    return None


def _praises(text: str, cue: Cue, product: Match[Entity]) -> bool:
    """An evaluative word close enough to the product's name to be about it."""
    if cue.start >= product.end:
        return cue.start - product.end <= _PRAISE_REACH
    if cue.end > product.start:
        return False
    return len(text[cue.end : product.start].split()) <= _PRAISE_BEFORE_WORDS


@dataclass(frozen=True)
class Credits:
    """Credit given to a product for what it does: "thanks to {product}", "tack vare",
    "dankzij", or a sentence that opens "With {product}, you can…" ("Med {product} kan…",
    "Met {product} kun je…")."""

    thanks: re.Pattern[str] | None
    opener: re.Pattern[str] | None
    then: re.Pattern[str] | None
    group: re.Pattern[str] | None

    @classmethod
    def build(cls, data: Mapping[str, Any], languages: Iterable[str]) -> Credits:
        sections = [data[code] for code in languages if code in data]
        thanks = _alternation(p for lang in sections for p in lang.get("thanks_to") or [])
        opener = _alternation(p for lang in sections for p in lang.get("with") or [])
        then = _alternation(p for lang in sections for p in lang.get("with_then") or [])
        group = _alternation(p for lang in sections for p in lang.get("groups") or [])
        return cls(
            re.compile(rf"(?<![\w'-]){thanks}\s+[#@]?$") if thanks else None,
            re.compile(rf"[^\w]*{opener}\s+[#@]?$") if opener else None,
            re.compile(rf"\s*,?\s*{then}(?![\w'])") if then else None,
            re.compile(rf"(?:-|\s+){group}(?![\w'])") if group else None,
        )

    def names_a_group(self, post: Post, product: Match[Entity]) -> bool:
        """True for "the {product} team", "{product}-teamet": people, not the product."""
        return (
            self.group is not None and self.group.match(post.folded.folded, product.end) is not None
        )

    def credited(self, post: Post, product: Match[Entity]) -> bool:
        text = post.folded.folded
        sentence = post.folded.sentence_of(product.start)
        before = text[max(sentence.start, product.start - 30) : product.start]
        if self.thanks is not None and self.thanks.search(before):
            return True
        return (
            self.opener is not None
            and self.then is not None
            and self.opener.match(text, sentence.start, product.start) is not None
            and self.then.match(text, product.end, sentence.end) is not None
        )


def _sentence_index(sentences: Sequence[Span]) -> Callable[[int], int]:
    """A function from a folded offset to the number of the sentence it is in."""
    starts = [s.start for s in sentences]
    return lambda offset: bisect_right(starts, offset) - 1


# Words and single punctuation marks; an affiliation statement never runs across punctuation.
_TOKEN_RE = re.compile(r"[^\W_][\w'-]*|[^\w\s]")


@dataclass(frozen=True)
class Lead:
    """Words that lead up to a name, matched backwards from it over word tokens.

    ``<phrase> <gap words> <join> <article> {name}``: "I work [in regulatory affairs] at
    {name}", "som [CFO] på {name}", "we at {name}". A gap word must not be punctuation or one
    of ``excluded``; with ``sentence_start`` the phrase must open the sentence. Phrases and
    joins are kept by their last word, so a check is a few dictionary look-ups.
    """

    phrases: Mapping[str, tuple[tuple[str, ...], ...]]
    joins: Mapping[str, tuple[tuple[str, ...], ...]]
    optional_join: bool = False
    articles: frozenset[str] = frozenset()
    excluded: frozenset[str] = frozenset()
    # Two-word names in which an excluded word is harmless: "customer service", "investor
    # relations" are departments ("I work in customer service at {name}").
    compounds: frozenset[tuple[str, str]] = frozenset()
    min_gap: int = 0
    max_gap: int = 0
    sentence_start: bool = False

    @classmethod
    def of(cls, phrases: Iterable[str], joins: Iterable[str] = (), **options: Any) -> Lead:
        return cls(_by_last_word(phrases), _by_last_word(joins), **options)

    def follows(self, tokens: Sequence[str], j: int) -> bool:
        """True when a phrase (and the allowed gap) ends at token ``j``."""
        for gap in range(self.max_gap + 1):
            g = j - gap
            if g <= 0:
                return False
            if gap:
                word = tokens[g]
                if not word[0].isalnum() or (
                    word in self.excluded and not self._in_compound(tokens, g, j)
                ):
                    return False
            if gap < self.min_gap:
                continue
            for phrase in self.phrases.get(tokens[g - 1], ()):
                s = g - len(phrase)
                if s >= 0 and tuple(tokens[s:g]) == phrase and self._opens(tokens, s):
                    return True
        return False

    def _in_compound(self, tokens: Sequence[str], g: int, j: int) -> bool:
        """True when gap word ``g`` is part of a listed compound inside the gap (before ``j``)."""
        return (g + 1 < j and (tokens[g], tokens[g + 1]) in self.compounds) or (
            (tokens[g - 1], tokens[g]) in self.compounds
        )

    def _opens(self, tokens: Sequence[str], s: int) -> bool:
        return not self.sentence_start or not any(t[0].isalnum() for t in tokens[:s])


@dataclass(frozen=True)
class Leads:
    """Several :class:`Lead` s, looked up by the join just before the name (or its article)."""

    by_join: Mapping[str, tuple[tuple[tuple[str, ...], Lead], ...]]
    direct: tuple[Lead, ...]
    articles: frozenset[str]
    # The last words of the direct leads' phrases and how far back they may stand: a name with
    # none of them close before it needs no closer look.
    direct_words: frozenset[str]
    direct_reach: int

    @classmethod
    def of(cls, *leads: Lead) -> Leads:
        by_join: dict[str, list[tuple[tuple[str, ...], Lead]]] = {}
        for lead in leads:
            for last, joins in lead.joins.items():
                by_join.setdefault(last, []).extend((join, lead) for join in joins)
        direct = tuple(lead for lead in leads if lead.optional_join)
        return cls(
            {last: tuple(found) for last, found in by_join.items()},
            direct,
            frozenset(a for lead in leads for a in lead.articles),
            frozenset(word for lead in direct for word in lead.phrases),
            max((lead.max_gap for lead in direct), default=0) + 1,
        )

    def matches(self, tokens: Sequence[str]) -> bool:
        """True when one of the leads ends where ``tokens`` (the words before a name) end."""
        end = len(tokens)
        if end and tokens[end - 1] in ("#", "@"):
            end -= 1
        ends = (end, end - 1) if end and tokens[end - 1] in self.articles else (end,)
        for e in ends:
            if e <= 0:
                continue
            for join, lead in self.by_join.get(tokens[e - 1], ()):
                j = e - len(join)
                if j >= 0 and tuple(tokens[j:e]) == join and lead.follows(tokens, j):
                    return True
            near = tokens[max(0, e - self.direct_reach) : e]
            if any(word in self.direct_words for word in near) and any(
                lead.follows(tokens, e) for lead in self.direct
            ):
                return True
        return False


@dataclass(frozen=True)
class Affiliation:
    """Affiliation statements of every language, compiled once.

    Around each mention of the organisation, inside its sentence, the words before the name
    are matched backwards (:class:`Lead`) and the words after it forwards (anchored
    patterns); ``standalone`` statements ("I work there") count anywhere in the post.
    """

    ties: Leads
    product_ties: Leads
    fronted: tuple[tuple[Leads, re.Pattern[str]], ...]
    verb_last: tuple[tuple[Leads, re.Pattern[str]], ...]
    roles: tuple[tuple[Leads | None, re.Pattern[str], re.Pattern[str] | None], ...]
    standalone: CueSet

    @classmethod
    def build(
        cls, data: Mapping[str, Any], languages: Iterable[str], extra: Iterable[str] = ()
    ) -> Affiliation:
        ties: list[Lead] = []
        product_ties: list[Lead] = []
        fronted: list[tuple[Leads, re.Pattern[str]]] = []
        verb_last: list[tuple[Leads, re.Pattern[str]]] = []
        roles: list[tuple[Leads | None, re.Pattern[str], re.Pattern[str] | None]] = []
        standalone: list[tuple[str, str]] = [(p, "standalone") for p in extra]
        for lang in (data[code] for code in languages if code in data):
            articles = frozenset(fold(a) for a in lang.get("articles") or [])
            excluded = frozenset(fold(w) for w in lang.get("not_in_gap") or [])
            compounds = frozenset(
                (words[0], words[1])
                for words in (fold(c).split() for c in lang.get("gap_compounds") or [])
                if len(words) == 2
            )
            for key, leads in (("ties", ties), ("product_ties", product_ties)):
                leads.extend(
                    _group(group, articles, excluded, compounds) for group in lang.get(key) or []
                )
            front = lang.get("fronted") or {}
            if front.get("joins"):
                verb = rf"(?:{_WORD}\s+)?" if front.get("verb_slot") else ""
                subjects = _alternation(front["subjects"])
                fronted.append(
                    (
                        Leads.of(
                            Lead.of(
                                front["joins"],
                                optional_join=True,
                                articles=articles,
                                sentence_start=True,
                            )
                        ),
                        re.compile(rf"\s*,?\s*{verb}{subjects}(?![\w'])"),
                    )
                )
            last = lang.get("verb_last") or {}
            if last.get("verbs") and last.get("subjects"):
                verb_last.append(
                    (
                        Leads.of(
                            Lead.of(
                                last["subjects"],
                                last["joins"],
                                articles=articles,
                                excluded=excluded,
                                max_gap=int(last["gap"]),
                            )
                        ),
                        re.compile(
                            rf"\s+{_alternation(last['verbs'])}(?![\w'])"
                            + (_CLAUSE_END if last.get("clause_end") else "")
                        ),
                    )
                )
            groups = lang.get("roles") or []
            for role in [groups] if isinstance(groups, Mapping) else groups:
                if not role.get("names"):
                    continue
                names = _alternation(role["names"])
                here = _alternation(role.get("after") or [])
                roles.append(
                    (
                        Leads.of(Lead.of(role["before"], optional_join=True, max_gap=2))
                        if role.get("before")
                        else None,
                        re.compile(rf"(?:-|\s+|\s*\(\s*){names}(?![\w'])"),
                        re.compile(rf"(?:-|\s+){names}\s*[,)]?\s*{here}(?![\w'])")
                        if here
                        else None,
                    )
                )
            standalone.extend((p, "standalone") for p in lang.get("standalone") or [])
        return cls(
            Leads.of(*ties),
            Leads.of(*product_ties),
            tuple(fronted),
            tuple(verb_last),
            tuple(roles),
            CueSet(standalone),
        )

    def discloses(self, post: Post) -> bool:
        """True when the post says, in so many words, that the author works there."""
        folded = post.folded
        if self.standalone.find(folded):
            return True
        text = folded.folded
        spans = {
            (m.start, m.end, m.value.category) for m in post.mentions("organisation", "product")
        }
        for start, end, category in sorted(spans):
            sentence = folded.sentence_of(start)
            before = _TOKEN_RE.findall(text, max(sentence.start, start - _BEFORE), start)
            if category == "product":
                if self.product_ties.matches(before):
                    return True
                continue
            after = text[end : min(sentence.end, end + _AFTER)]
            if self._around(before, after, possessive=text.endswith("'s", 0, end)):
                return True
        return False

    def _around(self, before: Sequence[str], after: str, *, possessive: bool) -> bool:
        if self.ties.matches(before):
            return True
        # "At Lumora, we…" opens its sentence: only a few tokens can stand before the name.
        if (
            not possessive
            and len(before) <= _FRONTED_TOKENS
            and any(rest.match(after) and lead.matches(before) for lead, rest in self.fronted)
        ):
            return True
        if any(rest.match(after) and lead.matches(before) for lead, rest in self.verb_last):
            return True
        for lead, role, here in self.roles:
            if role.match(after) and (
                (here is not None and here.match(after))
                or (lead is not None and lead.matches(before))
            ):
                return True
        return False


def _group(
    group: Mapping[str, Any],
    articles: frozenset[str],
    excluded: frozenset[str],
    compounds: frozenset[tuple[str, str]],
) -> Lead:
    """One group of ``ties`` from the data file as a :class:`Lead`.

    A group's own ``not_in_gap`` adds to the language's: "jag är [sjuksköterska] och jobbar på"
    is about the author, "jag känner en [som är läkare] och jobbar på" is not.
    """
    return Lead.of(
        group["phrases"],
        group.get("joins") or [],
        optional_join=bool(group.get("direct")),
        articles=articles,
        excluded=excluded | {fold(w) for w in group.get("not_in_gap") or []},
        compounds=compounds,
        min_gap=int(group.get("min_gap", 0)),
        max_gap=int(group.get("gap", 0)),
        sentence_start=bool(group.get("sentence_start")),
    )


def _by_last_word(phrases: Iterable[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Folded phrases as word tuples (split like posts are: "i'm" is one word), by last word."""
    table: dict[str, set[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(_TOKEN_RE.findall(fold(phrase)))
        if words:
            table.setdefault(words[-1], set()).add(words)
    return {last: tuple(found) for last, found in table.items()}


def _alternation(phrases: Iterable[str]) -> str:
    """Folded phrases as one group, longest first; the words of a phrase may be spaced freely."""
    forms = sorted({" ".join(fold(p).split()) for p in phrases if p.strip()}, key=len, reverse=True)
    if not forms:
        return ""
    return "(?:" + "|".join(r"\s+".join(re.escape(w) for w in f.split(" ")) for f in forms) + ")"


KIND = RuleKind(
    name="disclosure",
    settings=Settings,
    compile=compile,
    doc=__doc__ or "",
    default_severity="warn",
)
