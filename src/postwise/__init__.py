"""postwise: check social media posts against your organisation's own policy.

>>> from postwise import check, load_policy, Context
>>> policy = load_policy("policy.yaml")
>>> report = check("Sneak peek of #ProjectHeron!", Context(), policy)
>>> report.verdict, [f.rule_id for f in report.findings]
"""

from postwise.engine.check import check
from postwise.engine.context import Author, Context
from postwise.policy.compiled import CompiledPolicy, compile_policy, load_policy, load_policy_text
from postwise.policy.errors import InputError, PolicyError, Problem
from postwise.report.model import Finding, Fix, Report

__all__ = [
    "Author",
    "CompiledPolicy",
    "Context",
    "Finding",
    "Fix",
    "InputError",
    "PolicyError",
    "Problem",
    "Report",
    "check",
    "compile_policy",
    "load_policy",
    "load_policy_text",
]
