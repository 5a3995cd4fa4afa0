"""Promotion of prescription medicines to the public.

**What it catches.** Promotional or efficacy language about one of the organisation's
prescription products: praise ("works wonders", "a real game changer", "gör enorm skillnad",
"fungerar verkligen", "werkt wonderen", "geeft weer lucht"), calls to action addressed to
patients ("ask your GP about switching", "ask your cardiologist if it suits you", "fråga din
läkare om", "vraag je huisarts ernaar"), efficacy figures ("61% of patients … versus 38% on
placebo", "down from ten attacks a month to two"), testimonials of improvement ("I got my
evenings back", "fått livet tillbaka", "mijn leven terug"; a symptom that went away or
lessened, read as the ``adverse_event`` kind reads harms: "the rash cleared in days",
"färre anfall", "de hoofdpijn is weg"), targets reached and conditions kept in range
("reach their HbA1c goals", "når sina mål", "bloeddruk onder controle"), promised protection
("prevents fractures for good", "voorkomt gegarandeerd…") and the claims of
the ``claims`` kind (guarantees, "100% safe", "beats every competitor") when they are about
such a product. Language near a product that needs no prescription, regulatory news ("the
CHMP adopted a positive opinion"), changes that are not patients' ("the team grew from 3 to
12") and sentences about sales, orders or a quarter are not promotion.

**Why.** In the EU, and in most countries outside the US, advertising prescription medicines
to the general public is against the law (directive 2001/83/EC, article 88), and an
employee's enthusiastic post counts as the company's promotion. Only balanced, approved
information may reach patients, through their doctor.

**Example.** "Zentrava works wonders for people living with RA 💪 #Zentrava"

**Fix.** Share your pride in the work, not claims about the medicine: link to the approved
press release, or say what the team did. Leave efficacy, comparisons and "ask your doctor"
out.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from pydantic import Field

from postwise.policy.model import RuleBase, RuleSettings
from postwise.rules import Detector, FixHint, Hit, RuleKind
from postwise.rules._patterns import CuePatterns, PatternMatch, names_of, nearest
from postwise.rules.adverse_event import Status, harm_reader

if TYPE_CHECKING:
    from postwise.engine.post import Post
    from postwise.policy.compiled import CompiledOrganisation

# The claims lexicons that are promotion too when they are about a prescription product.
CLAIMS = ("guarantee", "risk", "superiority")


class Settings(RuleSettings):
    cues: list[str] = Field(
        default_factory=list, description="More promotional cue patterns, any language."
    )
    with_claims: bool = Field(
        True, description="Also count guarantees, absolutes and superiority claims."
    )


def compile(rule: RuleBase, org: CompiledOrganisation) -> Detector:
    settings = rule.settings
    assert isinstance(settings, Settings)
    groups = ["promotion", *(f"claims/{g}" for g in CLAIMS if settings.with_claims)]
    cues = CuePatterns.load(
        "promotion",
        groups,
        org.languages,
        # the claims lexicons may name any product of the organisation too ("{product}")
        {**names_of(org), "product": [n for p in org.model.products for n in (p.name, *p.aliases)]},
        {"promotion": settings.cues},
    )
    business = CuePatterns.load("promotion", ["business"], org.languages)
    reader = harm_reader(org)

    def detect(post: Post) -> Iterator[Hit]:
        products = post.mentions("product")
        if not any(p.value.prescription for p in products):
            return
        figures: list[PatternMatch] | None = None
        for match in cues.find(post.folded):
            product = nearest(match.start, match.end, products).value
            if not product.prescription:
                continue
            if reader.change(post.folded.folded[match.start : match.end]) is False:
                continue  # a team or a budget that grew "from 3 to 12", not patients' days
            if figures is None:
                figures = business.find(post.folded)
            sentence = post.folded.sentence_of(match.start)
            if any(sentence.start <= f.start < sentence.end for f in figures):
                continue  # about sales or a quarter, not about the medicine
            yield _hit(match.start, match.end, product.name, match.group in CLAIMS)
            return  # one finding per post: the whole post needs rethinking, not one phrase
        rivals: list[Any] | None = None
        for reading in reader.read(post):
            if reading.status is not Status.RELIEVED:
                continue
            if rivals is None:
                rivals = post.mentions("competitor")
            # whose effect it is: a product named in the same clause, else the nearest
            lo, hi = reader.clause(post.folded.folded, reading.start, reading.end)
            named = [*products, *rivals]
            near = [m for m in named if lo <= m.start < hi] or named
            closest = nearest(reading.start, reading.end, near).value
            if closest.category != "product" or not closest.prescription:
                continue
            yield _hit(reading.start, reading.end, closest.name, False)
            return

    return detect


def _hit(start: int, end: int, product: str, claim: bool) -> Hit:
    return Hit(
        start,
        end,
        "claim" if claim else "promotion",
        {"product": product},
        FixHint(start, end, "", "remove"),
        {"product": product},
    )


KIND = RuleKind(
    name="promotion",
    settings=Settings,
    compile=compile,
    doc=__doc__ or "",
    default_severity="block",
)
