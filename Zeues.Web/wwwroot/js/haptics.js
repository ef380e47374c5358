// UX 4.4 haptics: a short vibration when a success snackbar appears, a double one for an error,
// where the browser can vibrate and the user has not asked for reduced motion. Watching the
// snackbars covers every page and dialog without a call in each of them.
(() => {
    if (typeof navigator.vibrate !== "function") return;
    const reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)");
    const seen = new WeakSet();
    const check = (el) => {
        if (!(el instanceof Element)) return;
        const bars = el.matches(".mud-snackbar") ? [el] : Array.from(el.querySelectorAll(".mud-snackbar"));
        for (const bar of bars) {
            if (seen.has(bar)) continue;
            seen.add(bar);
            if (reduced && reduced.matches) continue;
            const cls = bar.className;
            if (/(^|[\s-])error(\s|$)/.test(cls)) navigator.vibrate([80, 60, 80]);
            else if (/(^|[\s-])success(\s|$)/.test(cls)) navigator.vibrate(50);
        }
    };
    new MutationObserver(records => records.forEach(r => r.addedNodes.forEach(check)))
        .observe(document.documentElement, { childList: true, subtree: true });
})();
