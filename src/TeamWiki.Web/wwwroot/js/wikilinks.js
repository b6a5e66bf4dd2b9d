// The page picker for wiki links in every textarea marked data-wikilinks="<space of the page>" (the page
// editor). Typing "[[" and a few letters asks /api/pages/suggest for pages the author may read, as they
// type (debounced, answers that arrive out of order are dropped); arrow keys, Enter, Tab, Escape or the
// mouse choose; the server says which link text leads to exactly that page from this space. Delegated on
// the document in the capture phase, so it works for textareas Blazor renders later and sees the
// editor's own (non-bubbling) input events; after inserting it fires "input" so the preview follows.
//
// ARIA: a textarea keeps its textbox role (a combobox cannot be multi-line), so it gets what a textbox
// supports: aria-autocomplete="list", aria-controls and aria-activedescendant on the shown option; the
// list is a role=listbox of role=option items, and a polite status line says how many pages were found.
const list = document.createElement("ul");
list.id = "wikilink-listbox";
list.className = "wikilink-list";
list.setAttribute("role", "listbox");
list.hidden = true;
const status = document.createElement("div");
status.className = "visually-hidden";
status.setAttribute("role", "status");
status.id = "wikilink-status";
let target = null;
let items = [];
let active = 0;
let timer = 0;
let asked = 0;
let lastQuery = null;

