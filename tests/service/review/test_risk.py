"""Risk bands and the order they come with, on the domain alone: the band rule, the queue's order
(child risk, then a decisive indicator, then linked to a confirmed item, then score), claims
following it, and what drove an item's score."""

from __future__ import annotations

from datetime import timedelta

import pytest

from service.db.models import ItemPseudonym
from service.review import claims, clusters, items, queue, risk
from tests.factories import START, add_decisive_item, add_item
from tests.factories import indicator_spans as spans


@pytest.mark.parametrize(
    ("child", "reasons", "codes", "expected"),
    [
        (True, ["model"], [], "high"),  # child risk, whatever else
        (True, [], ["URGENCY"], "high"),
        (False, ["indicator:DEBT"], ["DEBT"], "high"),  # a decisive indicator flagged it alone
        (False, ["model", "indicator:DEBT"], ["DEBT"], "high"),
        (False, ["model"], ["RECRUITMENT_FEE", "URGENCY"], "medium"),  # model + strong and another
        (False, ["model"], ["URGENCY", "MESSENGER_ONLY", "NO_CONTRACT"], "medium"),  # model + three weak
        (False, ["model"], ["DOCUMENT_RETENTION"], "medium"),  # decisive found outside an offer
        (False, ["model"], ["RECRUITMENT_FEE"], "low"),  # a strong one alone is not enough
        (False, ["model"], ["URGENCY", "URGENCY", "MESSENGER_ONLY"], "low"),  # distinct codes count
        (False, ["model"], [], "low"),  # the model alone, nothing named
        (False, [], ["RECRUITMENT_FEE", "URGENCY"], "low"),  # no model flag, nothing decisive
        (False, None, [], "low"),
        (False, ["model"], ["NOT_A_CODE", "ALSO_NOT", "NOR_THIS"], "low"),  # unknown codes count nothing
    ],
)
def test_the_band_rule(child, reasons, codes, expected):
    assert risk.band(child_risk=child, flag_reasons=reasons, codes=codes) == expected


def test_decisive_reasons_and_the_highest_band():
    assert risk.decisive_reasons(["model", "indicator:DEBT", "indicator:TRAVEL_DEDUCTED"]) == [
        "DEBT",
        "TRAVEL_DEDUCTED",
    ]
    assert risk.decisive_reasons(None) == [] and risk.decisive_reasons(["model"]) == []
    assert risk.highest(["low", "medium", "low"]) == "medium"
    assert risk.highest(["medium", "high"]) == "high" and risk.highest([]) == "low"


def test_indicators_are_weighed_by_contribution_then_by_severity():
    found = ["DEBT", "RECRUITMENT_FEE", "URGENCY"]  # top_codes order: severity first
    by_model = risk.weighed(found, {"DEBT": 1.5, "RECRUITMENT_FEE": 2.25, "URGENCY": 0.1})
    assert [(w.code, w.severity, w.contribution) for w in by_model] == [
        ("RECRUITMENT_FEE", "strong", 2.25),
        ("DEBT", "decisive", 1.5),
        ("URGENCY", "weak", 0.1),
    ]
    partial = risk.weighed(found, {"URGENCY": 0.1})  # a code the model has no column for goes last
    assert [w.code for w in partial] == ["URGENCY", "DEBT", "RECRUITMENT_FEE"]
    assert [w.code for w in risk.weighed(found, None)] == found  # the model cannot say: severity order
    assert all(w.contribution is None for w in risk.weighed(found, None))


def test_the_queue_serves_child_risk_then_decisive_then_linked_then_score(ctx, session, people):
    p = people.partner
    top = add_item(session, p, START, score=0.99)
    linked = add_item(session, p, START, score=0.55, linked_confirmed=True)
    decisive = add_decisive_item(session, p, START, score=0.30)
    child = add_item(session, p, START + timedelta(hours=1), score=0.20, child_risk=True)
    lower = add_item(session, p, START, score=0.80, indicators=spans("URGENCY", "RECRUITMENT_FEE"))
    session.commit()
    page = queue.list_queue(session, ctx, people.ana, queue.Filters(), "priority", 50, 0)
    assert [e.id for e in page.items] == [child.id, decisive.id, linked.id, top.id, lower.id]
    bands = {e.id: (e.risk_band, e.decisive) for e in page.items}
    assert bands == {
        child.id: ("high", False),
        decisive.id: ("high", True),
        linked.id: ("low", False),
        top.id: ("low", False),
        lower.id: ("medium", False),
    }
    # Paging walks the same tiers: the second page starts where the first stopped.
    second = queue.list_queue(session, ctx, people.ana, queue.Filters(), "priority", 2, 2)
    assert [e.id for e in second.items] == [linked.id, top.id] and second.total == 5
    # Claims follow the same order.
    got = [claims.claim(session, ctx, who, queue.Filters()).id for who in (people.ana, people.bea)]
    assert got == [child.id, decisive.id]


def test_a_cluster_carries_its_riskiest_members_band(ctx, session, people):
    p = people.partner
    a = add_item(session, p, START, score=0.9, flag_reasons=["model"])
    b = add_item(session, p, START, score=0.9, flag_reasons=["indicator:DEBT"], decisive=True)
    alone = add_item(session, p, START, score=0.9, indicators=spans("URGENCY"))  # low, another cluster
    session.add_all([ItemPseudonym(item_id=i.id, kind="PHONE", token="PHONE_aa11") for i in (a, b)])
    session.add(ItemPseudonym(item_id=alone.id, kind="PHONE", token="PHONE_bb22"))
    session.commit()
    page = clusters.list_clusters(session, ctx, people.ana, queue.Filters(), 50, 0)
    [pair] = [c for c in page.clusters if c.size == 2]
    assert pair.item_ids == [a.id, b.id] and pair.risk_band == "high" and pair.decisive


def test_an_items_detail_says_what_drove_its_score(ctx, session, people):
    item = add_item(
        session,
        people.partner,
        START,
        indicators=spans("URGENCY", "RECRUITMENT_FEE"),
        contributions={"URGENCY": 0.4, "RECRUITMENT_FEE": 2.4},
    )
    session.commit()
    view = items.detail(session, ctx, people.ana, item)
    assert view.risk_band == "medium" and not view.decisive  # model + a strong and a weak one
    assert [(w.code, w.severity, w.contribution) for w in view.weighed] == [
        ("RECRUITMENT_FEE", "strong", 2.4),
        ("URGENCY", "weak", 0.4),
    ]
