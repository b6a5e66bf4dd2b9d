// Small progressive enhancements for every page: the menu button on narrow screens and the
// "/" shortcut to the search box. Everything works without this file.
document.addEventListener("click", e => {
    const toggle = e.target.closest("[data-nav-toggle]");
    if (!toggle) return;
    const sidebar = document.getElementById(toggle.getAttribute("aria-controls"));
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    sidebar?.classList.toggle("open", open);
});

document.addEventListener("keydown", e => {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target?.isContentEditable) return;
    const search = document.querySelector("[data-search-input]");
    if (search) {
        e.preventDefault();
        search.focus();
    }
});
