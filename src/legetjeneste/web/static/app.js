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
