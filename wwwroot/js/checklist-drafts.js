// The drawn signatures of a checklist draft (Components/Maintenance/ChecklistDrafts.cs), imported as a module: kept in the
// browser's local storage as the server encrypted them. A drawing is read back as bytes, which cross the circuit as a
// stream: a string would be one message from the browser, and the circuit refuses those over 32 KB (a drawing is tens
// of KiB). Nothing stored reads as no bytes (a stream cannot be made of null).
export function save(key, text) {
    localStorage.setItem(key, text);
}

export function read(key) {
    return new TextEncoder().encode(localStorage.getItem(key) ?? "");
}

export function remove(key) {
    localStorage.removeItem(key);
}

// Every entry whose key starts with the prefix: the work is done, each of its signatures goes with the draft.
export function drop(prefix) {
    for (const key of Object.keys(localStorage)) {
        if (key.startsWith(prefix)) localStorage.removeItem(key);
    }
}
