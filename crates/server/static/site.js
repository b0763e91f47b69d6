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

// A list searched by name (the door desk) filters as one types. The same
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
      for (const row of list.querySelectorAll("tbody tr[data-name]")) {
        row.hidden = !matches(query, row.dataset.name);
        if (!row.hidden) shown += 1;
      }
      if (none) none.hidden = shown > 0 || !query;
    });
  }
}

filterAsYouType();
