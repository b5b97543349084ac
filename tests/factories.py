"""Test data builders: a fake encoder, small labelled corpora drawn from the committed dataset, and
the review domain's context and rows on an in-memory database (no app, no HTTP)."""

from __future__ import annotations

import dataclasses
import json
import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from baliza.settings import Settings
from models.encoders import Encoders, normalise_rows
from service.audit import Auditor
from service.db.engine import session_factory
from service.db.models import Base, Item, Partner, User
from service.review.context import ReviewContext, scrubber
from service.vault import Vault

REPO = Path(__file__).resolve().parents[1]
TRAIN_FILE = REPO / "labelled_data" / "synthetic-v1" / "train.jsonl"
TEST_FILE = REPO / "labelled_data" / "synthetic-v1" / "test.jsonl"


class FakeEncoder:
    """Hashed character trigrams, 64 dims: deterministic, instant, and no model weights."""

    name = "fake-hash"
    dim = 64
    calls = 0

    def __init__(self) -> None:
        self._vectoriser = HashingVectorizer(analyzer="char_wb", ngram_range=(3, 3), n_features=self.dim)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        type(self).calls += 1
        return normalise_rows(self._vectoriser.transform(list(texts)).toarray())


def fake_encoders() -> Encoders:
    """A holder that knows `FakeEncoder` (for processes a test starts, which build their own)."""
    return Encoders(factories={FakeEncoder.name: FakeEncoder})


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def small_corpus(source: Path = TRAIN_FILE, per_family: int = 6, seed: int = 7) -> list[dict]:
    """A few rows of every family: small enough to train in seconds, varied enough to learn."""
    rows = read_jsonl(source)
    by_family: dict[str, list[dict]] = {}
    for row in rows:
        by_family.setdefault(row["family"], []).append(row)
    rng = random.Random(seed)
    picked: list[dict] = []
    for family in sorted(by_family):
        members = by_family[family]
        picked.extend(rng.sample(members, min(per_family, len(members))))
    return picked


# --- Review service: planted personal data and decisions (tests of unmask, retention, erasure, export) ---


def planted_values(i: int) -> tuple[str, str]:
    """A Spanish mobile number (as written in the ad) and an e-mail that occur nowhere else."""
    return f"+34 612 {300 + i:03d} {400 + i:03d}", f"planted.persona{i}@ejemplo-correo.com"


def plant_flagged(client, headers: dict[str, str], count: int, first: int = 0) -> list[dict]:  # type: ignore[no-untyped-def]
    """Score positive ads carrying planted phones and e-mails until `count` are flagged.

    Returns per flagged ad: `external_id`, `phone` (as written), `e164`, `email`, and `item_id`
    is left for the caller to look up (the partner API does not expose internal ids).
    """
    positives = [r for r in read_jsonl(TEST_FILE) if r["label"] == 1]
    planted: list[dict] = []
    for i, row in enumerate(positives[first:], start=first):
        if len(planted) == count:
            break
        phone, email = planted_values(i)
        text = f"{row['text']}\nWhatsApp {phone} o escribe a {email}"
        body = {"items": [{"external_id": f"plant-{i}", "text": text}]}
        response = client.post("/v1/score", json=body, headers=headers)
        assert response.status_code == 200, response.text
        if response.json()["items"][0]["flagged"]:
            e164 = "+" + "".join(ch for ch in phone if ch.isdigit())
            planted.append({"external_id": f"plant-{i}", "phone": phone, "e164": e164, "email": email})
    assert len(planted) == count, "the test model flagged too few positives"
    return planted


# --- Review domain without an app: a context on any engine, with a clock the test sets ---------------

START = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)  # a Monday morning, far from the real clock


def at(ctx, moment):  # type: ignore[no-untyped-def]
    """The same context (same database, holders and keys) with its clock stopped at `moment`."""
    return dataclasses.replace(ctx, now=lambda: moment)


class Clock:
    """A clock that moves only when the test says so."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> datetime:
        self.moment += timedelta(**delta)
        return self.moment


class Untrained:
    """The model slot of a context whose test never scores."""

    def get(self):  # type: ignore[no-untyped-def]
        raise AssertionError("this test must not score")


class Uncounted:
    """Metrics that count nothing."""

    def observe_intake(self, results) -> None:  # type: ignore[no-untyped-def]
        pass

    def observe_residual(self, counts: dict[str, int]) -> None:
        pass


def memory_engine() -> Engine:
    """One in-memory SQLite database shared by every session (StaticPool), with the schema and, as
    the service's engine has them, foreign keys (deleting an item cascades)."""
    engine = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", lambda connection, _record: connection.execute("PRAGMA foreign_keys=ON"))
    Base.metadata.create_all(engine)
    return engine


def review_context(engine: Engine, clock: Clock, data_dir: Path, **settings: object) -> ReviewContext:
    secret_key = b"test-secret-key-" * 2
    return ReviewContext(
        settings=Settings(data_dir=data_dir, database_url="sqlite://", uncertainty_share=0.0, **settings),
        engine=engine,
        sessions=session_factory(engine),
        model=Untrained(),
        secret_key=secret_key,
        vault=Vault(b"test-vault-key"),
        auditor=Auditor(scrub=scrubber(secret_key)),
        metrics=Uncounted(),
        now=clock,
    )


def add_partner(session: Session, name: str = "acme", webhook_url: str | None = None) -> Partner:
    partner = Partner(name=name, webhook_url=webhook_url)
    session.add(partner)
    session.flush()
    return partner


def add_user(session: Session, name: str, role: str = "analyst") -> User:
    user = User(name=name, role=role, password_hash="not-a-hash", active=True, failed_logins=0)
    session.add(user)
    session.flush()
    return user


def add_item(session: Session, partner: Partner, created_at: datetime, **fields: object) -> Item:
    """A queued item with a neutral text; `fields` override any column (score, child_risk, state...)."""
    values: dict = {
        "external_id": f"ad-{session.query(Item).count() + 1}",
        "channel": "score",
        "text": "Se busca personal para trabajo de temporada.",
        "score": 0.9,
        "uncertainty": 0.1,
        "indicators": [],
        "flag_reasons": ["model"],
        "model_version": "test-model",
        "state": "queued",
        **fields,
    }
    item = Item(partner_id=partner.id, created_at=created_at, **values)
    session.add(item)
    session.flush()
    return item


def indicator_spans(*codes: str) -> list[dict]:
    """Indicator spans of the given codes, one per code, within `add_item`'s neutral text."""
    return [{"code": code, "start": 10 * i, "end": 10 * i + 5} for i, code in enumerate(codes)]


def add_decisive_item(session: Session, partner: Partner, created_at: datetime, **fields: object) -> Item:
    """A queued item a decisive indicator (DEBT, in an offer) flagged on its own, as intake stores it."""
    values = {
        "flag_reasons": ["indicator:DEBT"],
        "decisive": True,
        "indicators": indicator_spans("DEBT"),
        **fields,
    }
    return add_item(session, partner, created_at, **values)
