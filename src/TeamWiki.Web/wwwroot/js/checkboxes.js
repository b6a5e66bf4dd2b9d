// Task-list checkboxes on a page (or in a task's checklist) the reader may edit are rendered enabled,
// numbered (data-checkbox-index), inside a .markdown-body that says where ticks go (data-checkbox-url);
// the nearest data-revision around it is the revision shown.
// A tick is posted with that revision as its base, so the server merges it with changes made since.
// Ticks are sent one after another: each uses the revision the previous one produced. When the server
// had to merge (someone else changed the page meanwhile), or the view shows something derived from the
// boxes (a task's "1 of 3 done", its history: data-checkbox-reload), the page is reloaded once no tick is
// waiting any more, so what is shown is the saved text. 409: the line itself changed; the box is put back.
let queue = Promise.resolve();
let pending = 0;
let reload = false;

function notice(text) {
    const element = document.getElementById("checkbox-notice");
    if (!element) return;
    element.textContent = text ?? "";
    element.hidden = !text;
}

async function send(box, body, article) {
    const checked = box.checked;
    let problem = body.dataset.checkboxFailed;
    try {
        const response = await fetch(body.dataset.checkboxUrl, {
            method: "POST",
            headers: { "Content-Type": "application/json", Accept: "application/json" },
            body: JSON.stringify({ index: Number(box.dataset.checkboxIndex), checked, baseRevision: article.dataset.revision }),
        });
        if (response.ok) {
            const answer = await response.json();
            article.dataset.revision = answer.revision;
            reload ||= answer.merged || body.dataset.checkboxReload === "true";
            problem = null;
        } else if (response.status === 409) {
            problem = body.dataset.checkboxConflict;
        }
    } catch {
        // Network failure: the generic message below.
    }
    if (problem) {
        box.checked = !checked;
        notice(problem);
    }
    box.disabled = false;
    if (--pending === 0 && reload) location.reload();
}

document.addEventListener("change", e => {
    const box = e.target instanceof Element ? e.target.closest("input[data-checkbox-index]") : null;
    const body = box?.closest(".markdown-body[data-checkbox-url]");
    const article = body?.closest("[data-revision]");
    if (!box || !body || !article) return;
    box.disabled = true;
    notice(null);
    pending++;
    queue = queue.then(() => send(box, body, article));
});

// Tells tests (and anyone curious) that a tick is no longer lost: the listener above is in place.
document.documentElement.dataset.checkboxes = "ready";
