"""Normalising, near-duplicate detection and retention, without a crawl."""

import os
import time

from crawler.neardup import NearDuplicateIndex
from crawler.pipelines import html_to_text
from crawler.retention import expire


def test_html_to_text_normalises():
    html = (
        '<div class="body"><p>Trabajo  en\tMadrid &amp; Sevilla<br>Cafe\u0301 gratis</p>\n\n<p> ok </p></div>'
    )
    assert html_to_text(html) == "Trabajo en Madrid & Sevilla\nCafé gratis\nok"


def test_near_duplicates_point_at_the_first_ad():
    index = NearDuplicateIndex(0.8)
    text = "Se buscan camareras para bar en la costa. Viaje pagado, se descuenta del sueldo. Llama ya."
    assert index.match("a", text) is None
    assert index.match("b", "Buscamos soldadores con experiencia, contrato indefinido y alta.") is None
    assert index.match("c", text.replace("Llama ya.", "¡URGENTE! Llama ya.")) == "a"


def test_near_duplicate_index_persists_between_crawls(tmp_path):
    text = "Se buscan camareras para bar en la costa. Viaje pagado, se descuenta del sueldo. Llama ya."
    first = NearDuplicateIndex(0.8)
    for number in range(100):
        first.match(
            f"filler-{number}", f"Vendo bicicleta número {number} en buen estado, precio {number * 7} euros."
        )
    first.match("a", text)
    first.save(tmp_path / "index.npz")
    assert (tmp_path / "index.npz").stat().st_mode & 0o777 == 0o600
    again = NearDuplicateIndex.load(tmp_path / "index.npz", 0.8)
    assert len(again.ids) == 101
    assert again.match("b", text + " ¡URGENTE!") == "a"


def test_old_feeds_and_spool_expire(tmp_path):
    old_feed, new_feed = tmp_path / "feeds" / "a.jsonl", tmp_path / "feeds" / "b.jsonl"
    spool = tmp_path / "spool" / "ingest.jsonl"
    for path in (old_feed, new_feed, spool):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{}\n")
    now = time.time()
    os.utime(old_feed, (now - 91 * 86_400, now - 91 * 86_400))
    os.utime(spool, (now - 95 * 86_400, now - 95 * 86_400))
    assert expire(tmp_path, 90, now) == [old_feed, spool]
    assert new_feed.exists() and not old_feed.exists()
