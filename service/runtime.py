"""The running service's long-lived container, built once per app (or per CLI command).

`AppState` is the review domain's `ReviewContext` (settings, database, model, keys, vault,
auditor, metrics, link-graph cache, uncertainty sampler, clock) plus what only the partners' door
needs (the per-key rate limiter). Nothing here knows HTTP: the JSON API, the workspace pages, the
background worker and the CLI all build or receive one and hand it to `service.review`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from baliza.settings import Settings
from models.encoders import Encoders
from models.resolve import resolve_model
from service.audit import Auditor
from service.metrics import Metrics
from service.privacy.keys import load_secret_key, load_vault_key
from service.ratelimit import RateLimiter
from service.review.analysis import Analyser, InProcess
from service.review.context import ReviewContext, scrubber
from service.vault import Vault

if TYPE_CHECKING:  # loading models pulls in skops, scikit-learn and torch: seconds the CLI's
    from models.modeldir import Model  # account commands, which never score, should not pay


class ModelHolder:
    """The loaded model; swapped whole on reload so a request never sees half of two models.

    It keeps the app's one `Encoders` (the given model's, else its own, memory-only cache) and
    loads every reload through it: encoder weights load once per app, however often it reloads.
    """

    def __init__(self, settings: Settings, model: Model | None = None) -> None:
        self._settings = settings
        self._model = model
        self.encoders = model.encoders if model is not None else Encoders()
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def get(self) -> Model:
        if self._model is None:
            self.reload()
        assert self._model is not None
        return self._model

    def reload(self) -> Model:
        from models.modeldir import load_model  # see TYPE_CHECKING above
        from models.scoring import warm

        path = resolve_model(None, self._settings.model, self._settings.data_dir)
        model = load_model(path, self.encoders)
        warm(model)  # before the swap: no request pays for what the first scoring builds
        with self._lock:
            self._model = model
        return model


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
        return cls(
            analyser=analyser or InProcess(),
            settings=settings,
            engine=engine,
            sessions=sessions,
            model=ModelHolder(settings, model),
            secret_key=secret_key,
            vault=Vault(load_vault_key(settings)),
            auditor=Auditor(scrub=scrubber(secret_key)),
            metrics=Metrics(sessions),
            rate_limiter=RateLimiter(settings.rate_limit_per_minute, settings.char_budget_per_minute),
        )

    def reload_model(self, session: Session, actor: str) -> Model:
        """Load the model the settings now resolve to, without a restart; audited as `model.reload`.

        The old model keeps serving until the new one has loaded; if loading fails, nothing changes.
        """
        before = self.model.get().version
        model = self.model.reload()
        self.auditor.record(
            session, actor, "model.reload", f"model:{model.version}", detail={"previous": before}
        )
        session.commit()
        return model
