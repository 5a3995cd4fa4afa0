"""Finders for the ``personal_data`` rule: national IDs, account and card numbers, phone
numbers, people and their health. Each finder is compiled once per policy and returns spans
in folded offsets; the rule module decides which of them become findings."""
