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
