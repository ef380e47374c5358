// Reports touch and key input to the circuit (throttled) for the idle timeout, UX 3.3.
export function trackInput(dotnet) {
    let last = 0;
    const touched = () => {
        const now = Date.now();
        if (now - last < 2000) return;
        last = now;
        dotnet.invokeMethodAsync("Touched").catch(() => { });
    };
    const events = ["pointerdown", "keydown", "touchstart", "wheel"];
    events.forEach(e => document.addEventListener(e, touched, { passive: true, capture: true }));
    return { dispose: () => events.forEach(e => document.removeEventListener(e, touched, { capture: true })) };
}
