// @mention autocomplete for every textarea marked data-mentions (comments, posts, replies, the page
// editor, task descriptions). Typing "@" and a few letters asks /api/people?q= for matching colleagues;
// arrow keys and Enter (or a click) insert "@handle ". Delegated on the document, so it also works for
// textareas rendered later by Blazor; after inserting it fires "input" so bound components see the text.
const list = document.createElement("ul");
list.className = "mention-list";
list.setAttribute("role", "listbox");
list.hidden = true;
let target = null;
let items = [];
let active = 0;
let timer = 0;
let lastQuery = null;

function wordBeforeCaret(textarea) {
    const upto = textarea.value.slice(0, textarea.selectionStart);
    const match = /(^|[\s([{>])@([\p{L}\p{N}._-]{0,40})$/u.exec(upto);
    return match ? { query: match[2], start: upto.length - match[2].length - 1 } : null;
}

function hide() {
    list.hidden = true;
    items = [];
    lastQuery = null;
}

function render() {
    list.replaceChildren(...items.map((p, i) => {
        const li = document.createElement("li");
        li.setAttribute("role", "option");
        li.id = "mention-option-" + i;
        li.setAttribute("aria-selected", i === active ? "true" : "false");
        li.dataset.handle = p.handle;
        const name = document.createElement("strong");
        name.textContent = p.name;
        const handle = document.createElement("span");
        handle.textContent = " @" + p.handle;
        li.append(name, handle);
        li.addEventListener("mousedown", e => { e.preventDefault(); pick(i); });
        return li;
    }));
    list.hidden = items.length === 0;
    if (!list.hidden && target) {
        const box = target.getBoundingClientRect();
        list.style.left = (window.scrollX + box.left) + "px";
        list.style.top = (window.scrollY + box.bottom) + "px";
        target.setAttribute("aria-activedescendant", "mention-option-" + active);
    }
}

function pick(i) {
    const found = target && wordBeforeCaret(target);
    if (!found || !items[i]) {
        hide();
        return;
    }
    const text = target.value;
    const insert = "@" + items[i].handle + " ";
    target.value = text.slice(0, found.start) + insert + text.slice(target.selectionStart);
    const caret = found.start + insert.length;
    target.setSelectionRange(caret, caret);
    target.dispatchEvent(new Event("input", { bubbles: true }));
    hide();
}

async function lookup(query) {
    if (query === lastQuery) {
        return;
    }
    lastQuery = query;
    try {
        const response = await fetch("/api/people?limit=6&q=" + encodeURIComponent(query), { credentials: "same-origin", headers: { Accept: "application/json" } });
        if (!response.ok) {
            hide();
            return;
        }
        items = (await response.json()).slice(0, 6);
        active = 0;
        render();
    } catch {
        hide();
    }
}

document.addEventListener("input", e => {
    const el = e.target;
    if (!(el instanceof HTMLTextAreaElement) || !el.hasAttribute("data-mentions")) {
        return;
    }
    target = el;
    const found = wordBeforeCaret(el);
    clearTimeout(timer);
    if (!found) {
        hide();
        return;
    }
    timer = setTimeout(() => lookup(found.query), 120);
});

document.addEventListener("keydown", e => {
    if (list.hidden || e.target !== target) {
        return;
    }
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        active = (active + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
        render();
    } else if (e.key === "Enter" || e.key === "Tab") {
        e.preventDefault();
        pick(active);
    } else if (e.key === "Escape") {
        hide();
    }
}, true);

document.addEventListener("focusout", e => { if (e.target === target) setTimeout(hide, 150); });

if (!document.body.contains(list)) {
    document.body.append(list);
}
