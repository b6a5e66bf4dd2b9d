// Small progressive enhancements for every page: the menu button on narrow screens, the skip link, the "/"
// shortcut to the search box, and title suggestions while typing in it. Everything else works without this file.
// --- The menu on narrow screens: the button shows the language and account links and the navigation
// (CSS: .menu-open on the shell). Escape closes it and gives focus back to the button; so does following a
// link in it (enhanced navigation keeps the shell, so the class would stay).
function setMenu(open, focusButton) {
    const toggle = document.querySelector("[data-nav-toggle]");
    if (!toggle) return;
    toggle.setAttribute("aria-expanded", String(open));
    toggle.closest("[data-menu]")?.classList.toggle("menu-open", open);
    if (focusButton) toggle.focus();
}

const menuIsOpen = () => document.querySelector("[data-nav-toggle]")?.getAttribute("aria-expanded") === "true";

document.addEventListener("click", e => {
    const toggle = e.target.closest("[data-nav-toggle]");
    if (toggle) {
        setMenu(!menuIsOpen(), false);
    } else if (menuIsOpen() && e.target.closest("#sidebar a[href], #topbar-actions a[href]")) {
        setMenu(false, false);
    }
    const option = e.target.closest("#header-suggestions [role=option]");
    if (option) {
        e.preventDefault();
        go(option.dataset.href);
    } else if (!e.target.closest("[data-search]")) {
        closeSuggestions();
    }
});

document.addEventListener("keydown", e => {
    if (e.key !== "Escape" || e.defaultPrevented || !menuIsOpen() || e.target.matches?.("[data-search-input]")) return;
    e.preventDefault();
    setMenu(false, true);
});

// --- The skip link: "#main" resolves against <base href="/">, so followed as a link it would open the
// home page. It moves focus to the content of this page instead (before Blazor's link handling sees it).
document.addEventListener("click", e => {
    if (!e.target.closest?.(".skip-link")) return;
    const main = document.getElementById("main");
    if (!main) return;
    e.preventDefault();
    e.stopPropagation();
    main.focus();
    main.scrollIntoView();
}, true);

document.addEventListener("keydown", e => {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target?.isContentEditable) return;
    const search = document.querySelector("[data-search-input]");
    if (search) {
        e.preventDefault();
        search.focus();
        search.select();
    }
});

// --- Search box suggestions (ARIA combobox) ---
let timer;
let lastQuery = "";
let controller;

document.addEventListener("input", e => {
    if (!e.target.matches("[data-search-input]")) return;
    clearTimeout(timer);
    timer = setTimeout(() => suggest(e.target), 120);
});

document.addEventListener("keydown", e => {
    const input = e.target;
    if (!(input instanceof HTMLInputElement) || !input.matches("[data-search-input]")) return;
    const list = document.getElementById(input.getAttribute("aria-controls"));
    const options = list ? [...list.querySelectorAll("[role=option]")] : [];
    const current = options.findIndex(o => o.getAttribute("aria-selected") === "true");
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (!options.length) return;
        e.preventDefault();
        const next = e.key === "ArrowDown" ? (current + 1) % options.length : (current <= 0 ? options.length - 1 : current - 1);
        select(input, options, next);
    } else if (e.key === "Enter" && current >= 0) {
        e.preventDefault();
        go(options[current].dataset.href);
    } else if (e.key === "Escape") {
        if (list && !list.hidden) {
            e.preventDefault();
            closeSuggestions();
        } else {
            input.value = "";
        }
    }
});

async function suggest(input) {
    const query = input.value.trim();
    const list = document.getElementById(input.getAttribute("aria-controls"));
    if (!list) return;
    if (query.length < 2) {
        closeSuggestions();
        return;
    }
    if (query === lastQuery && !list.hidden) return;
    lastQuery = query;
    controller?.abort();
    controller = new AbortController();
    try {
        const response = await fetch("/api/search/suggest?q=" + encodeURIComponent(query), { signal: controller.signal, headers: { Accept: "application/json" } });
        if (!response.ok) return;
        const items = await response.json();
        list.replaceChildren(...items.map((item, i) => {
            const li = document.createElement("li");
            li.id = "header-suggestion-" + i;
            li.setAttribute("role", "option");
            li.setAttribute("aria-selected", "false");
            li.dataset.href = item.url || "/wiki/" + item.path;
            const title = document.createElement("span");
            title.className = "suggestion-title";
            title.textContent = item.title;
            const where = document.createElement("span");
            where.className = "suggestion-path";
            // Spaces and people say what they are; a page, task or document shows where it lives.
            where.textContent = item.kind === "space" ? (input.dataset.spaceText || "") + " · " + item.path
                : item.kind === "person" ? (input.dataset.personText || "") + " · @" + item.path
                : item.path;
            li.classList.add("suggestion-" + item.kind);
            li.append(title, where);
            return li;
        }));
        if (!items.length) {
            const li = document.createElement("li");
            li.className = "suggestion-empty";
            li.textContent = input.dataset.emptyText || "";
            list.append(li);
        }
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        input.removeAttribute("aria-activedescendant");
    } catch (err) {
        if (err.name !== "AbortError") closeSuggestions();
    }
}

function select(input, options, index) {
    options.forEach((o, i) => o.setAttribute("aria-selected", String(i === index)));
    input.setAttribute("aria-activedescendant", options[index].id);
    options[index].scrollIntoView({ block: "nearest" });
}

function closeSuggestions() {
    const input = document.querySelector("[data-search-input]");
    const list = document.getElementById("header-suggestions");
    if (list) {
        list.hidden = true;
        list.replaceChildren();
    }
    input?.setAttribute("aria-expanded", "false");
    input?.removeAttribute("aria-activedescendant");
    lastQuery = "";
}

function go(href) {
    closeSuggestions();
    if (window.Blazor?.navigateTo) {
        window.Blazor.navigateTo(href);
    } else {
        location.href = href;
    }
}
