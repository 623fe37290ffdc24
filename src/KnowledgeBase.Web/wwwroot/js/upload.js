// Upload page enhancement: drag and drop, one request per file with its own progress bar, then the job's
// state followed until it is finished. Without JavaScript the form posts all files at once.
(function () {
    "use strict";
    const form = document.getElementById("upload-form");
    if (!form || !window.fetch || !window.FormData) { return; }
    const input = document.getElementById("files");
    const zone = document.getElementById("dropzone");
    const list = document.getElementById("upload-list");
    const text = form.dataset;
    let chosen = [];

    function stateText(state) { return text["state" + state.charAt(0).toUpperCase() + state.slice(1)] || state; }

    function show(files) {
        chosen = Array.from(files);
        list.innerHTML = "";
        chosen.forEach(function (file) {
            const item = document.createElement("li");
            item.className = "upload-item";
            const name = document.createElement("span");
            name.className = "name";
            name.textContent = file.name;
            const bar = document.createElement("progress");
            bar.max = 100; bar.value = 0;
            bar.setAttribute("aria-label", (text.textProgress || "{0}").replace("{0}", file.name));
            const status = document.createElement("span");
            status.className = "status";
            item.append(name, bar, status);
            list.append(item);
            file.item = item;
        });
    }

    input.addEventListener("change", function () { show(input.files); });
    ["dragenter", "dragover"].forEach(function (type) {
        zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (type) {
        zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (e) {
        if (e.dataTransfer && e.dataTransfer.files.length) { show(e.dataTransfer.files); }
    });

    function follow(jobId, item) {
        const status = item.querySelector(".status");
        fetch("/api/jobs/" + jobId).then(function (r) { return r.json(); }).then(function (job) {
            status.textContent = stateText(job.state) + (job.reason ? " — " + job.reason : "");
            item.dataset.state = job.state;
            if (job.isFinished) {
                if (job.documentId && job.state === "done") {
                    const link = document.createElement("a");
                    link.href = "/documents/" + job.documentId;
                    link.textContent = text.textView;
                    status.append(" ", link);
                }
                return;
            }
            setTimeout(function () { follow(jobId, item); }, 1000);
        }).catch(function () { setTimeout(function () { follow(jobId, item); }, 2000); });
    }

    function upload(file) {
        return new Promise(function (resolve) {
            const item = file.item;
            const bar = item.querySelector("progress");
            const status = item.querySelector(".status");
            const data = new FormData();
            data.append("files", file, file.name);
            ["title", "tags", "collection", "visibility"].forEach(function (field) {
                const value = form.elements[field].value;
                if (value) { data.append(field, value); }
            });
            const xhr = new XMLHttpRequest();
            xhr.open("POST", "/api/documents");
            // The API takes a signed-in browser's write only with the antiforgery token (a cookie alone is not enough).
            xhr.setRequestHeader("RequestVerificationToken", form.elements["__RequestVerificationToken"].value);
            xhr.upload.onprogress = function (e) { if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); } };
            xhr.onload = function () {
                bar.value = 100;
                let answer = null;
                try { answer = JSON.parse(xhr.responseText); } catch (err) { answer = null; }
                const first = Array.isArray(answer) ? answer[0] : null;
                if (first && first.accepted && first.job) {
                    status.textContent = stateText(first.job.state);
                    item.dataset.job = first.job.id;
                    follow(first.job.id, item);
                } else {
                    item.dataset.state = "failed";
                    status.textContent = text.textFailed + ": " + ((first && first.reason) || (answer && answer.detail) || xhr.status);
                }
                resolve();
            };
            xhr.onerror = function () { item.dataset.state = "failed"; status.textContent = text.textFailed; resolve(); };
            status.textContent = text.textUploading;
            xhr.send(data);
        });
    }

    form.addEventListener("submit", function (e) {
        if (!chosen.length) { return; }
        e.preventDefault();
        chosen.reduce(function (previous, file) { return previous.then(function () { return upload(file); }); }, Promise.resolve())
            .then(function () { input.value = ""; });
    });
})();
