// Mermaid diagrams. A ```mermaid block is rendered as <pre class="mermaid"> holding its source, readable
// without script; this turns each into a drawing. The bundled Mermaid (lib/mermaid, several megabytes) is
// fetched only once a page shows such a block: at load, after Blazor's enhanced navigation patched the page,
// and when an interactive view (the editor's preview) puts one in the DOM; a mutation observer sees all three.
// Served from our own origin, so the Content-Security-Policy stays script-src 'self'.
const pending = "pre.mermaid:not([data-processed])";
let library = null;
let queue = Promise.resolve();
let scheduled = false;

function load() {
    library ??= new Promise((resolve, reject) => {
        const script = document.createElement("script");
        // The fingerprinted URL, from the layout, so the large file can be cached for good.
        script.src = document.querySelector("script[data-mermaid-src]")?.dataset.mermaidSrc ?? "/lib/mermaid/mermaid.min.js";
        script.onload = () => {
            // strict: labels are sanitised and click handlers in the source are ignored, so a page's author
            // cannot run script in a reader's browser. Errors are not drawn as Mermaid's bomb picture: a
            // broken diagram shows its source again (see draw; data-processed is set either way, so it is not
            // retried until the text changes).
            window.mermaid.initialize({
                startOnLoad: false,
                securityLevel: "strict",
                // Labels as SVG text, not HTML inside the drawing: less of an author's markup is ever parsed.
                htmlLabels: false,
                flowchart: { htmlLabels: false },
                theme: "default",
                suppressErrorRendering: true,
                // An author's %%{init}%% may not restyle the drawing (themeCSS could cover the whole page
                // with a fake sign-in box): only these defaults apply, whatever a diagram asks for.
                secure: ["secure", "securityLevel", "startOnLoad", "maxTextSize", "suppressErrorRendering", "maxEdges",
                    "themeCSS", "themeVariables", "fontFamily", "altFontFamily", "theme", "darkMode", "htmlLabels", "flowchart"],
            });
            resolve(window.mermaid);
        };
        script.onerror = () => {
            library = null;
            reject(new Error("Mermaid could not be loaded"));
        };
        document.head.append(script);
    });
    return library;
}

function draw() {
    scheduled = false;
    if (!document.querySelector(pending)) return;
    // One run at a time: Mermaid marks a block as processed as it starts on it, so a second run started
    // meanwhile would otherwise race it for the same blocks.
    queue = queue.then(async () => {
        const nodes = [...document.querySelectorAll(pending)];
        if (!nodes.length) return;
        const sources = nodes.map(node => node.textContent);
        const mermaid = await load();
        await mermaid.run({ nodes, suppressErrors: true });
        // Mermaid empties a block before drawing into it; one it could not draw gets its source back.
        nodes.forEach((node, i) => {
            if (!node.querySelector("svg")) node.textContent = sources[i];
        });
    }).catch(() => {
        // The source stays visible; nothing else to do.
    });
}

function schedule() {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(draw);
}

new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
window.Blazor?.addEventListener?.("enhancedload", schedule);
schedule();
