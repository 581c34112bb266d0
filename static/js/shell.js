// The application shell: below 1280 px the header's navigation folds behind a
// menu button. Loaded in <head>, not deferred, so the page is marked as
// scripted before it is drawn; without JavaScript the navigation stays open.
document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", () => {
  const button = document.querySelector("[data-menu-button]");
  const nav = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!nav) return;
  button.hidden = false;
  const setOpen = (open) => {
    button.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("open", open);
  };
  button.addEventListener("click", () => {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && nav.classList.contains("open")) {
      setOpen(false);
      button.focus();
    }
  });
});
