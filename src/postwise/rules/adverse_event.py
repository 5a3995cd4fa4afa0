"""Adverse events: a person's harm or side effect linked to one of the organisation's products.

**What it catches.** A post that names one of the organisation's products and a harm, side
effect or complaint that the post ties to taking or using it, the author's own or someone
else's ("bad headaches and dizzy spells since starting Zentrava", "hjärtklappning varje kväll
sedan jag började med Respiqo", "sinds hij Zentrava gebruikt heeft hij tintelende handen",
"my heart races after every puff"), medication errors ("took a double dose") and devices that
failed someone ("the pen jammed"), the last two with a message of their own. Harms come
from a lexicon per language, with endings and compounds (blisters, a sore lump where the pen
went in, waking up to pee, thirst, sleepless nights, kilos gained, mood swings…), and as
constructions: a body part with a symptom in either order ("burning, puffy eyelids", "my
eyes were burning", "svullna ögonlock", "ögonen sved", "mijn ogen branden"), a vital sign
going wrong ("blood pressure went up", "högt blodtryck", "bloeddruk flink omhoog"), the
verb put second after an adverbial ("Sinds X valt mijn haar uit", "sedan dess sover jag
dåligt") and things getting worse; the tie is a time ("since my second jab", "sedan dess",
"na de injectie", "every time her cuff inflates"), a cause ("gave me", "av sprutan",
"daardoor") or a person asking about it ("anyone else?", "känner någon igen sig?") in the
harm's sentence or the one next to it, or simply the product named in the harm's clause of
a sentence about a person ("third night on X and I wake up with a headache", "X tegen mijn
verstopte neus en nu bloedneuzen"). A harm that is denied or only possible
("no side effects", "can cause headaches"), relieved ("soothed my rash", "färre anfall",
"down from eight attacks a month to two", "de hoofdpijn is weg"), the condition a product
treats ("for migraine", "eczeempatiënten", "people with eczema", "high blood pressure, so
I take…") or advice to the reader
("if it makes you dizzy, take it at night", "krijg je er hoofdpijn van, neem dan…", "talk
to your doctor about any nausea", "yr av Zentrava? Prata med din läkare.") is not one;
neither is a harm closer to a competitor's product than to ours, nor information about a
medicine that speaks of no person ("the label lists headache"). Relief after stopping the
product ("since I stopped it the rash has cleared") still counts, and so does a harm the
product caused that later went away ("the nausea from Zentrava settled after a week"). The
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

import bisect
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from pydantic import Field

from postwise.policy.model import RuleBase, RuleSettings
from postwise.rules import Detector, Hit, RuleKind
from postwise.rules._patterns import CuePatterns, PatternMatch, nearest
from postwise.text.data import load_data
from postwise.text.fold import fold

if TYPE_CHECKING:
    from postwise.engine.post import Post
    from postwise.policy.compiled import CompiledOrganisation
    from postwise.text.matcher import Match

ROUTE = "drug_safety"
# Words before a harm that may deny it (how far back negation reaches).
NEGATION_WINDOW = 3
# How far relief reaches: words before a harm ("soothed my rash") and after it ("the rash
# had cleared within days").
RELIEF_BEFORE = 3
RELIEF_AFTER = 5
# Words between a condition word and the harm ("for chronic migraine").
CONDITION_GAP = 1
# Characters between a harm and a "from … to …" change told about it.
CHANGE_REACH = 40
# Sentences either side of a harm where its link to the product may stand.
LINK_REACH = 1
# Cue groups that tie a harm to using the product.
TIES = frozenset({"links", "causes"})
# Words between a harm and what caused it ("the nausea from Kalventa", "gave me a rash").
CAUSE_REACH = 4
# The objects of "bij mij", "for me": a person, not an adjective of the condition.
_OBJECTS = frozenset(
    "me mij hem ons hun mig honom oss dem henne him us them".split()  # noqa: SIM905
)
_WORDS = re.compile(r"[\w']+")
_SENTENCE_END = re.compile(r"[.!?]")
_SENTENCE_RUN = re.compile(r"[.!?]+")
_CLAUSE_END = re.compile(r"[.!?,;:()]")


class Status(Enum):
    """What a harm word's context makes of it."""

    HARM = "harm"  # a person's harm, tied to using the product
    ABSENT = "absent"  # denied or only possible
    RELIEVED = "relieved"  # it went away or lessened: the product's effect
    CONDITION = "condition"  # the condition a product treats, or a measure of it
    HYPOTHETICAL = "hypothetical"  # advice or a supposition addressed to the reader
    UNTIED = "untied"  # nothing ties it to using the product


