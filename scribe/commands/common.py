"""What every service command does first: logging set up, the database migrated."""

from __future__ import annotations

from scribe.errors import ScribeError


def init(migrate: bool = True) -> None:
    from scribe.config import get_settings
    from scribe.core.db import migrate as run_migrations
    from scribe.core.observability import setup_logging

    cfg = get_settings()
    setup_logging(cfg.log_level, cfg.log_json)
    if migrate:
        try:
            run_migrations()
        except Exception as exc:
            raise ScribeError(
                f"cannot open the database ({type(exc).__name__}: {str(exc).splitlines()[0][:160]})"
            ) from None
