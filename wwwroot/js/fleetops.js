// Small browser helpers the Blazor pages call through JS interop (the CSP allows scripts from this site only).
window.fleetOps = {
    // Copies text for the acquirer. navigator.clipboard needs a secure context (https or localhost); a store's
    // intranet over plain http falls back to a hidden text area and the older copy command.
    copyText: async function (text) {
        if (navigator.clipboard && window.isSecureContext) {
            try { await navigator.clipboard.writeText(text); return true; } catch { /* fall back below */ }
        }
        const area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.appendChild(area);
        area.select();
        const copied = document.execCommand("copy");
        document.body.removeChild(area);
        return copied;
    },

    // Saves a file the server streams once (the keys of a bulk import): a Blob in this page, never a URL on the server
    // that could be fetched again.
    downloadFile: async function (fileName, contentType, streamReference) {
        const buffer = await streamReference.arrayBuffer();
        const url = URL.createObjectURL(new Blob([buffer], { type: contentType }));
        const anchor = document.createElement("a");
        anchor.href = url;
        anchor.download = fileName;
        document.body.appendChild(anchor);
        anchor.click();
        document.body.removeChild(anchor);
        URL.revokeObjectURL(url);
    },

    // Writes ASP.NET Core's culture cookie after the language was changed on an open page (a circuit cannot set a
    // cookie), so the next HTTP request — a download, the sign-in page — speaks the same language. One year, whole site.
    // The page's own lang attribute follows too (screen readers, fonts), since the document is not loaded again.
    setCultureCookie: function (name, value, lang) {
        document.cookie = name + "=" + encodeURIComponent(value) + "; path=/; max-age=31536000; samesite=lax";
        document.documentElement.lang = lang;
    }
};

// The connection of a live page, from Blazor's reconnect events (Components/Layout/ReconnectOverlay.razor). Blazor reports
// "show" and "retrying" while it tries again, "failed" when it gave up, "rejected" when the server no longer knows the
// circuit (restarted), "paused"/"resume-failed" for a circuit paused in the background. body[data-connection] drives the
// header's live chip (css/app.css); the overlay shows the part for the state.
(function () {
    const overlay = document.getElementById("components-reconnect-modal");
    if (!overlay) return; // static pages (sign-in) have no circuit
    const connection = { show: "retrying", retrying: "retrying", failed: "down", rejected: "down", paused: "down", "resume-failed": "down" };

    function setState(state) {
        document.body.dataset.connection = connection[state] || "up";
        overlay.dataset.state = state === "show" ? "retrying" : state;
        if (state === "hide") {
            if (overlay.open) overlay.close();
        } else if (!overlay.open) {
            overlay.showModal();
        }
    }

    // Blazor writes the attempt and the most attempts into the elements with its ids, in the sentence of the language the
    // page was loaded in; the same sentence in the other languages (shown after a switch) gets the numbers from there.
    function copyCounters() {
        for (const slot of overlay.querySelectorAll("[data-reconnect-slot]")) {
            const source = document.getElementById("components-reconnect-" + slot.dataset.reconnectSlot);
            if (source && source !== slot) slot.textContent = source.textContent;
        }
    }

    overlay.addEventListener("components-reconnect-state-changed", function (event) {
        const detail = event.detail || {};
        copyCounters();
        if (detail.state === "rejected") { setState("rejected"); location.reload(); return; }
        setState(detail.state);
    });

    overlay.addEventListener("click", async function (event) {
        const action = event.target && event.target.dataset ? event.target.dataset.reconnectAction : null;
        if (!action) return;
        if (action === "reload") { location.reload(); return; }
        try {
            const ok = action === "resume" ? await Blazor.resumeCircuit() : await Blazor.reconnect();
            if (!ok && action === "retry" && !(await Blazor.resumeCircuit())) location.reload();
            if (!ok && action === "resume") location.reload();
        } catch {
            setState("failed");
        }
    });
})();

