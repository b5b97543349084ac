"""Everything a request may need, built once per app: settings, database, model, keys, auditor.

Routes never build these themselves; they reach them through `deps.py`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from baliza.settings import Settings
from models.resolve import resolve_model
from service.api.metrics import Metrics
from service.api.ratelimit import RateLimiter
from service.audit import Auditor
from service.privacy.keys import load_secret_key, load_vault_key
from service.privacy.redact import redact
from service.vault import Vault

if TYPE_CHECKING:  # loading models pulls in skops, scikit-learn and torch: seconds the CLI's
    from models.modeldir import Model  # account commands, which never score, should not pay


class ModelHolder:
    """The loaded model; swapped whole on reload so a request never sees half of two models."""

    def __init__(self, settings: Settings, model: Model | None = None) -> None:
        self._settings = settings
        self._model = model
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
        from models.modeldir import load_model

        path = resolve_model(None, self._settings.model, self._settings.data_dir)
        model = load_model(path)
        with self._lock:
            self._model = model
        return model


@dataclass
class AppState:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    model: ModelHolder
    secret_key: bytes
    vault: Vault
    auditor: Auditor = field(init=False)
    rate_limiter: RateLimiter = field(init=False)
    metrics: Metrics = field(init=False)

    def __post_init__(self) -> None:
        self.auditor = Auditor(scrub=self.scrub)
        self.rate_limiter = RateLimiter(self.settings.rate_limit_per_minute)
        self.metrics = Metrics(self.sessions)

    def scrub(self, text: str) -> str:
        """Free text with personal data replaced by pseudonyms (for notes, reasons, audit rows)."""
        return redact(text, self.secret_key).text

    @classmethod
    def build(
        cls, settings: Settings, engine: Engine, sessions: sessionmaker[Session], model: Model | None = None
    ) -> AppState:
        return cls(
            settings=settings,
            engine=engine,
            sessions=sessions,
            model=ModelHolder(settings, model),
            secret_key=load_secret_key(settings),
            vault=Vault(load_vault_key(settings)),
        )
