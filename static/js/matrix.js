// Spreadsheet-like editing of the beheermatrix: click or type a code, it is
// saved at once through htmx, and the row's check updates in place.
(function () {
  "use strict";

  const ORDER = ["", "R", "A", "C", "I"];
  const KEYS = { r: "R", a: "A", c: "C", i: "I" };

  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function table() {
    return document.getElementById("matrix");
  }

  function buttonAt(row, column) {
    const rows = Array.from(table().querySelectorAll("tbody tr[data-activity]"));
    const tr = rows[row];
    if (!tr) return null;
    const buttons = tr.querySelectorAll("td.cell");
    const td = buttons[column];
    return td ? td.querySelector("button.cell-button") : null;
  }

  function position(button) {
    const td = button.closest("td");
    const tr = td.closest("tr");
    const rows = Array.from(table().querySelectorAll("tbody tr[data-activity]"));
    const cells = Array.from(tr.querySelectorAll("td.cell"));
    return { row: rows.indexOf(tr), column: cells.indexOf(td) };
  }

  function focusButton(button) {
    if (!button) return;
    table()
      .querySelectorAll('button.cell-button[tabindex="0"]')
      .forEach((b) => b.setAttribute("tabindex", "-1"));
    button.setAttribute("tabindex", "0");
    button.focus();
  }

  function updateSummary() {
    const invalid = table().querySelectorAll('td.row-status[data-invalid="true"]').length;
    const counter = document.getElementById("invalid-count");
    if (counter) {
      counter.textContent = String(invalid);
      counter.classList.toggle("badge-risk", invalid > 0);
    }
    table()
      .querySelectorAll("tbody tr[data-activity]")
      .forEach((tr) => {
        const status = tr.querySelector("td.row-status");
        tr.classList.toggle("invalid", status && status.dataset.invalid === "true");
      });
  }

  function save(button, code) {
    const activity = button.dataset.activity;
    const role = button.dataset.role;
    const cellId = "cell-" + activity + "-" + role;
    const hadFocus = document.activeElement === button;
    button.setAttribute("aria-busy", "true");
    htmx
      .ajax("POST", table().dataset.cellUrl, {
        target: "#" + cellId,
        swap: "outerHTML",
        values: { activity: activity, role: role, code: code, expected: button.dataset.code },
        headers: { "X-CSRFToken": csrfToken() },
      })
      .then(() => {
        updateSummary();
        const fresh = document.querySelector("#" + cellId + " button.cell-button");
        if (hadFocus) focusButton(fresh);
      });
  }

  function cycle(button, backwards) {
    const index = ORDER.indexOf(button.dataset.code);
    const step = backwards ? ORDER.length - 1 : 1;
    save(button, ORDER[(index + step) % ORDER.length]);
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("button.cell-button");
    if (!button || !table() || !table().contains(button)) return;
    event.preventDefault();
    focusButton(button);
    cycle(button, event.shiftKey);
  });

  document.addEventListener("keydown", (event) => {
    const button = event.target.closest && event.target.closest("button.cell-button");
    if (!button || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key;
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (moves[key]) {
      event.preventDefault();
      const here = position(button);
      let row = here.row + moves[key][0];
      const column = here.column + moves[key][1];
      let target = buttonAt(row, column);
      // Skip rows the user may not edit (they have no buttons).
      while (!target && moves[key][0] !== 0 && row >= 0 && row < 100000) {
        row += moves[key][0];
        if (!table().querySelectorAll("tbody tr[data-activity]")[row]) break;
        target = buttonAt(row, column);
      }
      focusButton(target);
    } else if (KEYS[key.toLowerCase()]) {
      event.preventDefault();
      save(button, KEYS[key.toLowerCase()]);
    } else if (key === "Delete" || key === "Backspace") {
      event.preventDefault();
      save(button, "");
    }
  });
})();
