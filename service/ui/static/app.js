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
    const texts = Array.from(document.querySelectorAll(".adtext, [data-blurs]"));
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

  function selectRow(rows, i) {
    rows.forEach((r) => r.classList.remove("current"));
    rows[i].classList.add("current");
    const link = rows[i].querySelector("a");
    if (link) link.focus();
  }

  // j/k move through the rows; past the last row (or before the first) they turn the page, and the
  // new page selects its first (or last) row, so the whole queue is reachable from the keyboard.
  function moveRow(step) {
    const rows = Array.from(document.querySelectorAll("tr[data-href]"));
    const i = rows.findIndex((r) => r.classList.contains("current"));
    const turn = document.querySelector(step > 0 ? "a[rel=next]" : "a[rel=prev]");
    if (turn && (!rows.length || (step > 0 && i === rows.length - 1) || (step < 0 && i === 0))) {
      window.location = turn.href + (step > 0 ? "#first" : "#last");
      return;
    }
    if (rows.length) selectRow(rows, Math.max(0, Math.min(rows.length - 1, i + step)));
  }

  function selectOnArrival() {
    const rows = Array.from(document.querySelectorAll("tr[data-href]"));
    if (!rows.length) return;
    if (window.location.hash === "#first") selectRow(rows, 0);
    if (window.location.hash === "#last") selectRow(rows, rows.length - 1);
  }

  // Decisions by keyboard. A decision key arms its form and lists that decision's reasons with
  // number keys in the key bar (fixed at the bottom, so the ad text stays where it is); a number
  // picks a reason; the same key again, or Enter, submits; Escape disarms. The focus never moves
  // into a field, so the next key is always a command, and one stray key press decides nothing.
  const keybar = document.getElementById("keybar");
  let armed = null;

  function say(text) {
    const status = document.getElementById("key-status");
    if (status) status.textContent = text;
  }

  function showArmed() {
    const select = armed.form.querySelector("select[name=reason]");
    const list = keybar.querySelector("[data-reasons-for=" + armed.kind + "]");
    const items = Array.from(list.querySelectorAll("li"));
    const n = items.findIndex((li) => li.dataset.reason === select.value);
    items.forEach((li, i) => li.setAttribute("aria-current", i === n ? "true" : "false"));
    say(keybar.dataset.armedText
      .replace("{decision}", list.dataset.title)
      .replace("{n}", String(n + 1))
      .replace("{reason}", select.options[select.selectedIndex].text)
      .replace("{key}", armed.kind[0]));
  }

  function disarm(announce) {
    if (!armed) return;
    armed.form.classList.remove("armed");
    keybar.hidden = true;
    armed = null;
    if (announce) say(keybar.dataset.disarmedText);
  }

  function submitArmed() {
    const form = armed.form;
    armed = null;
    form.requestSubmit();
  }

  function decide(kind) {
    const form = document.getElementById("decision-" + kind);
    if (!form || !keybar) return;
    if (armed && armed.kind === kind) { submitArmed(); return; }
    disarm(false);
    armed = { kind: kind, form: form };
    form.classList.add("armed");
    keybar.querySelectorAll("[data-reasons-for]").forEach((list) => {
      list.hidden = list.dataset.reasonsFor !== kind;
    });
    keybar.querySelector("[data-keybar-title]").textContent =
      keybar.querySelector("[data-reasons-for=" + kind + "]").dataset.title;
    keybar.hidden = false;
    showArmed();
  }

  function chooseReason(number) {
    const select = armed.form.querySelector("select[name=reason]");
    if (number > select.options.length) return;
    select.selectedIndex = number - 1;
    showArmed();
  }

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    const page = body.dataset.page;
    const help = document.getElementById("help");
    if (help && help.open && event.key !== "?") return;  // the open help takes no commands
    switch (event.key) {
      case "?": if (help) { help.open ? help.close() : help.showModal(); } break;
      case "n": if (page === "queue" || page === "item") click("#claim-next button"); break;
      case "t": if (page === "item") click("#claim-this button"); break;
      case "j": if (page === "queue") moveRow(1); else click("a[rel=next]"); break;
      case "k": if (page === "queue") moveRow(-1); else click("a[rel=prev]"); break;
      case "r": if (page === "item" || page === "cluster") toggleBlur(); break;
      case "c": if (page === "item") decide("confirm"); break;
      case "d": if (page === "item") decide("dismiss"); break;
      case "e": if (page === "item") decide("escalate"); break;
      case "Escape": disarm(true); return;
      case "Enter": {
        const row = document.querySelector("tr.current[data-href]");
        if (page === "queue" && row) window.location = row.dataset.href;
        else if (armed) submitArmed();
        else return;
        break;
      }
      default:
        if (armed && /^[1-9]$/.test(event.key)) { chooseReason(Number(event.key)); break; }
        return;
    }
    event.preventDefault();
  });

  selectOnArrival();

  document.addEventListener("click", (event) => {
    const target = event.target.closest("[data-action=reveal]");
    if (target) toggleBlur();
  });
})();
