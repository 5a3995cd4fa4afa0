"""The HTTP API (FastAPI): the stateless check, posts and reviews, policy, people, audit.

It calls the workflow and the store; it never reaches into the engine's rules.
"""
