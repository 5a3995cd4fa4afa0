"""Policy packs: ready-made policies traceable to the seeds, instantiated for one organisation.

A pack is a YAML file in ``data/packs/``: a name, the seed it comes from, a summary, title and
introduction per language, and rules with their guideline texts and examples in every
language. Pack texts never name a real organisation; they use placeholders that
:func:`pack_policy` fills from the organisation profile (``{org}``, ``{product}``,
``{competitor}``, ``{term}``, ``{tag}``, ``{work_at}``…, see docs/packs.md). An example whose
placeholders the organisation cannot fill (no competitors listed, no quiet period) is left
out, so every example in a generated policy means something for that organisation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from postwise.policy.errors import InputError, Problem
from postwise.policy.model import LangText, Organisation, People, Severity
from postwise.text.data import data_names, load_data

# ``{name}`` or, for times, ``{name:HH:MM}``. Other ``{…}`` (e.g. ``{excerpt}`` in a message
# override) are left alone for the engine to fill.
_PLACEHOLDER = re.compile(r"\{([a-z_]+)(?::([0-2]\d:[0-5]\d))?\}")
# The only placeholder allowed in texts people read (title, intro, guideline): every
# organisation has a name, not every one has competitors or a quiet period.
TEXT_PLACEHOLDERS = frozenset({"org"})
NAME_PLACEHOLDERS = frozenset(
    {
        "org",
        "hashtag",
        "handle",
        "product",
        "rx_product",
        "competitor",
        "term",
        "domain",
        "tag",
        "contact",
    }
)
TIME_PLACEHOLDERS = frozenset({"work_at", "weekend_at", "quiet_at"})
# The first day examples may be dated: a Tuesday, so the reference working day is early in
# the week. Fixed, so a generated policy is the same whenever it is generated.
REFERENCE_DAY = date(2026, 3, 3)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PackExample(_Strict):
    text: str = Field(min_length=1)
    context: dict[str, Any] | None = None
    note: str = ""


def _examples_by_language() -> dict[str, list[PackExample | str]]:
    return {}


class PackExamples(_Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    raise_: dict[str, list[PackExample | str]] = Field(
        default_factory=_examples_by_language, alias="raise"
    )
    pass_: dict[str, list[PackExample | str]] = Field(
        default_factory=_examples_by_language, alias="pass"
    )


class PackRule(_Strict):
    id: str
    kind: str
    severity: Severity
    guideline: LangText
    message: LangText = Field(default_factory=dict)
    settings: dict[str, Any] = Field(default_factory=dict)
    examples: PackExamples = Field(default_factory=PackExamples)


class PackFile(_Strict):
    name: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    seed: str = Field(description="The seed this pack comes from, e.g. '002'.")
    source: str = Field(description="The seed's title and author, for people tracing it.")
    summary: LangText
    title: LangText
    intro: LangText
    people: People = Field(default_factory=People)
    rules: list[PackRule] = Field(min_length=1)


@dataclass(frozen=True)
class Pack:
    """A ready-made policy, as read from its data file."""

    name: str
    seed: str
    source: str
    summaries: Mapping[str, str]
    spec: PackFile

    @property
    def summary(self) -> str:
        """One line in English, for ``postwise policy packs``."""
        return self.summaries.get("en") or next(iter(self.summaries.values()), "")

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages every text of the pack is written in."""
        langs = set(self.spec.summary)
        for texts in _texts(self.spec):
            langs &= set(texts)
        return tuple(sorted(langs))

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(rule.kind for rule in self.spec.rules))


def _texts(spec: PackFile) -> Iterator[Mapping[str, str]]:
    yield spec.summary
    yield spec.title
    yield spec.intro
    for rule in spec.rules:
        yield rule.guideline


def list_packs() -> list[Pack]:
    """Every pack in ``data/packs/``, by name."""
    return [load_pack(name.removesuffix(".yaml")) for name in pack_names()]


def pack_names() -> list[str]:
    return [n.removesuffix(".yaml") for n in data_names("packs") if n.endswith(".yaml")]


@cache
def load_pack(name: str) -> Pack:
    """Read and validate one pack; an unknown name or a broken file is an :class:`InputError`."""
    names = pack_names()
    if name not in names:
        raise InputError(
            [Problem("--pack", f"unknown pack {name!r}; choose one of: {', '.join(names)}")]
        )
    source = f"postwise/data/packs/{name}.yaml"
    try:
        spec = PackFile.model_validate(load_data("packs", f"{name}.yaml"))
    except ValidationError as exc:
        raise InputError(
            [
                Problem(source, str(e["msg"]), path=".".join(str(p) for p in e["loc"]))
                for e in exc.errors(include_url=False)
            ]
        ) from None
    problems = [Problem(source, p) for p in _check_pack(spec)]
    if problems:
        raise InputError(problems)
    return Pack(spec.name, spec.seed, spec.source, dict(spec.summary), spec)


