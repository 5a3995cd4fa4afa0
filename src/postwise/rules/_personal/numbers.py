"""Numbers that identify a person: bank accounts (IBAN), payment cards, national IDs, phones.

Every candidate must pass its own check before it counts: an IBAN its country format and
mod-97 (python-stdnum), a card number the Luhn check with a known issuer prefix and length,
a national ID its checksum and structure (:mod:`.ids`), a phone number phonenumbers' rules for
the policy's regions (a number written with ``+`` or ``00`` and a country code needs to be a
possible number, a national one must start with the trunk prefix and be valid). A number
labelled as something else ("ordernummer", "ärendenummer", "ticket") is never personal. The
finder runs only when the post has a run of digits long enough to be any of them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from typing import Any

import phonenumbers
from stdnum import iban, luhn

from postwise.rules._personal.ids import NationalId
from postwise.rules._personal.spans import SpanSet
from postwise.text.data import load_data
from postwise.text.fold import FoldedText, Span
from postwise.text.phrases import PhraseSet

# Pre-check: seven digits with at most one separator between any two.
_DIGIT_RUN_RE = re.compile(r"\d(?:[ \-./()+]?\d){6}")
_IBAN_RE = re.compile(r"(?<![a-z0-9])[a-z]{2}\d{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,3})?")
_CARD_RE = re.compile(r"(?<![\d.,/-])\d(?:[ -]?\d){11,18}(?!\d|[-.,]\d)")
_PHONE_RE = re.compile(
    r"(?<![\w+/=.,:-])(?:\+|00)?\(?\d[\d \-().\u2010\u2011/]{5,22}\d(?!\w|[-.,/]\d)"
)
_DATE_RE = re.compile(r"^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$")
_TIME_RANGE_RE = re.compile(r"^\d{1,2}[.:]\d\d ?- ?\d{1,2}[.:]\d\d$")
_PHONE_START_RE = re.compile(r"(?<= )(?:\+|\(?0)")
_NON_DIGITS_RE = re.compile(r"\D")
# Candidates of one type examined per post: no real post has more, and each costs a
# validation (a 100,000-character paste of numbers must not take seconds).
_MAX_CANDIDATES = 200
# How far before a number a label ("ordernummer", "BSN") may stand.
_LABEL_REACH = 30


@dataclass(frozen=True)
class NumberHit:
    """A personal number in folded offsets; ``what`` is iban, card, national_id or phone."""

    start: int
    end: int
    what: str
    params: dict[str, str] = field(default_factory=dict)


@cache
def _service_numbers(region: str) -> re.Pattern[str] | None:
    """The national numbers of a service rather than a person in ``region`` (free phone,
    premium rate, shared cost, one number for a whole organisation), from phonenumbers'
    metadata: one pattern, so a found number costs one match instead of a full
    ``number_type`` lookup."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if meta is None:
        return None
    descs = (meta.toll_free, meta.premium_rate, meta.shared_cost, meta.uan)
    patterns = [d.national_number_pattern for d in descs if d and d.national_number_pattern]
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


@dataclass(frozen=True)
class _Trunk:
    """A region whose national numbers start with a plain trunk prefix ("0" in Sweden, the
    Netherlands, the UK): such a number is read without the cost of ``phonenumbers.parse``."""

    region: str
    prefix: str
    country_code: int
    simple: bool  # dropping the prefix is all that parsing does


@dataclass(frozen=True)
class Clues:
    """What the number finder may ask about the post, computed only when asked."""

    has_name: Callable[[int, int], bool]  # is a person named in this folded range?
    sentence: Callable[[int], Span]  # the sentence around an offset
    language: Callable[[], str]  # the post's language


@dataclass(frozen=True)
class _Scheme:
    name: str
    ranges: tuple[tuple[str, str], ...]
    lengths: frozenset[int]

    def issues(self, digits: str) -> bool:
        if len(digits) not in self.lengths:
            return False
        return any(lo <= digits[: len(lo)] <= hi for lo, hi in self.ranges)


def _schemes() -> tuple[_Scheme, ...]:
    data: dict[str, Any] = load_data("lexicons", "personal_data", "cards.yaml")
    schemes = []
    for name, spec in data.items():
        ranges = []
        for prefix in spec["prefixes"]:
            lo, _, hi = str(prefix).partition("-")
            ranges.append((lo, hi or lo))
        schemes.append(_Scheme(name, tuple(ranges), frozenset(int(n) for n in spec["lengths"])))
    return tuple(schemes)


