// Search page: "/" focuses the search box; "Cite" copies the passage with its citation in one click.
(function () {
    "use strict";
    document.addEventListener("keydown", function (e) {
        const box = document.getElementById("q");
        if (e.key === "/" && box && document.activeElement !== box && !(e.target.closest && e.target.closest("input, textarea, select"))) {
            e.preventDefault();
            box.focus();
            box.select();
        }
    });

    function copy(text) {
        if (navigator.clipboard && window.isSecureContext) { return navigator.clipboard.writeText(text); }
        // http:// on an intranet is not a secure context: fall back to a selected textarea.
        const area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.append(area);
        area.select();
        const ok = document.execCommand("copy");
        area.remove();
        return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
    }

    document.addEventListener("click", function (e) {
        const button = e.target.closest && e.target.closest("button.cite");
        if (!button) { return; }
        const label = button.textContent;
        copy(button.dataset.citation).then(function () {
            button.textContent = button.dataset.copied;
            button.setAttribute("aria-live", "polite");
            setTimeout(function () { button.textContent = label; }, 2500);
        }, function () { window.prompt("", button.dataset.citation); });
    });
})();
