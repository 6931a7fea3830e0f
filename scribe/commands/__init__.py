"""CLI command groups wired into scribe/cli.py."""
