// Replaces Blazor's reconnect UI with a Spanish top banner over a layer that blocks input (UX 5).
const modal = document.getElementById("components-reconnect-modal");
const text = document.getElementById("components-reconnect-text");
modal.addEventListener("components-reconnect-state-changed", event => {
    switch (event.detail.state) {
        case "show":
        case "retrying":
            text.textContent = "Reconectando…";
            if (!modal.open) modal.showModal();
            break;
        case "hide":
            modal.close();
            break;
        case "failed":
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
                if (!(await Blazor.resumeCircuit())) location.reload(); else modal.close();
            }
        } catch {
            retrySoon();
        }
    }, 3000);
}
