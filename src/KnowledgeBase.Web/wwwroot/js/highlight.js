// Marks the words of a query in text nodes, whatever their accents: the same folding as the search
// (NFD, combining marks dropped, đ → d, lower case). Shared by the PDF viewer and the reader view.
export const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();

/** The folded words of a query, without exclusions (-word), filters (field:value) and OR. */
export function queryTerms(query) {
    return new Set(
        (query || "")
            .split(/\s+/)
            .filter((w) => w && !w.startsWith("-") && !/^[\p{L}]+:/u.test(w) && w !== "OR")
            .flatMap((w) => fold(w).match(/[\p{L}\p{N}]+/gu) || []));
}

/**
 * Wraps every word of <terms> found in the given elements' text in <mark>. Words are matched over the
 * joined text of the elements (a PDF text layer splits a word across spans where the font changes), with a
 * space between elements on different lines (different top); each piece is marked in its own element.
 */
export function markWords(elements, terms, lineOf = () => null) {
    if (!terms.size) { return 0; }
    const items = elements.filter((e) => !e.children.length && e.textContent);
    let joined = "";
    const starts = [];
    let previousLine = null;
    for (const item of items) {
        const line = lineOf(item);
        if (previousLine !== null && line !== previousLine && !/\s$/.test(joined)) { joined += " "; }
        starts.push(joined.length);
        joined += item.textContent;
        previousLine = line;
    }
    const ranges = items.map(() => []);
    let count = 0;
    for (const match of joined.matchAll(/[\p{L}\p{N}]+/gu)) {
        if (!terms.has(fold(match[0]))) { continue; }
        count++;
        const from = match.index;
        const to = from + match[0].length;
        items.forEach((item, i) => {
            const a = Math.max(from, starts[i]);
            const b = Math.min(to, starts[i] + item.textContent.length);
            if (a < b) { ranges[i].push([a - starts[i], b - starts[i]]); }
        });
    }
    items.forEach((item, i) => {
        if (!ranges[i].length) { return; }
        const text = item.textContent;
        const parts = [];
        let last = 0;
        for (const [a, b] of ranges[i]) {
            parts.push(document.createTextNode(text.slice(last, a)));
            const mark = document.createElement("mark");
            mark.textContent = text.slice(a, b);
            parts.push(mark);
            last = b;
        }
        parts.push(document.createTextNode(text.slice(last)));
        item.replaceChildren(...parts);
    });
    return count;
}
