"""WCAG AA checks of every workspace page, in Chromium (no axe: nothing can be downloaded).

For each page, with real data on it: every form control has an accessible name, there is exactly
one h1, <html> has a lang, keyboard focus is visible, and every visible piece of text has a
contrast ratio of at least 4.5 against its background (3 for large text). The ratio uses the WCAG
2.x relative-luminance formula on the computed colours; a transparent background is looked up
through the ancestors (alpha-composited) down to the page's white.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from service.db.models import Item
from tests.factories import plant_flagged
from tests.service.api.conftest import PASSWORD, Service
from tests.service.api.helpers import claim, decide, queue_items
from tests.service.ui.browser import (
    ARTEFACTS,
)

#: Runs in the page; returns a list of problems (empty when the page passes).
AUDIT_JS = r"""
() => {
  const problems = [];
  const parse = (css) => {
    const m = css.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const over = (top, below) => ({
    r: top.r * top.a + below.r * (1 - top.a),
    g: top.g * top.a + below.g * (1 - top.a),
    b: top.b * top.a + below.b * (1 - top.a),
    a: 1,
  });
  const channel = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const background = (el) => {
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    let colour = { r: 255, g: 255, b: 255, a: 1 };
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const describe = (el) => el.outerHTML.slice(0, 160);

  if (!document.documentElement.getAttribute("lang")) problems.push("html has no lang");
  const h1 = document.querySelectorAll("h1").length;
  if (h1 !== 1) problems.push(`${h1} h1 elements`);

  const skip = new Set(["hidden", "submit", "button", "reset", "image"]);
  for (const el of document.querySelectorAll("input, select, textarea")) {
    if (el.tagName === "INPUT" && skip.has(el.type)) continue;
    const byLabel = Array.from(el.labels || []).some((l) => l.textContent.trim());
    const byAria = (el.getAttribute("aria-label") || "").trim() ||
      (el.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean)
        .some((id) => (document.getElementById(id)?.textContent || "").trim());
    if (!byLabel && !byAria && !(el.title || "").trim()) problems.push(`no label: ${describe(el)}`);
  }

  for (const el of document.body.querySelectorAll("*")) {
    if (["SCRIPT", "STYLE", "OPTION", "NOSCRIPT"].includes(el.tagName)) continue;
    const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility !== "visible" || style.display === "none") continue;
    const bg = background(el);
    const fg = over(parse(style.color), bg);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const need = large ? 3 : 4.5;
    const got = ratio(fg, bg);
    if (got < need) problems.push(`contrast ${got.toFixed(2)} < ${need}: ${describe(el)}`);
  }
  return problems;
}
"""

FOCUS_JS = r"""
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "nothing focused";
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
  return outline || s.boxShadow !== "none" ? "" : `focus not visible: ${el.outerHTML.slice(0, 120)}`;
}
"""


def populate(service: Service) -> dict[str, int]:
    """Something on every page: a queue, an escalation, a confirmed item, an unmask request, a case."""
    [planted] = plant_flagged(service.client, service.partner(), 1)
    queue_items(service, 3, source="demo")
    ana, vera = service.user("analyst", name="ana"), service.user("supervisor", name="vera")
    service.user("supervisor", name="sam")
    service.user("researcher", name="rita")
    confirmed = claim(service, ana)
    assert decide(service, ana, confirmed, "confirm", "indicators-present").status_code == 200
    escalated = claim(service, ana)
    assert decide(service, ana, escalated, "escalate", "possible-minor", lean="confirm").status_code == 200
    with service.state.sessions() as session:
        item_id = session.scalar(select(Item.id).where(Item.external_id == planted["external_id"]))
    unmask = service.client.post(
        f"/v1/items/{item_id}/unmask",
        json={"reason": "Police request 2026/114 for the contact"},
        headers=vera,
    )
    assert unmask.status_code == 201, unmask.text
    case = service.client.post("/v1/cases", json={"item_ids": [confirmed], "title": "A case"}, headers=vera)
    assert case.status_code == 201, case.text
    return {"item": item_id, "confirmed": confirmed, "case": case.json()["id"]}


def open_as(browser, url: str, name: str | None, lang: str, scheme: str = "light"):  # type: ignore[no-untyped-def]
    context = browser.new_context(locale=lang, viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    if name:
        page.goto(f"{url}/login")
        page.fill("#username", name)
        page.fill("#password", PASSWORD)
        page.press("#password", "Enter")
        page.wait_for_load_state()
    return page


def check(page, url: str, path: str, lang: str, suffix: str = "") -> list[str]:  # type: ignore[no-untyped-def]
    """The page's problems; its screenshot goes to build/screenshots/pages/ for people to look at."""
    response = page.goto(f"{url}{path}")
    assert response is not None and response.status == 200, path
    slug = path.strip("/").replace("/", "-") + suffix
    (ARTEFACTS / "pages").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "pages" / f"{slug}.{lang}.png"), full_page=True)
    problems = [f"{path}: {p}" for p in page.evaluate(AUDIT_JS)]
    page.evaluate("() => document.querySelector('a.skip').focus()")  # tab from the top of the page
    for _ in range(4):
        page.keyboard.press("Tab")
        if problem := page.evaluate(FOCUS_JS):
            problems.append(f"{path}: {problem}")
    return problems


