"""HTML of the synthetic site: listings, categories, detail pages, the private section, robots.txt.

Pages mix root-relative, document-relative and absolute links, as real sites do, and listing pages
link into `/private/` so a crawler that ignored robots.txt would be caught by the request log.
"""

from __future__ import annotations

import re
from html import escape

from crawler.site.catalogue import Catalogue, SiteAd

PAGE_SIZE = 25
ROBOTS = "User-agent: *\nDisallow: /private/\n"
CONTACT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+?\d[\d ()-]{6,}\d")


def _page(title: str, main: str) -> str:
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>'
        f"{escape(title)} · Anuncios Baliza (synthetic)</title></head>\n<body>\n"
        '<header><a href="/">Inicio</a> <a href="/ads">Todos los anuncios</a></header>\n'
        f"<main>\n{main}\n</main>\n<footer>Synthetic site for testing Baliza.</footer>\n</body></html>\n"
    )


def _detail_href(ad: SiteAd, position: int, origin: str) -> str:
    """Three link styles in turn: root-relative, document-relative, absolute."""
    style = position % 3
    if style == 0:
        return f"/ad/{ad.ad_id}"
    if style == 1:
        return f"../ad/{ad.ad_id}"
    return f"{origin}/ad/{ad.ad_id}"


def listing(catalogue: Catalogue, page: int, origin: str, category: str | None = None) -> str | None:
    """A page of ads, newest listing order first; None past the last page."""
    ads = catalogue.in_category(category) if category else catalogue.ads
    pages = max(1, -(-len(ads) // PAGE_SIZE))
    if not 1 <= page <= pages:
        return None
    chunk = ads[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    items = [
        f'<li><a class="ad-link" href="{escape(_detail_href(ad, i, origin))}">{escape(ad.title)}</a>'
        f' <span class="where">{escape(ad.location)}</span></li>'
        for i, ad in enumerate(chunk)
    ]
    if catalogue.private:
        hidden = catalogue.private[(page - 1) % len(catalogue.private)]
        items.append(
            f'<li><a class="ad-link" href="/private/ad/{hidden.ad_id}">{escape(hidden.title)}</a></li>'
        )
    base = f"/c/{category}" if category else "/ads"
    nav = []
    if page > 1:
        nav.append(f'<a rel="prev" href="{base}?page={page - 1}">anterior</a>')
    if page < pages:
        nav.append(f'<a rel="next" href="?page={page + 1}">siguiente</a>')
    cats = " ".join(f'<a href="/c/{c}">{escape(c)}</a>' for c in catalogue.categories)
    heading = escape(category or "Todos los anuncios")
    main = (
        f"<h1>{heading} — página {page} de {pages}</h1>\n"
        f'<nav class="categories">{cats}</nav>\n<ul class="ads">\n' + "\n".join(items) + "\n</ul>\n"
        f'<nav class="pagination">{" ".join(nav)}</nav>'
    )
    return _page(heading, main)


def detail(ad: SiteAd) -> str:
    """One ad; `truncated` pages stop mid-body, `no-body` pages lose their body block."""
    contacts = CONTACT.findall(ad.title + "\n" + ad.body)
    contact_block = "".join(f"<li>{escape(c.strip())}</li>" for c in contacts) or "<li>—</li>"
    body = "" if ad.kind == "no-body" else f'<div class="body"><p>{escape(ad.body)}</p></div>\n'
    main = (
        f'<article class="ad" data-ad-id="{ad.ad_id}" lang="{ad.lang}">\n'
        f"<h1>{escape(ad.title)}</h1>\n"
        f'<p class="meta"><span class="location">{escape(ad.location)}</span> · '
        f'<time datetime="{ad.posted_at}">{ad.posted_at}</time> · '
        f'<a href="/c/{ad.category}">{escape(ad.category)}</a></p>\n'
        f'{body}<section class="contact"><h2>Contacto</h2><ul>{contact_block}</ul></section>\n</article>'
    )
    html = _page(ad.title, main)
    if ad.kind == "truncated":
        cut = html.index('<div class="body">') + len('<div class="body"><p>') + max(20, len(ad.body) // 2)
        return html[:cut]
    return html


def home(catalogue: Catalogue) -> str:
    cats = "".join(f'<li><a href="/c/{c}">{escape(c)}</a></li>' for c in catalogue.categories)
    return _page("Inicio", f'<h1>Anuncios</h1>\n<p><a href="/ads">Todos</a></p>\n<ul>{cats}</ul>')
