"""The score an analyst can read, on the pages (no browser): the queue's Risk column shows a band as a
word with marks (not colour alone), child-risk and decisive-indicator badges and the score only
small; the item page lists what drove the score, heaviest first, with severity and contribution."""

from __future__ import annotations

import re

import pytest

from service.db.models import ItemPseudonym
from tests.factories import START, add_decisive_item, add_item, add_partner
from tests.factories import indicator_spans as spans
from tests.service.ui.test_pages import login

WORDS = {
    "en": {
        "high": "High",
        "medium": "Medium",
        "low": "Low",
        "decisive": "Decisive indicator",
        "child": "Child risk",
    },
    "es": {
        "high": "Alto",
        "medium": "Medio",
        "low": "Bajo",
        "decisive": "Indicador decisivo",
        "child": "Riesgo infantil",
    },
}
MARKS = {"high": "●●●", "medium": "●●○", "low": "●○○"}


def rows(html: str) -> dict[int, str]:
    """Each queue row's markup by item id, in page order."""
    return {
        int(m.group(1)): m.group(2)
        for m in re.finditer(r'<tr data-href="/items/\d+" data-item="(\d+)">(.*?)</tr>', html, re.S)
    }


@pytest.fixture
def banded(service):  # type: ignore[no-untyped-def]
    with service.state.sessions() as session:
        partner = add_partner(session, "risk-partner")
        made = {
            "low": add_item(session, partner, START, score=1.0),
            "medium": add_item(
                session, partner, START, score=0.95, indicators=spans("URGENCY", "RECRUITMENT_FEE")
            ),
            "decisive": add_decisive_item(session, partner, START, score=0.4),
            "child": add_item(
                session,
                partner,
                START,
                score=0.2,
                child_risk=True,
                flag_reasons=[],
                indicators=spans("MINORS_TARGETED"),
            ),
        }
        session.commit()
        return {name: item.id for name, item in made.items()}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_queue_shows_bands_badges_and_the_score_only_small(service, banded, lang):
    login(service, "analyst")
    page = service.client.get("/queue", headers={"Accept-Language": lang})
    assert page.status_code == 200
    words, found = WORDS[lang], rows(page.text)
    assert list(found) == [banded["child"], banded["decisive"], banded["low"], banded["medium"]]
    expected = {"child": "high", "decisive": "high", "medium": "medium", "low": "low"}
    for name, band in expected.items():
        row = found[banded[name]]
        assert f'data-risk="{band}"' in row and MARKS[band] in row and f"{words[band]}</span>" in row
        assert ('class="chip decisive"' in row) is (name == "decisive")
        assert (words["child"] in row) is (name == "child")
    one = "1.00" if lang == "en" else "1,00"  # a decimal comma in Spanish
    assert f'<small class="score" data-band-score>{one}</small>' in found[banded["low"]]
    assert "data-risk-help" in page.text and words["high"] in page.text
    assert ">Risk<" in page.text if lang == "en" else ">Riesgo<" in page.text


@pytest.mark.parametrize(
    ("lang", "severity", "figure", "unknown"),
    [
        ("en", ["strong", "weak", "decisive"], "+2.40 log-odds", "the model cannot say"),
        ("es", ["fuerte", "débil", "decisivo"], "+2,40 en logit", "el modelo no puede decirlo"),
    ],
)
def test_the_item_page_shows_what_drove_the_score_heaviest_first(service, lang, severity, figure, unknown):
    with service.state.sessions() as session:
        partner = add_partner(session, f"drivers-{lang}")
        item = add_item(
            session,
            partner,
            START,
            indicators=spans("DEBT", "URGENCY", "RECRUITMENT_FEE"),
            contributions={
                "RECRUITMENT_FEE": 2.4,
                "URGENCY": 0.4,
            },  # DEBT: a code the model had no column for
        )
        session.commit()
        item_id = item.id
    login(service, "analyst")
    page = service.client.get(f"/items/{item_id}", headers={"Accept-Language": lang}).text
    assert re.findall(r'data-driver="([A-Z_]+)"', page) == ["RECRUITMENT_FEE", "URGENCY", "DEBT"]
    shown = re.findall(r'data-severity="[a-z]+">([^<]+)</span>', page)
    assert shown == severity
    assert figure in page and unknown in page
    assert 'data-risk="medium"' in page  # the model flags it and its indicators meet the labelling rule


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_cluster_views_carry_their_riskiest_members_band(service, lang):
    with service.state.sessions() as session:
        partner = add_partner(session, f"cluster-{lang}")
        plain = add_item(session, partner, START, score=1.0)
        debt = add_decisive_item(session, partner, START, score=0.3)
        token = f"[PHONE:{lang}aaaaaaaaaa]"
        session.add_all([ItemPseudonym(item_id=i.id, kind="PHONE", token=token) for i in (plain, debt)])
        session.commit()
        first = plain.id
    login(service, "analyst")
    listing = service.client.get("/queue/clusters", headers={"Accept-Language": lang}).text
    row = re.search(rf'<tr data-href="/clusters/{first}".*?</tr>', listing, re.S).group(0)
    assert 'data-risk="high"' in row and WORDS[lang]["high"] in row and WORDS[lang]["decisive"] in row
    page = service.client.get(f"/clusters/{first}", headers={"Accept-Language": lang}).text
    assert 'data-risk="high"' in page and MARKS["high"] in page
