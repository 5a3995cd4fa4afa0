"""Undisclosed ties: naming the employer, its products or competitors without saying so.

**What it catches.** A post that names the organisation (name, alias, handle, hashtag), one
of its products or a competitor, and does not say in the post itself that the author works
there. A disclosure is one of the organisation's disclosure tags (``#LumoraEmployee``) or a
statement in the author's words, in English, Swedish or Dutch: "I work at Lumora", "my team
at Lumora", "as a nurse advisor at Lumora", "(yes, I work there)", "jag jobbar själv på
Lumora", "som CFO på Lumora", "oss på Lumora", "ik werk bij Lumora", "als medewerker van
Lumora", "ik werk er zelf". When the author's profile names the employer, a plain mention
of the organisation or its products is covered by that; praise of a product ("my favourite
app", "give it a go", "works wonders") and a comparison with a competitor are not.

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
from postwise.rules._cues import CueSet
from postwise.text.data import load_data
from postwise.text.fold import Span, fold
from postwise.text.matcher import Match, term_parts

if TYPE_CHECKING:
    from postwise.engine.post import Post
    from postwise.policy.compiled import CompiledOrganisation, Entity

# How far before and after a name an affiliation statement is looked for (folded characters).
_BEFORE = 160
_AFTER = 80
# Endorsing words count in the product's sentence and this many sentences after it.
_ENDORSE_REACH = 2
# Evaluative words ("amazing", "better") count only this close to the product's name, in its
# sentence: "Great day presenting CareLoop" praises the day.
_PRAISE_REACH = 30
_WORD = r"[^\W_][\w'-]*"
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
    signals = CueSet.from_lexicon(
        load_data("lexicons", "disclosure", "endorsement.yaml"), org.languages
    )
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
            found = _beyond_plain(post, named, signals)
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
    post: Post, named: Sequence[Match[Entity]], signals: CueSet
) -> tuple[Match[Entity], str] | None:
    """With the employer in the profile: the mention that needs more, and why (or ``None``)."""
    products = [m for m in named if m.value.category == "product"]
    competitors = [m for m in named if m.value.category == "competitor"]
    if not products and not competitors:
        return None
    cues = signals.find(post.folded)
    if not cues:
        return None
    where = _sentence_index(post.folded.sentences)
    own_sentences = {where(m.start) for m in named if m.value.category != "competitor"}
    for competitor in competitors:
        at = where(competitor.start)
        if at in own_sentences and any(c.category == "compare" for c in cues):
            return competitor, "comparison"
        if any(where(c.start) == at and c.category != "endorse" for c in cues):
            return competitor, "comparison"
    for product in products:
        at = where(product.start)
        for cue in cues:
            distance = where(cue.start) - at
            if cue.category == "endorse" and 0 <= distance <= _ENDORSE_REACH:
                return product, "endorsement"
            near = max(cue.start - product.end, product.start - cue.end) <= _PRAISE_REACH
            if cue.category in ("praise", "compare") and distance == 0 and near:
                return product, "endorsement"
    return None


def _sentence_index(sentences: Sequence[Span]) -> Callable[[int], int]:
    """A function from a folded offset to the number of the sentence it is in."""
    starts = [s.start for s in sentences]
    return lambda offset: bisect_right(starts, offset) - 1


@dataclass(frozen=True)
class Affiliation:
    """Affiliation statements of every language, compiled to a few anchored patterns.

    Each pattern is matched against the text just before (``*_before``, anchored at its end)
    or just after (``*_after``, anchored at its start) one mention of the organisation, inside
    its sentence; ``standalone`` statements ("I work there") count anywhere in the post.
    """

    ties: re.Pattern[str] | None
    fronted_before: re.Pattern[str] | None
    fronted_after: re.Pattern[str] | None
    verb_last_before: re.Pattern[str] | None
    verb_last_after: re.Pattern[str] | None
    role_before: re.Pattern[str] | None
    role_after: re.Pattern[str] | None
    role_here: re.Pattern[str] | None
    standalone: CueSet

    @classmethod
    def build(
        cls, data: Mapping[str, Any], languages: Iterable[str], extra: Iterable[str] = ()
    ) -> Affiliation:
        langs = [data[lang] for lang in languages if lang in data]
        ties: list[str] = []
        fronted_before: list[str] = []
        fronted_after: list[str] = []
        verb_last_before: list[str] = []
        verb_last_after: list[str] = []
        role_before: list[str] = []
        role_after: list[str] = []
        role_here: list[str] = []
        standalone: list[tuple[str, str]] = [(p, "standalone") for p in extra]
        for lang in langs:
            articles = _alternation(lang.get("articles") or [])
            article = rf"(?:\s+{articles})?" if articles else ""
            gap_word = _gap_word(lang.get("not_in_gap") or [])
            for group in lang.get("ties") or []:
                joins = _alternation(group["joins"])
                join = rf"(?:\s+{joins})?" if group.get("direct") else rf"\s+{joins}"
                low, high = int(group.get("min_gap", 0)), int(group["gap"])
                opening = r"\A\W*" if group.get("sentence_start") else r"(?<![\w'-])"
                ties.append(
                    rf"{opening}{_alternation(group['phrases'])}{gap_word}{{{low},{high}}}"
                    rf"{join}{article}"
                )
            fronted = lang.get("fronted") or {}
            if fronted.get("joins"):
                fronted_before.append(rf"\W*{_alternation(fronted['joins'])}{article}")
                verb = rf"(?:{_WORD}\s+)?" if fronted.get("verb_slot") else ""
                fronted_after.append(rf"\s*,?\s*{verb}{_alternation(fronted['subjects'])}")
            verb_last = lang.get("verb_last") or {}
            if verb_last.get("verbs"):
                verb_last_before.append(
                    rf"(?<![\w'-]){_alternation(verb_last['subjects'])}"
                    rf"{gap_word}{{0,{int(verb_last['gap'])}}}"
                    rf"\s+{_alternation(verb_last['joins'])}{article}"
                )
                verb_last_after.append(rf"\s+{_alternation(verb_last['verbs'])}")
            roles = lang.get("roles") or {}
            if roles.get("names"):
                names = _alternation(roles["names"])
                role_after.append(rf"(?:-|\s+|\s*\(\s*){names}")
                if roles.get("before"):
                    role_before.append(
                        rf"(?<![\w'-]){_alternation(roles['before'])}(?:\s+{_WORD}){{0,2}}"
                    )
                if roles.get("after"):
                    role_here.append(rf"(?:-|\s+){names}\s*[,)]?\s*{_alternation(roles['after'])}")
            standalone.extend((p, "standalone") for p in lang.get("standalone") or [])
        return cls(
            ties=_before(ties),
            fronted_before=_compile(fronted_before, r"\A(?:{})\s*[#@]?\Z"),
            fronted_after=_compile(fronted_after, r"(?:{})(?![\w'])"),
            verb_last_before=_before(verb_last_before),
            verb_last_after=_compile(verb_last_after, r"(?:{})(?![\w'])"),
            role_before=_before(role_before),
            role_after=_compile(role_after, r"(?:{})(?![\w'])"),
            role_here=_compile(role_here, r"(?:{})(?![\w'])"),
            standalone=CueSet(standalone),
        )

    def discloses(self, post: Post) -> bool:
        """True when the post says, in so many words, that the author works there."""
        folded = post.folded
        if self.standalone.find(folded):
            return True
        text = folded.folded
        for mention in post.mentions("organisation"):
            sentence = folded.sentence_of(mention.start)
            before = text[max(sentence.start, mention.start - _BEFORE) : mention.start]
            after = text[mention.end : min(sentence.end, mention.end + _AFTER)]
            if self._around(before, after, possessive=text.endswith("'s", 0, mention.end)):
                return True
        return False

    def _around(self, before: str, after: str, *, possessive: bool) -> bool:
        if self.ties is not None and self.ties.search(before):
            return True
        if (
            not possessive
            and self.fronted_before is not None
            and self.fronted_after is not None
            and self.fronted_before.match(before)
            and self.fronted_after.match(after)
        ):
            return True
        if (
            self.verb_last_before is not None
            and self.verb_last_after is not None
            and self.verb_last_after.match(after)
            and self.verb_last_before.search(before)
        ):
            return True
        if self.role_after is not None and self.role_after.match(after):
            if self.role_here is not None and self.role_here.match(after):
                return True
            if self.role_before is not None and self.role_before.search(before):
                return True
        return False


def _alternation(phrases: Iterable[str]) -> str:
    """Folded phrases as one group, longest first; the words of a phrase may be spaced freely."""
    forms = sorted({" ".join(fold(p).split()) for p in phrases if p.strip()}, key=len, reverse=True)
    if not forms:
        return ""
    return "(?:" + "|".join(r"\s+".join(re.escape(w) for w in f.split(" ")) for f in forms) + ")"


def _gap_word(excluded: Iterable[str]) -> str:
    words = _alternation(excluded)
    guard = rf"(?!{words}(?![\w'-]))" if words else ""
    return rf"(?:\s+{guard}{_WORD})"


def _compile(parts: list[str], shape: str) -> re.Pattern[str] | None:
    if not parts:
        return None
    return re.compile(shape.format("|".join(parts)))


def _before(parts: list[str]) -> re.Pattern[str] | None:
    """A pattern that must end where the organisation's name begins (a ``#`` or ``@`` may lead)."""
    return _compile(parts, r"(?:{})\s*[#@]?\Z")


KIND = RuleKind(
    name="disclosure",
    settings=Settings,
    compile=compile,
    doc=__doc__ or "",
    default_severity="warn",
)
