"""The tables. Redacted text and keyed pseudonyms only; original values live encrypted in `vault`.

Every timestamp is timezone-aware UTC. Items cascade to everything that hangs off them, so erasure
and retention delete one row and the database removes the rest.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    and_,
    false,
    true,
)
from sqlalchemy.ext.hybrid import hybrid_method
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.sql.elements import ColumnElement


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """Aware UTC datetimes on every backend (SQLite would hand back naive ones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime; use utcnow()")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict] = {datetime: UTCDateTime}


class Partner(Base):
    __tablename__ = "partners"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    webhook_url: Mapped[str | None] = mapped_column(String(2000))
    webhook_secret: Mapped[bytes | None] = mapped_column(LargeBinary)  # vault-encrypted
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ApiKey(Base):
    __tablename__ = "api_keys"
    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"))
    prefix: Mapped[str] = mapped_column(String(16), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scopes: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuthToken(Base):
    """A person's bearer token or UI session; only its SHA-256 is stored."""

    __tablename__ = "auth_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]


class Receipt(Base):
    """What a partner was answered for one external id: makes /v1/score idempotent without keeping
    the text of ads that were not flagged, nor the id in clear (`external_id` and `text_hash` are
    keyed hashes, `service/review/receipts.py`)."""

    __tablename__ = "receipts"
    __table_args__ = (UniqueConstraint("partner_id", "external_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(200))
    text_hash: Mapped[str] = mapped_column(String(64))
    result: Mapped[dict] = mapped_column(JSON)
    flagged: Mapped[bool] = mapped_column(Boolean)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class Item(Base):
    """A flagged ad in review: redacted text, score, indicators (spans into the redacted text)."""

    __tablename__ = "items"
    __table_args__ = (
        Index("ix_items_queue", "state", "score"),
        Index("ix_items_uncertainty", "state", "uncertainty"),
        Index("ix_items_child_queue", "state", "child_risk", "score"),
        Index("ix_items_risk_queue", "state", "child_risk", "decisive", "linked_confirmed", "score"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(10))  # score | ingest
    source: Mapped[str | None] = mapped_column(String(100))
    url: Mapped[str | None] = mapped_column(String(2000))
    text: Mapped[str] = mapped_column(Text)
    # The redacted text's MinHash signature (`models.minhash.to_bytes`), kept so an
    # item page does not re-sign every linked ad on every view; NULL for items queued before 0004.
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    lang: Mapped[str | None] = mapped_column(String(8))
    score: Mapped[float] = mapped_column(Float)
    uncertainty: Mapped[float] = mapped_column(Float, default=0.0)
    indicators: Mapped[list] = mapped_column(JSON)
    # Why the flag policy put the item here ("model", "indicator:CODE"; models/policy.py) and
    # whether the ad targets people under 18 (served first by the queue).
    flag_reasons: Mapped[list | None] = mapped_column(JSON, default=list)
    child_risk: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Whether the item shares a token or band with a confirmed item (set when that one is
    # confirmed; served right after child risk, see review/clusters.py).
    linked_confirmed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Whether a decisive indicator flagged it ("indicator:CODE" in flag_reasons), stored so the queue's
    # tiers can group by it (served after child risk); and per indicator code found, how much it moved
    # the score in log-odds (models/explain.py; NULL when the model could not say).
    decisive: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    contributions: Mapped[dict | None] = mapped_column(JSON)
    model_version: Mapped[str] = mapped_column(String(100))
    posted_at: Mapped[str | None] = mapped_column(String(40))
    location: Mapped[str | None] = mapped_column(String(200))  # the place the ad names, redacted like source
    duplicate_of: Mapped[str | None] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(12), default="queued")  # queued|escalated|confirmed|dismissed
    claimed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    lease_until: Mapped[datetime | None]
    # Whether the *current* claim was an uncertainty sample (active learning, see review/queue.py):
    # set on every new claim, copied onto the Decision the claim holder records.
    uncertainty_sampled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    escalated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    decided_at: Mapped[datetime | None] = mapped_column(index=True)

    # The claim rule, in one place for Python and SQL alike: a claim is live while someone holds the
    # item and their lease has not run out; a lease that ended is no claim (the item is claimable).

    @hybrid_method
    def claim_live(self, now: datetime) -> bool:
        return self.claimed_by is not None and self.lease_until is not None and self.lease_until > now

    @claim_live.inplace.expression
    @classmethod
    def _claim_live(cls, now: datetime) -> ColumnElement[bool]:
        return and_(cls.claimed_by.is_not(None), cls.lease_until.is_not(None), cls.lease_until > now)

    @hybrid_method
    def held_by(self, user_id: int, now: datetime) -> bool:
        return self.claimed_by == user_id and self.claim_live(now)

    @held_by.inplace.expression
    @classmethod
    def _held_by(cls, user_id: int, now: datetime) -> ColumnElement[bool]:
        return and_(cls.claimed_by == user_id, cls.claim_live(now))


class ItemPseudonym(Base):
    __tablename__ = "item_pseudonyms"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    token: Mapped[str] = mapped_column(String(40), index=True)


class ItemBand(Base):
    """MinHash LSH band keys of an item's text: two items sharing a band are near-duplicate candidates."""

    __tablename__ = "item_bands"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    band: Mapped[str] = mapped_column(String(40), index=True)


class VaultEntry(Base):
    """Original values of an item's redacted data, Fernet-encrypted under the vault key."""

    __tablename__ = "vault"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), unique=True)
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class Decision(Base):
    __tablename__ = "decisions"
    # A reviewer's decisions today, counted in the header of every page (service/review/exposure.py).
    __table_args__ = (Index("ix_decisions_user_created", "user_id", "created_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    role: Mapped[str] = mapped_column(String(20))
    decision: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(String(60))
    note: Mapped[str] = mapped_column(Text, default="")
    uncertainty_sampled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class UnmaskRequest(Base):
    __tablename__ = "unmask_requests"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    requester_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="pending")  # pending|approved|rejected
    approver_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    approved_at: Mapped[datetime | None]


class CaseReport(Base):
    __tablename__ = "case_reports"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), unique=True)
    body: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Case(Base):
    """Several confirmed items a supervisor puts together; its report and takedown are `case_documents`."""

    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class CaseItem(Base):
    __tablename__ = "case_items"
    __table_args__ = (UniqueConstraint("case_id", "item_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)


class CaseDocument(Base):
    """A case's report (R7b) or takedown (R7c): draft -> signed_off -> sent -> acknowledged (four eyes)."""

    __tablename__ = "case_documents"
    __table_args__ = (UniqueConstraint("case_id", "kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # report | takedown
    state: Mapped[str] = mapped_column(String(15), default="draft")
    body: Mapped[dict] = mapped_column(JSON)
    drafted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    signed_off_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    signed_off_at: Mapped[datetime | None]
    sent_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    sent_at: Mapped[datetime | None]
    acknowledged_at: Mapped[datetime | None]
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class WebhookDelivery(Base):
    """A takedown notice to a partner; `attempts` grows with every try (each one also audited)."""

    __tablename__ = "webhook_deliveries"
    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id", ondelete="SET NULL"))
    event: Mapped[str] = mapped_column(String(30))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="pending")  # pending|delivered|failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    last_status: Mapped[int | None]
    last_error: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The case whose signed-off takedown sent this notice (issue 15); NULL for notices sent before cases.
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), index=True)


class WebhookAttempt(Base):
    __tablename__ = "webhook_attempts"
    id: Mapped[int] = mapped_column(primary_key=True)
    delivery_id: Mapped[int] = mapped_column(
        ForeignKey("webhook_deliveries.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(default=utcnow)
    status_code: Mapped[int | None]
    error: Mapped[str | None] = mapped_column(String(300))


class ScoreCounter(Base):
    """Per partner and day: how many ads were scored and flagged (all that is kept of unflagged ads)."""

    __tablename__ = "score_counters"
    __table_args__ = (UniqueConstraint("partner_id", "day"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"))
    day: Mapped[str] = mapped_column(String(10))
    scored: Mapped[int] = mapped_column(Integer, default=0)
    flagged: Mapped[int] = mapped_column(Integer, default=0)


class AuditEvent(Base):
    """Append-only and hash-chained: `hash` = SHA-256(previous hash + this row's canonical JSON)."""

    __tablename__ = "audit_log"
    # The ads one person opened today, counted in the header of every page (service/review/exposure.py):
    # the index answers the count alone, target included.
    __table_args__ = (Index("ix_audit_log_viewer", "actor", "action", "at", "target"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(40), index=True)
    target: Mapped[str | None] = mapped_column(String(120))
    reason: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class RateBucket(Base):
    """A partner key's token bucket of one kind (`requests`, `chars`), shared by every worker
    process (`service.ratelimit.PostgresBuckets`); `at` is seconds since the epoch."""

    __tablename__ = "rate_buckets"
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    key_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    tokens: Mapped[float] = mapped_column(Float)
    at: Mapped[float] = mapped_column(Float)


class Epoch(Base):
    """A counter a writer bumps when state other processes hold in memory went stale (the loaded
    model, after a reload); each process compares it with the value it loaded at (`service.db.epochs`)."""

    __tablename__ = "epochs"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class Watch(Base):
    """A reviewer's watch on a pseudonym token: items holding it that arrive after `created_at` are
    flagged to them (`service/review/watch.py`). Per person; nobody else sees whom one watches."""

    __tablename__ = "watches"
    __table_args__ = (UniqueConstraint("user_id", "token"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token: Mapped[str] = mapped_column(String(40), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


#: A break reminder after this many decisions unless the reviewer chose otherwise.
BREAK_EVERY_DEFAULT = 25


class UserPrefs(Base):
    """One reviewer's wellbeing preferences (`service/review/prefs.py`); no row means the defaults:
    ad text blurred, colour kept, a break reminder every 25 decisions."""

    __tablename__ = "user_prefs"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    blur_text: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    greyscale: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    break_every: Mapped[int] = mapped_column(
        Integer, default=BREAK_EVERY_DEFAULT, server_default=str(BREAK_EVERY_DEFAULT)
    )  # decisions; 0 = never remind
    break_taken_at: Mapped[datetime | None]
