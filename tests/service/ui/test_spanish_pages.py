"""Every page of the workspace in Spanish, as each role, with no English left on it.

One demo-like world (a cluster, items in every state, a confirmed item's report, a case signed off
and sent, unmask requests in every status, a watch, an audit log) is rendered page by page for an
analyst, a supervisor and a researcher, logged out too; each page's visible text — what is between
tags outside scripts and styles, and the attributes people see (title, aria-label, placeholder,
alt) — is scanned for the English catalogue's strings (every `en.po` text that differs from its
Spanish one, split at its `{placeholders}`, and every English name, definition and ILO text of the
indicator taxonomy) and for raw codes a reader should never meet (reason
slugs, `user:` names, ISO timestamps).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from models.indicators import load_taxonomy
from service.review.vocabulary import REASONS
from service.ui.i18n import CATALOGUE
from tests.service.api.conftest import PASSWORD
from tests.service.api.helpers import claim, decide, form_login, queue_items
from tests.service.api.test_clusters import network
from tests.service.ui.test_supervisor_pages import REASON, csrf_of, person, post_form

SEEN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
#: Catalogue texts that are the same word in a sentence of either language (not English left over).
SHARED_WORDS = {"JSON", "Baliza"}
#: Codes a Spanish reader must see as words, never as the stored slug or an ISO timestamp.
RAW = [
    re.compile(rf"\b{re.escape(code)}\b")
    for code in sorted({c for rs in REASONS.values() for c in rs} - {"other"})
]
RAW += [re.compile(r"\buser:\w"), re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d")]


@pytest.fixture
def database_url(tmp_path) -> str:  # type: ignore[no-untyped-def]
    """SQLite only: what is scanned is the templates' words, which do not depend on the backend."""
    return f"sqlite:///{tmp_path / 'es.sqlite3'}"


class VisibleText(HTMLParser):
    """The text a person reads on a page: element text outside script/style, and seen attributes.

    An element marked with a language other than the page's (`lang="en"`: the ads, in whatever
    language they were written) is someone else's words, not the workspace's, and is skipped.
    """

    def __init__(self, page_lang: str = "es") -> None:
        super().__init__(convert_charrefs=True)
        self.page_lang = page_lang
        self.parts: list[str] = []
        self.skipping: list[str] = []  # the open elements of a skipped subtree

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        seen = dict(attrs)
        if self.skipping or tag in ("script", "style") or seen.get("lang", self.page_lang) != self.page_lang:
            if tag not in VOID:
                self.skipping.append(tag)
            return
        self.parts += [value for name, value in attrs if name in SEEN_ATTRIBUTES and value]
        if tag == "input" and seen.get("type") in ("submit", "button") and seen.get("value"):
            self.parts.append(str(seen["value"]))

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data: str) -> None:
        if not self.skipping and data.strip():
            self.parts.append(data)


def visible(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return "\n".join(" ".join(p.split()) for p in parser.parts)


def english_fragments() -> list[str]:
    """The English catalogue's texts a Spanish page must not show, cut at their placeholders, and
    the taxonomy's English names, definitions and ILO texts."""
    fragments: set[str] = set()
    for x in load_taxonomy().values():
        for en, es in ((x.name_en, x.name_es), (x.definition, x.definition_es), (x.ilo, x.ilo_es)):
            if en != es:
                fragments.add(en)
    for key, english in CATALOGUE["en"].items():
        if english == CATALOGUE["es"].get(key):
            continue
        for piece in re.split(r"\{[^}]*\}", english):
            piece = piece.strip(" .,:;·()—-\n")
            if len(piece) > 3 and piece not in SHARED_WORDS and re.search(r"[A-Za-z]{3}", piece):
                fragments.add(piece)
    return sorted(fragments, key=len, reverse=True)


def english_left(text: str, fragments: list[str]) -> list[str]:
    """The English fragments and raw codes in `text`; a word written as a typed code (`item:12`, in
    a hint saying what to type) is a code, not English."""
    found = [f for f in fragments if re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-]|:\w)", text)]
    return found + [m.group(0) for pattern in RAW for m in pattern.finditer(text)]


