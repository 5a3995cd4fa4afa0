"""What a check tells people: the report's data model and its renderings (terminal, JSON)."""
