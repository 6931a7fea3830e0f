"""The languages the scribe works in, and how a language setting or code reads."""

from __future__ import annotations

LANGUAGES = ("en", "fr")


def requested(setting: str | None) -> str | None:
    """The language a setting asks for ("en" or "fr"); None for "auto" (detect) or nothing."""
    return setting if setting in LANGUAGES else None


def spoken(detected: str | None, setting: str | None) -> str:
    """A visit's language: the one detected in its audio, else the one asked for, else English."""
    return detected or requested(setting) or "en"


def supported(code: str | None) -> str:
    """The supported language a code stands for ("fr-CA" → "fr"): French or else English."""
    return "fr" if (code or "").startswith("fr") else "en"