def _check_pack(spec: PackFile) -> list[str]:
    """What a pack author can get wrong that the file's shape does not show."""
    problems: list[str] = []
    ids = [rule.id for rule in spec.rules]
    problems += [
        f"rule id {i!r} is used twice" for i in sorted({i for i in ids if ids.count(i) > 1})
    ]
    for texts in _texts(spec):
        for text in texts.values():
            for m in _PLACEHOLDER.finditer(text):
                if m.group(1) not in TEXT_PLACEHOLDERS:
                    problems.append(
                        f"{{{m.group(1)}}} in {text[:40]!r}…: texts people read may only use "
                        "{org}; names that not every organisation has belong in examples"
                    )
    for rule in spec.rules:
        for lang, example in _all_examples(rule):
            strings = [example.text, *_strings(example.context)]
            for s in strings:
                for m in _PLACEHOLDER.finditer(s):
                    name, clock = m.group(1), m.group(2)
                    known = name in NAME_PLACEHOLDERS or name in TIME_PLACEHOLDERS
                    if not known or (clock and name not in TIME_PLACEHOLDERS):
                        problems.append(f"rule {rule.id!r}, {lang} example: unknown {m.group()}")
    return problems


def _all_examples(rule: PackRule) -> Iterator[tuple[str, PackExample]]:
    for group in (rule.examples.raise_, rule.examples.pass_):
        for lang, examples in group.items():
            for example in examples:
                yield lang, _example(example)


def _example(example: PackExample | str) -> PackExample:
    return PackExample(text=example) if isinstance(example, str) else example


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def pack_policy(name: str, organisation: dict[str, Any]) -> dict[str, Any]:
    """The policy document (plain data) of pack ``name`` for ``organisation``.

    Texts are given in the organisation's languages; examples in other languages are left
    out, and so are examples whose placeholders the organisation cannot fill.
    """
    pack = load_pack(name)
    spec = pack.spec
    org = Organisation.model_validate(organisation)
    languages = list(org.languages)
    missing = [lang for lang in languages if lang not in pack.languages]
    if missing:
        raise InputError(
            [
                Problem(
                    f"postwise/data/packs/{name}.yaml",
                    f"the pack has no texts in {', '.join(missing)} (it has "
                    f"{', '.join(pack.languages)}); add them as described in docs/languages.md",
                )
            ]
        )
    values = placeholder_values(org)
    rules = [_rule(rule, languages, values) for rule in spec.rules]
    policy: dict[str, Any] = {
        "postwise": 1,
        "title": _localised(spec.title, languages, values),
        "intro": _localised(spec.intro, languages, values),
        "organisation": organisation,
    }
    people = spec.people.model_dump(exclude_defaults=True)
    if people:
        policy["people"] = people
    policy["rules"] = rules
    return policy


def _rule(rule: PackRule, languages: list[str], values: Mapping[str, str | None]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": rule.id,
        "kind": rule.kind,
        "severity": rule.severity,
        "guideline": _localised(rule.guideline, languages, values),
    }
    if rule.message:
        out["message"] = {
            lang: fill_placeholders(text, values) or text
            for lang, text in rule.message.items()
            if lang in languages
        }
    if rule.settings:
        out["settings"] = _fill_value(rule.settings, values)
    examples: dict[str, list[Any]] = {}
    for key, group in (("raise", rule.examples.raise_), ("pass", rule.examples.pass_)):
        filled = [
            example
            for lang in languages
            for raw in group.get(lang, [])
            if (example := _instantiate(_example(raw), values)) is not None
        ]
        if filled:
            examples[key] = filled
    if examples:
        out["examples"] = examples
    return out


def _localised(
    texts: Mapping[str, str], languages: list[str], values: Mapping[str, str | None]
) -> dict[str, str]:
    return {lang: fill_placeholders(texts[lang], values) or texts[lang] for lang in languages}


def _instantiate(example: PackExample, values: Mapping[str, str | None]) -> Any:
    """The example as policy data, or ``None`` when the organisation lacks a name it uses."""
    text = fill_placeholders(example.text, values)
    if text is None:
        return None
    if example.context is None and not example.note:
        return text
    out: dict[str, Any] = {"text": text}
    if example.context is not None:
        context = _fill_value(example.context, values)
        if context is None:
            return None
        out["context"] = context
    if example.note:
        out["note"] = example.note
    return out


