"""The synthetic site: deterministic, big enough, and as untidy as a real classifieds site."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from crawler.site import build_catalogue


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def test_catalogue_is_seeded_and_large_enough():
    first, second = build_catalogue(), build_catalogue()
    assert first.ads == second.ads and first.private == second.private
    assert len(first.ads) >= 500
    assert len({ad.ad_id for ad in first.ads}) == len(first.ads)
    reposts = [ad for ad in first.ads if ad.repost_of]
    assert len(reposts) == 20 and all(r.repost_of in first.by_id for r in reposts)
    assert {ad.kind for ad in first.ads} == {"ok", "truncated", "no-body"}
    assert set(first.categories) == {"empleo", "clasificados", "jobs", "classifieds"}


def test_pages_hide_labels_and_mix_link_styles(site):
    listing = get(f"{site.url}/ads?page=1")
    assert 'href="/ad/' in listing and 'href="../ad/' in listing and f'href="{site.url}/ad/' in listing
    assert 'href="/private/ad/' in listing and 'href="?page=2"' in listing
    ad = next(a for a in site.catalogue.ads if a.kind == "ok" and "@" in a.body)
    page = get(f"{site.url}/ad/{ad.ad_id}")
    assert ad.location in page and ad.posted_at in page and 'class="contact"' in page
    for leak in ("label", "indicator", "family", "syn-v1"):
        assert leak not in listing + page
    assert "Disallow: /private/" in get(f"{site.url}/robots.txt")


def test_malformed_pages_and_not_found(site):
    truncated = next(a for a in site.catalogue.ads if a.kind == "truncated")
    assert "</html>" not in get(f"{site.url}/ad/{truncated.ad_id}")
    no_body = next(a for a in site.catalogue.ads if a.kind == "no-body")
    assert 'class="body"' not in get(f"{site.url}/ad/{no_body.ad_id}")
    for path in ("/ad/nope", "/ads?page=999", "/c/nope"):
        with pytest.raises(urllib.error.HTTPError) as caught:
            get(site.url + path)
        caught.value.close()
        assert caught.value.code == 404
