// Replaces Blazor's reconnect UI with a Spanish top banner over a layer that blocks input (UX 5), and drives the
// connection indicator: RECONECTANDO… while retrying, SIN CONEXIÓN after 5 s without the circuit (FLOOR F5).
const modal = document.getElementById("components-reconnect-modal");
const text = document.getElementById("components-reconnect-text");
const root = document.documentElement;
const offlineAfterMs = 5000;
let offlineTimer = null;

function setConnection(state) {
    if (root.dataset.connection === state) return;
    root.dataset.connection = state;
    document.dispatchEvent(new CustomEvent("zeues:connection", { detail: state }));
}

function down() {
    if (root.dataset.connection !== "offline") setConnection("reconnecting");
    offlineTimer ??= setTimeout(() => setConnection("offline"), offlineAfterMs);
}

function up() {
    clearTimeout(offlineTimer);
    offlineTimer = null;
    setConnection("online");
}

// The offline work view (js/offline.js) takes over the screen on /trabajo; the blocking layer would make it inert.
function block() {
    if (!modal.open && !root.hasAttribute("data-offline-capture")) modal.showModal();
}

document.addEventListener("zeues:offline-capture", () => { if (modal.open) modal.close(); });

modal.addEventListener("components-reconnect-state-changed", event => {
    switch (event.detail.state) {
        case "show":
        case "retrying":
            down();
            text.textContent = "Reconectando…";
            block();
            break;
        case "hide":
            up();
            modal.close();
            break;
        case "failed":
            down();
            text.textContent = "Sin conexión. Reintentando…";
            retrySoon();
            break;
        case "rejected":
            // The circuit cannot be resumed: reload; the tab restores its worker from tab storage.
            location.reload();
            break;
    }
});

function retrySoon() {
    setTimeout(async () => {
        try {
            if (!(await Blazor.reconnect())) {
                if (!(await Blazor.resumeCircuit())) location.reload(); else { up(); modal.close(); }
            } else {
                up();
                modal.close();
            }
        } catch {
            retrySoon();
        }
    }, 3000);
}
