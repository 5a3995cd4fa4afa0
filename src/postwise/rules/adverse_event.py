"""Adverse events: a person's harm or side effect linked to one of the organisation's products.

**What it catches.** A post that names one of the organisation's products and, in the same
post, a harm, side effect or complaint: the author's own or someone else's ("bad headaches
and dizzy spells since starting Zentrava", "hjärtklappning varje kväll sedan jag började med
Respiqo", "last van tintelende handen", "my heart races after every puff"). Symptoms come from
a lexicon per language, with endings and compounds. A harm that is denied, relieved or only
possible ("no side effects", "färre biverkningar", "helpt tegen misselijkheid", "can cause
headaches") is not one; neither is a harm closer to a competitor's product than to ours, nor
information about a medicine that speaks of no person ("the label lists headache"). The
finding tells the author how to report it to drug safety within 24 hours (the
organisation's public contact with "safety" in it, or the address in the rule's settings)
and carries ``route: drug_safety`` and the deadline for the workflow.

**Why.** A marketing authorisation holder must collect and assess every suspected adverse
reaction it learns of, also on social media, and an employee who reads about one has to pass
it on quickly (EU good pharmacovigilance practice, module VI). The post itself should not
become the report: the person's health details do not belong in public.

**Example.** "Week 3 on Respiqo and my heart races for about an hour after every puff. Anyone
else had this?"

**Fix.** Report it to drug safety within 24 hours (also when you are not sure it is related),
encourage the person to talk to their doctor, and leave the details out of the public post.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from pydantic import Field

from postwise.policy.model import RuleBase, RuleSettings
from postwise.rules import Detector, Hit, RuleKind
from postwise.rules._patterns import CuePatterns, nearest
from postwise.text.data import load_data
from postwise.text.fold import fold
from postwise.text.phrases import PhraseSet

if TYPE_CHECKING:
    from postwise.engine.post import Post
    from postwise.policy.compiled import CompiledOrganisation

ROUTE = "drug_safety"
# Words before a harm that may deny or relieve it (how far back negation reaches).
NEGATION_WINDOW = 3
_WORDS = re.compile(r"[\w']+")
_SENTENCE_END = re.compile(r"[.!?]")


class Settings(RuleSettings):
    contact: str | None = Field(
        None,
        description="Where to report (address, phone or link); by default the organisation's "
        "public contact with 'safety' in it.",
    )
    deadline_hours: int = Field(24, ge=1, le=24 * 15, description="Report within this time.")
    symptoms: list[str] = Field(
        default_factory=list, description="More harms or side effects to look for, any language."
    )


def compile(rule: RuleBase, org: CompiledOrganisation) -> Detector:
    settings = rule.settings
    assert isinstance(settings, Settings)
    lexicon = load_data("lexicons", "adverse_event", "symptoms.yaml")
    symptoms = CuePatterns.load(
        "adverse_event",
        ["symptoms"],
        org.languages,
        extra={"symptoms": settings.symptoms},
        extra_at=("symptoms",),
    )
    negators = frozenset(
        fold(w) for lang in org.languages for w in (lexicon.get("negators") or {}).get(lang, [])
    )
    persons = PhraseSet.from_data(
        "lexicons", "adverse_event", "persons.yaml", languages=org.languages
    )
    information = PhraseSet.from_data(
        "lexicons", "adverse_event", "information.yaml", languages=org.languages
    )
    contact = settings.contact or _safety_contact(org.model.public_contacts)
    detail = "report" if contact else "report_generic"
    hours = settings.deadline_hours

    def detect(post: Post) -> Iterator[Hit]:
        products = post.mentions("product")
        if not products:
            return
        harms = symptoms.find(post.folded)
        if not harms:
            return
        if information.any(post.folded) and not persons.any(post.folded):
            return  # the label or trial data, not someone's experience
        rivals = post.mentions("competitor")
        folded = post.folded.folded
        for harm in harms:
            if _negated(folded, harm.start, negators):
                continue
            closest = nearest(harm.start, harm.end, [*products, *rivals])
            if closest.value.category != "product":
                continue
            product = closest.value.name
            yield Hit(
                harm.start,
                harm.end,
                detail,
                {"product": product, "contact": contact or "", "hours": str(hours)},
                None,
                {"route": ROUTE, "deadline_hours": hours, "product": product},
            )
            return  # one report per post: the reporter tells drug safety the whole story

    return detect


def _safety_contact(contacts: Sequence[str]) -> str | None:
    for contact in contacts:
        lowered = contact.lower()
        if "safety" in lowered or "vigilan" in lowered:
            return contact
    return None


def _negated(folded: str, start: int, negators: frozenset[str]) -> bool:
    before = folded[max(0, start - 60) : start]
    clause = _SENTENCE_END.split(before)[-1]
    return any(w in negators for w in _WORDS.findall(clause)[-NEGATION_WINDOW:])


KIND = RuleKind(
    name="adverse_event",
    settings=Settings,
    compile=compile,
    doc=__doc__ or "",
    default_severity="block",
)
