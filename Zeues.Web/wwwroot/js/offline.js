// Offline capture on /trabajo (FLOOR F5). Blazor Server cannot render without its circuit, so after 5 s
// without it this script draws the worker's screen from the last data the page stored (OfflineCapture),
// captures the same gestures as actions with their command id, keeps them in localStorage (≤ 50, ≤ 8 h)
// and, when the server answers again, sends them in capture order to /tablet/commands — exactly once by id.
// Every rule (which actions a card offers, which unions can be chosen) arrives decided by the server.

const DATA = "zeues.offline.data";
const QUEUE = "zeues.offline.queue";
const MAX_ITEMS = 50;
const MAX_AGE_MS = 8 * 60 * 60 * 1000;
const html = document.documentElement;

let mode = null;          // "page" on /trabajo, "shell" when the service worker served offline.html
let connected = true;
let flushing = false;
let rootEl = null;
let lastInput = Date.now();
let shown = "";           // what the last render drew
const ui = { tab: null, selected: new Set(), dialog: null, notice: null };

const read = (key, fallback) => {
    try { return JSON.parse(localStorage.getItem(key)) ?? fallback; } catch { return fallback; }
};
const write = (key, value) => localStorage.setItem(key, JSON.stringify(value));
const esc = s => String(s ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const queue = () => read(QUEUE, []);
const pending = () => queue().filter(i => i.state === "pendiente");
const expired = item => Date.now() - Date.parse(item.capturedAt) > MAX_AGE_MS;

function newId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    // Plant tablets on plain http have no randomUUID (secure contexts only); same v4 layout from getRandomValues.
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map(x => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The page stores what it shows, after every reload of its data. */
export function save(data) {
    write(DATA, data);
    if (rootEl && connected) render();
}

/** Called by OfflineCapture on /trabajo. */
export function start() {
    if (mode) return;
    mode = "page";
    registerServiceWorker();
    document.addEventListener("zeues:connection", e => {
        if (location.pathname !== "/trabajo") return;
        if (e.detail === "offline") {
            connected = false;
            show();
        } else if (e.detail === "online") {
            connected = true;
            if (queue().length === 0) hide(); else { render(); flush(); }
        }
    });
    // Actions left by a reload or an earlier visit: send them and show their results.
    if (queue().length > 0) { show(); flush(); }
    setInterval(tick, 2000);
}

/** offline.html: the service worker served it because /trabajo could not be loaded. */
export function shell() {
    mode = "shell";
    connected = false;
    show();
    flush();
    setInterval(tick, 2000);
}

function tick() {
    if (!rootEl) return;
    expireIdleWorker();
    if (pending().length > 0) flush();
    else if (mode === "shell") probe();
    else renderIfChanged();
}

// A timed redraw would take the caret out of a note being typed: redraw only when what is shown changed.
function renderIfChanged() {
    const now = JSON.stringify([localStorage.getItem(QUEUE), localStorage.getItem(DATA), connected, ui.notice, queue().map(expired)]);
    if (now !== shown) render();
}

// The shell has no circuit to tell it the server is back: it asks /health, which the service worker never answers.
async function probe() {
    try {
        await fetch("/health", { cache: "no-store" });
        connected = true;
    } catch {
        connected = false;
    }
    // Nothing left to show: back to the live /trabajo.
    if (connected && queue().length === 0) location.reload(); else renderIfChanged();
}

// UX 3.3 holds offline too: an untouched tablet forgets its worker (captured actions stay queued under their credential).
function expireIdleWorker() {
    const data = read(DATA, null);
    if (!data || connected || Date.now() - lastInput < (data.idleSeconds ?? 135) * 1000) return;
    localStorage.removeItem(DATA);
    ui.dialog = null;
    ui.selected.clear();
    ui.notice = "Sin actividad: se cerró la sesión del trabajador. Identifícate cuando vuelva la red.";
}

function registerServiceWorker() {
    if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(() => { });
}

function show() {
    if (!read(DATA, null) && queue().length === 0) return;
    lastInput = Date.now();
    html.setAttribute("data-offline-capture", "");
    document.dispatchEvent(new CustomEvent("zeues:offline-capture"));
    if (!rootEl) {
        rootEl = document.createElement("div");
        rootEl.id = "offline-root";
        rootEl.className = "offline-view";
        rootEl.setAttribute("data-testid", "offline-view");
        rootEl.addEventListener("click", onClick);
        rootEl.addEventListener("input", onInput);
        ["pointerdown", "keydown", "touchstart"].forEach(e => rootEl.addEventListener(e, () => lastInput = Date.now(), { passive: true, capture: true }));
        document.body.appendChild(rootEl);
    }
    render();
}

function hide() {
    html.removeAttribute("data-offline-capture");
    rootEl?.remove();
    rootEl = null;
    ui.dialog = null;
    ui.selected.clear();
}

// ---- sending ---------------------------------------------------------------------------------------------

function update(id, changes) {
    write(QUEUE, queue().map(i => i.id === id ? { ...i, ...changes } : i));
}

async function flush() {
    if (flushing) return;
    flushing = true;
    try {
        for (const item of queue()) {
            if (item.state !== "pendiente") continue;
            if (expired(item)) {
                update(item.id, { state: "expirada", message: "Capturada hace más de 8 horas: no se envió. Regístrala de nuevo si corresponde." });
                continue;
            }
            let response;
            try {
                response = await fetch("/tablet/commands", {
                    method: "POST",
                    headers: { "Content-Type": "application/json", "X-Zeues-Tablet": item.credential },
                    body: JSON.stringify({
                        commandId: item.id, type: item.type, tag: item.tag, operacion: item.operacion,
                        unions: item.unions, texto: item.texto, capturadoEn: item.capturedAt,
                    }),
                });
            } catch {
                if (mode === "shell") connected = false;
                break; // still offline: the same id goes again on the next tick
            }
            if (mode === "shell") connected = true;
            const answer = await response.json().catch(() => ({}));
            if (response.ok) update(item.id, { state: "registrado", message: answer.mensaje });
            else if (answer.reintentar || (response.status >= 500 && !answer.code)) break;
            else update(item.id, { state: "error", message: answer.tarjeta ?? answer.title ?? "No se pudo registrar." });
        }
    } finally {
        flushing = false;
        renderIfChanged();
    }
}

// ---- capturing -------------------------------------------------------------------------------------------

function capture(actions) {
    const data = read(DATA, null);
    const q = queue();
    if (!data) return;
    if (q.length + actions.length > MAX_ITEMS) {
        ui.notice = `Máximo ${MAX_ITEMS} acciones sin conexión.`;
        return;
    }
    const capturedAt = new Date().toISOString();
    for (const a of actions)
        q.push({ id: newId(), ...a, capturedAt, credential: data.credential, worker: data.worker.token, state: "pendiente" });
    write(QUEUE, q);
    // The screen follows the captured action: a started spool moves to MIS SPOOLS (waiting to be sent), a closed one leaves it.
    for (const a of actions) {
        if (a.type === "INICIAR") {
            for (const tab of data.tabs) {
                const spool = tab.spools.find(s => s.tag === a.tag);
                if (!spool) continue;
                tab.spools = tab.spools.filter(s => s.tag !== a.tag);
                data.mine.push({ ...spool, operacion: a.operacion, operacionNombre: tab.nombre, occupant: data.worker.token, acciones: [], unions: [], capturada: true });
            }
        } else if (a.type !== "NOTA") {
            data.mine = data.mine.filter(s => s.tag !== a.tag);
        }
    }
    write(DATA, data);
    ui.selected.clear();
    if (connected) flush();
}

// ---- gestures --------------------------------------------------------------------------------------------

const findSpool = (data, tag) => data.mine.find(s => s.tag === tag) ?? data.tabs.flatMap(t => t.spools).find(s => s.tag === tag);
const inches = n => Number(n).toFixed(2);

function onInput(e) {
    if (e.target.matches("[data-offline-note]") && ui.dialog?.kind === "note") {
        ui.dialog.text = e.target.value;
        const button = rootEl.querySelector("[data-testid=offline-add-note]");
        if (button) button.disabled = !ui.dialog.text.trim();
    }
}

function onClick(e) {
    const el = e.target.closest("[data-do]");
    if (!el) return;
    const data = read(DATA, null);
    const tag = el.dataset.tag;
    switch (el.dataset.do) {
        case "tab": ui.tab = el.dataset.op; ui.selected.clear(); break;
        case "select":
            if (!ui.selected.delete(tag)) {
                if (ui.selected.size >= 50) ui.notice = "Máximo 50 spools por vez.";
                else ui.selected.add(tag);
            }
            break;
        case "clear": ui.selected.clear(); break;
        case "start": startSelected(data); break;
        case "action": openAction(data, findSpool(data, tag), el.dataset.action); break;
        case "note": ui.dialog = { kind: "note", tag, text: "" }; break;
        case "union":
            if (el.checked) ui.dialog.selected.add(el.dataset.union); else ui.dialog.selected.delete(el.dataset.union);
            break;
        case "all": {
            const available = ui.dialog.spool.unions.filter(u => !u.estado).map(u => u.id);
            ui.dialog.selected = ui.dialog.selected.size === available.length ? new Set() : new Set(available);
            break;
        }
        case "finish": finishUnions(data); return render();
        case "confirm": ui.dialog?.run(); ui.dialog = null; break;
        case "add-note":
            if (ui.dialog?.text?.trim()) capture([{ type: "NOTA", tag: ui.dialog.tag, texto: ui.dialog.text.trim() }]);
            ui.dialog = null;
            break;
        case "back": ui.dialog = null; break;
        case "done":
            write(QUEUE, queue().filter(i => i.state === "pendiente"));
            ui.notice = null;
            if (queue().length === 0 && connected) {
                if (mode === "shell") { location.reload(); return; }
                hide();
                return;
            }
            break;
        case "reload": location.reload(); return;
    }
    render();
}

function startSelected(data) {
    const tab = data.tabs.find(t => t.operacion === ui.tab) ?? data.tabs[0];
    const tags = [...ui.selected];
    if (!tab || tags.length === 0) return;
    const title = tab.operacion === "REPARACION" ? "INICIAR REPARACIÓN"
        : tags.length === 1 ? `INICIAR ${tab.nombre}` : `INICIAR ${tab.nombre} EN ${tags.length} SPOOLS`;
    const spool = findSpool(data, tags[0]);
    const lines = tags.length === 1
        ? [`${spool.tag} · ${spool.nv}`, ...(tab.operacion === "REPARACION" ? [`Ciclo ${spool.cycle}/3.`] : []), `El spool quedará ocupado por ${data.worker.token}.`]
        : [...tags, `Los spools quedarán ocupados por ${data.worker.token}.`];
    confirm(title, lines, () => capture(tags.map(t => ({ type: "INICIAR", tag: t, operacion: tab.operacion }))));
}

function openAction(data, spool, action) {
    if (!spool) return;
    const op = spool.operacion;
    const name = spool.operacionNombre;
    switch (action) {
        case "FINALIZAR": {
            const available = spool.unions.filter(u => !u.estado).map(u => u.id);
            ui.dialog = { kind: "unions", spool, selected: new Set(available.length === 1 ? available : []) };
            return;
        }
        case "PAUSAR":
            return confirm(`PAUSAR ${name}`, ["El spool quedará disponible; el avance registrado se conserva."],
                () => capture([{ type: "PAUSAR", tag: spool.tag, operacion: op }]));
        case "COMPLETAR":
            return confirm(`COMPLETAR ${name}`, op === "REPARACION" ? [`Ciclo ${spool.cycle}/3.`, "El spool vuelve a metrología."]
                : [`Se registrará ${name} completado a nombre de ${data.worker.token}.`],
                () => capture([{ type: "COMPLETAR", tag: spool.tag, operacion: op }]));
        default:
            return release(spool, "CANCELAR");
    }
}

function release(spool, type) {
    confirm("¿LIBERAR SIN REGISTRAR?", [`El spool ${spool.tag} quedará disponible y no se registrará trabajo.`],
        () => capture([{ type, tag: spool.tag, operacion: spool.operacion, ...(type === "FINALIZAR" ? { unions: [] } : {}) }]),
        "SÍ, LIBERAR SPOOL", true);
}

function finishUnions() {
    const { spool, selected } = ui.dialog;
    if (selected.size === 0) return release(spool, "FINALIZAR");
    const chosen = spool.unions.filter(u => selected.has(u.id));
    const total = chosen.reduce((sum, u) => sum + Number(u.dn), 0);
    confirm(`FINALIZAR ${spool.operacionNombre}`, [`${chosen.length} ${chosen.length === 1 ? "unión" : "uniones"} · ${inches(total)}"`],
        () => capture([{ type: "FINALIZAR", tag: spool.tag, operacion: spool.operacion, unions: chosen.map(u => u.id) }]));
}

function confirm(title, lines, run, confirmText = "CONFIRMAR", danger = false) {
    ui.dialog = { kind: "confirm", title, lines: [...lines, "Sin conexión: se enviará cuando vuelva la red."], run, confirmText, danger };
}

// ---- drawing ---------------------------------------------------------------------------------------------

function statusText() {
    const n = pending().length;
    const pendientes = `${n} ${n === 1 ? "PENDIENTE" : "PENDIENTES"}`;
    if (!connected) return `SIN CONEXIÓN · ${pendientes}`;
    return n > 0 ? `EN LÍNEA · ENVIANDO ${pendientes}` : "EN LÍNEA";
}

function itemText(i) {
    const when = new Date(i.capturedAt).toLocaleTimeString("es-CL", { hour: "2-digit", minute: "2-digit" });
    const what = i.type === "FINALIZAR" ? `FINALIZAR ${i.unions?.length ?? 0} ${i.unions?.length === 1 ? "UNIÓN" : "UNIONES"}` : i.type;
    return `${esc(i.worker)} · ${esc(what)}${i.operacion ? " " + esc(i.operacion) : ""} · ${esc(i.tag)} · capturada ${esc(when)}`;
}

function itemState(i) {
    if (i.state === "pendiente" && expired(i)) return `<span class="offline-badge expired">EXPIRADA</span>`;
    switch (i.state) {
        case "registrado": return `<span class="offline-badge ok">REGISTRADO</span><div class="offline-msg">${esc(i.message)}</div>`;
        case "error": return `<span class="offline-badge error">NO REGISTRADO</span><div class="offline-msg">${esc(i.message)}</div>`;
        case "expirada": return `<span class="offline-badge expired">EXPIRADA</span><div class="offline-msg">${esc(i.message)}</div>`;
        default: return `<span class="offline-badge">PENDIENTE</span>`;
    }
}

function card(spool, body) {
    return `<div class="offline-card${ui.selected.has(spool.tag) ? " selected" : ""}" data-offline-tag="${esc(spool.tag)}">
        <div class="offline-card-head"><span class="zeues-tag">${esc(spool.tag)}</span><span class="offline-chip">${esc(spool.estado)}</span>
        <span class="version-badge">${esc(spool.version)}</span>${spool.operacion ? `<span class="op-badge">${esc(spool.operacion)}</span>` : ""}</div>
        <div class="card-meta"><span>${esc(spool.nv)}</span>${spool.since ? `<span>${esc(spool.occupant)} desde ${esc(spool.since)}</span>` : ""}</div>
        <div class="card-detail">${esc(spool.estadoDetalle)}</div>${body}</div>`;
}

function render() {
    if (!rootEl) return;
    shown = JSON.stringify([localStorage.getItem(QUEUE), localStorage.getItem(DATA), connected, ui.notice, queue().map(expired)]);
    const data = read(DATA, null);
    const items = queue();
    const parts = [];
    parts.push(`<header class="offline-bar"><span class="zeues-mono">ZEUES</span>
        ${data ? `<span><span class="zeues-mono">${esc(data.worker.token)}</span> · ${esc(data.worker.nombre)}</span>` : ""}
        <span class="offline-status ${connected ? "" : "down"}" data-testid="offline-status" role="status">${statusText()}</span></header>`);
    if (data && !connected) parts.push(`<p class="offline-note">Trabajando sin conexión con los datos de las ${esc(data.guardado)}. Cada acción se envía cuando vuelva la red.</p>`);
    if (ui.notice) parts.push(`<div class="offline-notice" role="alert">${esc(ui.notice)}</div>`);

    if (items.length > 0) {
        const settled = items.some(i => i.state !== "pendiente") || items.some(expired);
        parts.push(`<section class="offline-section" data-testid="offline-queue"><h2 class="zeues-mono">ACCIONES SIN CONEXIÓN (${items.length})</h2>
            ${items.map(i => `<div class="offline-item state-${esc(i.state)}" data-offline-item="${esc(i.id)}" data-offline-item-tag="${esc(i.tag)}">
                <div>${itemText(i)}</div>${itemState(i)}</div>`).join("")}
            ${settled || (connected && pending().length === 0) ? `<button class="offline-primary" data-do="done" data-testid="offline-done">LISTO</button>` : ""}</section>`);
    } else if (connected && mode === "shell") {
        parts.push(`<button class="offline-primary" data-do="reload">VOLVER A TRABAJO</button>`);
    }

    if (data && !connected) {
        parts.push(`<section class="offline-section" data-testid="offline-mine"><h2 class="zeues-mono">MIS SPOOLS (${data.mine.length})</h2>
            ${data.mine.length === 0 ? "<p>No tienes spools en curso.</p>" : ""}
            ${data.mine.map(s => card(s, `<div class="card-actions">
                ${s.capturada ? `<span class="offline-badge">PENDIENTE DE ENVÍO</span>` : ""}
                ${s.acciones.map((a, i) => `<button class="${i === 0 ? "offline-primary" : "offline-secondary"}" data-do="action" data-action="${esc(a)}" data-tag="${esc(s.tag)}">${esc(a)}</button>`).join("")}
                <button class="offline-secondary" data-do="note" data-tag="${esc(s.tag)}">NOTA</button></div>`)).join("")}</section>`);

        const tab = data.tabs.find(t => t.operacion === ui.tab) ?? data.tabs[0];
        if (tab) {
            ui.tab = tab.operacion;
            parts.push(`<section class="offline-section" data-testid="offline-available">
                <div class="op-tabs" role="tablist">${data.tabs.map(t => `<button role="tab" class="op-tab ${t === tab ? "active" : ""}" data-do="tab" data-op="${esc(t.operacion)}">${esc(t.nombre)} (${t.spools.length})</button>`).join("")}</div>
                ${tab.spools.length === 0 ? `<p>No hay spools disponibles para ${esc(tab.nombre)}.</p>` : ""}
                ${tab.spools.map(s => `<div data-do="select" data-tag="${esc(s.tag)}">${card(s, "")}</div>`).join("")}</section>
                <div class="offline-actionbar"><button class="offline-secondary" data-do="clear">LIMPIAR</button>
                <button class="offline-primary" data-do="start" data-testid="offline-start" ${ui.selected.size === 0 ? "disabled" : ""}>INICIAR ${esc(tab.nombre)} (${ui.selected.size})</button></div>`);
        }
    }
    if (ui.dialog) parts.push(dialog(ui.dialog));
    rootEl.innerHTML = parts.join("");
}

function dialog(d) {
    let title, body, buttons;
    if (d.kind === "confirm") {
        title = d.title;
        body = d.lines.map(l => `<p>${esc(l)}</p>`).join("");
        buttons = `<button class="${d.danger ? "offline-danger" : "offline-primary"}" data-do="confirm" data-testid="offline-confirm">${esc(d.confirmText)}</button>`;
    } else if (d.kind === "unions") {
        const available = d.spool.unions.filter(u => !u.estado);
        const pulgadas = d.spool.unions.filter(u => d.selected.has(u.id)).reduce((sum, u) => sum + Number(u.dn), 0);
        title = `FINALIZAR ${d.spool.operacionNombre} · ${d.spool.tag}`;
        body = `<button class="offline-secondary" data-do="all">${d.selected.size === available.length && available.length > 0 ? "QUITAR TODAS" : `SELECCIONAR TODAS (${available.length})`}</button>
            ${d.spool.unions.map(u => `<label class="union-row ${u.estado ? "union-done" : ""}"><input type="checkbox" data-do="union" data-union="${esc(u.id)}" data-offline-union="${esc(u.id)}"
                ${d.selected.has(u.id) ? "checked" : ""} ${u.estado ? "disabled" : ""}><span class="zeues-mono">UNIÓN ${u.n}</span><span>${esc(u.dnTexto)}"</span><span>${esc(u.tipo)}</span>
                ${u.estado ? `<span class="union-state">${esc(u.estado)}</span>` : ""}</label>`).join("")}
            <div class="union-footer">SELECCIONADAS: ${d.selected.size} de ${available.length} · PULGADAS: ${inches(pulgadas)}"</div>`;
        buttons = `<button class="offline-primary" data-do="finish" data-testid="offline-finish">${d.selected.size === 0 ? "LIBERAR SIN REGISTRAR" : `FINALIZAR ${d.selected.size} ${d.selected.size === 1 ? "UNIÓN" : "UNIONES"}`}</button>`;
    } else {
        title = `NOTAS · ${d.tag}`;
        body = `<textarea rows="3" maxlength="500" data-offline-note aria-label="Nota">${esc(d.text)}</textarea>`;
        buttons = `<button class="offline-primary" data-do="add-note" data-testid="offline-add-note" ${d.text.trim() ? "" : "disabled"}>AGREGAR NOTA</button>`;
    }
    return `<div class="offline-dialog-layer"><div class="offline-dialog" role="dialog" aria-modal="true" data-testid="offline-dialog">
        <h2 class="zeues-mono">${esc(title)}</h2><div class="dialog-body">${body}</div>
        <div class="offline-dialog-buttons"><button class="offline-secondary" data-do="back">VOLVER</button>${buttons}</div></div></div>`;
}
