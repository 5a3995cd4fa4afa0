"""Promotion of prescription medicines to the public.

**What it catches.** Promotional or efficacy language about one of the organisation's
prescription products: praise ("works wonders", "a real game changer", "gör enorm skillnad",
"fungerar verkligen", "werkt wonderen", "geeft weer lucht"), calls to action addressed to
patients ("ask your GP about switching", "fråga din läkare om", "vraag je huisarts naar
Respiqo"), efficacy figures ("61% of patients … versus 38% on placebo") and the claims of
the ``claims`` kind (guarantees, "100% safe", "beats every competitor") when they are about
such a product. Language near a product that needs no prescription, or regulatory news
("the CHMP adopted a positive opinion"), is not promotion.

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
from typing import TYPE_CHECKING

from pydantic import Field

from postwise.policy.model import RuleBase, RuleSettings
from postwise.rules import Detector, FixHint, Hit, RuleKind
from postwise.rules._patterns import CuePatterns, names_of, nearest

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
        names_of(org),
        {"promotion": settings.cues},
    )

    def detect(post: Post) -> Iterator[Hit]:
        products = post.mentions("product")
        if not any(p.value.prescription for p in products):
            return
        for match in cues.find(post.folded):
            product = nearest(match.start, match.end, products).value
            if not product.prescription:
                continue
            yield Hit(
                match.start,
                match.end,
                "claim" if match.group in CLAIMS else "promotion",
                {"product": product.name},
                FixHint(match.start, match.end, "", "remove"),
                {"product": product.name},
            )
            return  # one finding per post: the whole post needs rethinking, not one phrase

    return detect


KIND = RuleKind(
    name="promotion",
    settings=Settings,
    compile=compile,
    doc=__doc__ or "",
    default_severity="block",
)
