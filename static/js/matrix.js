// Spreadsheet-like editing of a grid (the beheermatrix and the autorisatiematrix,
// an ARIA grid each): click or type a value, it is saved at once through htmx,
// and the row's check updates in place. A cell's row and role follow from its
// row and column; the table says where to save, which values a click cycles
// through (data-cycle) and which keys set which value (data-keys).
(function () {
  "use strict";

  const MOVES = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function table() {
    return document.getElementById("matrix");
  }

  function roleIds() {
    return Array.from(table().querySelectorAll("thead th[data-role]")).map((th) => th.dataset.role);
  }

  function codeCells(tr) {
    return Array.from(tr.querySelectorAll("td:not(.row-status)"));
  }

  function editableCell(target) {
    const td = target.closest && target.closest("td");
    if (!td || td.classList.contains("row-status") || !table() || !table().contains(td)) return null;
    return td.closest("tr[data-editable]") ? td : null;
  }

  function rows() {
    return Array.from(table().querySelectorAll("tbody tr[data-key]"));
  }

  function cycleValues() {
    return JSON.parse(table().dataset.cycle);
  }

  function keyValues() {
    return JSON.parse(table().dataset.keys);
  }

  function focusCell(td) {
    if (!td) return;
    table()
      .querySelectorAll('tbody td[tabindex="0"]')
      .forEach((cell) => cell.setAttribute("tabindex", "-1"));
    td.setAttribute("tabindex", "0");
    td.focus();
  }

  function updateSummary() {
    const invalid = table().querySelectorAll('td.row-status[data-invalid="true"]').length;
    const counter = document.getElementById("invalid-count");
    if (counter) {
      counter.textContent = String(invalid);
      counter.classList.toggle("badge-risk", invalid > 0);
    }
    rows().forEach((tr) => {
      const status = tr.querySelector("td.row-status");
      tr.classList.toggle("invalid", Boolean(status) && status.dataset.invalid === "true");
    });
  }

  function save(td, code) {
    // One save per cell at a time: a second click would send a stale value.
    if (td.getAttribute("aria-busy") === "true") return;
    const tr = td.closest("tr");
    const column = codeCells(tr).indexOf(td);
    const hadFocus = document.activeElement === td;
    td.setAttribute("aria-busy", "true");
    htmx
      .ajax("POST", table().dataset.cellUrl, {
        target: td,
        swap: "outerHTML",
        values: {
          [table().dataset.rowParam]: tr.dataset.key,
          role: roleIds()[column],
          code: code,
          expected: td.textContent.trim(),
        },
        headers: { "X-CSRFToken": csrfToken() },
      })
      .then(() => {
        updateSummary();
        if (hadFocus) focusCell(codeCells(tr)[column]);
      })
      .finally(() => {
        // On an error the cell was not swapped: make it usable again.
        if (td.isConnected) td.removeAttribute("aria-busy");
      });
  }

  function cycle(td, backwards) {
    const order = cycleValues();
    const index = order.indexOf(td.textContent.trim());
    const step = backwards ? order.length - 1 : 1;
    save(td, order[(index + step) % order.length]);
  }

  function moveVertically(td, step) {
    // Skip rows this user may not edit: they take no focus.
    const all = rows();
    const column = codeCells(td.closest("tr")).indexOf(td);
    for (let row = all.indexOf(td.closest("tr")) + step; all[row]; row += step) {
      if (all[row].hasAttribute("data-editable")) {
        focusCell(codeCells(all[row])[column]);
        return;
      }
    }
  }

  document.addEventListener("click", (event) => {
    const td = editableCell(event.target);
    if (!td) return;
    focusCell(td);
    cycle(td, event.shiftKey);
  });

  document.addEventListener("keydown", (event) => {
    const td = editableCell(event.target);
    if (!td || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key;
    if (MOVES[key]) {
      event.preventDefault();
      const [rowStep, columnStep] = MOVES[key];
      if (rowStep) {
        moveVertically(td, rowStep);
      } else {
        const cells = codeCells(td.closest("tr"));
        focusCell(cells[cells.indexOf(td) + columnStep]);
      }
    } else if (keyValues()[key.toLowerCase()]) {
      event.preventDefault();
      save(td, keyValues()[key.toLowerCase()]);
    } else if (key === "Delete" || key === "Backspace") {
      event.preventDefault();
      save(td, "");
    } else if (key === "Enter" || key === " ") {
      event.preventDefault();
      cycle(td, event.shiftKey);
    }
  });
})();

// A refused or failed save (no permission, session expired) is said out loud.
document.addEventListener("htmx:responseError", (event) => {
  const message = document.getElementById("matrix-message");
  if (!message) return;
  const paragraph = document.createElement("p");
  paragraph.className = "message message-error";
  paragraph.setAttribute("role", "alert");
  paragraph.textContent = message.dataset.errorText + " (" + event.detail.xhr.status + ")";
  message.replaceChildren(paragraph);
});
