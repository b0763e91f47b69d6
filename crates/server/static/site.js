// Guildhall's only script: small enhancements of pages that work without it.
"use strict";

// A page that shows a long job's progress marks its changing parts with
// `data-live` (and an id) and itself with `data-refresh`. Every two
// seconds the page is read again and those parts are replaced, until the
// job is done. A part holding the focus (someone typing) or an opened
// confirmation step is left alone.
// Without the script, the page offers a link to look again.
function followProgress() {
  if (!document.querySelector("[data-refresh]")) return;
  setTimeout(async () => {
    try {
      const res = await fetch(location.href, { credentials: "same-origin" });
      if (!res.ok) return;
      const next = new DOMParser().parseFromString(await res.text(), "text/html");
      for (const part of document.querySelectorAll("[data-live]")) {
        const fresh = next.getElementById(part.id);
        const busy = part.contains(document.activeElement) || part.querySelector("details[open]");
        if (fresh && !busy) part.replaceWith(fresh);
      }
      if (!next.querySelector("[data-refresh]")) {
        for (const marker of document.querySelectorAll("[data-refresh]")) marker.removeAttribute("data-refresh");
      }
    } catch (_) {
      // Offline for a moment: try again on the next round.
    }
    followProgress();
  }, 2000);
}

followProgress();

// A list searched by name (the door desk, the settings) filters as one types. The same
// search works without the script, by the form's Find button: both match
// the folded query (case and accents ignored) against each row's
// `data-name`, as a whole or by the starts of its words.
function fold(text) {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
}

function matches(query, name) {
  if (!query) return true;
  const words = name.split(" ");
  return name.includes(query) || query.split(" ").every((q) => words.some((w) => w.startsWith(q)));
}

function filterAsYouType() {
  for (const input of document.querySelectorAll("input[data-filter]")) {
    const list = document.getElementById(input.dataset.filter);
    const none = document.getElementById(input.getAttribute("aria-describedby"));
    if (!list) continue;
    input.addEventListener("input", () => {
      const query = fold(input.value);
      let shown = 0;
      for (const row of list.querySelectorAll("[data-name]")) {
        row.hidden = !matches(query, row.dataset.name);
        if (!row.hidden) shown += 1;
      }
      // A heading stays only while something under it is shown.
      for (const group of list.querySelectorAll("[data-filter-group]")) {
        group.hidden = !group.querySelector("[data-name]:not([hidden])");
      }
      if (none) none.hidden = shown > 0 || !query;
    });
  }
}

filterAsYouType();

// A new member's time zone is the browser's, not UTC (issue 17): the
// sign-up form sends it; without the script the account page sets it.
function browserZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (_) {
    return "";
  }
}

for (const input of document.querySelectorAll("input[data-browser-zone]")) {
  input.value = browserZone();
}

// On the account page, one press puts the browser's zone in the field.
for (const button of document.querySelectorAll("button[data-zone-into]")) {
  const field = document.getElementById(button.dataset.zoneInto);
  const zone = browserZone();
  if (!field || !zone || field.value === zone) continue;
  button.textContent += " (" + zone + ")";
  button.hidden = false;
  button.addEventListener("click", () => {
    // A list may not offer an old spelling a browser gives: add it.
    if (field instanceof HTMLSelectElement && ![...field.options].some((o) => o.value === zone)) {
      field.add(new Option(zone, zone, false, false), 1);
    }
    field.value = zone;
    field.focus();
  });
}

// A read-only address (the private calendar's) copies with one press.
for (const button of document.querySelectorAll("button[data-copy]")) {
  const field = document.getElementById(button.dataset.copy);
  if (!field || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    await navigator.clipboard.writeText(field.value);
    button.textContent = button.dataset.copied;
  });
}
