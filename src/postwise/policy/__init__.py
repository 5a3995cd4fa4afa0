"""The policy file: a short YAML document a communications officer edits.

``model`` defines its shape (validated with pydantic), ``loader`` reads a file and turns every
problem into a :class:`~postwise.policy.errors.PolicyError` with file, line and column, and
``compiled`` prepares a validated policy for fast checking.
"""
