// A button with data-print opens the browser's print dialog (no inline onclick:
// the Content-Security-Policy allows no inline script).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