class NumberFinder:
    def __init__(
        self,
        *,
        languages: Iterable[str],
        regions: Iterable[str],
        ids: tuple[NationalId, ...],
        allowed_numbers: Iterable[str],
        kinds: frozenset[str],
    ) -> None:
        data: dict[str, Any] = load_data("lexicons", "personal_data", "numbers.yaml")
        langs = tuple(languages)
        self._not_personal = PhraseSet(data["not_personal"], langs)
        self._id_cues = PhraseSet(data["id_cues"], langs)
        self._regions = tuple(r.upper() for r in regions)
        self._trunks = tuple(
            _Trunk(
                region,
                meta.national_prefix,
                int(meta.country_code or 0),
                meta.national_prefix_transform_rule is None
                and re.fullmatch(
                    rf"(?:{meta.national_prefix_for_parsing or meta.national_prefix})",
                    meta.national_prefix,
                )
                is not None,
            )
            for region in self._regions
            if (meta := phonenumbers.PhoneMetadata.metadata_for_region(region)) is not None
            and meta.national_prefix
        )
        # Numbers set aside for films and fiction (Ofcom's 07700 900xxx): in a post they
        # stand for somebody's real number, though phonenumbers calls them invalid.
        self._fiction = tuple(str(prefix) for prefix in data.get("fiction_ranges", []))
        self._ids = ids
        self._language_regions: dict[str, tuple[str, ...]] = {
            lang: tuple(regions) for lang, regions in data["language_regions"].items()
        }
        self._schemes = _schemes()
        self._kinds = kinds
        self._allowed = frozenset(
            n for raw in allowed_numbers if (n := self._normalise(raw)) is not None
        )

    @staticmethod
    def may_hold(folded: str) -> bool:
        return _DIGIT_RUN_RE.search(folded) is not None

    def find(self, text: FoldedText, clues: Clues) -> Iterator[NumberHit]:
        """Every personal number in the post."""
        folded = text.folded
        label_ends = sorted(m.end for m in self._not_personal.find(text))
        taken = SpanSet()

        def free(start: int, end: int) -> bool:
            return not taken.overlaps(start, end)

        def labelled(start: int) -> bool:
            # A label ("ordernummer") ends at most _LABEL_REACH characters before the number.
            i = bisect.bisect_right(label_ends, start)
            return i > 0 and label_ends[i - 1] >= start - _LABEL_REACH

        for m in islice(_IBAN_RE.finditer(folded), _MAX_CANDIDATES):
            span = self._iban(folded, m.start(), m.end())
            if span is not None and free(*span):
                taken.add(*span)
                if "iban" in self._kinds:
                    yield NumberHit(span[0], span[1], "iban")
            elif sum(c.isdigit() for c in m.group()) >= 10 and free(*m.span()):
                # Shaped like an account number but not a valid one: nothing in it is a phone.
                taken.add(*m.span())
        if "card" in self._kinds:
            for m in islice(_CARD_RE.finditer(folded), _MAX_CANDIDATES):
                digits = re.sub(r"\D", "", m.group())
                if free(m.start(), m.end()) and self._is_card(digits):
                    taken.add(*m.span())
                    yield NumberHit(m.start(), m.end(), "card")
        if "national_id" in self._kinds and self._ids:
            cues: SpanSet | None = None
            for entry in self._ids:
                for m in islice(entry.regex.finditer(folded), _MAX_CANDIDATES):
                    start, end = m.span()
                    if not free(start, end) or labelled(start):
                        continue
                    if entry.needs_cue:
                        sentence = clues.sentence(start)
                        if cues is None:
                            cues = SpanSet((c.start, c.end) for c in self._id_cues.find(text))
                        cued = cues.any_within(sentence.start, end)
                        if not cued and not clues.has_name(sentence.start, sentence.end):
                            continue
                    name = entry.validate(m.group())
                    if name is None:
                        continue
                    if m.group().isdigit() and self._phone_span(folded, start, end, clues):
                        continue  # written like a phone number and valid as one: a phone
                    taken.add(start, end)
                    yield NumberHit(start, end, "national_id", {"id_name": name})
        if "phone" in self._kinds:
            for m in islice(_PHONE_RE.finditer(folded), _MAX_CANDIDATES):
                if not free(m.start(), m.end()) or labelled(m.start()):
                    continue
                span = self._phone_span(folded, m.start(), m.end(), clues)
                if span is not None and free(*span) and not labelled(span[0]):
                    taken.add(*span)
                    yield NumberHit(span[0], span[1], "phone")

    # --- checks -----------------------------------------------------------------------------

    def _iban(self, folded: str, start: int, end: int) -> tuple[int, int] | None:
        # The pattern may run into the next word ("… 8475 61 t.n.v."): drop groups from the
        # end until the rest is a valid IBAN.
        candidate = folded[start:end]
        while len(candidate.replace(" ", "")) >= 12:
            compact = candidate.replace(" ", "").upper()
            if iban.is_valid(compact) and compact not in self._allowed:
                return start, start + len(candidate)
            cut = max(candidate.rfind(" "), len(candidate) - 4)
            candidate = candidate[:cut].rstrip()
        return None

    def _is_card(self, digits: str) -> bool:
        if digits in self._allowed or not luhn.is_valid(digits):
            return False
        return any(scheme.issues(digits) for scheme in self._schemes)

    def _phone_span(
        self, folded: str, start: int, end: int, clues: Clues
    ) -> tuple[int, int] | None:
        """The phone number within ``folded[start:end]`` (a later part when an unrelated
        number runs into it, "op 12 06-4172 9385"), or ``None``."""
        candidate = folded[start:end]
        offsets = [0] + [m.start() for m in _PHONE_START_RE.finditer(candidate)]
        for offset in offsets:
            raw = candidate[offset:].strip()
            if self._is_phone(raw, clues):
                lead = len(candidate[offset:]) - len(candidate[offset:].lstrip())
                return start + offset + lead, end
        return None

    def _is_phone(self, raw: str, clues: Clues) -> bool:
        digits = _NON_DIGITS_RE.sub("", raw)
        if not 7 <= len(digits) <= 15 or _DATE_RE.match(raw) or _TIME_RANGE_RE.match(raw):
            return False
        try:
            if raw.startswith(("+", "00")):
                number = phonenumbers.parse(raw, self._regions[0] if self._regions else None)
                if len(digits) < 8 or not phonenumbers.is_possible_number(number):
                    return False
                region = phonenumbers.region_code_for_country_code(number.country_code or 0)
                return self._personal(number, region)
            national = raw.lstrip("(")
            valid = []
            for trunk in self._trunks:
                if national.startswith(trunk.prefix):
                    found = self._national(raw, digits, trunk)
                    if found is not None:
                        valid.append((trunk.region, found))
        except phonenumbers.NumberParseException:
            return False
        if len(valid) > 1:
            # "020-555 0123" is a line in Amsterdam and a free number in Sweden: the post's
            # language says which country it is written in.
            home = self._language_regions.get(clues.language(), ())
            valid.sort(key=lambda rn: rn[0] not in home)
        return bool(valid) and self._personal(valid[0][1], valid[0][0])

    def _national(self, raw: str, digits: str, trunk: _Trunk) -> phonenumbers.PhoneNumber | None:
        """``raw`` read as a national number of the trunk's region, if it is a valid one."""
        if trunk.simple and digits.startswith(trunk.prefix):
            number = phonenumbers.PhoneNumber(
                country_code=trunk.country_code,
                national_number=int(digits[len(trunk.prefix) :] or 0),
            )
        else:
            number = phonenumbers.parse(raw, trunk.region)
        if phonenumbers.is_valid_number(
            number
        ):  # "07911 …" is a Guernsey mobile: any region of the code
            return number
        fiction = self._fiction and self._e164(number).startswith(self._fiction)
        return number if fiction and phonenumbers.is_possible_number(number) else None

    def _personal(self, number: phonenumbers.PhoneNumber, region: str) -> bool:
        service = _service_numbers(region)
        nsn = phonenumbers.national_significant_number(number)
        if service is not None and service.fullmatch(nsn):
            return False
        return self._e164(number) not in self._allowed

    @staticmethod
    def _e164(number: phonenumbers.PhoneNumber) -> str:
        return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))

    def _normalise(self, raw: str) -> str | None:
        """An allowed value as compared: a phone in E.164, else digits and letters only."""
        value = raw.strip()
        if not value or "@" in value:
            return None
        if value.startswith("+"):
            try:
                return self._e164(phonenumbers.parse(value, None))
            except phonenumbers.NumberParseException:
                return None
        compact = re.sub(r"[\s.\-()]", "", value).upper()
        if compact.startswith("0") and compact.isdigit():
            for region in self._regions:
                try:
                    number = phonenumbers.parse(value, region)
                except phonenumbers.NumberParseException:
                    continue
                if phonenumbers.is_valid_number(number):
                    return self._e164(number)
        return compact
