"""The shape of a policy file, as typed models.

A policy has an ``organisation`` (names, products, competitors, confidential terms, internal
domains, quiet periods…), ``people`` (roles that matter), and ``rules``. Each rule has an
``id``, a ``kind`` from the rule catalogue, a ``severity``, the ``guideline`` text it stands
for in each language, optional ``message`` overrides, kind-specific ``settings`` and
``examples`` (posts that must raise it and posts that must not). The per-kind settings models
live in the rule modules; :func:`policy_model` assembles the full model from the registry.
"""

from __future__ import annotations

import re
from datetime import date, time
from functools import cache
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Severity = Literal["block", "warn", "tip"]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WORKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri")
LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2}$")]
LangText = dict[LanguageCode, str]
RULE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


class Strict(BaseModel):
    """Base for policy parts: unknown keys are errors, values are immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Product(Strict):
    name: str = Field(min_length=1, description="The product's public name.")
    prescription: bool = Field(False, description="A prescription medicine (pharma rules).")
    aliases: list[str] = Field(default_factory=list)


class QuietPeriod(Strict):
    start: date = Field(description="First day of the period (inclusive).")
    end: date = Field(description="Last day of the period (inclusive).")
    reason: str = ""

    @model_validator(mode="after")
    def _ordered(self) -> QuietPeriod:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class WorkingHours(Strict):
    start: time = time(8, 0)
    end: time = time(17, 0)
    days: list[Weekday] = Field(default_factory=lambda: list(WORKDAYS))
    holidays: str | None = Field(
        None, description="Country code whose public holidays are not working days (e.g. NL)."
    )

    @field_validator("holidays")
    @classmethod
    def _known_country(cls, value: str | None) -> str | None:
        if value is not None:
            from postwise.rules._time import holiday_calendar

            holiday_calendar(value)  # raises ValueError naming the unknown code
        return value

    @model_validator(mode="before")
    @classmethod
    def _from_pair(cls, value: Any) -> Any:
        # The organisation profile format writes working hours as ["08:30", "17:30"].
        if isinstance(value, list | tuple) and len(value) == 2:
            return {"start": value[0], "end": value[1]}
        return value


class Organisation(Strict):
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    handles: list[str] = Field(default_factory=list, description="Social handles, e.g. @acme.")
    hashtags: list[str] = Field(default_factory=list)
    timezone: str = "UTC"
    working_hours: WorkingHours = Field(default_factory=WorkingHours)
    languages: list[LanguageCode] = Field(default_factory=lambda: ["en", "sv", "nl"], min_length=1)
    regions: list[str] = Field(
        default_factory=lambda: ["SE", "NL", "GB"],
        description="Countries whose national phone and ID formats are recognised.",
    )
    products: list[Product] = Field(default_factory=list)
    competitors: list[str] = Field(default_factory=list)
    confidential_terms: list[str] = Field(default_factory=list)
    internal_domains: list[str] = Field(default_factory=list)
    public_contacts: list[str] = Field(default_factory=list)
    quiet_periods: list[QuietPeriod] = Field(default_factory=list)
    disclosure_tags: list[str] = Field(default_factory=list)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            close = sorted(z for z in available_timezones() if value.lower() in z.lower())[:3]
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise ValueError(f"unknown time zone {value!r} (use an IANA name){hint}") from None
        return value


class People(Strict):
    spokesperson_roles: list[str] = Field(
        default_factory=list, description="Roles that may speak on behalf of the organisation."
    )
    impartial_roles: list[str] = Field(
        default_factory=list, description="Roles bound to political impartiality."
    )


class Example(Strict):
    text: str = Field(min_length=1)
    context: dict[str, Any] | None = None
    note: str = ""

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value


class Examples(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    raise_: list[Example] = Field(default_factory=list, alias="raise")
    pass_: list[Example] = Field(default_factory=list, alias="pass")


class RuleSettings(Strict):
    """Settings shared by every kind; rule modules subclass it with their own fields."""


class RuleBase(Strict):
    id: str = Field(description="Unique id, lower case: letters, digits, - and _.")
    kind: str
    severity: Severity
    enabled: bool = True
    guideline: LangText = Field(description="The guideline this rule stands for, per language.")
    message: LangText = Field(default_factory=dict, description="Overrides the default message.")
    examples: Examples = Field(default_factory=Examples)
    settings: RuleSettings = Field(default_factory=RuleSettings)

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not RULE_ID.match(value):
            raise ValueError("use lower-case letters, digits, '-' and '_' (at most 64)")
        return value


class PolicyBase(Strict):
    postwise: Literal[1] = Field(1, description="Version of the policy file format.")
    title: LangText = Field(default_factory=dict)
    intro: LangText = Field(
        default_factory=dict,
        description="A short introduction, per language, opening the rendered policy page.",
    )
    organisation: Organisation
    people: People = Field(default_factory=People)
    rules: list[RuleBase] = Field(min_length=1)


def consistency_problems(policy: PolicyBase) -> list[tuple[tuple[str | int, ...], str]]:
    """Checks across fields, each with the location it is about (for line/column errors)."""
    found: list[tuple[tuple[str | int, ...], str]] = []
    seen: set[str] = set()
    languages = set(policy.organisation.languages)
    for i, rule in enumerate(policy.rules):
        if rule.id in seen:
            found.append((("rules", i, "id"), f"rule id {rule.id!r} is used twice"))
        seen.add(rule.id)
        missing = languages - set(rule.guideline)
        if missing:
            found.append(
                (
                    ("rules", i, "guideline"),
                    f"guideline lacks language(s) {', '.join(sorted(missing))} "
                    "(the organisation's languages)",
                )
            )
    return found


@cache
def policy_model() -> type[PolicyBase]:
    """The full policy model: each rule's ``settings`` typed by its kind (from the registry)."""
    from pydantic import create_model

    from postwise.rules import registry

    variants: list[Any] = []
    for kind in registry().values():
        fields: dict[str, Any] = {
            "kind": (Literal[kind.name], ...),
            "settings": (kind.settings, Field(default_factory=kind.settings)),
        }
        name = f"{kind.name.title().replace('_', '')}Rule"
        variants.append(create_model(name, __base__=RuleBase, **fields))
    # A union built at run time: pydantic validates it; static typing sees ``Any``.
    rule_type: Any = Annotated[_union(variants), Field(discriminator="kind")]
    rules_field: Any = (list[rule_type], Field(min_length=1))
    model: type[PolicyBase] = create_model("Policy", __base__=PolicyBase, rules=rules_field)
    return model


def _union(types: list[Any]) -> Any:
    from typing import Union

    return types[0] if len(types) == 1 else Union[tuple(types)]  # noqa: UP007
