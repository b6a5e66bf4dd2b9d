// Document uploads: drop files on an .upload-zone or pick them; each file goes to the documents API in
// turn with a progress bar. Files over the limit are refused before sending. When every file arrived the
// page reloads to show them. Listeners sit on the document, so zones added by enhanced navigation work.

function zoneOf(target) {
    return target instanceof Element ? target.closest(".upload-zone") : null;
}

function message(zone, key, values) {
    let text = zone.dataset[key] || "";
    for (const [name, value] of Object.entries(values)) text = text.replace("{" + name + "}", value);
    return text;
}

function send(zone, file, row) {
    return new Promise(resolve => {
        const form = new FormData();
        form.append("files", file, file.name);
        if (zone.dataset.name) form.append("name", zone.dataset.name);
        const xhr = new XMLHttpRequest();
        xhr.open("POST", zone.dataset.uploadUrl);
        xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
        xhr.upload.addEventListener("progress", e => {
            if (e.lengthComputable) row.progress.value = Math.round(100 * e.loaded / e.total);
        });
        xhr.addEventListener("load", () => {
            if (xhr.status >= 200 && xhr.status < 300) {
                row.progress.value = 100;
                row.status.textContent = message(zone, "msgDone", { name: file.name });
                row.item.classList.add("upload-done");
                resolve(true);
                return;
            }
            let reason = xhr.statusText || String(xhr.status);
            try {
                const problem = JSON.parse(xhr.responseText);
                reason = problem.detail || problem.title || reason;
            } catch { /* not JSON */ }
            fail(zone, row, file, reason);
            resolve(false);
        });
        xhr.addEventListener("error", () => {
            fail(zone, row, file, zone.dataset.msgNetwork || "network");
            resolve(false);
        });
        xhr.send(form);
    });
}

function fail(zone, row, file, reason) {
    row.item.classList.add("upload-failed");
    row.item.setAttribute("role", "alert");
    row.status.textContent = message(zone, "msgFailed", { name: file.name, reason });
}

async function upload(zone, files) {
    if (!files || files.length === 0 || zone.dataset.busy) return;
    zone.dataset.busy = "true";
    const list = zone.querySelector(".upload-progress");
    list.replaceChildren();
    const max = Number(zone.dataset.maxBytes || 0);
    let failed = 0;
    for (const file of Array.from(files)) {
        const item = document.createElement("li");
        const name = document.createElement("span");
        name.className = "upload-name";
        name.textContent = file.name;
        const progress = document.createElement("progress");
        progress.max = 100;
        progress.value = 0;
        const status = document.createElement("span");
        status.className = "upload-status";
        item.append(name, progress, status);
        list.append(item);
        const row = { item, progress, status };
        if (max > 0 && file.size > max) {
            row.item.classList.add("upload-failed");
            row.item.setAttribute("role", "alert");
            status.textContent = message(zone, "msgTooLarge", { name: file.name });
            failed++;
            continue;
        }
        if (!(await send(zone, file, row))) failed++;
    }
    delete zone.dataset.busy;
    if (failed === 0) location.reload();
}

document.addEventListener("change", e => {
    const input = e.target;
    if (!(input instanceof HTMLInputElement) || !input.matches("[data-upload-input]")) return;
    const zone = zoneOf(input);
    if (zone) upload(zone, input.files).then(() => { input.value = ""; });
});

document.addEventListener("dragover", e => {
    const zone = zoneOf(e.target);
    if (!zone) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
    zone.classList.add("drag-over");
});

document.addEventListener("dragleave", e => {
    const zone = zoneOf(e.target);
    if (zone && !zone.contains(e.relatedTarget)) zone.classList.remove("drag-over");
});

document.addEventListener("drop", e => {
    const zone = zoneOf(e.target);
    if (!zone) return;
    e.preventDefault();
    zone.classList.remove("drag-over");
    upload(zone, e.dataTransfer.files);
});
