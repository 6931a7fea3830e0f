"""Ambient consultation scribe: speech pipeline, clinical documents, delivery."""

__version__ = "0.1.0"
