from models.lang import CALL_CHARS, LANG_CHARS, _calls, detect_lang, detect_langs, fill_langs


def test_spanish_and_english_short_ads():
    assert detect_lang("Se busca señorita para trabajar en el exterior, pasaje pagado") == "es"
    assert detect_lang("Looking for a live-in nanny, two days off a week, contract") == "en"
    assert detect_lang("URGENTE SE NECESITA PERSONAL PARA RESTAURANTE") == "es"


def test_nothing_to_detect():
    assert detect_lang("+57 300 123 4567 📲") == "und"


def test_given_lang_is_kept():
    records = [
        {"id": 1, "text": "hello there friend", "lang": "es"},
        {"id": 2, "text": "hola amiga, cómo estás"},
    ]
    fill_langs(records)
    assert [r["lang"] for r in records] == ["es", "es"]


def test_a_long_text_is_judged_on_its_opening_and_batches_go_in_bounded_calls():
    spanish = "Se busca camarera para restaurante, alojamiento incluido y contrato. " * 60
    english = "Looking for a waitress for a restaurant, room included and a contract. " * 400
    assert len(spanish) < LANG_CHARS < len(spanish + english) and len(english) > len(spanish)
    assert detect_lang(spanish + english) == "es"  # the first LANG_CHARS decide, not the bulk
    texts = [spanish + english, "Waitress wanted, room included", english, "+57 300 123 4567", spanish]
    calls = _calls(texts)
    assert [t for call in calls for t in call] == [t[:LANG_CHARS].lower() for t in texts]  # in order
    assert all(sum(map(len, call)) <= CALL_CHARS for call in calls) and len(calls) > 1
    assert detect_langs(texts) == [detect_lang(t) for t in texts] == ["es", "en", "en", "und", "es"]
