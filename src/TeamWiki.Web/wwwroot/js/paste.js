// Paste or drop images and files into the page editor's text area. Each file is uploaded to the page's
// _media folder (POST /api/pages/{path}/media, named by the #media-paste element beside the text area);
// while it travels a placeholder stands where the caret was, and is then replaced by ![alt](_media/…) for
// an image or [name](_media/…) for another file. What cannot be stored is removed again and said in the
// editor's alert. Listeners sit on the document, so an editor reached by enhanced navigation works too.

const pad = n => String(n).padStart(2, "0");

function configOf(target) {
    if (!(target instanceof HTMLTextAreaElement) || target.id !== "editor-text") return null;
    return target.closest(".editor")?.querySelector("[data-media-url]") ?? null;
}

function fill(text, values) {
    for (const [name, value] of Object.entries(values)) text = (text || "").replace("{" + name + "}", value);
    return text;
}

function hasFiles(dataTransfer) {
    return !!dataTransfer && Array.from(dataTransfer.types || []).includes("Files");
}

// A screenshot on the clipboard arrives as "image.png": it gets a name that says when it was pasted.
function named(file, pasted, when) {
    if (!pasted || (file.name && !/^image\.[a-z]+$/i.test(file.name))) return file;
    const extension = (file.type.split("/")[1] || "png").replace("jpeg", "jpg").replace(/[^a-z0-9]/gi, "");
    const stamp = `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}-${pad(when.getHours())}${pad(when.getMinutes())}`;
    return new File([file], `pasted-${stamp}.${extension}`, { type: file.type });
}

const escapeLabel = text => text.replace(/([\\[\]])/g, "\\$1");

function markdown(config, answer, file, pasted) {
    if (!answer.image) return `[${escapeLabel(file.name)}](${answer.link})`;
    const alt = pasted ? config.dataset.msgPasted : file.name.replace(/\.[^.]+$/, "").replace(/[-_]+/g, " ").trim();
    return `![${escapeLabel(alt || file.name)}](${answer.link})`;
}

function say(config, text) {
    const alert = config.querySelector(".media-paste-error");
    if (!alert || !text) return;
    const line = document.createElement("span");
    line.textContent = text;
    if (alert.hidden) alert.replaceChildren();
    else alert.append(document.createElement("br"));
    alert.append(line);
    alert.hidden = false;
}

function clearMessages(config) {
    const alert = config.querySelector(".media-paste-error");
    if (alert) {
        alert.hidden = true;
        alert.replaceChildren();
    }
}

// Replaces the placeholder wherever the text around it has moved meanwhile. The caret stays where the
// person left it; one at the placeholder's end goes behind the link ("preserve" would select the link, and
// the next keystroke or drop would replace it). The input event tells the editor (preview, draft, unsaved changes).
function replace(textarea, placeholder, text) {
    const at = textarea.value.indexOf(placeholder);
    if (at < 0) return;
    const end = at + placeholder.length;
    const moved = offset => offset >= end ? offset + text.length - placeholder.length : offset > at ? at + text.length : offset;
    const [start, stop] = [moved(textarea.selectionStart), moved(textarea.selectionEnd)];
    textarea.setRangeText(text, at, end);
    textarea.setSelectionRange(start, stop);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
}

async function send(config, file) {
    const form = new FormData();
    form.append("files", file, file.name);
    try {
        const response = await fetch(config.dataset.mediaUrl, { method: "POST", body: form, headers: { Accept: "application/json" } });
        if (response.ok) return { answer: (await response.json())[0] };
        const key = response.status === 413 ? "msgTooLarge"
            : response.status === 400 || response.status === 415 ? "msgRefused"
            : response.status === 403 || response.status === 404 ? "msgForbidden"
            : "msgFailed";
        return { problem: key };
    } catch {
        return { problem: "msgFailed" };
    }
}

async function upload(textarea, config, files, pasted) {
    clearMessages(config);
    const when = new Date();
    const max = Number(config.dataset.maxBytes || 0);
    const items = files.map(original => named(original, pasted, when)).map(file => ({
        file,
        placeholder: `[${fill(config.dataset.msgUploading, { name: file.name })}]`,
    }));
    const accepted = [];
    for (const item of items) {
        if (max > 0 && item.file.size > max) say(config, fill(config.dataset.msgTooLarge, { name: item.file.name }));
        else accepted.push(item);
    }
    if (accepted.length === 0) return;
    const { selectionStart: start, selectionEnd: end } = textarea;
    // Several files: a paragraph each, so two links or images do not run together on one line.
    textarea.setRangeText(accepted.map(i => i.placeholder).join("\n\n"), start, end, "end");
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
    // One after another: each file is one commit, and the placeholders fill in in the order they stand.
    for (const item of accepted) {
        const { answer, problem } = await send(config, item.file);
        if (answer) {
            replace(textarea, item.placeholder, markdown(config, answer, item.file, pasted));
        } else {
            replace(textarea, item.placeholder, "");
            say(config, fill(config.dataset[problem], { name: item.file.name }));
        }
    }
}

document.addEventListener("paste", e => {
    const config = configOf(e.target);
    if (!config || !e.clipboardData) return;
    const files = Array.from(e.clipboardData.files || []);
    // Office and browsers put a picture of copied text beside the text itself: text wins.
    if (files.length === 0 || e.clipboardData.types.includes("text/plain")) return;
    e.preventDefault();
    upload(e.target, config, files, true);
});

document.addEventListener("dragover", e => {
    if (!configOf(e.target) || !hasFiles(e.dataTransfer)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
    e.target.classList.add("drag-over");
});

document.addEventListener("dragleave", e => {
    if (configOf(e.target)) e.target.classList.remove("drag-over");
});

document.addEventListener("drop", e => {
    const config = configOf(e.target);
    if (!config || !hasFiles(e.dataTransfer)) return;
    e.preventDefault();
    e.target.classList.remove("drag-over");
    upload(e.target, config, Array.from(e.dataTransfer.files), false);
});
