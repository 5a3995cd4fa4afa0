"""Personal data: other people's contact details, ID, account and card numbers, and health.

**What it catches.** Someone else's e-mail address, also when written to fool harvesters
("karin.lund (at) gmail (dot) com", "pieter[at]kpnmail.nl", "sara(snabel-a)outlook.com");
a phone number in international (``+44 7700 900362``, ``0046 70…``, ``+31 (0)6 …``) or
national format for the organisation's regions, however it is spaced (``06-4172 9385``,
``070-123 45 67``, ``06/12345678``, ``(020) 123 4567``, ``07700 900123``); a national ID
number that passes its checksum (Swedish personnummer and samordningsnummer in every
common form, the Dutch BSN, and the other countries of the registry for the policy's
regions); an IBAN (mod-97) or a payment card number (Luhn, known issuer); and health
details about a named or identifiable person other than the author: conditions,
diagnoses, injuries, operations, treatments, hospital stays, pregnancy, mental health and
sick leave ("my colleague Mark Verhoeven, who started chemotherapy", "Vår kollega Linnea
Berg … cancern är tillbaka", "Pappa är inlagd med lunginflammation", "sterkte aan Ruud, die
na zijn burn-out …"). The organisation's public contacts and addresses at its own domains
are fine, and so are role mailboxes ("info@", "support@"), templates
("firstname.lastname@…") and example domains; numbers that fail their checksum, or that
are labelled as order, ticket, case, policy or customer numbers ("ärendenummer
260929-0043"), are not personal data; the author's own health ("I", "my leg") is the
author's to share, and a condition as a topic ("a talk on dementia", "people with
diabetes", "#diabetes") is nobody's. A policy may allow more addresses,
domains and numbers (``allow``), choose the data types (``kinds``) and add regions.

**Why.** Posting another person's contact details, ID or account numbers exposes them to
fraud and unwanted contact, and health details are among the most sensitive facts there are
(GDPR art. 9). Even with good intentions (a found wallet, a get-well wish) the person did not
choose to have this online, and the post may stay there for good.

**Example.** "Hittade ett körkort på perrongen: Johan Ek, 19860412-5388"; "Bel of app Sanne
de Wit, 06-4172 9385"; "Sending strength to my colleague Mark, who started chemotherapy".

**Fix.** Leave the number or address out (postwise offers to mask it) and point people to
a channel that does not expose anyone ("send me a DM", "hand it in at reception"). For
health news, ask the person first and share only what they want shared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from postwise.policy.model import RuleBase, RuleSettings
from postwise.rules import Detector, FixHint, Hit, RuleKind
from postwise.rules._personal.health import HealthFinder
from postwise.rules._personal.ids import for_regions
from postwise.rules._personal.numbers import Clues, NumberFinder
from postwise.rules._personal.people import People
from postwise.text.data import load_data
from postwise.text.fold import FoldedText, fold

if TYPE_CHECKING:
    from postwise.engine.post import Post
    from postwise.policy.compiled import CompiledOrganisation

DataType = Literal["email", "phone", "national_id", "iban", "card", "health"]
ALL_TYPES: tuple[DataType, ...] = ("email", "phone", "national_id", "iban", "card", "health")
MASK = "••••"
# A post with more than this much personal data is flagged enough; stop looking.
MAX_HITS = 50
# How far before an address or number "me"/"mig"/"mijn" makes it the author's own.
_OWN_REACH = 25

_EMAIL_RE = re.compile(
    r"(?<![\w.+\-@/])[\w.+\-]*\w@[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9\-]+)*\.[a-z]{2,}"
)
# Addresses written so that harvesters miss them: "name (at) domain (dot) se",
# "name[at]domain.nl", "name at domain dot com", "namn(snabel-a)telia.se",
# "naam (apenstaartje) ziggo.nl". Found from the "at" outwards (folded text): a bracketed
# "at" by one regular expression that starts with the bracket, a plain one by str.find.
_BRACKETED_AT_RE = re.compile(
    r"[(\[{<][ \t]*(?:at|a|@|snabel-?a|apenstaartje|at-teken)[ \t]*[)\]}>]"
)
_BARE_ATS = (" at ", " snabel-a ", " apenstaartje ")
_DOT = (
    r"(?:[ \t]*[(\[{<][ \t]*(?:dot|punkt|punt|\.)[ \t]*[)\]}>][ \t]*"
    r"|[ \t]+(?:dot|punkt|punt)[ \t]+|\.)"
)
_OBFUSCATED_DOT_RE = re.compile(_DOT)
_LABEL = r"[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?"
_OBFUSCATED_DOMAIN_RE = re.compile(
    rf"{_LABEL}(?:{_DOT}{_LABEL})*?{_DOT}[a-z]{{2,6}}(?![\w\-]|{_DOT}[a-z0-9])"
)
_OBFUSCATED_LOCAL_RE = re.compile(rf"(?<![\w.+\-@'’])[\w+\-]+(?:{_DOT}[\w+\-]+)*$")
# How far back from its "at" an obfuscated address may start.
_LOCAL_REACH = 64


class Settings(RuleSettings):
    kinds: list[DataType] = Field(
        default_factory=lambda: list(ALL_TYPES),
        description="Which personal data to look for: email, phone, national_id, iban, card, "
        "health.",
    )
    allow: list[str] = Field(
        default_factory=list,
        description="Addresses, domains (@example.org), phone or account numbers that may be "
        "posted, besides the organisation's public contacts.",
    )
    regions: list[str] = Field(
        default_factory=list,
        description="More countries (ISO codes) whose phone formats and national IDs count, "
        "besides organisation.regions.",
    )
    health_terms: list[str] = Field(
        default_factory=list, description="More words for health details (any language)."
    )


def compile(rule: RuleBase, org: CompiledOrganisation) -> Detector:
    settings = rule.settings
    assert isinstance(settings, Settings)
    kinds = frozenset(settings.kinds)
    regions = list(dict.fromkeys(r.upper() for r in [*org.model.regions, *settings.regions]))
    public = [*org.model.public_contacts, *settings.allow]
    emails = _EmailPolicy(public) if "email" in kinds else None
    numbers = NumberFinder(
        languages=org.languages,
        regions=regions,
        ids=for_regions(set(regions)),
        allowed_numbers=public,
        kinds=kinds,
    )
    wants_numbers = bool(kinds & {"phone", "national_id", "iban", "card"})
    people = People(org.languages)
    health = HealthFinder(org.languages, settings.health_terms) if "health" in kinds else None

    def detect(post: Post) -> Iterator[Hit]:
        folded = post.folded
        text = folded.folded
        who = people.of(folded, lambda: [(m.start, m.end) for m in post.entities])

        def authors_own(start: int) -> bool:
            # "Mail me at …", "ring mig på …", "mijn nummer is …": the author's own details.
            return who.nearest_before(start, _OWN_REACH) == "first"

        hits = 0
        if emails is not None:
            for start, end in emails.find(folded):
                if hits >= MAX_HITS:
                    return
                if not authors_own(start):
                    yield Hit(start, end, "email", fix=FixHint(start, end, MASK, "mask"))
                    hits += 1
        if wants_numbers and NumberFinder.may_hold(text):
            clues = Clues(who.has_name, who.sentences.of, lambda: post.language)
            for found in numbers.find(folded, clues):
                if hits >= MAX_HITS:
                    return
                if found.what == "phone" and authors_own(found.start):
                    continue
                fix = FixHint(found.start, found.end, MASK, "mask")
                yield Hit(found.start, found.end, found.what, found.params, fix)
                hits += 1
        if health is not None and hits < MAX_HITS:
            terms = health.terms(folded)
            if terms:
                for term in health.about_others(terms, who):
                    yield Hit(term.start, term.end, "health")
                    hits += 1
                    if hits >= MAX_HITS:
                        return

    return detect


class _EmailPolicy:
    """Which e-mail addresses in a post are someone's personal address."""

    def __init__(self, public: list[str]) -> None:
        data: dict[str, Any] = load_data("lexicons", "personal_data", "email.yaml")
        self._roles = frozenset(str(r).lower() for r in data["roles"])
        self._placeholders = frozenset(fold(str(p)) for p in data["placeholder_locals"])
        self._addresses: set[str] = set()
        domains = {str(d).lower() for d in data["domains"]}
        for entry in public:
            value = entry.strip().lower()
            if "@" in value[1:]:
                self._addresses.add(value)
                domains.add(value.rsplit("@", 1)[1])  # the organisation's own domain
            elif value.startswith("@") and "." in value:
                domains.add(value[1:])
            elif "." in value and not any(c.isdigit() for c in value.replace(".", "")):
                domains.add(value)
        self._domains = tuple(sorted(domains))
        self._providers = frozenset(str(d).lower() for d in data["providers"])

    def find(self, text: FoldedText) -> Iterator[tuple[int, int]]:
        folded = text.folded
        if "@" in folded:
            for m in _EMAIL_RE.finditer(folded):
                # "postgres://app:S3cr3t@db.internal": a password in a link, not an address.
                token_start = max(folded.rfind(" ", 0, m.start()), folded.rfind("\n", 0, m.start()))
                if "://" in folded[token_start + 1 : m.start()]:
                    continue
                if self._personal(m.group()):
                    yield m.span()
        ats = [(m.start(), m.end(), False) for m in _BRACKETED_AT_RE.finditer(folded)]
        for word in _BARE_ATS:
            at = folded.find(word)
            while at >= 0:
                ats.append((at, at + len(word), True))
                at = folded.find(word, at + 1)
        for at_start, at_end, bare in ats:
            found = self._obfuscated(text, at_start, at_end, bare=bare)
            if found is not None:
                yield found

    def _obfuscated(
        self, text: FoldedText, at_start: int, at_end: int, *, bare: bool
    ) -> tuple[int, int] | None:
        folded = text.folded
        while at_end < len(folded) and folded[at_end] in " \t":
            at_end += 1
        domain = _OBFUSCATED_DOMAIN_RE.match(folded, at_end)
        if domain is None:
            return None
        local_end = at_start
        while local_end > 0 and folded[local_end - 1] in " \t":
            local_end -= 1
        local = _OBFUSCATED_LOCAL_RE.search(folded, max(0, local_end - _LOCAL_REACH), local_end)
        if local is None:
            return None
        start, end = local.start(), domain.end()
        local_part = _OBFUSCATED_DOT_RE.sub(".", local.group())
        domain_part = _OBFUSCATED_DOT_RE.sub(".", domain.group())
        if bare:
            # A plain " at " is mostly just "at": it makes an address only when the writer
            # clearly meant one (AT in capitals, a local part like "anna.berg" or "tom dot
            # baker", or a mail provider's domain).
            meant = (
                text.excerpt(at_start, at_end).strip().isupper()
                or local_part != local.group()
                or any(c in local_part for c in "._-+")
                or any(c.isdigit() for c in local_part)
                or domain_part.split(".", 1)[0] in self._providers
            )
            if not meant:
                return None
        if not self._personal(f"{local_part}@{domain_part}"):
            return None
        return start, end

    def _personal(self, address: str) -> bool:
        local, _, domain = address.rpartition("@")
        if address in self._addresses or self._own_domain(domain):
            return False
        if local in self._placeholders:
            return False  # "firstname.lastname@…": a template, not anybody's address
        return not (local in self._roles or local.split("+")[0] in self._roles)

    def _own_domain(self, domain: str) -> bool:
        return any(domain == d or domain.endswith("." + d) for d in self._domains)


KIND = RuleKind(
    name="personal_data",
    settings=Settings,
    compile=compile,
    doc=__doc__ or "",
    default_severity="block",
)