def every_page(ids: dict[str, int]) -> dict[str | None, list[str]]:
    """The paths to check, by who opens them (None: logged out)."""
    return {
        None: ["/login"],
        "ana": ["/queue", f"/items/{ids['item']}"],
        "sam": [
            "/supervisor/escalations",
            "/supervisor/unmask",
            "/supervisor/audit",
            "/supervisor/reports",
            f"/supervisor/reports/{ids['confirmed']}",
            "/supervisor/cases",
            f"/supervisor/cases/{ids['case']}",
        ],
        "rita": ["/research"],
    }


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_page_is_labelled_has_one_h1_a_lang_visible_focus_and_enough_contrast(workspace, lang):
    service, url, browser = workspace
    ids = populate(service)
    problems: list[str] = []
    for name, paths in every_page(ids).items():
        page = open_as(browser, url, name, lang)
        for path in paths:
            problems += check(page, url, path, lang)
        assert page.locator("html").get_attribute("lang") == lang
        page.context.close()
    assert problems == []


#: The page's own background, as the audit composites it (dark when the dark theme applies).
PAPER_JS = "() => getComputedStyle(document.documentElement).backgroundColor"


def test_the_dark_theme_passes_the_same_checks_on_every_page(workspace):
    """With `prefers-color-scheme: dark` (app.css's dark block), every page again: the theme is on
    (the page's paper is dark), and every text still has its contrast, every focus its outline."""
    service, url, browser = workspace
    ids = populate(service)
    problems: list[str] = []
    for name, paths in every_page(ids).items():
        page = open_as(browser, url, name, "en", scheme="dark")
        for path in paths:
            problems += check(page, url, path, "en", suffix=".dark")
            assert page.evaluate(PAPER_JS) == "rgb(20, 23, 27)", path
        page.context.close()
    assert problems == []


def test_the_contrast_check_can_fail(workspace):
    """The checks themselves catch low contrast, a missing label, a second h1 and hidden focus."""
    _service, url, browser = workspace
    page = open_as(browser, url, None, "en")
    page.goto(f"{url}/login")
    page.evaluate(
        """() => {
        document.querySelector("h1").style.color = "#bbbbbb";
        document.querySelector("label[for=username]").remove();
        document.querySelector("main").appendChild(document.createElement("h1")).textContent = "x";
    }"""
    )
    problems = page.evaluate(AUDIT_JS)
    assert any(p.startswith("contrast") and "<h1" in p for p in problems)
    assert any(p.startswith("no label") and "username" in p for p in problems)
    assert "2 h1 elements" in problems
    page.evaluate(  # through the CSSOM: the page's CSP refuses an injected <style> (style-src 'self')
        """() => document.styleSheets[0].insertRule(
            ":focus-visible { outline: none !important; box-shadow: none !important; }",
            document.styleSheets[0].cssRules.length)"""
    )
    page.evaluate("() => document.querySelector('a.skip').focus()")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUS_JS).startswith("focus not visible")