@dataclass(frozen=True)
class Reading:
    """A harm word found in a post and what its context makes of it; ``start``/``end``
    cover the harm and, for relief, the words that relieve it."""

    start: int
    end: int
    harm: PatternMatch
    status: Status


class HarmReader:
    """Finds harm words in a post and reads their context; built once per organisation."""

    def __init__(
        self,
        languages: tuple[str, ...],
        products: tuple[str, ...],
        extra_symptoms: tuple[str, ...] = (),
    ) -> None:
        self.harms = CuePatterns.load(
            "adverse_event",
            ["symptoms", "errors"],
            languages,
            extra={"symptoms": extra_symptoms},
            extra_at=("symptoms",),
        )
        self.cues = CuePatterns.load(
            "adverse_event",
            ["links", "causes", "relief", "anymore", "stopping"],
            languages,
            names={"product": list(products)},
        )
        lexicon = load_data("lexicons", "adverse_event", "symptoms.yaml")
        context = load_data("lexicons", "adverse_event", "context.yaml")
        self.negators = _words(lexicon.get("negators"), languages)
        self.possible = _words(context["possible"], languages)
        self.condition_before = _phrases(context["condition_before"], languages)
        self.condition_after = _words(context["condition_after"], languages)
        heads = sorted((w for w in self.condition_after if len(w) >= 3), key=len, reverse=True)
        # a compound that starts with a harm and ends in a head: "smärtdagar", "klådfri"
        self.compound = re.compile(r"\w{3,}(?:" + "|".join(map(re.escape, heads)) + r")")
        self.treated = _phrase_regex(context["treated_after"], languages)
        self.hypothetical = _phrase_regex(context["hypothetical"], languages)
        self.advice = _phrase_regex(context["advice"], languages)
        uses = [u for lang in languages for u in context["uses"].get(lang) or []]
        self.uses = re.compile(r"(?<![\w'-])(?:" + "|".join(uses) + r")(?: [\w']+)? +\Z")
        after = [u for lang in languages for u in context["uses_after"].get(lang) or []]
        self.uses_after = re.compile(r"[ -]+(?:" + "|".join(after) + r")(?!\w)")
        stems = sorted(_words(context["business"], languages), key=len, reverse=True)
        self.business = re.compile(
            r"(?<![\w-])(?:[\w]+-)?(?:" + "|".join(re.escape(w) for w in stems) + r")\w*"
        )
        # words that start like a business word but are not one ("pressure", "branden")
        self.not_business = _words(context["not_business"], languages)
        self.contrast = _phrase_regex(context["contrast"], languages)
        persons = load_data("lexicons", "adverse_event", "persons.yaml")
        self.persons = _phrase_regex(persons, languages)
        self.conditional = _words(context["conditional"], languages)
        self.reader = _words(context["reader"], languages)
        self.first_person = _words(context["first_person"], languages)
        self.change_re = _change_regex(context["numbers"], context["from_to"], languages)
        self.numbers = {
            fold(word): value
            for lang in languages
            for word, value in (context["numbers"].get(lang) or {}).items()
        }

    def read(self, post: Post) -> Iterable[Reading]:
        """Every harm word in ``post`` with its status, in text order (cheap when none).

        Worked out only as far as a caller iterates, and kept for the last few posts: both
        ``adverse_event`` and ``promotion`` read the same post, the second mostly for free."""
        return _read(self, post)

    def readings(self, post: Post) -> Iterator[Reading]:
        """What :meth:`read` returns, worked out."""
        harms = self.harms.find(post.folded)
        if not harms:
            return
        folded = post.folded.folded
        cues: list[PatternMatch] | None = None
        starts = [s.start for s in post.folded.sentences]
        for harm in harms:
            if cues is None:
                cues = self._cues(post)
            sentence = bisect.bisect_right(starts, harm.start) - 1
            stopped = any(
                c.group == "stopping" and abs(self._sentence(starts, c.start) - sentence) <= 1
                for c in cues
            )
            caused = any(c.group == "causes" and self._near(folded, harm, c) for c in cues)
            # only possible ("can cause nausea") before relief; relief before absence: "no more
            # headaches", "geen migraine meer" tell of relief
            negated = _negated(folded, harm.start, self.negators)
            possible = negated and _negated(folded, harm.start, self.possible)
            relief = (
                None if stopped or caused or possible else self._relief(folded, harm, cues, negated)
            )
            if possible:
                yield Reading(harm.start, harm.end, harm, Status.ABSENT)
            elif relief is not None:
                yield Reading(
                    min(harm.start, relief[0]), max(harm.end, relief[1]), harm, Status.RELIEVED
                )
            elif negated:
                yield Reading(harm.start, harm.end, harm, Status.ABSENT)
            elif self._condition(folded, harm):
                yield Reading(harm.start, harm.end, harm, Status.CONDITION)
            elif self._hypothetical(folded, harm):
                yield Reading(harm.start, harm.end, harm, Status.HYPOTHETICAL)
            elif (
                harm.group == "errors"
                or stopped
                or any(
                    c.group in TIES
                    and abs(self._sentence(starts, c.start) - sentence) <= LINK_REACH
                    for c in cues
                )
                or self._beside_product(post, harm, cues)
            ):
                yield Reading(harm.start, harm.end, harm, Status.HARM)
            else:
                yield Reading(harm.start, harm.end, harm, Status.UNTIED)

    def _beside_product(self, post: Post, harm: PatternMatch, cues: Sequence[PatternMatch]) -> bool:
        """Whether a person's harm shares its clause with a product named not as a business
        matter: people tie a harm to a product by putting them together ("is it just me or
        does the X patch leave an itchy rash?", "third night on X and I wake up with a
        headache", "X tegen mijn verstopte neus en nu bloedneuzen") as often as with a word
        of time or cause. Not when relief is spoken of in the clause ("X eased my stiffness
        and the fatigue") or no person is in the sentence ("X helps against the coughing")."""
        folded = post.folded.folded
        lo, hi = self.clause(folded, harm.start, harm.end)
        if not any(
            lo <= p.start and p.end <= hi and not self._business_near(folded, p)
            for p in post.mentions("product")
        ):
            return False
        if any(c.group in ("relief", "anymore") and lo <= c.start < hi for c in cues):
            return False
        sentence = post.folded.sentence_of(harm.start)
        return self.persons.search(folded, sentence.start, sentence.end) is not None

    def _business_near(self, folded: str, product: Match[Any]) -> bool:
        """Whether a business word stands within a few words of a product's name ("the
        biggest Dormexa distribution deal", "the Glucera stand at the fair")."""
        before = _WORDS.findall(folded[max(0, product.start - 40) : product.start])[-2:]
        after = _WORDS.findall(folded[product.end : product.end + 60])[:3]
        return any(self._is_business(w) for w in (*before, *after))

    def _is_business(self, word: str) -> bool:
        return self.business.fullmatch(word) is not None and word not in self.not_business

    @staticmethod
    def _sentence(starts: Sequence[int], offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1

    def _cues(self, post: Post) -> list[PatternMatch]:
        """Links, causes, relief and stopping in ``post``; a product's name right after words
        of use ("taking", "week 3 on", "står på") is a link too. Those next to business words
        ("after the Kalventa launch") are left out."""
        folded = post.folded.folded
        found = self.cues.find(post.folded)
        for product in post.mentions("product"):
            use = self.uses.search(folded, max(0, product.start - 40), product.start)
            if use is not None:
                found.append(PatternMatch(use.start(), product.end, "links", "*", "uses"))
            count = self.uses_after.match(folded, product.end)
            if count is not None:
                found.append(PatternMatch(product.start, count.end(), "links", "*", "uses"))
        return [c for c in found if not self._business(folded, c)]

    def clause(self, folded: str, start: int, end: int) -> tuple[int, int]:
        """The clause around ``[start, end)``: up to a sentence end, a comma, a semicolon or a
        word of contrast ("but", "men", "maar") on either side."""
        lo = max(0, start - 150)
        before = folded[lo:start]
        cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
        cut = max(cut, max((m.end() for m in self.contrast.finditer(before)), default=0))
        after = folded[end : end + 150]
        stop = min((m.start() for m in _CLAUSE_END.finditer(after)), default=len(after))
        stop = min(stop, min((m.start() for m in self.contrast.finditer(after)), default=stop))
        return lo + cut, end + stop

    def _business(self, folded: str, cue: PatternMatch) -> bool:
        """Whether a link or cause stands next to a business word ("after the Kalventa
        launch", "lanseringen av Ostelia", "na de Dormexa-lancering")."""
        if cue.group not in TIES:
            return False
        before = _WORDS.findall(folded[max(0, cue.start - 30) : cue.start])[-1:]
        after = re.match(r"[ -]*([\w-]+)", folded[cue.end : cue.end + 30])
        last = folded[cue.start : cue.end].rsplit(" ", 1)[-1]
        return any(
            self._is_business(w)
            for w in (
                *before,
                after.group(1) if after else "",
                last.split("-", 1)[-1] if "-" in last else "",
            )
        )

    def _near(self, folded: str, harm: PatternMatch, cue: PatternMatch) -> bool:
        """Whether ``cue`` stands next to ``harm`` in its clause (a few words apart)."""
        if cue.end <= harm.start:
            between = folded[cue.end : harm.start]
        elif cue.start >= harm.end:
            between = folded[harm.end : cue.start]
        else:
            return True
        return (
            len(_WORDS.findall(between)) <= CAUSE_REACH
            and not _SENTENCE_END.search(between)
            and not self.contrast.search(between)
        )

    def _relief(
        self, folded: str, harm: PatternMatch, cues: Sequence[PatternMatch], negated: bool
    ) -> tuple[int, int] | None:
        """The span of what relieves ``harm`` (a relief cue next to it in its clause, or a
        fall "from eight … to two" around it), if anything does."""
        for cue in cues:
            if cue.group != "relief" and not (cue.group == "anymore" and negated):
                continue
            if cue.end <= harm.start:
                between = folded[cue.end : harm.start]
                reach = RELIEF_BEFORE
            elif cue.start >= harm.end:
                between = folded[harm.end : cue.start]
                reach = RELIEF_AFTER
            else:
                continue
            if (
                len(_WORDS.findall(between)) <= reach
                and not _SENTENCE_END.search(between)
                and ";" not in between
                and not self.contrast.search(between)
            ):
                return cue.start, cue.end
        lo = max(0, harm.start - CHANGE_REACH - 60)
        for m in self.change_re.finditer(folded, lo, harm.end + CHANGE_REACH + 60):
            if m.end() < harm.start - CHANGE_REACH or m.start() > harm.end + CHANGE_REACH:
                continue
            if _SENTENCE_END.search(folded, min(m.end(), harm.end), max(m.start(), harm.start)):
                continue
            before, after = self._number(m.group("a")), self._number(m.group("b"))
            if before is not None and after is not None and after < before:
                return m.start(), m.end()
        return None

    def change(self, text: str) -> bool | None:
        """Whether folded ``text`` tells of a fall "from eight … to two" (``True``), a rise
        (``False``) or no such change (``None``)."""
        m = self.change_re.search(text)
        if m is None:
            return None
        before, after = self._number(m.group("a")), self._number(m.group("b"))
        if before is None or after is None:
            return None
        return after < before

    def _number(self, text: str) -> float | None:
        if text[0].isdigit():
            return float(text.replace(",", "."))
        return self.numbers.get(" ".join(text.split()))

    def _condition(self, folded: str, harm: PatternMatch) -> bool:
        """Whether ``harm`` names the condition a product treats: "for migraine", "people
        with eczema", "pain days", "smärtdagar", "eczeempatiënten", "itch-free"."""
        if harm.start > 0 and folded[harm.start - 1] == "#":
            return True  # "#eczema", "#migraine": a topic
        clause = _CLAUSE_END.split(folded[max(0, harm.start - 60) : harm.start])[-1]
        words = _WORDS.findall(clause)
        for n in range(1, 4):
            for gap in range(CONDITION_GAP + 1):
                if len(words) < n + gap:
                    continue
                if " ".join(words[len(words) - n - gap : len(words) - gap]) in (
                    self.condition_before
                ) and not any(w in _OBJECTS for w in words[len(words) - gap :]):
                    return True
        last = _WORDS.findall(folded[harm.start : harm.end])[-1:]
        if last and self.compound.fullmatch(last[0]):
            return True
        following = re.match(r"[ -]+([\w']+)", folded[harm.end : harm.end + 30])
        if following is not None and following.group(1) in self.condition_after:
            return True
        # what is taken for it follows: "high blood pressure, so I take …", "hoge bloeddruk
        # en gebruik daarom …", "högt blodtryck och tar … för det"
        rest = _SENTENCE_END.split(folded[harm.end : harm.end + 80], 1)[0]
        return self.treated.search(rest) is not None

    def _hypothetical(self, folded: str, harm: PatternMatch) -> bool:
        """Whether ``harm`` stands in a clause of advice or supposition for the reader."""
        clause = _CLAUSE_END.split(folded[max(0, harm.start - 120) : harm.start])[-1]
        if self.hypothetical.search(clause):
            return True
        rest = _CLAUSE_END.split(folded[harm.end : harm.end + 120])[0]
        if self.advice.search(clause) or self.advice.search(rest):
            return True
        words = _WORDS.findall(clause)
        for i, word in enumerate(words):
            if word in self.conditional:
                return any(w in self.reader for w in words[i + 1 :])
        return self._asked_of_reader(folded, harm)

    def _asked_of_reader(self, folded: str, harm: PatternMatch) -> bool:
        """Whether ``harm`` stands in a question that the next sentence answers with advice
        to the reader ("Dizzy on Zentrava? Talk to your doctor.", "Last van bijwerkingen?
        Bespreek het met je arts."); not when the asker speaks of themselves ("my")."""
        end = _SENTENCE_END.search(folded, harm.end)
        if end is None or end.group() != "?":
            return False
        start = max(folded.rfind(c, 0, harm.start) for c in ".!?") + 1
        if any(w in self.first_person for w in _WORDS.findall(folded[start : end.start()])):
            return False
        after = _SENTENCE_RUN.match(folded, end.start())
        rest = folded[after.end() if after else end.end() :]
        following = _SENTENCE_END.split(rest, 1)[0]
        return self.advice.search(following) is not None


class Settings(RuleSettings):
    contact: str | None = Field(
        None,
        description="Where to report (address, phone or link); by default the organisation's "
        "public contact with 'safety' in it.",
    )
    deadline_hours: int = Field(24, ge=1, le=24 * 15, description="Report within this time.")
    symptoms: list[str] = Field(
        default_factory=list,
        description="More harms or side effects to look for, any language; like the built-in "
        "ones, reported when the post ties them to using the product.",
    )


def compile(rule: RuleBase, org: CompiledOrganisation) -> Detector:
    settings = rule.settings
    assert isinstance(settings, Settings)
    reader = harm_reader(org, tuple(settings.symptoms))
    # whole words, found with one regex search each (a pronoun turns up early)
    persons = _phrase_regex(load_data("lexicons", "adverse_event", "persons.yaml"), org.languages)
    information = _phrase_regex(
        load_data("lexicons", "adverse_event", "information.yaml"), org.languages
    )
    contact = settings.contact or _safety_contact(org.model.public_contacts)
    detail = "report" if contact else "report_generic"
    problem = "problem" if contact else "problem_generic"  # a dosing mistake or a device
    hours = settings.deadline_hours

    def detect(post: Post) -> Iterator[Hit]:
        products = post.mentions("product")
        if not products:
            return
        rivals: list[Any] | None = None
        informative: bool | None = None
        for reading in reader.read(post):
            if reading.status is not Status.HARM:
                continue
            if informative is None:
                # the label or trial data, not someone's experience
                text = post.folded.folded
                informative = bool(information.search(text)) and not persons.search(text)
            if informative:
                return
            if rivals is None:
                rivals = post.mentions("competitor")
            harm = reading.harm
            closest = nearest(harm.start, harm.end, [*products, *rivals])
            if closest.value.category != "product":
                continue
            product = closest.value.name
            yield Hit(
                harm.start,
                harm.end,
                problem if harm.group == "errors" else detail,
                {"product": product, "contact": contact or "", "hours": str(hours)},
                None,
                {"route": ROUTE, "deadline_hours": hours, "product": product},
            )
            return  # one report per post: the reporter tells drug safety the whole story

    return detect


def harm_reader(org: CompiledOrganisation, extra_symptoms: tuple[str, ...] = ()) -> HarmReader:
    """The organisation's :class:`HarmReader` (shared with ``promotion``, which reads relief
    near a prescription product as an efficacy testimonial)."""
    names = tuple(n for p in org.model.products for n in (p.name, *p.aliases))
    return _reader(tuple(org.languages), names, extra_symptoms)


class _Lazy:
    """Readings of one post, worked out as far as someone has asked (thread-safe)."""

    def __init__(self, source: Iterator[Reading]) -> None:
        self._source = source
        self._done: list[Reading] = []
        self._lock = threading.Lock()

    def __iter__(self) -> Iterator[Reading]:
        i = 0
        while True:
            if i == len(self._done):
                with self._lock:
                    if i == len(self._done):
                        reading = next(self._source, None)
                        if reading is None:
                            return
                        self._done.append(reading)
            yield self._done[i]
            i += 1


@lru_cache(maxsize=16)
def _read(reader: HarmReader, post: Post) -> _Lazy:
    return _Lazy(reader.readings(post))


@cache
def _reader(
    languages: tuple[str, ...], products: tuple[str, ...], extra: tuple[str, ...]
) -> HarmReader:
    return HarmReader(languages, products, extra)


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


def _words(data: dict[str, list[str]] | None, languages: Sequence[str]) -> frozenset[str]:
    return frozenset(fold(w) for lang in languages for w in (data or {}).get(lang) or [])


def _phrases(data: dict[str, list[str]], languages: Sequence[str]) -> frozenset[str]:
    return frozenset(" ".join(fold(p).split()) for lang in languages for p in data.get(lang) or [])


def _phrase_regex(data: dict[str, list[str]], languages: Sequence[str]) -> re.Pattern[str]:
    phrases = sorted(_phrases(data, languages), key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", " +") for p in phrases) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


def _change_regex(
    numbers: dict[str, dict[str, float]],
    pairs: dict[str, list[list[str]]],
    languages: Sequence[str],
) -> re.Pattern[str]:
    """ "from <n> … to <n>" in the given languages: numbers in digits or words."""
    words = sorted(
        {fold(w) for lang in languages for w in (numbers.get(lang) or {})}, key=len, reverse=True
    )
    number = r"\d+(?:[.,]\d+)?(?![\d:])|" + "|".join(
        re.escape(w).replace(r"\ ", " +") for w in words
    )
    froms = {fold(p[0]) for lang in languages for p in pairs.get(lang) or []}
    tos = {fold(p[1]) for lang in languages for p in pairs.get(lang) or []}
    return re.compile(
        rf"(?<!\w)(?:{'|'.join(sorted(froms))}) +(?P<a>{number})(?!\w)"
        rf"(?:[^\w.!?]+[\w'-]+){{0,6}}?[^\w.!?]+(?:{'|'.join(sorted(tos))}) +"
        rf"(?:(?:just|only|barely|under|below|maar|slechts|nog|bara|endast|knappt|under) +)?"
        rf"(?P<b>{number})(?!\w)"
    )


KIND = RuleKind(
    name="adverse_event",
    settings=Settings,
    compile=compile,
    doc=__doc__ or "",
    default_severity="block",
)
