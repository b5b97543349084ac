"""Takedown notices: signed webhooks to the partner whose ad was confirmed (recommendation 7c).

Sending a case's signed-off takedown (`service.review.cases.send`) enqueues one delivery row per ad
whose partner has a webhook, in the same transaction as the state change, so a notice is never lost
nor sent for a sign-off that rolled back; a single analyst's confirm sends nothing (four eyes). The
worker calls `deliver_due()` every few seconds:
- the body is stored once, as the exact bytes sent every time, and signed with
  `X-Baliza-Signature` = hex HMAC-SHA256(body) under the partner's webhook secret, so partners can
  verify it and a retry is byte-identical;
- the body names the item, the partner's own external id, indicator codes and the report id — never
  the text, redacted or not; the partner has the ad already;
- 2xx is success; anything else (status, timeout, refused connection) is retried after 2 s, 4 s, 8 s …
  (capped) until MAX_ATTEMPTS, then the delivery is `failed`. Every attempt is a `webhook_attempts`
  row and an audit event; when every notice of a case is delivered, its takedown is `acknowledged`;
- a due delivery is taken by a compare-and-set that moves its next attempt into the future, and the
  HTTP call runs outside any transaction (SQLite's write lock is never held across the network);
- before each attempt the URL is checked again (`service.security.outbound`: https, public addresses
  only, unless `BALIZA_WEBHOOK_ALLOW_PRIVATE`) and the connection goes to the address checked; a
  refused one is a failed attempt like any other, so the admin sees why in the attempts.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from datetime import datetime, timedelta

import httpx
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from service.db.models import CaseDocument, Item, Partner, WebhookAttempt, WebhookDelivery
from service.review.accounts import webhook_secret
from service.review.context import ReviewContext
from service.review.vocabulary import top_codes
from service.security import outbound

log = logging.getLogger("baliza.webhooks")
MAX_ATTEMPTS = 8
BACKOFF_BASE_SECONDS = 2
BACKOFF_CAP_SECONDS = 300
TIMEOUT_SECONDS = 5.0
IN_FLIGHT = timedelta(seconds=60)  # a taken delivery is not due again while its attempt runs
BATCH = 50
SIGNATURE_HEADER = "X-Baliza-Signature"


def sign(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def backoff(attempts: int) -> timedelta:
    """Wait after the `attempts`-th failed attempt: 2 s, 4 s, 8 s … at most BACKOFF_CAP_SECONDS."""
    return timedelta(seconds=min(BACKOFF_BASE_SECONDS**attempts, BACKOFF_CAP_SECONDS))


def takes_notices(partner: Partner | None) -> bool:
    """Whether a takedown notice can be sent to this partner at all (it has a webhook)."""
    return partner is not None and bool(partner.webhook_url)


def enqueue_takedown(
    session: Session, item: Item, report_id: str, case_id: int, now: datetime
) -> WebhookDelivery | None:
    """A pending takedown notice of a case for the item's partner, if it has a webhook (caller commits)."""
    partner = session.get(Partner, item.partner_id)
    if not takes_notices(partner):
        return None
    assert partner is not None
    body = {
        "event": "takedown",
        "external_id": item.external_id,
        "item_id": item.id,
        "indicators": top_codes(item.indicators),
        "decided_at": (item.decided_at or now).isoformat(),
        "report_id": report_id,
        "case_id": case_id,
    }
    row = WebhookDelivery(
        partner_id=partner.id,
        item_id=item.id,
        case_id=case_id,
        event="takedown",
        body=json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False),
        status="pending",
        attempts=0,
        next_attempt_at=now,
        created_at=now,
    )
    session.add(row)
    session.flush()
    return row


def deliver_due(ctx: ReviewContext, client: httpx.Client | None = None) -> int:
    """Attempt every delivery due at `ctx.now()`; returns how many were attempted."""
    now = ctx.now()
    with ctx.sessions() as session:
        due = list(
            session.scalars(
                select(WebhookDelivery.id)
                .where(WebhookDelivery.status == "pending", WebhookDelivery.next_attempt_at <= now)
                .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id)
                .limit(BATCH)
            )
        )
        session.commit()
    if not due:
        return 0
    own = client is None
    client = client or httpx.Client(timeout=TIMEOUT_SECONDS, follow_redirects=False)
    try:
        return sum(_attempt(ctx, delivery_id, now, client) for delivery_id in due)
    finally:
        if own:
            client.close()


