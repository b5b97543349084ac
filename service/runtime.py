"""The running service's long-lived container, built once per app (or per CLI command).

`AppState` is the review domain's `ReviewContext` (settings, database, model, keys, vault,
auditor, metrics, link-graph cache, uncertainty sampler, clock) plus what only the partners' door
needs (the per-key rate limiter). Nothing here knows HTTP: the JSON API, the workspace pages, the
background worker and the CLI all build or receive one and hand it to `service.review`.

Several processes may serve one PostgreSQL database (`baliza serve --workers N`), each with its own
`AppState`; what one process holds in memory must then not go stale or be counted per process:
- the rate limits live in a store every process shares, chosen here once (`bucket_store`): Redis
  when `BALIZA_REDIS_URL` is set, else the PostgreSQL database itself, else (SQLite, which has one
  process) this process's memory;
- the model is reloaded when another process reloaded it (`ModelHolder` compares the `model` epoch
  before each use, `service.db.epochs`);
- the link-graph cache is checked against the database on every use (`LinkGraphs`); the sampler is
  only a random source, seeded per process; the metrics count per process (a scrape sees the
  worker that answered it; queue depth is read from the database and is the same in all);
- login lockouts are database rows, the audit chain is serialised by the database, and the
  background jobs run in one process at a time (`service.db.leader`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from baliza.settings import Settings
from models.encoders import Encoders
from models.resolve import resolve_model
from service.audit import Auditor
from service.db import epochs
from service.metrics import Metrics
from service.privacy.keys import load_secret_key, load_vault_key
from service.ratelimit import BucketStore, MemoryBuckets, PostgresBuckets, RateLimiter, RedisBuckets
from service.review.analysis import Analyser, InProcess
from service.review.context import ReviewContext, scrubber
from service.vault import Vault

if TYPE_CHECKING:  # loading models pulls in skops, scikit-learn and torch: seconds the CLI's
    from models.modeldir import Model  # account commands, which never score, should not pay


class ModelHolder:
    """The loaded model; swapped whole on reload so a request never sees half of two models.

    It keeps the app's one `Encoders` (the given model's, else its own, memory-only cache) and
    loads every reload through it: encoder weights load once per app, however often it reloads.
    Given `epoch` (a read of the database's `model` epoch; only where several processes may share
    the database), it compares that epoch before each use and reloads when another process has.
    """

    def __init__(
        self, settings: Settings, model: Model | None = None, epoch: Callable[[], int] | None = None
    ) -> None:
        self._settings = settings
        self._model = model
        self._epoch = epoch
        self._loaded_at: int | None = None  # the epoch of `_model`; None for a given model until first use
        self.encoders = model.encoders if model is not None else Encoders()
        self._lock = threading.Lock()
        self._loading = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def get(self) -> Model:
        if self._model is None or self._stale():
            with self._loading:  # one reload per process, however many requests noticed
                if self._model is None or self._stale():
                    self.reload()
        assert self._model is not None
        return self._model

    def _stale(self) -> bool:
        if self._epoch is None:
            return False
        now = self._epoch()
        if self._loaded_at is None:  # a model handed in at start is the one of the epoch seen first
            self._loaded_at = now
        return now != self._loaded_at

    def reload(self) -> Model:
        from models.modeldir import load_model  # see TYPE_CHECKING above
        from models.scoring import warm_up

        epoch = self._epoch() if self._epoch is not None else 0  # before loading: a later bump reloads
        path = resolve_model(None, self._settings.model, self._settings.data_dir)
        model = load_model(path, self.encoders)
        warm_up(model)  # before the swap: no request pays for what the first scoring builds
        with self._lock:
            self._model, self._loaded_at = model, epoch
        return model

    def loaded_at(self, model: Model, epoch: int) -> None:
        """Record that `model` is the one of `epoch` (this process made that epoch by reloading)."""
        with self._lock:
            if self._model is model:
                self._loaded_at = epoch


def bucket_store(settings: Settings, engine: Engine) -> BucketStore:
    """Where the partners' token buckets live: shared by every process serving the database."""
    if settings.redis_url:
        return RedisBuckets.connect(settings.redis_url)
    if engine.dialect.name == "postgresql":
        return PostgresBuckets(engine)
    return MemoryBuckets()


@dataclass(kw_only=True)
class AppState(ReviewContext):
    model: ModelHolder
    metrics: Metrics
    rate_limiter: RateLimiter

    @classmethod
    def build(
        cls,
        settings: Settings,
        engine: Engine,
        sessions: sessionmaker[Session],
        model: Model | None = None,
        analyser: Analyser | None = None,
    ) -> AppState:
        """Keys come from the settings (or the data dir's generated key files); intake scores in the
        request's thread unless an `analyser` (`baliza serve`'s scoring process) is given."""
        secret_key = load_secret_key(settings)
        shared = engine.dialect.name != "sqlite"  # other processes may serve this database
        epoch = partial(epochs.read, engine, epochs.MODEL) if shared else None
        return cls(
            analyser=analyser or InProcess(),
            settings=settings,
            engine=engine,
            sessions=sessions,
            model=ModelHolder(settings, model, epoch),
            secret_key=secret_key,
            vault=Vault(load_vault_key(settings)),
            auditor=Auditor(scrub=scrubber(secret_key)),
            metrics=Metrics(sessions),
            rate_limiter=RateLimiter(
                bucket_store(settings, engine),
                per_minute=settings.rate_limit_per_minute,
                chars_per_minute=settings.char_budget_per_minute,
            ),
        )

    def reload_model(self, session: Session, actor: str) -> Model:
        """Load the model the settings now resolve to, without a restart; audited as `model.reload`.

        The old model keeps serving until the new one has loaded; if loading fails, nothing changes.
        The `model` epoch is bumped in the same transaction, so every other process serving the
        database reloads before its next use of the model.
        """
        before = self.model.get().version
        model = self.model.reload()
        epoch = epochs.bump(session, epochs.MODEL)
        self.auditor.record(
            session, actor, "model.reload", f"model:{model.version}", detail={"previous": before}
        )
        session.commit()
        self.model.loaded_at(model, epoch)
        return model
