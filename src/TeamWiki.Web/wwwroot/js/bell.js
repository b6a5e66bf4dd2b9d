// The notification bell of a signed-in page is plain HTML from the server. This keeps it current: a
// WebSocket (/notifications/live) sends the bell's new HTML whenever the person's notifications change,
// and it is swapped in, keeping the panel open if it was. data-live="true" says the socket is open.
// "Mark all read" asks the API; the socket then brings the bell without the unread marks.
let socket = null;
let delay = 1000;

const bell = () => document.querySelector(".bell");

function markLive() {
    const b = bell();
    if (b) b.dataset.live = String(socket?.readyState === WebSocket.OPEN);
}

function connect() {
    if (socket || !bell()) return;
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    socket = new WebSocket(`${scheme}://${location.host}/notifications/live`);
    socket.addEventListener("open", () => { delay = 1000; markLive(); });
    socket.addEventListener("message", e => swap(e.data));
    socket.addEventListener("close", () => {
        socket = null;
        markLive();
        // Closed by the server after a while (to check the sign-in again) or by a network hiccup: reconnect.
        setTimeout(connect, delay);
        delay = Math.min(delay * 2, 30000);
    });
}

function swap(html) {
    const old = bell();
    if (!old) return;
    const template = document.createElement("template");
    template.innerHTML = html;
    const fresh = template.content.querySelector(".bell");
    if (!fresh) return;
    const wasOpen = old.querySelector("details")?.open;
    if (wasOpen) fresh.querySelector("details")?.setAttribute("open", "");
    // Focus inside the bell (a keyboard user on a notification) would fall back to the page's start when
    // the old bell goes: it moves to the same place in the new one (the same link, else the button).
    const focused = old.contains(document.activeElement) ? document.activeElement : null;
    const href = focused?.getAttribute("href");
    old.replaceWith(fresh);
    if (focused) {
        const same = href && [...fresh.querySelectorAll("a[href]")].find(a => a.getAttribute("href") === href);
        (same || fresh.querySelector("summary"))?.focus();
    }
    markLive();
}

// Tabbing on past the panel's last link closes it, so it does not stay open over what has focus now.
document.addEventListener("focusout", e => {
    const details = bell()?.querySelector("details[open]");
    if (!details || !details.contains(e.target) || !e.relatedTarget || details.contains(e.relatedTarget)) return;
    details.open = false;
});

// Escape closes the open panel and gives focus back to the bell's button (a <details> does not by itself).
document.addEventListener("keydown", e => {
    if (e.key !== "Escape" || e.defaultPrevented) return;
    const details = bell()?.querySelector("details[open]");
    if (!details) return;
    e.preventDefault();
    details.open = false;
    details.querySelector("summary")?.focus();
});

document.addEventListener("click", async e => {
    const button = e.target.closest("[data-bell-read-all]");
    if (!button) return;
    button.disabled = true;
    const response = await fetch("/api/notifications/read-all", { method: "POST" });
    if (!response.ok) button.disabled = false;
});

// Enhanced navigation replaces the page's HTML (and with it data-live), and may bring a bell to a page
// that had none (after signing in).
window.Blazor?.addEventListener?.("enhancedload", () => { connect(); markLive(); });
connect();
