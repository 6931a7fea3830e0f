"""The service's database: one engine per process and URL (SQLite by default, embedded; PostgreSQL in
production; the same code and migrations serve both), sessions, Alembic migrations, and the asyncio
engine the most polled reads use on the event loop. The tables are in scribe.core.tables; every
tenant-owned row carries tenant_id and every query that reads one filters on it.
"""

from __future__ import annotations

import asyncio
import os
import threading
import weakref
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from scribe.config import get_settings

_engines: dict[str, tuple] = {}
_lock = threading.Lock()


def database_url() -> str:
    cfg = get_settings()
    return cfg.database_url or _sqlite_url(str(cfg.data_dir))


@lru_cache(maxsize=8)
def _sqlite_url(data_dir: str) -> str:
    """Once per data dir: the mkdir and path resolution cost more than the query of a REST read."""
    path = private_data_dir(Path(data_dir)) / "scribe.db"
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))  # SQLite gives its -wal and -shm the same mode
    for part in (path, path.with_name("scribe.db-wal"), path.with_name("scribe.db-shm")):
        if part.exists():
            part.chmod(0o600)  # files made before this release were 0644
    return f"sqlite:///{path.resolve()}"


def private_data_dir(data_dir: Path) -> Path:
    """The data dir (database, audio objects, keys, voices), created or narrowed to its owner (0700)."""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    if data_dir.stat().st_mode & 0o077:
        data_dir.chmod(0o700)
    return data_dir


def _sqlite_pragmas(dbapi_connection, _record):
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across process crashes
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def engine_and_sessions(url: str | None = None):
    url = url or database_url()
    with _lock:
        if url not in _engines:
            if url.startswith("sqlite"):
                engine = create_engine(
                    url,
                    connect_args={"check_same_thread": False, "timeout": 15},
                    pool_size=20,
                    max_overflow=20,
                    pool_use_lifo=True,
                )
                event.listen(engine, "connect", _sqlite_pragmas)
            else:
                engine = create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)
            _engines[url] = (engine, sessionmaker(engine, expire_on_commit=False))
        return _engines[url]


def get_engine(url: str | None = None):
    return engine_and_sessions(url)[0]


@contextmanager
def session_scope(url: str | None = None):
    """A transaction: commit on success, roll back on error."""
    session: Session = engine_and_sessions(url)[1]()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def migrate(url: str | None = None) -> None:
    """Bring the schema to the newest Alembic revision (idempotent; safe from many processes)."""
    from alembic import command  # alembic: loaded only to migrate
    from alembic.config import Config

    url = url or database_url()
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    cfg.attributes["connection_url"] = url
    engine = get_engine(url)
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":  # two processes migrating at once wait on each other
            connection.execute(text("SELECT pg_advisory_xact_lock(727274)"))
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")


def check(url: str | None = None) -> None:
    with get_engine(url).connect() as connection:
        connection.execute(text("SELECT 1"))


def reset_engines() -> None:
    with _lock:
        for engine, _ in _engines.values():
            engine.dispose()
        _engines.clear()
        _async_engines.clear()


_async_engines: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # event loop -> {url: AsyncEngine}


def async_engine(url: str | None = None):
    """An asyncio engine (PostgreSQL through psycopg's async connections) for the running event loop: its
    connections belong to that loop, so each loop has its own. Autocommit, for single statements: no
    BEGIN, and no ROLLBACK when the connection goes back to the pool (each is a round trip). A fixed
    pool, no overflow: under a burst, requests wait a moment for a connection, where overflow connections
    would be opened and closed again for each one, a PostgreSQL backend started per request
    (docs/scaling.md, "The REST read path")."""
    from sqlalchemy.ext.asyncio import create_async_engine  # the async engine: only for reads on the loop

    url = url or database_url()
    engines = _async_engines.setdefault(asyncio.get_running_loop(), {})
    if url not in engines:
        engines[url] = create_async_engine(
            url, pool_size=8, max_overflow=0, pool_recycle=1800, isolation_level="AUTOCOMMIT"
        )
    return engines[url]


async def on_loop(work, url: str | None = None):
    """`await work(connection)` on the loop's engine (autocommit); once more if the connection turned
    out dead. No ping per checkout (a round trip each): after a PostgreSQL restart the first error drops
    every connection of the pool, and the retry gets a fresh one."""
    for attempt in (0, 1):
        try:
            async with async_engine(url).connect() as conn:
                return await work(conn)
        except DBAPIError as exc:
            if attempt or not exc.connection_invalidated:
                raise


def local_database() -> bool:
    """SQLite: a primary-key read or a small commit is a fraction of a millisecond of local file access,
    cheaper done synchronously on the event loop than through a thread or an async driver."""
    return database_url().startswith("sqlite")
