from models.lang import detect_lang, fill_langs


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
