"""Advice outside one's expertise, and statements on behalf of the organisation.

**What it catches.** Specific advice in a regulated domain from an author whose declared
expertise does not cover it: medical advice (changing, skipping or splitting a dose, how many
tablets of a medicine to take, when in the day or with which meal, combining medicines,
stopping or carrying on at will, someone else's medicine: "just take half the dose", "ta två
Alvedon", "kan tas med eller utan mat", "dan halveer je de dosis", "stop gewoon met je
pillen"), legal advice (what someone is entitled to or need not do, what a landlord or
employer owes, whether a clause, notice period or agreement holds: "you can withhold the
rent", "du har rätt att kräva", "je mag de huur opschorten", "don't sign", "teken niet") and
investment advice ("buy before February", "hold on to your shares", "sätt in pengarna där",
"koop nu aandelen"; a bare "buy now!" only in a post about shares or the organisation). And
statements made on behalf of the organisation ("speaking on behalf of the company", "på
Lumoras vägnar", "för Lumoras räkning", "namens het managementteam van Lumora"), including
official denials in a post about it ("Lumora has no plans to close the site", "det blir inga
uppsägningar", "de geruchten kloppen niet"), by anyone who is not a spokesperson. Declared
expertise maps to domains as data (medicine, pharmacy, general practice… cover medical
advice; law, "arbetsrätt", "huurrecht" cover legal advice; finance, investment, economics
cover investment advice). Spokespersons — by their profile or by a role listed under
``people.spokesperson_roles`` — are not checked. Not advice: pointing people to their doctor
or pharmacist, one's own routine ("I take two puffs a day"), what one's own doctor or lawyer
said ("my doctor told me to halve the dose"), and reports of what the organisation said
("Lumora says it has no plans…").

**Why.** People read an employee of a pharmaceutical or financial company as speaking with
its authority. Wrong dosing advice can hurt someone, a tip to buy the employer's shares can
be market abuse, and a statement "on behalf of" the organisation from the wrong person
cannot be taken back.

**Example.** A software engineer writes "if methotrexate makes you nauseous, just take half
the dose"; a warehouse coordinator writes "namens Lumora: het bericht klopt niet".

**Fix.** Share your own experience, not instructions, and point people to their doctor,
pharmacist, lawyer or financial adviser. For the organisation's position, link to its
official statement or ask the press office to respond.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from postwise.policy.model import RuleBase, RuleSettings
from postwise.rules import Detector, FixHint, Hit, RuleKind
from postwise.rules._patterns import (
    CuePatterns,
    PatternMatch,
    listed_role,
    names_with_products,
)
from postwise.text.data import load_data
from postwise.text.fold import fold

if TYPE_CHECKING:
    from postwise.engine.context import Author
    from postwise.engine.post import Post
    from postwise.policy.compiled import CompiledOrganisation

Domain = Literal["medical", "legal", "financial", "on_behalf"]
DOMAINS: tuple[Domain, ...] = ("medical", "legal", "financial", "on_behalf")
# Domains that a declared expertise can cover; speaking on behalf is for spokespersons only.
ADVICE: tuple[Domain, ...] = ("medical", "legal", "financial")
# Official denials ("Arvenor has no plans to close the site") are statements on behalf of the
# organisation, in a post about it; advice passed on from one's own doctor or lawyer is not
# one's own advice.
DENIAL = "denial"
ATTRIBUTED = "attributed"
# Bare tips ("buy now!", "köp nu") are investment advice only in a post about shares or markets
# or about the organisation.
TIPS = "tips"
ON_BEHALF: Domain = "on_behalf"
FINANCIAL: Domain = "financial"
_DOMAIN_OF = {DENIAL: ON_BEHALF, TIPS: FINANCIAL}
# Questions that tell rather than ask.
_TELLING = re.compile(r"(?:did you know|fun fact|wist je (?:dat|al)|visste du (?:att|om))\b")


class Settings(RuleSettings):
    domains: list[Domain] = Field(
        default_factory=lambda: list(DOMAINS), description="Which kinds of advice to look for."
    )
    spokesperson_roles: list[str] = Field(
        default_factory=list,
        description="More roles that may speak for the organisation (besides people's).",
    )
    expertise: dict[Literal["medical", "legal", "financial"], list[str]] = Field(
        default_factory=dict,
        description='More expertise words that cover a domain ("actuary*" → financial).',
    )
    cues: dict[Domain, list[str]] = Field(
        default_factory=dict, description="More cue patterns per domain, any language."
    )


def compile(rule: RuleBase, org: CompiledOrganisation) -> Detector:
    settings = rule.settings
    assert isinstance(settings, Settings)
    wanted = frozenset(settings.domains)
    # Denials and bare tips count only in some posts (see _counts).
    conditional = [g for d, g in ((ON_BEHALF, DENIAL), (FINANCIAL, TIPS)) if d in wanted]
    extra = {str(k): v for k, v in settings.cues.items()}
    names = names_with_products(org)
    cues = CuePatterns.load(
        "expertise", [*sorted(wanted), *conditional], org.languages, names, extra, ("cues", None)
    )
    # Without them, for the rare post where one that does not count hid an overlapping cue
    # ("nu kopen, later bedanken" in a post that is not about shares).
    plain = CuePatterns.load(
        "expertise", sorted(wanted), org.languages, names, extra, ("cues", None)
    )
    passed_on = CuePatterns.load("expertise", [ATTRIBUTED], org.languages)
    markets = CuePatterns.load("expertise", ["claims/market"], org.languages, names)
    coverage = _coverage(tuple(sorted((d, tuple(w)) for d, w in settings.expertise.items())))
    extra_roles = tuple(settings.spokesperson_roles)

    def detect(post: Post) -> Iterator[Hit]:
        author = post.context.author
        if author.spokesperson:
            return
        found = cues.find(post.folded)
        if not found:
            return
        if listed_role(author.role, (*post.policy.model.people.spokesperson_roles, *extra_roles)):
            return
        kept = [m for m in found if m.group not in _DOMAIN_OF or _counts(m, post, markets)]
        if len(kept) < len(found):
            conditional_kept = [m for m in kept if m.group in _DOMAIN_OF]
            kept = sorted([*plain.find(post.folded), *conditional_kept], key=lambda m: m.start)
        covered = _covered(author, coverage)
        reported: set[str] = set()
        attributions: list[PatternMatch] | None = None
        for match in kept:
            domain = _DOMAIN_OF.get(match.group, match.group)
            if domain in covered or domain in reported or _asked(match, post):
                continue
            if domain in ADVICE:
                if attributions is None:
                    attributions = passed_on.find(post.folded)
                if _passed_on(match, attributions, post):
                    continue
            reported.add(domain)
            fix = None
            if match.group == "on_behalf":
                fix = FixHint(match.start, match.end, "", "remove")
            yield Hit(match.start, match.end, domain, {}, fix, {"domain": domain})

    return detect


def _counts(match: PatternMatch, post: Post, markets: CuePatterns) -> bool:
    """Whether a denial or a bare tip counts in this post. A denial can be the organisation's
    only in a post that names it or by an author whose profile says where they work; "buy
    now!" is investment advice only in a post about the organisation, shares or markets."""
    if post.mentions("organisation"):
        return True
    if match.group == DENIAL:
        return post.context.author.profile_discloses_employer
    return bool(markets.find(post.folded))


