"""Prometheus metrics of one app: requests, latency, intake, flags by indicator, queue depth.

A registry per app (not the global one), so tests and several apps in one process do not mix.
Queue depth is read from the database at scrape time; the rest are counted as things happen: intake
reports to `observe_intake` and `observe_residual` (the review domain's `IntakeObserver`), the HTTP
middleware (`service/api/metrics.py`) to `requests` and `latency`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from service.db.models import Item

if TYPE_CHECKING:
    from models.scored import Scored


class QueueDepth:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    def collect(self):  # type: ignore[no-untyped-def]
        family = GaugeMetricFamily("baliza_queue_depth", "Items in review by state", labels=["state"])
        with self.sessions() as session:
            counts = dict(session.execute(select(Item.state, func.count()).group_by(Item.state)).all())
        for state in ("queued", "escalated", "confirmed", "dismissed"):
            family.add_metric([state], counts.get(state, 0))
        yield family


class Metrics:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "baliza_requests", "HTTP requests", ["method", "route", "status"], registry=self.registry
        )
        self.latency = Histogram(
            "baliza_request_seconds",
            "HTTP request latency",
            ["route"],
            registry=self.registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
        )
        self.scored = Counter("baliza_items_scored", "Ads scored", registry=self.registry)
        self.flagged = Counter("baliza_items_flagged", "Ads flagged", registry=self.registry)
        self.flags_by_indicator = Counter(
            "baliza_flags_by_indicator",
            "Flagged ads by indicator seen",
            ["indicator"],
            registry=self.registry,
        )
        self.flagged_by_reason = Counter(
            "baliza_flags_by_reason",
            "Flagged ads by flag reason (model, indicator:CODE)",
            ["reason"],
            registry=self.registry,
        )
        self.child_risk = Counter(
            "baliza_items_child_risk", "Ads targeting people under 18", registry=self.registry
        )
        # Values still shaped like contact data after the recognizers ran (service/privacy/residual.py):
        # each is a recognizer gap, masked at the door instead of reaching an analyst.
        self.redaction_residual = Counter(
            "baliza_redaction_residual",
            "Contact-shaped values masked by the residual check after redaction, by kind",
            ["kind"],
            registry=self.registry,
        )
        self.registry.register(QueueDepth(sessions))

    def observe_intake(self, results: Sequence[Scored]) -> None:
        for result in results:
            self.scored.inc()
            if result.flagged:
                self.flagged.inc()
                for code in {span.code for span in result.indicators}:
                    self.flags_by_indicator.labels(code).inc()
                for reason in result.flag_reasons:
                    self.flagged_by_reason.labels(reason).inc()
            if result.child_risk:
                self.child_risk.inc()

    def observe_residual(self, counts: dict[str, int]) -> None:
        for kind, n in counts.items():
            self.redaction_residual.labels(kind).inc(n)

    def render(self) -> bytes:
        return generate_latest(self.registry)
