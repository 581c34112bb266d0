// The "Select all" box of the admin's export page (django-import-export), wired
// here instead of by an inline onchange, which the Content-Security-Policy refuses.
// onSelectToggleChange comes with the export form's own script.
document.addEventListener("change", (event) => {
  if (event.target.matches("input.select-toggle")) window.onSelectToggleChange(event);
});
