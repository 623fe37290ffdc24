// Jobs page: while any job is queued or running, refresh the counts and the table every two seconds.
(function () {
    "use strict";
    const live = document.getElementById("jobs-live");
    if (!live || !window.fetch || !window.DOMParser) { return; }
    function busy() { return live.querySelector('tr[data-state="Queued"], tr[data-state="Extracting"], tr[data-state="Indexing"]') !== null; }
    function refresh() {
        if (!busy() || document.hidden) { setTimeout(refresh, 2000); return; }
        fetch(window.location.href, { headers: { "Accept": "text/html" } })
            .then(function (r) { return r.text(); })
            .then(function (html) {
                const next = new DOMParser().parseFromString(html, "text/html").getElementById("jobs-live");
                if (next) { live.innerHTML = next.innerHTML; }
            })
            .finally(function () { setTimeout(refresh, 2000); });
    }
    setTimeout(refresh, 2000);
})();
