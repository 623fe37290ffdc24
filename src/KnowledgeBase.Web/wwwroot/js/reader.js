import { markWords, queryTerms } from "./highlight.js";

// The clean-text reader: marks the query's words in every passage and brings the current passage into view.
const reader = document.getElementById("reader");
const terms = queryTerms(reader.dataset.query);
const target = reader.querySelector(".passage.current") || reader.querySelector(".passage");
for (const passage of reader.querySelectorAll(".passage")) { markWords([passage], terms); }
reader.dataset.marks = String(reader.querySelectorAll("mark").length);
if (target) { target.scrollIntoView({ block: "center" }); target.setAttribute("tabindex", "-1"); }
