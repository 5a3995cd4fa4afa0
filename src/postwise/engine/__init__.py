"""The check engine: a compiled policy plus a post and its context gives a report.

The engine is pure: it reads no clock, no file and no database, so the same inputs always
give the same report and one compiled policy serves any number of threads.
"""
