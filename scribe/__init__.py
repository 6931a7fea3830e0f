"""Ambient consultation scribe: speech pipeline, clinical documents, delivery."""

from scribe import _moved

__version__ = "0.1.0"

_moved.install()
