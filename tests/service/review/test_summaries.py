"""Report summaries are written in each language from the same facts, with plural forms and each
language's numbers and dates."""

from __future__ import annotations

from datetime import UTC, datetime

from service.review.summaries import CaseFacts, ItemFacts, case_summary, in_every_language, item_summary

WHEN = datetime(2030, 1, 2, 9, 30, tzinfo=UTC)


def facts(**changes: object) -> ItemFacts:
    base = {
        "source": "a.test",
        "lang": "es",
        "received": WHEN,
        "crawled": False,
        "score": 0.97,
        "model_version": "hybrid-x",
        "confirmed": WHEN,
        "codes": ["RECRUITMENT_FEE", "MINORS_TARGETED"],
        "child_risk": True,
        "flag_reasons": ["model", "indicator:MINORS_TARGETED"],
        "linked": 1,
    }
    return ItemFacts(**(base | changes))  # type: ignore[arg-type]


def test_an_item_summary_in_both_languages() -> None:
    both = in_every_language(item_summary, facts())
    assert set(both) == {"es", "en"}
    en, es = both["en"], both["es"]
    minors_en, minors_es = "Minors or very young people targeted", "Dirigido a menores o muy jóvenes"
    assert en.startswith("An online job advertisement from a.test (es), received Jan 2, 2030 through a")
    assert "was scored 0.97 by model hybrid-x" in en
    assert f"It shows 2 risk indicators: Fee charged to the worker, {minors_en}" in en
    assert "targets people under 18" in en
    assert f"flagged by the model's score and the decisive indicator “{minors_en}”" in en
    assert "linked to 1 other advertisement by" in en
    assert es.startswith("Un anuncio de empleo en línea de a.test (es), recibido el 2 ene 2030 a través")
    assert "puntuación de 0,97 con el modelo" in es  # a decimal comma in Spanish
    assert f"Muestra 2 indicadores de riesgo: Cobro al trabajador, {minors_es}" in es
    assert "se dirige a menores de 18 años" in es and "la puntuación del modelo y el indicador decisivo" in es
    assert "vinculado a 1 anuncio más" in es


def test_singular_and_plural_forms_follow_the_counts() -> None:
    one = item_summary(facts(codes=["DEBT"], linked=3, child_risk=False, flag_reasons=["model"]), "en")
    assert "It shows 1 risk indicator: Debt or wage deductions." in one
    assert "linked to 3 other advertisements" in one and "under 18" not in one
    bare = facts(codes=[], linked=0, source=None, lang=None, crawled=True, child_risk=False)
    none = item_summary(bare, "es")
    assert none.startswith("Un anuncio de empleo en línea (idioma desconocido), recibido el 2 ene 2030")
    assert "a través del rastreador" in none
    assert "Muestra 0 indicadores de riesgo." in none and "otros 0 anuncios" in none


def test_a_case_summary_counts_ads_places_minors_and_shared_tokens() -> None:
    case = CaseFacts(
        ads=3,
        sources=["a.test", "b.test"],
        places=["Murcia"],
        first_seen=WHEN,
        last_seen=datetime(2030, 2, 1, tzinfo=UTC),
        codes=["DEBT"],
        minors=1,
        shared_tokens=2,
    )
    en, es = case_summary(case, "en"), case_summary(case, "es")
    assert en.startswith("3 online job advertisements from a.test, b.test placed in Murcia, first seen Jan 2")
    assert "Together they show 1 risk indicator: Debt or wage deductions; 1 targets people under 18" in en
    assert en.endswith("2 contact tokens recur across them.")
    assert es.startswith("3 anuncios de empleo en línea de a.test, b.test en Murcia; primera aparición el 2")
    assert "1 se dirige a menores de 18 años" in es
    assert es.endswith("se repiten 2 datos de contacto entre ellos.")
