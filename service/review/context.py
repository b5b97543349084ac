"""What every review operation is given besides its database session: the `ReviewContext`.

The domain never reaches for globals, the web framework or the app: settings, keys, the vault, the
auditor, the model and where intake runs it (`analyser`), the metrics it reports to, the
link-graph cache, the random source of uncertainty sampling and the clock all come in here. The
running service's container (`service.runtime.AppState`) is a `ReviewContext`; a test builds one
with an in-memory database and a fixed clock (`tests/factories.py`), which is how the rules are
tested without any app.

The session is passed beside the context, not inside it: one context serves a whole process, and
the worker's jobs open sessions of their own from `sessions` (a webhook delivery holds none while
it waits on the network).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from baliza.settings import Settings
from service.audit import Auditor
from service.db.models import utcnow
from service.privacy.redact import redact
from service.review.analysis import Analyser, InProcess
from service.review.linking import LinkGraphs
from service.vault import Vault

if TYPE_CHECKING:  # loading models pulls in skops, scikit-learn and torch: seconds the CLI's
    from models.modeldir import Model  # account commands, which never score, should not pay
    from models.scored import Scored


class ModelSource(Protocol):
    """The loaded model, fetched per use so a reload is seen by the next request."""

    def get(self) -> Model: ...


class IntakeObserver(Protocol):
    """Where intake reports what it saw (the service's Prometheus metrics)."""

    def observe_intake(self, results: Sequence[Scored]) -> None: ...

    def observe_residual(self, counts: dict[str, int]) -> None: ...


def scrubber(secret_key: bytes) -> Callable[[str], str]:
    """Free text with personal data replaced by pseudonyms (for notes, reasons, audit rows)."""
    return lambda text: redact(text, secret_key).text


@dataclass(kw_only=True)
class ReviewContext:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    model: ModelSource
    secret_key: bytes
    vault: Vault
    auditor: Auditor
    metrics: IntakeObserver
    analyser: Analyser = field(default_factory=InProcess)  # intake's scoring and redaction
    links: LinkGraphs = field(default_factory=LinkGraphs)
    sampler: random.Random = field(default_factory=random.Random)
    now: Callable[[], datetime] = utcnow

    def scrub(self, text: str) -> str:
        """Free text with personal data replaced by pseudonyms, as the auditor writes reasons."""
        return self.auditor.scrub(text)
