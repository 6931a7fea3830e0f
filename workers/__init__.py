"""Task workers: the same task bodies run under Celery (SCRIBE_REDIS_URL set) or in-process (embedded)."""
