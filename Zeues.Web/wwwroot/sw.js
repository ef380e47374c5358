// FLOOR F5: lets a tablet reload /trabajo without a network. Network first; when /trabajo cannot be
// fetched, the cached offline shell renders the last data and the queued actions from localStorage.
// Everything else (Blazor, the API, the replay endpoint) is never touched by this worker.
const CACHE = "zeues-offline-v1";
const SHELL = ["/offline.html", "/js/offline.js", "/css/zeues.css", "/css/offline.css"];

self.addEventListener("install", event => {
    event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", event => {
    event.waitUntil(caches.keys()
        .then(keys => Promise.all(keys.filter(k => k !== CACHE).map(k => caches.delete(k))))
        .then(() => self.clients.claim()));
});

self.addEventListener("fetch", event => {
    const request = event.request;
    const url = new URL(request.url);
    if (request.method !== "GET" || url.origin !== self.location.origin) return;
    if (request.mode === "navigate" && url.pathname === "/trabajo") {
        event.respondWith(fetch(request).catch(() => caches.match("/offline.html")));
    } else if (SHELL.includes(url.pathname)) {
        event.respondWith(fetch(request)
            .then(response => {
                if (response.ok) {
                    const copy = response.clone();
                    caches.open(CACHE).then(cache => cache.put(url.pathname, copy));
                }
                return response;
            })
            .catch(() => caches.match(url.pathname)));
    }
});
