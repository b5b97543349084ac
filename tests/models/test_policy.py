"""The flag policy: the model's score, or a decisive indicator in an offer of work, travel or lodging."""

from __future__ import annotations

from models.indicators import detect
from models.indicators.offer import OfferContext
from models.indicators.taxonomy import load_taxonomy
from models.policy import CHILD_CODES, decide


def test_a_decisive_indicator_alone_flags_a_low_score() -> None:
    result = decide(0.02, 0.5, ["DOCUMENT_RETENTION"], offers=True)
    assert result.flagged and result.flag_reasons == ("indicator:DOCUMENT_RETENTION",)
    assert not result.child_risk


def test_a_weak_indicator_alone_does_not_flag() -> None:
    result = decide(0.02, 0.5, ["URGENCY"], offers=True)
    assert not result.flagged and result.flag_reasons == ()


def test_strong_indicators_alone_do_not_flag_either() -> None:
    assert not decide(0.1, 0.5, ["RECRUITMENT_FEE", "SCAM_COMPOUND_LURE"], offers=True).flagged


def test_the_model_reason_comes_first_and_codes_follow_taxonomy_order() -> None:
    result = decide(0.9, 0.5, ["MINORS_TARGETED", "TRAVEL_DEDUCTED", "URGENCY"], offers=True)
    assert result.flag_reasons == ("model", "indicator:TRAVEL_DEDUCTED", "indicator:MINORS_TARGETED")
    assert result.child_risk


def test_score_at_the_threshold_flags() -> None:
    assert decide(0.5, 0.5, [], offers=False).flag_reasons == ("model",)


def test_a_decisive_indicator_outside_an_offer_does_not_flag_but_child_risk_stays() -> None:
    result = decide(0.01, 0.5, ["MINORS_TARGETED"], offers=False)
    assert not result.flagged and result.child_risk


def test_child_codes_are_decisive_codes_of_the_taxonomy() -> None:
    taxonomy = load_taxonomy()
    assert all(taxonomy[code].decisive for code in CHILD_CODES)


def test_offer_context() -> None:
    offer = OfferContext()
    assert offer.offers("Se busca ayudante de cocina, pago semanal")
    assert offer.offers("Hiring drivers, accommodation provided")
    assert not offer.offers("Vendo bicicleta roja, poco uso")


def test_policy_on_real_text_end_to_end() -> None:
    text = "Se busca chica de 15 años para atender en una tienda, buen pago."
    found = [s.code for s in detect(text)]
    result = decide(0.05, 0.4, found, OfferContext().offers(text))
    assert result.flagged and result.child_risk
    assert "indicator:MINORS_TARGETED" in result.flag_reasons


def test_a_warning_that_quotes_red_flags_is_not_an_offer() -> None:
    warning = (
        "¿Te ofrecieron trabajo en Argentina? Si te dicen que te guardan el carnet o que el pasaje se "
        "descuenta, NO vayas y denuncia. #trata"
    )
    found = [s.code for s in detect(warning)]
    assert "DOCUMENT_RETENTION" in found or "TRAVEL_DEDUCTED" in found
    assert not OfferContext().offers(warning)
    assert not decide(0.01, 0.5, found, OfferContext().offers(warning)).flagged
