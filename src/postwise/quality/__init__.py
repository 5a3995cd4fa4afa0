"""Measured detection quality: precision and recall per rule kind on labelled posts."""