def _asked(match: PatternMatch, post: Post) -> bool:
    """Whether the cue stands in a genuine question ("can you take ibuprofen with it?",
    "heb je dan recht op een vast contract?"): asked, not advised. "Did you know…?" tells."""
    sentence = post.folded.sentence_of(match.start)
    said = post.folded.folded[sentence.start : sentence.end + 1].rstrip().rstrip("!)\"'")
    return said.endswith("?") and not _TELLING.match(said)


def _passed_on(match: PatternMatch, attributions: list[PatternMatch], post: Post) -> bool:
    """Whether the advice repeats what the author's own doctor, lawyer or adviser said: an
    attribution earlier in the same sentence ("my doctor told me to halve the dose")."""
    if not attributions:
        return False
    sentence = post.folded.sentence_of(match.start)
    return any(sentence.start <= a.start < match.start for a in attributions)


def _covered(author: Author, coverage: Mapping[str, re.Pattern[str]]) -> set[str]:
    declared = " | ".join(fold(e) for e in author.expertise)
    return {domain for domain, pattern in coverage.items() if pattern.search(declared)}


@cache
def _coverage(extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Mapping[str, re.Pattern[str]]:
    """A regex per domain that finds a covering word in folded, joined expertise entries."""
    table: Mapping[str, list[str]] = load_data("lexicons", "expertise", "domains.yaml")
    more = dict(extra)
    patterns: dict[str, re.Pattern[str]] = {}
    for domain in ADVICE:
        words = [*table.get(domain, []), *more.get(domain, ())]
        alternatives = "|".join(
            (r"(?<=\w)" if w.startswith("*") else r"(?<!\w)")
            + r"\s+".join(re.escape(part) for part in fold(w).strip("*").split())
            + (r"\w*" if w.endswith("*") else "")
            for w in words
        )
        patterns[domain] = re.compile(rf"(?:{alternatives})(?!\w)")
    return patterns


KIND = RuleKind(
    name="expertise",
    settings=Settings,
    compile=compile,
    doc=__doc__ or "",
    default_severity="warn",
)
