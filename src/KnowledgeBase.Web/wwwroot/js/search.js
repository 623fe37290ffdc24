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

// Suggestions while typing: an ARIA combobox over /api/suggest (arrow keys, Enter, Escape).
(function () {
    "use strict";
    const box = document.getElementById("q");
    const list = document.getElementById("q-suggestions");
    if (!box || !list || !window.fetch) { return; }
    let items = [];
    let active = -1;
    let timer = null;
    let last = "";

    function close() {
        list.hidden = true;
        box.setAttribute("aria-expanded", "false");
        box.removeAttribute("aria-activedescendant");
        active = -1;
    }

    function choose(item) {
        if (item.kind === "title" && item.documentId) {
            window.location.href = "/documents/" + item.documentId;
            return;
        }
        box.value = item.text;
        close();
        box.form.submit();
    }

    function render() {
        list.replaceChildren();
        items.forEach(function (item, i) {
            const li = document.createElement("li");
            li.id = "q-suggestion-" + i;
            li.setAttribute("role", "option");
            li.setAttribute("aria-selected", i === active ? "true" : "false");
            const text = document.createElement("span");
            text.textContent = item.text;
            const kind = document.createElement("span");
            kind.className = "kind";
            kind.textContent = box.dataset["kind" + item.kind.charAt(0).toUpperCase() + item.kind.slice(1)] || "";
            li.append(text, kind);
            li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(item); });
            list.append(li);
        });
        list.hidden = items.length === 0;
        box.setAttribute("aria-expanded", items.length ? "true" : "false");
        if (active >= 0) { box.setAttribute("aria-activedescendant", "q-suggestion-" + active); } else { box.removeAttribute("aria-activedescendant"); }
    }

    box.addEventListener("input", function () {
        clearTimeout(timer);
        const value = box.value;
        if (value.trim().length < 2) { items = []; render(); return; }
        timer = setTimeout(function () {
            last = value;
            fetch("/api/suggest?n=8&q=" + encodeURIComponent(value))
                .then(function (r) { return r.ok ? r.json() : []; })
                .then(function (found) {
                    if (box.value !== last) { return; }
                    items = found; active = -1; render();
                })
                .catch(function () { items = []; render(); });
        }, 120);
    });
    box.addEventListener("keydown", function (e) {
        if (list.hidden) { return; }
        if (e.key === "ArrowDown") { e.preventDefault(); active = (active + 1) % items.length; render(); }
        else if (e.key === "ArrowUp") { e.preventDefault(); active = (active - 1 + items.length) % items.length; render(); }
        else if (e.key === "Enter" && active >= 0) { e.preventDefault(); choose(items[active]); }
        else if (e.key === "Escape") { close(); }
    });
    box.addEventListener("blur", function () { setTimeout(close, 100); });
})();