def _attempt(ctx: ReviewContext, delivery_id: int, now: datetime, client: httpx.Client) -> bool:
    with ctx.sessions() as session:
        taken = session.execute(
            update(WebhookDelivery)
            .where(
                WebhookDelivery.id == delivery_id,
                WebhookDelivery.status == "pending",
                WebhookDelivery.next_attempt_at <= now,
            )
            .values(next_attempt_at=now + IN_FLIGHT)
            .execution_options(synchronize_session=False)
        )
        if taken.rowcount != 1:  # type: ignore[attr-defined]
            session.rollback()
            return False  # another worker took it
        delivery = session.get(WebhookDelivery, delivery_id)
        assert delivery is not None
        partner = session.get(Partner, delivery.partner_id)
        url = partner.webhook_url if partner else None
        secret = webhook_secret(ctx, partner) if partner else None
        body = delivery.body.encode()
        session.commit()
    status, error = _post(client, url, secret, body, delivery_id, ctx.settings.webhook_allow_private)
    with ctx.sessions() as session:
        delivery = session.get(WebhookDelivery, delivery_id)
        if delivery is None:  # the item's partner was deleted meanwhile
            return True
        delivery.attempts += 1
        delivery.last_status = status
        delivery.last_error = error
        ok = status is not None and 200 <= status < 300
        if ok:
            delivery.status = "delivered"
        elif delivery.attempts >= MAX_ATTEMPTS or url is None or secret is None:
            delivery.status = "failed"
        else:
            delivery.next_attempt_at = now + backoff(delivery.attempts)
        session.add(WebhookAttempt(delivery_id=delivery_id, at=now, status_code=status, error=error))
        if ok and delivery.case_id is not None:
            session.flush()
            _acknowledge_case(ctx, session, delivery.case_id, now)
        ctx.auditor.record(
            session,
            "system:webhooks",
            "webhook.attempt",
            f"webhook:{delivery_id}",
            detail={
                "event": delivery.event,
                "item": delivery.item_id,
                "attempt": delivery.attempts,
                "status_code": status,
                "outcome": delivery.status,
            },
        )
        session.commit()
        log.info("webhook %s attempt %s: %s", delivery_id, delivery.attempts, status or error)
    return True


def _acknowledge_case(ctx: ReviewContext, session: Session, case_id: int, now: datetime) -> None:
    """A sent takedown becomes `acknowledged` once every notice of its case was delivered (2xx)."""
    undelivered = (
        select(WebhookDelivery.id)
        .where(WebhookDelivery.case_id == case_id, WebhookDelivery.status != "delivered")
        .exists()
    )
    done = session.execute(
        update(CaseDocument)
        .where(
            CaseDocument.case_id == case_id,
            CaseDocument.kind == "takedown",
            CaseDocument.state == "sent",
            ~undelivered,
        )
        .values(state="acknowledged", acknowledged_at=now)
        .execution_options(synchronize_session=False)
    )
    if done.rowcount == 1:  # type: ignore[attr-defined]
        ctx.auditor.record(
            session,
            "system:webhooks",
            "case.acknowledge",
            f"case:{case_id}",
            detail={"document": "takedown", "from": "sent", "to": "acknowledged"},
        )


def _post(
    client: httpx.Client,
    url: str | None,
    secret: str | None,
    body: bytes,
    delivery_id: int,
    allow_private: bool,
) -> tuple[int | None, str | None]:
    """(HTTP status or None, error or None) of one POST; never raises."""
    if url is None or secret is None:
        return None, "the partner has no webhook URL or secret any more"
    try:
        target, request_url = outbound.pin(url, allow_private), httpx.URL(url)
    except (outbound.Refused, httpx.InvalidURL) as exc:
        return None, f"refused: the webhook {exc}"[:300]
    except OSError as exc:
        return None, f"cannot resolve the webhook's host: {exc}"[:300]
    headers = {
        "Content-Type": "application/json",
        SIGNATURE_HEADER: sign(secret, body),
        "X-Baliza-Event": "takedown",
        "X-Baliza-Delivery": str(delivery_id),
    }
    extensions: dict[str, str] = {}
    if target.address is not None:  # connect to the address checked, name the host as the URL does
        headers["Host"] = request_url.netloc.decode("ascii")
        extensions = {"sni_hostname": request_url.raw_host.decode("ascii")}
        request_url = request_url.copy_with(host=target.address)
    try:
        response = client.post(
            request_url, content=body, headers=headers, timeout=TIMEOUT_SECONDS, extensions=extensions
        )
    except httpx.HTTPError as exc:
        return None, f"{type(exc).__name__}: {exc}"[:300]
    if 200 <= response.status_code < 300:
        return response.status_code, None
    return response.status_code, f"HTTP {response.status_code}"
