"""The API's schemas are the edge of the one ad record (`models.ad.Ad`, `models.scored.Scored`), and
of what a partner posts besides it: the place the ad names (`PostedAd.location`)."""

from __future__ import annotations

from models.ad import API_ID, Ad
from models.indicators.span import IndicatorSpan
from models.scored import Scored
from service.api.routes.score import AdIn, Batch, ScoredAd, _incoming
from service.review.intake import PostedAd


def test_every_field_a_partner_sends_is_a_field_of_the_ad_record():
    assert API_ID in AdIn.model_fields
    assert set(AdIn.model_fields) - {API_ID} == set(PostedAd.names()) - {"id", "title", "content_hash"}
    assert PostedAd.names()[: len(Ad.names())] == Ad.names() and set(PostedAd.names()) - set(Ad.names()) == {
        "location"
    }


def test_a_request_item_becomes_an_ad_whose_id_is_the_external_id():
    batch = Batch(
        items=[AdIn(external_id="p-1", text="Se busca camarera", lang="es", url="https://x.example/1")]
    )
    [ad] = _incoming(batch)
    assert ad == PostedAd(id="p-1", text="Se busca camarera", lang="es", url="https://x.example/1")
    assert ad.to_api() == {
        "external_id": "p-1",
        "text": "Se busca camarera",
        "url": "https://x.example/1",
        "lang": "es",
    }


def test_the_response_item_has_exactly_the_scored_records_api_fields():
    scored = Scored(
        id="p-1",
        score=0.7,
        flagged=True,
        flag_reasons=("model",),
        child_risk=False,
        indicators=(IndicatorSpan("DEBT", 0, 4),),
        lang="es",
        model_version="m",
    )
    assert set(scored.to_api()) == set(ScoredAd.model_fields)
    assert ScoredAd(**scored.to_api()).external_id == "p-1"


def test_the_posting_time_is_checked_and_the_place_kept_at_the_edge():
    [ad] = _incoming(Batch(items=[AdIn(external_id="p-2", text="t", posted_at="20261003", location="Lima")]))
    assert (ad.posted_at, ad.location) == ("2026-10-03", "Lima")
