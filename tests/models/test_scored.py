"""`Scored`: the `baliza score` line and the API item, from the one result record."""

from __future__ import annotations

from models.indicators import IndicatorSpan
from models.scored import Scored

# CONTRACTS.md, "CLI output formats": the keys of a `baliza score` line, in order.
CONTRACT_LINE = (
    "id", "score", "flagged", "flag_reasons", "child_risk", "indicators", "lang", "model_version",
)  # fmt: skip
RESULT = Scored(
    id="v2-w6-0001",
    score=0.999895,
    flagged=True,
    flag_reasons=("model", "indicator:TRAVEL_DEDUCTED"),
    child_risk=False,
    indicators=(IndicatorSpan("JOB_ABROAD_DECEPTIVE", 5, 21), IndicatorSpan("TRAVEL_DEDUCTED", 163, 224)),
    lang="es",
    model_version="hybrid-use-m3-d24aa98027",
)


def test_to_json_is_the_contract_score_line():
    line = RESULT.to_json()
    assert tuple(line) == CONTRACT_LINE
    assert line["flag_reasons"] == ["model", "indicator:TRAVEL_DEDUCTED"]
    assert line["indicators"][1] == {"code": "TRAVEL_DEDUCTED", "start": 163, "end": 224}
    assert Scored.from_json(line) == RESULT


def test_to_api_is_a_response_item():
    item = RESULT.to_api()
    assert tuple(item) == ("external_id", *CONTRACT_LINE[1:-1])
    assert item["external_id"] == RESULT.id and item["score"] == RESULT.score
