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
