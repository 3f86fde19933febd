// The signature pad (Components/Shared/SignaturePad.razor: a work order's signature item, a training session's signers), imported as a module:
// the CSP allows scripts from this site only, so nothing here is inline. Pointer events cover mouse, finger and stylus
// alike; the canvas has touch-action: none (css/app.css) so a finger draws instead of scrolling the page. Strokes are kept
// in CSS pixels and drawn again when the canvas changes size (a phone turned sideways), since resizing a canvas wipes it.
const pads = new WeakMap();
const ink = "#0d1b2a";

// The listener (a .NET object, optional) hears of every finished stroke, so a page can keep the drawing as it grows; a
// stroke finished while the circuit is down is not heard of, and the listener's failure is not the pad's.
export function attach(canvas, listener) {
    if (pads.has(canvas)) return;
    const pad = { strokes: [], current: null, version: 0 };
    pads.set(canvas, pad);

    const at = event => {
        const box = canvas.getBoundingClientRect();
        return [event.clientX - box.left, event.clientY - box.top];
    };
    canvas.addEventListener("pointerdown", event => {
        if (event.button !== 0) return;
        event.preventDefault();
        canvas.setPointerCapture(event.pointerId);
        pad.current = [at(event)];
        pad.strokes.push(pad.current);
        pad.version++;
        dot(canvas, pad.current[0]);
    });
    canvas.addEventListener("pointermove", event => {
        if (!pad.current) return;
        event.preventDefault();
        // A stylus reports more points than frames; the coalesced ones keep fast strokes smooth.
        const events = event.getCoalescedEvents ? event.getCoalescedEvents() : [];
        for (const e of events.length ? events : [event]) {
            const from = pad.current[pad.current.length - 1];
            const to = at(e);
            pad.current.push(to);
            line(canvas, from, to);
        }
    });
    const end = () => {
        if (!pad.current) return; // pointerup is followed by lostpointercapture: one stroke, one word
        pad.current = null;
        listener?.invokeMethodAsync("StrokeEnded").catch(() => { });
    };
    canvas.addEventListener("pointerup", end);
    canvas.addEventListener("pointercancel", end);
    canvas.addEventListener("lostpointercapture", end);
    pad.observer = new ResizeObserver(() => redraw(canvas, pad));
    pad.observer.observe(canvas);
    redraw(canvas, pad);
}

// The page leaves: stop watching the canvas's size (the observer would otherwise keep it alive).
export function detach(canvas) {
    const pad = pads.get(canvas);
    if (!pad) return;
    pad.observer.disconnect();
    pads.delete(canvas);
}

export function clear(canvas) {
    const pad = pads.get(canvas);
    if (!pad) return;
    pad.strokes = [];
    pad.version++;
    redraw(canvas, pad);
}

// 0 when nothing is drawn; else a number that changes with every stroke or clear (a page stores a drawing once). Every
// stroke raises the version, so a pad with strokes never answers 0.
export function drawn(canvas) {
    const pad = pads.get(canvas);
    return !pad || pad.strokes.length === 0 ? 0 : pad.version;
}

// The drawing as PNG bytes: ink on white, so it reads the same on any page or printout.
export async function png(canvas) {
    const blob = await new Promise(resolve => canvas.toBlob(resolve, "image/png"));
    return new Uint8Array(await blob.arrayBuffer());
}

function context(canvas) {
    const scale = canvas.width / Math.max(1, canvas.getBoundingClientRect().width);
    const g = canvas.getContext("2d");
    g.setTransform(scale, 0, 0, scale, 0, 0);
    g.strokeStyle = ink;
    g.fillStyle = ink;
    g.lineWidth = 2.5;
    g.lineCap = "round";
    g.lineJoin = "round";
    return g;
}

function line(canvas, from, to) {
    const g = context(canvas);
    g.beginPath();
    g.moveTo(from[0], from[1]);
    g.lineTo(to[0], to[1]);
    g.stroke();
}

function dot(canvas, at) {
    const g = context(canvas);
    g.beginPath();
    g.arc(at[0], at[1], 1.25, 0, 2 * Math.PI);
    g.fill();
}

function redraw(canvas, pad) {
    const box = canvas.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(box.width * ratio));
    canvas.height = Math.max(1, Math.round(box.height * ratio));
    const g = canvas.getContext("2d");
    g.fillStyle = "#ffffff";
    g.fillRect(0, 0, canvas.width, canvas.height);
    for (const stroke of pad.strokes) {
        dot(canvas, stroke[0]);
        for (let i = 1; i < stroke.length; i++) line(canvas, stroke[i - 1], stroke[i]);
    }
}