def spanish(client: TestClient) -> TestClient:
    client.cookies.set("baliza_lang", "es")
    return client


def world(service) -> dict:  # type: ignore[no-untyped-def]
    """Items in every state, a cluster, a confirmed item's report, a case, unmask requests, a watch."""
    cluster = sorted(network(service, 3))
    loose = queue_items(service, 5, prefix="es")
    worker = service.user("analyst", name="teo")
    done: dict[str, int] = {}
    for kind, reason in (("confirm", "indicators-present"), ("dismiss", "legitimate-offer")):
        done[kind] = item_id = claim(service, worker)
        assert decide(service, worker, item_id, kind, reason, note="revisado").status_code == 200
    second = claim(service, worker)
    assert decide(service, worker, second, "confirm", "linked-to-confirmed").status_code == 200
    done["escalate"] = item_id = claim(service, worker)
    escalated = decide(
        service, worker, item_id, "escalate", "possible-minor", note="parece menor", lean="confirm"
    )
    assert escalated.status_code == 200
    queued = [i for i in cluster + loose if i not in done.values() and i != second]
    return {"cluster": cluster, "queued": queued, "confirmed": [done["confirm"], second], **done}


def test_every_page_in_spanish_has_no_english_left(service):
    w = world(service)
    fragments = english_fragments()
    ana = spanish(person(service, "analyst", "ana"))
    sam = spanish(person(service, "supervisor", "sam"))
    sol = spanish(person(service, "supervisor", "sol"))
    rita = spanish(person(service, "researcher", "rita"))
    nobody = spanish(TestClient(service.client.app))
    pages: dict[str, str] = {}

    def see(label: str, client: TestClient, path: str, status: int = 200) -> str:
        response = client.get(path)
        assert response.status_code == status, (label, path, response.status_code)
        pages[label] = response.text
        return response.text

    # The analyst: queue, clusters, a cluster, items in every state (one claimed by them), search.
    claimed = post_form(ana, "/queue", "/queue/claim")
    mine = claimed.headers["location"]
    see("analyst item claimed", ana, mine)
    see("analyst queue", ana, "/queue")
    see("analyst queue escalated", ana, "/queue?state=escalated")
    see("analyst clusters", ana, "/queue/clusters")
    see("analyst cluster", ana, f"/clusters/{w['cluster'][0]}")
    for state in ("confirm", "dismiss", "escalate"):
        see(f"analyst item {state}", ana, f"/items/{w[state]}")
    unclaimed = next(i for i in w["queued"] if f"/items/{i}" != mine)
    see("analyst item queued", ana, f"/items/{unclaimed}")
    refused = post_form(
        ana,
        f"/items/{unclaimed}",
        f"/items/{unclaimed}/decision",
        decision="confirm",
        reason="indicators-present",
        note="",
    )
    see("analyst refused decision", ana, refused.headers["location"])
    decided = post_form(ana, mine, f"{mine}/decision", decision="dismiss", reason="duplicate", note="")
    see("analyst after decision", ana, decided.headers["location"])
    # The analyst's decision may have dismissed a member: ask for the cluster as it is now.
    clusters = service.client.get("/v1/clusters", headers=service.user("analyst")).json()["clusters"]
    open_cluster = clusters[0]
    token = service.client.get(f"/v1/clusters/{open_cluster['id']}", headers=service.user("analyst")).json()
    token = token["shared_tokens"][0]["token"]
    post_form(ana, "/search", "/watches", token=token, q=token)
    see("analyst search tokens", ana, f"/search?q={token}")
    see("analyst search words", ana, "/search?q=WhatsApp")
    see("analyst search bad", ana, "/search?q=%20")
    see("analyst forbidden", ana, "/supervisor/audit", 403)
    see("analyst 404 item", ana, "/items/987654", 404)
    see("analyst 404 page", ana, "/nowhere", 404)

    # The supervisor: escalations, unmask in every status and a reveal, audit, reports, cases.
    see("supervisor queue", sam, "/queue")
    see("supervisor escalations", sam, "/supervisor/escalations")
    see("supervisor item escalated", sam, f"/items/{w['escalate']}")
    first, second = w["confirmed"]
    requests = lambda: set(map(int, re.findall(r'data-request="(\d+)"', sam.get("/supervisor/unmask").text)))  # noqa: E731
    c0, c1, c2 = w["cluster"]
    asked = post_form(sam, f"/items/{c1}", f"/supervisor/unmask/{c1}", reason=REASON)
    see("supervisor unmask requested", sam, asked.headers["location"])
    [mine_id] = requests()
    post_form(sol, f"/items/{c0}", f"/supervisor/unmask/{c0}", reason=REASON)
    [approve] = requests() - {mine_id}
    post_form(sol, f"/items/{c2}", f"/supervisor/unmask/{c2}", reason=REASON)
    [reject] = requests() - {mine_id, approve}
    see("supervisor unmask", sam, "/supervisor/unmask")
    post_form(sam, "/supervisor/unmask", f"/supervisor/unmask/requests/{approve}/approve")
    post_form(sam, "/supervisor/unmask", f"/supervisor/unmask/requests/{reject}/reject")
    post_form(sol, "/supervisor/unmask", f"/supervisor/unmask/requests/{mine_id}/approve")
    see("supervisor unmask all statuses", sam, "/supervisor/unmask")
    shown = post_form(sam, "/supervisor/unmask", f"/supervisor/unmask/requests/{mine_id}/reveal")
    assert shown.status_code == 200
    pages["supervisor reveal"] = shown.text
    see("supervisor reports", sam, "/supervisor/reports")
    see("supervisor report", sam, f"/supervisor/reports/{first}")
    see("supervisor report missing", sam, f"/supervisor/reports/{w['dismiss']}", 404)
    see("supervisor cases empty", sam, "/supervisor/cases")
    made = sam.post(
        "/supervisor/cases",
        data={
            "csrf": csrf_of(sam.get("/supervisor/cases").text),
            "title": "Red",
            "item": [str(first), str(second)],
        },
        follow_redirects=False,
    )
    case_page = made.headers["location"].split("?")[0]
    see("supervisor case created", sam, made.headers["location"])
    post_form(sol, case_page, f"{case_page}/signoff", document="report")
    post_form(sol, case_page, f"{case_page}/signoff", document="takedown")
    sent = post_form(sam, case_page, f"{case_page}/send", document="report")
    see("supervisor case sent", sam, sent.headers["location"])
    refused = post_form(sam, case_page, f"{case_page}/send", document="takedown")
    see("supervisor case refused", sam, refused.headers["location"])
    see("supervisor cases", sam, "/supervisor/cases")
    see("supervisor case by other", sol, case_page)
    see("supervisor audit", sam, "/supervisor/audit")
    see("supervisor audit filtered", sam, "/supervisor/audit?action=unmask.&since=yesterday")
    see("supervisor search", sam, f"/search?q={token}")

    # The researcher, and nobody logged in.
    see("researcher research", rita, "/research")
    see("researcher forbidden", rita, "/queue", 403)
    see("researcher 404", rita, "/nowhere", 404)
    see("login", nobody, "/login")
    failed = form_login(nobody, "ana", "wrong-" + PASSWORD)
    assert failed.status_code == 401
    pages["login failed"] = failed.text

    left = {label: english_left(visible(html), fragments) for label, html in pages.items()}
    report = "\n".join(f"{label}: {sorted(set(found))}" for label, found in left.items() if found)
    assert not report, "English or raw codes on Spanish pages:\n" + report
    assert all('lang="es"' in html for html in pages.values())


def test_the_scan_finds_english_and_raw_codes():
    """The scanner itself: it sees English in text and in seen attributes, and raw codes and dates."""
    fragments = english_fragments()
    page = (
        '<p>Cola</p><button aria-label="Claim next item">x</button><script>var a="Log in"</script>'
        "<p>legitimate-offer · user:ana · 2026-12-03T21:06</p>"
    )
    found = english_left(visible(page), fragments)
    assert "Claim next item" in found and "Log in" not in found
    assert {"legitimate-offer", "user:a", "2026-12-03T21:06"} <= set(found)
    assert english_left(visible("<p>Cola de revisión</p>"), fragments) == []
