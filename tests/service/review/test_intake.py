"""Intake on the domain alone, with a model double (`score_ads` replaced): the model runs with no
transaction open, receipts hold keyed ids, a budget refuses before scoring, an id a concurrent
request stored meanwhile is answered from its receipt, and `source` and `external_id` are redacted
where they are stored and shown."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from sqlalchemy import event, func, select

from baliza.errors import Conflict, Invalid
from models import scoring as model_scoring
from models.ad import Ad
from models.indicators.span import IndicatorSpan
from models.minhash import from_bytes, signature, similarity
from models.scored import Scored
from service.db.models import Item, Receipt
from service.review import items, queue, receipts
from service.review.intake import PostedAd, intake
from service.review.linking import linked_items
from service.review.status import partner_status

AD = "Se busca camarera, alojamiento incluido, viaje pagado."
EMAIL_ID = "ana.lopez@example.com"


class StubModel:
    """The model slot: a version, a threshold and indicator weights; scoring is the test's
    `score_ads` double."""

    def get(self) -> SimpleNamespace:
        return SimpleNamespace(
            version="stub-1", threshold=0.5, indicator_weights={"DEBT": 2.5, "URGENCY": 0.25}
        )


class Scorer:
    """`score_ads` double: flags every ad; `during` runs inside the "model", once."""

    def __init__(self, during=None) -> None:  # type: ignore[no-untyped-def]
        self.calls: list[list[str]] = []
        self.during = during

    def __call__(self, model, ads, batch_size=64) -> list[Scored]:  # type: ignore[no-untyped-def]
        self.calls.append([ad.id for ad in ads])
        during, self.during = self.during, None
        if during is not None:
            during()
        return [
            Scored(
                id=ad.id,
                score=0.9,
                flagged=True,
                flag_reasons=("model",),
                child_risk=False,
                indicators=(),
                lang="es",
                model_version="stub-1",
            )
            for ad in ads
        ]


@pytest.fixture
def scoring(ctx, monkeypatch):  # type: ignore[no-untyped-def]
    """The context with the model double in place; returns (context, scorer)."""
    scorer = Scorer()
    monkeypatch.setattr(model_scoring, "score_ads", scorer)
    return dataclasses.replace(ctx, model=StubModel()), scorer


def _count(session, table) -> int:  # type: ignore[no-untyped-def]
    return session.scalar(select(func.count()).select_from(table))


def test_the_model_runs_with_no_transaction_open_and_receipts_hold_keyed_ids(scoring, session, people):
    ctx, scorer = scoring
    seen: list[bool] = []
    scorer.during = lambda: seen.append(session.in_transaction())
    answer = intake(session, ctx, people.partner, "score", [Ad(id="a-1", text=AD)])
    assert seen == [False]
    assert answer["items"][0]["external_id"] == "a-1" and answer["items"][0]["flagged"]
    stored = session.scalars(select(Receipt.external_id)).all()
    assert stored == [receipts.id_key(ctx, "a-1")] and "a-1" not in stored


def test_a_retry_is_answered_from_its_receipt_and_costs_no_budget(scoring, session, people):
    ctx, scorer = scoring
    admitted: list[int] = []
    first = intake(session, ctx, people.partner, "score", [Ad(id="a-1", text=AD)], admit=admitted.append)
    again = intake(session, ctx, people.partner, "score", [Ad(id="a-1", text=AD)], admit=admitted.append)
    assert first == again and admitted == [len(AD), 0] and scorer.calls == [["a-1"]]  # no 2nd call
    assert (_count(session, Item), _count(session, Receipt)) == (1, 1)


def test_a_changed_text_or_a_refused_budget_stops_before_any_scoring(scoring, session, people):
    ctx, scorer = scoring
    intake(session, ctx, people.partner, "score", [Ad(id="a-1", text=AD)])
    admitted: list[int] = []
    with pytest.raises(Conflict, match="different text"):
        intake(session, ctx, people.partner, "score", [Ad(id="a-1", text=AD + "!")], admit=admitted.append)

    def refuse(chars: int) -> None:
        raise RuntimeError(f"over budget: {chars}")

    with pytest.raises(RuntimeError, match=f"over budget: {len(AD)}"):
        intake(session, ctx, people.partner, "score", [Ad(id="a-2", text=AD)], admit=refuse)
    assert admitted == [] and scorer.calls == [["a-1"]]
    assert (_count(session, Item), _count(session, Receipt)) == (1, 1)


def test_an_id_stored_by_a_concurrent_request_meanwhile_is_answered_from_its_receipt(
    scoring, session, people
):
    ctx, scorer = scoring

    def concurrent() -> None:  # the same ad arrives through another request while the model runs
        with ctx.sessions() as other:
            intake(other, ctx, people.partner, "ingest", [Ad(id="a-1", text=AD)])

    scorer.during = concurrent
    answer = intake(session, ctx, people.partner, "score", [Ad(id="a-1", text=AD), Ad(id="a-2", text=AD)])
    assert [i["external_id"] for i in answer["items"]] == ["a-1", "a-2"]
    channels = dict(session.execute(select(Item.external_id, Item.channel)).all())
    assert channels == {"a-1": "ingest", "a-2": "score"}  # a-1 written once, by the request that won
    assert _count(session, Receipt) == 2


def test_a_concurrent_request_with_another_text_under_the_id_makes_the_write_a_conflict(
    scoring, session, people
):
    ctx, scorer = scoring

    def concurrent() -> None:
        with ctx.sessions() as other:
            intake(other, ctx, people.partner, "ingest", [Ad(id="a-1", text=AD + " (otra)")])

    scorer.during = concurrent
    with pytest.raises(Conflict, match="different text"):
        intake(session, ctx, people.partner, "score", [Ad(id="a-1", text=AD), Ad(id="a-2", text=AD)])
    assert session.scalars(select(Item.channel)).all() == ["ingest"]  # nothing of the refused request


def test_source_and_external_id_are_redacted_where_stored_and_shown(scoring, session, people):
    ctx, _ = scoring
    ads = [
        Ad(id=EMAIL_ID, text=AD, source="contacto 612 345 678", url="https://ads.example.net/a/1"),
        Ad(id="a-2", text=AD, source="ads.example.net"),
    ]
    answer = intake(session, ctx, people.partner, "ingest", ads)
    assert [i["external_id"] for i in answer["items"]] == [EMAIL_ID, "a-2"]  # the partner's own ids
    rows = {row.source: row for row in session.scalars(select(Item))}
    mine = rows.pop(next(s for s in rows if s != "ads.example.net"))
    assert mine.external_id.startswith("[EMAIL:") and "612" not in mine.source and "[PHONE:" in mine.source
    assert mine.url == "https://ads.example.net/a/1" and set(rows) == {"ads.example.net"}  # a site stays
    listed = queue.list_queue(session, ctx, people.ana, queue.Filters(), "age", 10, 0)
    assert {e.source for e in listed.items} == {mine.source, "ads.example.net"}
    shown = items.open_item(session, ctx, people.ana, mine.id)
    assert (shown.external_id, shown.source) == (mine.external_id, mine.source)
    assert partner_status(session, ctx, people.partner, EMAIL_ID).status == "queued"
    assert EMAIL_ID not in session.scalars(select(Receipt.external_id)).all()


def test_a_receipt_written_before_ids_were_keyed_still_answers(scoring, session, people):
    ctx, scorer = scoring
    session.add(
        Receipt(
            partner_id=people.partner.id,
            external_id="old-1",
            text_hash=receipts.text_hash(ctx, AD),
            result={"score": 0.1, "flagged": False, "indicators": [], "lang": "es"},
            flagged=False,
        )
    )
    session.commit()
    answer = intake(session, ctx, people.partner, "score", [Ad(id="old-1", text=AD)])
    assert answer["items"][0]["flagged"] is False and scorer.calls == []
    assert partner_status(session, ctx, people.partner, "old-1").status == "not-flagged"


def test_a_queued_ad_keeps_its_signature_and_its_page_reads_no_linked_text(scoring, session, people):
    ctx, _ = scoring
    ads = [Ad(id="s-1", text=AD + " Tel 612 345 678"), Ad(id="s-2", text=AD + " Contacto 612 345 678.")]
    intake(session, ctx, people.partner, "ingest", ads)
    first, second = session.scalars(select(Item).order_by(Item.id)).all()
    assert from_bytes(first.minhash).tolist() == signature(first.text).tolist()
    expected = round(similarity(signature(first.text), signature(second.text)), 3)
    statements: list[str] = []

    def keep(_conn, _cursor, statement, *_rest) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    engine = session.get_bind()
    event.listen(engine, "before_cursor_execute", keep)
    try:
        [link] = linked_items(session, first)
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    assert (link.id, link.similarity, link.shared_tokens != []) == (second.id, expected, True)
    assert statements and not any("items.text" in sql for sql in statements), statements


def test_an_item_queued_before_signatures_were_stored_is_signed_from_its_text(scoring, session, people):
    ctx, _ = scoring
    ads = [Ad(id="o-1", text=AD + " Tel 612 345 678"), Ad(id="o-2", text=AD + " Contacto 612 345 678.")]
    intake(session, ctx, people.partner, "ingest", ads)
    first, second = session.scalars(select(Item).order_by(Item.id)).all()
    expected = linked_items(session, first)[0].similarity
    second.minhash = None
    session.commit()
    assert linked_items(session, first)[0].similarity == expected


def test_intake_brings_the_link_graph_up_to_date_so_no_analyst_pays_for_it(scoring, session, people):
    ctx, _ = scoring
    assert ctx.links.count(session, [1]) == {}  # a graph exists (of no items)
    ads = [Ad(id="l-1", text=AD + " Tel 612 345 678"), Ad(id="l-2", text="Otro. Contacto 612 345 678.")]
    intake(session, ctx, people.partner, "ingest", ads)
    first, second = session.scalars(select(Item).order_by(Item.id)).all()
    ctx.links._lock.acquire()  # had intake left the update to the next count, that count would be stale
    try:
        assert ctx.links.count(session, [first.id, second.id]) == {first.id: 1, second.id: 1}
    finally:
        ctx.links._lock.release()


def test_the_posting_time_and_place_are_stored_checked_clamped_and_redacted(scoring, session, people, clock):
    ctx, _ = scoring
    ads = [
        PostedAd(id="p-1", text=AD, posted_at="2030-01-02T10:00:00+01:00", location="Sevilla"),
        PostedAd(id="p-2", text=AD + " 2", posted_at="2031-05-01", location="llamar al +34 612 345 678"),
        Ad(id="p-3", text=AD + " 3"),
    ]
    intake(session, ctx, people.partner, "ingest", ads)
    rows = {r.external_id: r for r in session.scalars(select(Item))}
    assert (rows["p-1"].posted_at, rows["p-1"].location) == ("2030-01-02T09:00:00+00:00", "Sevilla")
    assert rows["p-2"].posted_at == clock().date().isoformat()  # after its arrival: clamped to it
    assert "612" not in rows["p-2"].location and "[PHONE:" in rows["p-2"].location
    assert (rows["p-3"].posted_at, rows["p-3"].location) == (None, None)
    detail = items.detail(session, ctx, people.ana, rows["p-1"])
    assert (detail.location, detail.age_since) == ("Sevilla", "posted")
    assert detail.age_seconds == int((clock() - datetime(2030, 1, 2, 9, tzinfo=UTC)).total_seconds())
    with pytest.raises(Invalid, match=r"p-4.*ISO 8601"):
        intake(session, ctx, people.partner, "ingest", [PostedAd(id="p-4", text=AD + " 4", posted_at="ayer")])


def test_a_decisive_flag_and_what_each_indicator_weighed_are_stored(scoring, session, people, monkeypatch):
    ctx, scorer = scoring

    def with_indicators(model, ads, batch_size=64):  # type: ignore[no-untyped-def]
        spans = (IndicatorSpan("DEBT", 0, 5), IndicatorSpan("URGENCY", 6, 9), IndicatorSpan("DEBT", 10, 15))
        return [
            dataclasses.replace(result, flag_reasons=("model", "indicator:DEBT"), indicators=spans)
            for result in scorer(model, ads, batch_size)
        ]

    monkeypatch.setattr(model_scoring, "score_ads", with_indicators)
    intake(session, ctx, people.partner, "ingest", [Ad(id="d-1", text=AD)])
    monkeypatch.setattr(model_scoring, "score_ads", scorer)
    intake(session, ctx, people.partner, "ingest", [Ad(id="d-2", text=AD + " Otra.")])
    decisive, plain = session.scalars(select(Item).order_by(Item.id)).all()
    assert (decisive.decisive, decisive.contributions) == (True, {"DEBT": 2.5, "URGENCY": 0.25})
    assert (plain.decisive, plain.contributions) == (False, {})
