"""The ``postwise`` command line."""
