// Behaviour that would otherwise be an inline handler, which the Content-Security-Policy forbids:
// a button with data-action="print" prints the page. The second selector keeps the payment
// specification's print button working until its template says data-action="print" too.
const PRINT = '[data-action="print"], button[onclick="window.print()"]';

document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest(PRINT) : null;
  if (button) {
    event.preventDefault();
    window.print();
  }
});

// A button with data-copy="text" copies the text to the clipboard and says so in the [data-copy-status]
// beside it. Where the clipboard is closed to the page (plain http), the element named by
// data-copy-source is selected instead, for the user to copy with Ctrl+C.
document.addEventListener("click", async (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-copy]") : null;
  if (!button) {
    return;
  }
  event.preventDefault();
  const status = button.parentElement?.querySelector("[data-copy-status]");
  try {
    await navigator.clipboard.writeText(button.dataset.copy);
    if (status) status.textContent = "Adressen er kopiert.";
  } catch {
    const source = document.getElementById(button.dataset.copySource || "");
    if (source) {
      const range = document.createRange();
      range.selectNodeContents(source);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    }
    if (status) status.textContent = "Adressen er merket: trykk Ctrl+C (Cmd+C på Mac) for å kopiere.";
  }
});

// The header menu (base.html) is open in the HTML so it works without JS; on a narrow screen it folds
// behind its «Meny» button, and it opens again when the window grows wide (the button is hidden there).
const WIDE = window.matchMedia("(min-width: 60rem)");
function fitMenu() {
  const menu = document.querySelector("details[data-menu]");
  if (menu) menu.open = WIDE.matches;
}
fitMenu();
WIDE.addEventListener("change", fitMenu);

// A form that was refused comes back with its error summary above it (templates/fields.html): the focus moves
// to the summary, so a screen reader reads what went wrong and the keyboard starts there; also when htmx puts
// a refused part in place. A link in the summary moves the focus to its field, with the field's label (or
// its group's legend) in view, and opens the disclosure the field is in.
const SUMMARY = ".ds-error-summary";

function focusSummary(root) {
  const summary = root.querySelector(SUMMARY);
  if (summary) {
    if (!summary.hasAttribute("tabindex")) summary.setAttribute("tabindex", "-1");
    summary.focus();
  }
}

focusSummary(document);
document.body.addEventListener("htmx:afterSwap", (event) => {
  const part = event.detail?.target;
  focusSummary(part instanceof Element && part.isConnected ? part : document);
});

document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest(`${SUMMARY} a[href^="#"]`) : null;
  const field = link ? document.getElementById(decodeURIComponent(link.hash.slice(1))) : null;
  if (!field) {
    return;
  }
  event.preventDefault();
  let closed = field.closest("details:not([open])");
  while (closed) {
    closed.open = true;
    closed = closed.parentElement?.closest("details:not([open])");
  }
  const label = field.labels?.[0] || field.closest("fieldset")?.querySelector("legend");
  (label || field).scrollIntoView({ block: "center" });
  field.focus({ preventScroll: true });
});