// "[[" then up to 80 characters that could be a title, right before the caret: no brackets, no "|"
// (a label follows), no line break (the parser would not see a link).
function typedBeforeCaret(textarea) {
    if (textarea.selectionStart !== textarea.selectionEnd) return null;
    const upto = textarea.value.slice(0, textarea.selectionStart);
    const match = /\[\[([^\[\]|<>\r\n]{1,80})$/.exec(upto);
    return match && match[1].trim() ? { query: match[1].trim(), start: upto.length - match[1].length - 2 } : null;
}

function hide() {
    clearTimeout(timer);
    asked++;
    list.hidden = true;
    list.replaceChildren();
    items = [];
    lastQuery = null;
    if (target && (target.getAttribute("aria-activedescendant") || "").startsWith("wikilink-option-")) {
        target.removeAttribute("aria-activedescendant");
    }
}

function announce(text) {
    if (status.textContent !== text) status.textContent = text;
}

function render() {
    list.replaceChildren(...items.map((page, i) => {
        const li = document.createElement("li");
        li.setAttribute("role", "option");
        li.id = "wikilink-option-" + i;
        li.setAttribute("aria-selected", i === active ? "true" : "false");
        li.dataset.path = page.path;
        const title = document.createElement("span");
        title.className = "wikilink-title";
        title.textContent = page.title;
        const space = document.createElement("span");
        space.className = "wikilink-space";
        space.textContent = page.spaceName;
        li.append(title, space);
        li.addEventListener("mousedown", e => { e.preventDefault(); pick(i); });
        return li;
    }));
    list.hidden = items.length === 0;
    if (!target) return;
    if (list.hidden) {
        hide();
        return;
    }
    list.setAttribute("aria-label", target.dataset.wikilinksLabel || "Pagina's");
    place();
    target.setAttribute("aria-activedescendant", "wikilink-option-" + active);
    list.children[active]?.scrollIntoView({ block: "nearest" });
}

// Under the line being typed on, not under the whole (tall) text area: a copy of the text area's text up
// to the caret, laid out with the same box and font, says where the caret is.
function caretOffset(textarea) {
    const style = getComputedStyle(textarea);
    const mirror = document.createElement("div");
    for (const p of ["boxSizing", "width", "paddingTop", "paddingRight", "paddingBottom", "paddingLeft", "borderTopWidth",
        "borderRightWidth", "borderBottomWidth", "borderLeftWidth", "fontFamily", "fontSize", "fontWeight", "fontStyle",
        "letterSpacing", "lineHeight", "tabSize", "textIndent", "wordSpacing"]) {
        mirror.style[p] = style[p];
    }
    Object.assign(mirror.style, { position: "absolute", visibility: "hidden", top: "0", left: "-9999px", whiteSpace: "pre-wrap", overflowWrap: "break-word", borderStyle: "solid" });
    mirror.textContent = textarea.value.slice(0, textarea.selectionStart);
    const marker = document.createElement("span");
    marker.textContent = "\u200b";
    mirror.append(marker);
    document.body.append(mirror);
    const offset = { left: marker.offsetLeft, top: marker.offsetTop + marker.offsetHeight };
    mirror.remove();
    return offset;
}

function place() {
    const box = target.getBoundingClientRect();
    const caret = caretOffset(target);
    const top = Math.min(box.bottom, Math.max(box.top, box.top + caret.top - target.scrollTop));
    const width = Math.min(list.offsetWidth || 320, document.documentElement.clientWidth - 16);
    const left = Math.max(8, Math.min(box.left + caret.left - target.scrollLeft, document.documentElement.clientWidth - width - 8));
    list.style.left = (window.scrollX + left) + "px";
    list.style.top = (window.scrollY + top + 4) + "px";
}

function pick(i) {
    const found = target && typedBeforeCaret(target);
    const page = items[i];
    if (!found || !page) {
        hide();
        return;
    }
    const text = target.value;
    // The toolbar's "[[Paginatitel]]" (or a link being retyped) already has its closing brackets.
    const end = text.startsWith("]]", target.selectionStart) ? target.selectionStart + 2 : target.selectionStart;
    target.setRangeText(page.link, found.start, end, "end");
    target.dispatchEvent(new Event("input", { bubbles: true }));
    announce(page.link);
    hide();
}

async function lookup(textarea, query) {
    if (query === lastQuery) return;
    lastQuery = query;
    const ticket = ++asked;
    const space = textarea.dataset.wikilinks;
    try {
        const response = await fetch("/api/pages/suggest?limit=8&q=" + encodeURIComponent(query) + (space ? "&space=" + encodeURIComponent(space) : ""),
            { credentials: "same-origin", headers: { Accept: "application/json" } });
        if (ticket !== asked || textarea !== target) return;
        if (!response.ok) {
            hide();
            return;
        }
        const pages = await response.json();
        if (ticket !== asked) return;
        items = pages;
        active = 0;
        announce(pages.length === 0 ? (textarea.dataset.wikilinksNone || "") : (textarea.dataset.wikilinksFound || "{0}").replace("{0}", pages.length));
        lastQuery = query;
        render();
    } catch {
        if (ticket === asked) hide();
    }
}

function typed(e) {
    const el = e.target;
    if (!(el instanceof HTMLTextAreaElement) || !el.hasAttribute("data-wikilinks")) return;
    // Blazor's enhanced navigation replaces the body's children, ours too.
    if (!list.isConnected) document.body.append(list, status);
    if (target !== el) {
        hide();
        target = el;
        el.setAttribute("aria-autocomplete", "list");
        el.setAttribute("aria-controls", list.id);
    }
    const found = typedBeforeCaret(el);
    clearTimeout(timer);
    if (!found) {
        if (!list.hidden || lastQuery !== null) hide();
        return;
    }
    timer = setTimeout(() => lookup(el, found.query), 150);
}

document.addEventListener("input", typed, true);

document.addEventListener("keydown", e => {
    if (list.hidden || e.target !== target || items.length === 0 || e.isComposing) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        e.stopImmediatePropagation();
        active = (active + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
        render();
    } else if ((e.key === "Enter" || e.key === "Tab") && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        e.stopImmediatePropagation();
        pick(active);
    } else if (e.key === "Escape") {
        e.preventDefault();
        e.stopImmediatePropagation();
        hide();
    }
}, true);

// Moving the caret elsewhere (a click, Home, the arrows once the list is gone) closes the list.
document.addEventListener("selectionchange", () => {
    if (!list.hidden && target && document.activeElement === target && !typedBeforeCaret(target)) hide();
});
document.addEventListener("focusout", e => { if (e.target === target) hide(); });
window.addEventListener("resize", () => { if (!list.hidden) place(); });

document.body.append(list, status);
