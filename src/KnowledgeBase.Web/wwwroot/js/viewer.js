import { markWords, queryTerms } from "./highlight.js";

// The embedded PDF viewer: renders one page with PDF.js (served by the app, no CDN) and marks the words of
// the query in the page's text layer, whatever their accents (accent-folded comparison, as the search does).
const root = document.getElementById("viewer");
const lib = root.dataset.lib;
const pages = Number(root.dataset.pages) || 1;
let current = Number(root.dataset.page) || 1;
const canvas = document.getElementById("viewer-canvas");
const textLayerDiv = document.getElementById("viewer-text");
const pageBox = document.getElementById("viewer-page");
const status = document.getElementById("viewer-status");

const terms = queryTerms(root.dataset.query);

function pageText(n) {
    return (root.dataset.textPage || "{0} / {1}").replace("{0}", n).replace("{1}", pages);
}

async function main() {
    const pdfjs = await import(lib + "pdf.min.mjs");
    pdfjs.GlobalWorkerOptions.workerSrc = lib + "pdf.worker.min.mjs";
    const pdf = await pdfjs.getDocument({
        url: root.dataset.file,
        standardFontDataUrl: lib + "standard_fonts/",
        wasmUrl: lib + "wasm/",
        isEvalSupported: false,
    }).promise;
    let task = null;

    async function render(n) {
        current = Math.min(Math.max(1, n), pdf.numPages);
        const page = await pdf.getPage(current);
        const width = Math.min(root.clientWidth || 800, 1000);
        const scale = width / page.getViewport({ scale: 1 }).width;
        const viewport = page.getViewport({ scale });
        const ratio = window.devicePixelRatio || 1;
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        canvas.style.width = `${Math.floor(viewport.width)}px`;
        canvas.style.height = `${Math.floor(viewport.height)}px`;
        pageBox.style.width = `${Math.floor(viewport.width)}px`;
        if (task) { task.cancel(); }
        task = page.render({ canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null });
        try { await task.promise; } catch (e) { if (e && e.name === "RenderingCancelledException") { return; } throw e; }
        textLayerDiv.replaceChildren();
        textLayerDiv.style.setProperty("--total-scale-factor", String(scale));
        const textLayer = new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: textLayerDiv, viewport });
        await textLayer.render();
        const marked = markWords([...textLayerDiv.querySelectorAll("span")], terms, (span) => span.style.top);
        root.dataset.rendered = String(current);
        root.dataset.marks = String(marked);
        status.textContent = pageText(current);
        pageBox.setAttribute("aria-label", pageText(current));
        const url = new URL(window.location.href);
        url.searchParams.set("page", String(current));
        history.replaceState(null, "", url);
        const first = textLayerDiv.querySelector("mark");
        if (first) { first.scrollIntoView({ block: "center" }); }
    }

    document.getElementById("viewer-prev").addEventListener("click", () => render(current - 1));
    document.getElementById("viewer-next").addEventListener("click", () => render(current + 1));
    document.addEventListener("keydown", (e) => {
        if (e.target.closest && e.target.closest("input, textarea, select")) { return; }
        if (e.key === "ArrowLeft" || e.key === "PageUp") { render(current - 1); }
        if (e.key === "ArrowRight" || e.key === "PageDown") { render(current + 1); }
    });
    await render(current);
}

main().catch((error) => {
    const message = document.createElement("p");
    message.className = "viewer-error";
    message.setAttribute("role", "alert");
    message.textContent = root.dataset.textError || String(error);
    root.append(message);
    root.dataset.error = String(error);
});
