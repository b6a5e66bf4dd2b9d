// The editor's title and tags fields. Tags are chips with a remove button; the text field beside them is
// a combobox (ARIA 1.2) that suggests existing tags as you type. Every change is told to the editor
// (FieldsChanged), then announced as input on the text area, so editor.js marks the page as changed and
// refreshes the preview and the draft exactly as for typing in the text.
let state = null;

export function init(textarea, dotnet) {
    dispose();
    const root = document.getElementById("page-fields");
    if (!root) return;
    const title = root.querySelector("#page-title");
    const input = root.querySelector("#page-tags");
    const chips = root.querySelector("#page-tags-chips");
    const options = root.querySelector("#page-tags-options");
    const removeModel = root.querySelector("#page-tag-remove");
    const known = [...root.querySelectorAll("#page-tags-suggestions option")].map(o => o.value);
    const current = { tags: [], active: -1, timer: 0, closed: false, listeners: [] };
    state = current;

    // The script's own list replaces the browser's: a datalist cannot suggest the second tag of a list.
    input.removeAttribute("list");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", options.id);

    const normalise = tag => tag.trim().replace(/^#+/, "").trim().toLowerCase();
    const on = (target, type, handler) => {
        target.addEventListener(type, handler);
        current.listeners.push(() => target.removeEventListener(type, handler));
    };

    const changed = () => {
        if (current.closed || !textarea.isConnected) return;
        dotnet.invokeMethodAsync("FieldsChanged", title.value, current.tags)
            .then(() => textarea.dispatchEvent(new Event("input")))
            .catch(error => { if (!current.closed) console.error(error); });
    };

    const renderChips = () => {
        chips.replaceChildren(...current.tags.map(tag => {
            const chip = document.createElement("li");
            chip.className = "tag-chip";
            const name = document.createElement("span");
            name.className = "tag-chip-name";
            name.textContent = tag;
            const remove = document.createElement("button");
            remove.type = "button";
            remove.className = "tag-chip-remove";
            remove.innerHTML = removeModel.innerHTML;
            remove.setAttribute("aria-label", removeModel.dataset.label.replace("{0}", tag));
            chip.append(name, remove);
            remove.addEventListener("click", () => {
                current.tags = current.tags.filter(t => t !== tag);
                renderChips();
                input.focus();
                changed();
            });
            return chip;
        }));
    };

    const add = text => {
        const fresh = text.split(",").map(normalise).filter(t => t && !current.tags.includes(t));
        input.value = "";
        close();
        if (fresh.length === 0) return;
        current.tags = [...new Set([...current.tags, ...fresh])];
        renderChips();
        changed();
    };

    const close = () => {
        options.hidden = true;
        options.replaceChildren();
        current.active = -1;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
    };

    const open = () => {
        const typed = normalise(input.value);
        const matches = typed === "" ? [] : known
            .filter(t => t.includes(typed) && !current.tags.includes(t))
            .sort((a, b) => Number(!a.startsWith(typed)) - Number(!b.startsWith(typed)))
            .slice(0, 8);
        if (matches.length === 0) return close();
        options.replaceChildren(...matches.map((tag, i) => {
            const option = document.createElement("li");
            option.id = `page-tags-option-${i}`;
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", "false");
            option.textContent = tag;
            // mousedown, not click: the field must not lose focus (and close the list) first.
            option.addEventListener("mousedown", e => { e.preventDefault(); add(tag); });
            return option;
        }));
        current.active = -1;
        options.hidden = false;
        input.setAttribute("aria-expanded", "true");
    };

    const highlight = index => {
        const items = [...options.children];
        if (items.length === 0) return;
        current.active = (index + items.length) % items.length;
        items.forEach((item, i) => item.setAttribute("aria-selected", String(i === current.active)));
        input.setAttribute("aria-activedescendant", items[current.active].id);
    };

    const saveKey = e => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
            e.preventDefault();
            if (input.value.trim()) add(input.value);
            if (!current.closed) dotnet.invokeMethodAsync("SaveFromKeyboard").catch(error => console.error(error));
            return true;
        }
        return false;
    };

    on(title, "input", () => {
        clearTimeout(current.timer);
        current.timer = setTimeout(changed, 200);
    });
    on(title, "keydown", saveKey);
    on(input, "input", () => {
        if (input.value.includes(",")) add(input.value); else open();
    });
    on(input, "keydown", e => {
        if (saveKey(e)) return;
        const items = options.children;
        if (e.key === "ArrowDown" && !options.hidden) { e.preventDefault(); highlight(current.active + 1); }
        else if (e.key === "ArrowUp" && !options.hidden) { e.preventDefault(); highlight(current.active - 1); }
        else if (e.key === "Escape" && !options.hidden) { e.preventDefault(); close(); }
        else if (e.key === "Enter") {
            // Enter adds the tag; it never submits anything.
            e.preventDefault();
            add(current.active >= 0 ? items[current.active].textContent : input.value);
        } else if (e.key === "Backspace" && input.value === "" && current.tags.length > 0) {
            current.tags = current.tags.slice(0, -1);
            renderChips();
            changed();
        }
    });
    on(input, "blur", () => { if (input.value.trim()) add(input.value); else close(); });

    current.tags = [...new Set(input.value.split(",").map(normalise).filter(Boolean))];
    input.value = "";
    renderChips();

    current.read = () => ({ title: title.value, tags: [...new Set([...current.tags, ...input.value.split(",").map(normalise).filter(Boolean)])] });
    current.set = (newTitle, tags) => {
        title.value = newTitle;
        current.tags = [...tags];
        input.value = "";
        renderChips();
    };
}

// What the fields hold now (a tag still being typed counts): read by the save.
export function read() {
    return state ? state.read() : { title: "", tags: [] };
}

// Shows another version's title and tags (a draft, their version after a conflict).
export function set(title, tags) {
    state?.set(title, tags);
}

export function dispose() {
    if (!state) return;
    state.closed = true;
    clearTimeout(state.timer);
    state.listeners.forEach(off => off());
    state = null;
}
