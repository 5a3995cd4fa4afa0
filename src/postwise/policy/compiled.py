"""A validated policy prepared for checking: matchers built, rules compiled, version hashed.

Compiling costs milliseconds to a second (10,000 confidential terms); checking then costs
microseconds. A :class:`CompiledPolicy` is immutable and safe to share between threads.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

from postwise.policy.errors import PolicyError, Problem
from postwise.policy.model import Organisation, PolicyBase, RuleBase
from postwise.text.automaton import SharedWalk
from postwise.text.matcher import TermMatcher

EntityCategory = Literal["organisation", "product", "competitor", "disclosure_tag"]


@dataclass(frozen=True)
class Entity:
    """Something the organisation listed that a post may mention."""

    category: EntityCategory
    name: str
    prescription: bool = False


class CompiledOrganisation:
    """The organisation's names, products and competitors as one matcher, plus its settings."""

    def __init__(self, org: Organisation) -> None:
        self.model = org
        self.languages: tuple[str, ...] = tuple(org.languages)
        self.zone = ZoneInfo(org.timezone)
        entries: list[tuple[str, Entity]] = []
        for name in [org.name, *_short_forms(org.name), *org.aliases, *org.handles, *org.hashtags]:
            entries.append((name, Entity("organisation", org.name)))
        for product in org.products:
            for name in [product.name, *product.aliases]:
                entries.append((name, Entity("product", product.name, product.prescription)))
        for name in org.competitors:
            for form in [name, *_short_forms(name)]:
                entries.append((form, Entity("competitor", name)))
        for tag in org.disclosure_tags:
            entries.append((tag, Entity("disclosure_tag", tag)))
        self.entities = TermMatcher(entries, languages=self.languages)


def _short_forms(name: str) -> list[str]:
    """A company's name without its generic words ("Caldris Pharma" → "Caldris"), when one
    word of at least four letters is left (see ``data/text/company_words.yaml``)."""
    from postwise.text.data import load_data

    generic = frozenset(load_data("text", "company_words.yaml"))
    words = name.split()
    kept = [w for w in words if w.lower().strip(",") not in generic]
    if len(kept) == 1 and len(kept) < len(words) and len(kept[0]) >= 4 and kept[0].isalpha():
        return [kept[0]]
    return []


@dataclass(frozen=True)
class CompiledRule:
    spec: RuleBase
    detect: object  # postwise.rules.Detector; typed loosely to keep import order one-way


class CompiledPolicy:
    def __init__(
        self,
        policy: PolicyBase,
        organisation: CompiledOrganisation,
        rules: tuple[CompiledRule, ...],
        version: str,
    ) -> None:
        self.model = policy
        self.version = version
        self.organisation = organisation
        self.languages = self.organisation.languages
        self.rules = rules
        # The lexicons this policy's checks ask about a post, walked as one (see the module).
        self.walk = SharedWalk()

    def rule(self, rule_id: str) -> CompiledRule:
        for rule in self.rules:
            if rule.spec.id == rule_id:
                return rule
        raise KeyError(rule_id)


def policy_version(policy: PolicyBase) -> str:
    """A stable hash of the policy's meaning (not its formatting or comments)."""
    canonical = json.dumps(
        policy.model_dump(mode="json", by_alias=True), sort_keys=True, ensure_ascii=False
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def compile_policy(
    policy: PolicyBase,
    source: str = "<policy>",
    marks: Mapping[tuple[str | int, ...], tuple[int, int]] | None = None,
) -> CompiledPolicy:
    """Compile every enabled rule; a rule that cannot be compiled is a :class:`PolicyError`.

    ``marks`` (from the loader) lets such an error name its line and column.
    """
    from postwise.policy.model import consistency_problems
    from postwise.rules import RuleConfigError, registry

    inconsistent = []
    for loc, message in consistency_problems(policy):
        line, column = (marks or {}).get(loc) or (None, None)
        inconsistent.append(Problem(source, message, line, column))
    if inconsistent:
        raise PolicyError(inconsistent)
    kinds = registry()
    org = CompiledOrganisation(policy.organisation)
    compiled: list[CompiledRule] = []
    problems: list[Problem] = []
    for i, rule in enumerate(policy.rules):
        if not rule.enabled:
            continue
        try:
            compiled.append(CompiledRule(rule, kinds[rule.kind].compile(rule, org)))
        except RuleConfigError as exc:
            loc = ("rules", i, "settings", *exc.loc)
            line, column = (marks or {}).get(loc, (None, None))
            path = f"rules[{i}].settings" + "".join(
                f"[{p}]" if isinstance(p, int) else f".{p}" for p in exc.loc
            )
            problems.append(Problem(source, str(exc), line, column, path))
    if problems:
        raise PolicyError(problems)
    return CompiledPolicy(policy, org, tuple(compiled), policy_version(policy))


def load_policy(path: str | Path) -> CompiledPolicy:
    """Read, validate and compile a policy file."""
    from postwise.policy.loader import read_policy_marked

    model, marks = read_policy_marked(path)
    return compile_policy(model, str(path), marks)


def load_policy_text(text: str, source: str = "<policy>") -> CompiledPolicy:
    """Validate and compile policy YAML given as text (the API and the editor use this)."""
    from postwise.policy.loader import parse_policy_marked

    model, marks = parse_policy_marked(text.encode("utf-8"), source)
    return compile_policy(model, source, marks)
