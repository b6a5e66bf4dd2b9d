// The editor's text area: debounced preview, toolbar, keyboard shortcuts, and a warning before
// leaving with unsaved changes. The server never sees individual keystrokes.
import "./wikilinks.js"; // the [[ page picker, its own module
let dirty = false;
let session = null;
let leaveQuestion = "";

function warnBeforeLeaving(e) {
    if (dirty) {
        e.preventDefault();
        e.returnValue = "";
    }
}

// Links inside the app are followed by Blazor's enhanced navigation, which never fires beforeunload:
// ask here first, in the capture phase, before Blazor's own click handler sees the click.
function confirmFollowingLink(e) {
    if (!dirty || e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    const link = e.target instanceof Element ? e.target.closest("a[href]") : null;
    if (!link || link.target === "_blank" || link.hasAttribute("download")) return;
    const to = new URL(link.href, location.href);
    if (to.hash && to.pathname === location.pathname && to.search === location.search) return;
    if (window.confirm(leaveQuestion)) {
        // Asked once: a full page load after this must not ask again through beforeunload.
        dirty = false;
    } else {
        e.preventDefault();
        e.stopImmediatePropagation();
    }
}

export function init(textarea, dotnet, question) {
    dispose();
    leaveQuestion = question || "";
    const current = { timer: 0, closed: false };
    session = current;
    // Calls into the component only while it lives: after a save the page navigates away, and a preview
    // still waiting on its timer must not reach a component that is gone.
    // A text area no longer in the document means the page has moved on, whatever the component knows yet.
    const call = (method, ...args) => {
        if (current.closed || !textarea.isConnected) return;
        dotnet.invokeMethodAsync(method, ...args).catch(error => {
            if (!current.closed) console.error(error);
        });
    };
    textarea.addEventListener("input", () => {
        dirty = true;
        clearTimeout(current.timer);
        current.timer = setTimeout(() => call("Preview", textarea.value), 200);
    });
    textarea.addEventListener("keydown", e => {
        if (!(e.ctrlKey || e.metaKey)) return;
        const key = e.key.toLowerCase();
        const action = { b: "bold", i: "italic", k: "link" }[key];
        if (key === "s") {
            e.preventDefault();
            // The save reads the text itself and leaves the editor: a preview still waiting would only
            // reach a component on its way out.
            clearTimeout(current.timer);
            call("SaveFromKeyboard");
        } else if (action) {
            e.preventDefault();
            apply(textarea, action);
        }
    });
    document.querySelectorAll(".editor-toolbar [data-md]").forEach(button =>
        button.addEventListener("click", () => apply(textarea, button.dataset.md)));
    window.addEventListener("beforeunload", warnBeforeLeaving);
    window.addEventListener("click", confirmFollowingLink, true);
}

// Called by the component when it goes away: no more calls into it, no warning on leaving.
export function dispose() {
    if (session) {
        session.closed = true;
        clearTimeout(session.timer);
        session = null;
    }
    dirty = false;
    window.removeEventListener("beforeunload", warnBeforeLeaving);
    window.removeEventListener("click", confirmFollowingLink, true);
}

export function getValue(textarea) {
    return textarea.value;
}

export function setValue(textarea, value) {
    textarea.value = value;
    textarea.dispatchEvent(new Event("input"));
}

export function markSaved() {
    dirty = false;
}

const wrappers = {
    bold: ["**", "**", "vette tekst"],
    italic: ["_", "_", "schuine tekst"],
    link: ["[", "](https://)", "linktekst"],
    wikilink: ["[[", "]]", "Paginatitel"],
    code: ["`", "`", "code"],
};

const blocks = {
    heading: "## ",
    list: "- ",
    tasks: "- [ ] ",
};

function apply(textarea, action) {
    const { selectionStart: start, selectionEnd: end, value } = textarea;
    const selected = value.slice(start, end);
    let insert, caretStart, caretEnd;
    if (wrappers[action]) {
        const [before, after, placeholder] = wrappers[action];
        const text = selected || placeholder;
        insert = before + text + after;
        caretStart = start + before.length;
        caretEnd = caretStart + text.length;
    } else if (blocks[action]) {
        const lineStart = value.lastIndexOf("\n", start - 1) + 1;
        const lines = value.slice(lineStart, end).split("\n").map(l => blocks[action] + l).join("\n");
        textarea.setRangeText(lines, lineStart, end, "end");
        textarea.focus();
        textarea.dispatchEvent(new Event("input"));
        return;
    } else if (action === "table") {
        insert = "\n| Kolom 1 | Kolom 2 |\n| --- | --- |\n| Cel | Cel |\n";
        caretStart = caretEnd = start + insert.length;
    } else {
        return;
    }
    textarea.setRangeText(insert, start, end, "select");
    textarea.setSelectionRange(caretStart, caretEnd);
    textarea.focus();
    textarea.dispatchEvent(new Event("input"));
}
