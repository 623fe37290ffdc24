// Forms marked data-confirm ask before they are sent (delete): the question is the attribute's text.
for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => {
        if (!window.confirm(form.dataset.confirm)) { event.preventDefault(); }
    });
}