def _fill_value(value: Any, values: Mapping[str, str | None]) -> Any:
    """Fill placeholders in every string of ``value``; ``None`` if any cannot be filled."""
    if isinstance(value, str):
        return fill_placeholders(value, values)
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, item in value.items():
            filled = _fill_value(item, values)
            if filled is None and item is not None:
                return None
            out[key] = filled
        return out
    if isinstance(value, list):
        items = [_fill_value(item, values) for item in value]
        if any(i is None for i in items):
            return None
        return items
    return value


def fill_placeholders(text: str, values: Mapping[str, str | None]) -> str | None:
    """Replace the pack placeholders in ``text``; ``None`` when one has no value here.

    Unknown names are left as they are (a message override's ``{excerpt}`` is the engine's).
    """
    missing = False

    def replace(m: re.Match[str]) -> str:
        nonlocal missing
        name, clock = m.group(1), m.group(2)
        key = f"{name}:{clock}" if clock else name
        if key in values:
            value = values[key]
        elif name in TIME_PLACEHOLDERS and clock:
            value = _at(values, name, clock)
        elif name in NAME_PLACEHOLDERS or name in TIME_PLACEHOLDERS:
            value = values.get(name)
        else:
            return m.group()
        if value is None:
            missing = True
            return m.group()
        return value

    filled = _PLACEHOLDER.sub(replace, text)
    return None if missing else filled


def _at(values: Mapping[str, str | None], name: str, clock: str) -> str | None:
    """``{work_at:08:40}``: the same day as ``{work_at}``, at 08:40 local time."""
    base = values.get(name)
    if base is None:
        return None
    moment = datetime.fromisoformat(base)
    hour, minute = (int(p) for p in clock.split(":"))
    if hour > 23:
        return None
    local = datetime.combine(moment.date(), time(hour, minute), tzinfo=moment.tzinfo)
    return _iso(local)


def placeholder_values(org: Organisation) -> dict[str, str | None]:
    """What each placeholder stands for in ``org`` (``None``: the organisation has none)."""
    rx = [p.name for p in org.products if p.prescription]
    values: dict[str, str | None] = {
        "org": org.name,
        "hashtag": org.hashtags[0] if org.hashtags else "#" + re.sub(r"\W", "", org.name),
        "handle": _first(org.handles),
        "product": org.products[0].name if org.products else None,
        "rx_product": _first(rx),
        "competitor": _first(org.competitors),
        "term": _first(org.confidential_terms),
        "domain": _first(org.internal_domains),
        "tag": _first(org.disclosure_tags),
        "contact": _first(org.public_contacts),
    }
    zone = ZoneInfo(org.timezone)
    hours = org.working_hours
    middle = _middle(hours.start, hours.end)
    work_day = _work_day(org)
    weekend_day = _first_day(lambda d: _WEEKDAYS[d.weekday()] not in hours.days)
    quiet_day = min((p.start for p in org.quiet_periods), default=None)
    values["work_at"] = _iso(datetime.combine(work_day, middle, zone)) if work_day else None
    values["weekend_at"] = (
        _iso(datetime.combine(weekend_day, time(11, 0), zone)) if weekend_day else None
    )
    values["quiet_at"] = _iso(datetime.combine(quiet_day, middle, zone)) if quiet_day else None
    return values


def _first(items: list[str]) -> str | None:
    return items[0] if items else None


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _middle(start: time, end: time) -> time:
    """Half-way through the working day, on a quarter hour."""
    a, b = start.hour * 60 + start.minute, end.hour * 60 + end.minute
    if b <= a:
        b = a + 120
    minutes = (a + b) // 2 // 15 * 15
    return time(minutes // 60 % 24, minutes % 60)


def _work_day(org: Organisation) -> date | None:
    """The first ordinary working day from :data:`REFERENCE_DAY`: no holiday, no quiet period."""
    days = set(org.working_hours.days)
    closed: set[date] = set()
    if org.working_hours.holidays:
        import holidays

        try:
            calendar = holidays.country_holidays(
                org.working_hours.holidays, years=[REFERENCE_DAY.year, REFERENCE_DAY.year + 1]
            )
            closed = set(calendar)
        except NotImplementedError:  # an unknown country code: no holidays to avoid
            closed = set()

    def ordinary(d: date) -> bool:
        quiet = any(p.start <= d <= p.end for p in org.quiet_periods)
        return _WEEKDAYS[d.weekday()] in days and d not in closed and not quiet

    return _first_day(ordinary)


def _first_day(wanted: Callable[[date], bool]) -> date | None:
    for offset in range(366):
        day = REFERENCE_DAY + timedelta(days=offset)
        if wanted(day):
            return day
    return None
