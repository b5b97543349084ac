// Baliza workspace: keyboard shortcuts, the wellbeing blur, and nothing that needs a build step.
// Shortcuts never fire while the person types in a field.
(function () {
  "use strict";
  const body = document.body;
  const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

  function click(selector) {
    const el = document.querySelector(selector);
    if (el) { el.focus(); el.click(); return true; }
    return false;
  }

  function toggleBlur() {
    const texts = Array.from(document.querySelectorAll(".adtext"));
    const button = document.querySelector("[data-action=reveal]");
    if (!texts.length) return;
    const blurred = !texts[0].classList.contains("blurred");
    texts.forEach((text) => {
      text.classList.toggle("blurred", blurred);
      text.setAttribute("aria-hidden", blurred ? "true" : "false");
    });
    if (button) {
      button.textContent = blurred ? button.dataset.reveal : button.dataset.hide;
      button.setAttribute("aria-pressed", blurred ? "false" : "true");
    }
  }

  function moveRow(step) {
    const rows = Array.from(document.querySelectorAll("tr[data-href]"));
    if (!rows.length) return;
    let i = rows.findIndex((r) => r.classList.contains("current"));
    rows.forEach((r) => r.classList.remove("current"));
    i = Math.max(0, Math.min(rows.length - 1, i + step));
    rows[i].classList.add("current");
    const link = rows[i].querySelector("a");
    if (link) link.focus();
  }

  // A decision key arms its form (focus on the reason); the same key again submits it. One stray
  // key press never decides anything.
  function decide(kind) {
    const form = document.getElementById("decision-" + kind);
    if (!form) return;
    if (form.classList.contains("armed")) { form.requestSubmit(); return; }
    document.querySelectorAll("form.armed").forEach((f) => f.classList.remove("armed"));
    form.classList.add("armed");
    const field = form.querySelector("select") || form.querySelector("button");
    field.focus();
    const status = document.getElementById("key-status");
    if (status) status.textContent = form.dataset.armed || "";
  }

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    const page = body.dataset.page;
    const help = document.getElementById("help");
    switch (event.key) {
      case "?": if (help) { help.open ? help.close() : help.showModal(); } break;
      case "n": if (page === "queue" || page === "item") click("#claim-next button"); break;
      case "j": if (page === "queue") moveRow(1); else click("a[rel=next]"); break;
      case "k": if (page === "queue") moveRow(-1); else click("a[rel=prev]"); break;
      case "r": if (page === "item") toggleBlur(); break;
      case "c": if (page === "item") decide("confirm"); break;
      case "d": if (page === "item") decide("dismiss"); break;
      case "e": if (page === "item") decide("escalate"); break;
      case "Enter": {
        const row = document.querySelector("tr.current[data-href]");
        if (page === "queue" && row) window.location = row.dataset.href;
        return;
      }
      default: return;
    }
    event.preventDefault();
  });

  document.addEventListener("click", (event) => {
    const target = event.target.closest("[data-action=reveal]");
    if (target) toggleBlur();
  });
})();
