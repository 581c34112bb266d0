// Spreadsheet-like editing of a grid (the beheermatrix and the autorisatiematrix,
// an ARIA grid each): click or type a value, it is saved at once through htmx,
// and the row's check updates in place. A cell's row and role follow from its
// row and column; the table says where to save, which values a click cycles
// through (data-cycle), which keys set which value (data-keys) and the texts
// its messages are made of (data-*-text).
//
// The grid is one tab stop: the arrow keys (and Home, End, Page Up and Page
// Down) move within it, as in a spreadsheet; the link at the start of a row is
// left of its first cell. The focused cell is always scrolled fully into view,
// clear of the columns and headings that stay put.
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

  function wrap() {
    return table().closest(".matrix-wrap");
  }

  function roleIds() {
    return Array.from(table().querySelectorAll("thead th[data-role]")).map((th) => th.dataset.role);
  }

  function codeCells(tr) {
    return Array.from(tr.querySelectorAll("td:not(.row-status)"));
  }

  function rows() {
    return Array.from(table().querySelectorAll("tbody tr[data-key]"));
  }

  function editableRows() {
    return rows().filter((tr) => tr.hasAttribute("data-editable"));
  }

  function gridCell(target) {
    // A code cell of this grid, editable or not.
    const td = target.closest && target.closest("td");
    if (!td || td.classList.contains("row-status") || !table() || !table().contains(td)) return null;
    return td.closest("tbody tr[data-key]") ? td : null;
  }

  function editableCell(target) {
    const td = gridCell(target);
    return td && td.closest("tr[data-editable]") ? td : null;
  }

  function rowLink(tr) {
    return tr.querySelector("th.activity a");
  }

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, (_match, name) => values[name] || "");
  }

  function cycleValues() {
    return JSON.parse(table().dataset.cycle);
  }

  function keyValues() {
    return JSON.parse(table().dataset.keys);
  }

  function rowName(tr) {
    const title = tr.querySelector("th .title");
    return title ? title.textContent.trim() : "";
  }

  // --- Keeping the focused cell in view --------------------------------------------------

  function stickyEdges() {
    // The right edge of the columns that stay put, the bottom edge of the headings.
    // The heading cells stick, not the thead: measure a cell.
    const check = table().querySelector("thead tr.roles th.row-status");
    const frame = wrap().getBoundingClientRect();
    if (!check) return { left: frame.left, top: frame.top };
    const box = check.getBoundingClientRect();
    return { left: box.right, top: box.bottom };
  }

  function ensureVisible(element) {
    const area = wrap();
    const box = element.getBoundingClientRect();
    const frame = area.getBoundingClientRect();
    const edges = stickyEdges();
    const inSticky = element.closest("th.activity, .row-status");
    const left = inSticky ? frame.left + area.clientLeft : edges.left;
    const right = frame.left + area.clientLeft + area.clientWidth;
    const top = edges.top;
    const bottom = frame.top + area.clientTop + area.clientHeight;
    // Whole pixels, rounded away from the edge: a cell half a pixel under a
    // sticky column is hidden all the same.
    if (!inSticky) {
      if (box.left < left) area.scrollLeft -= Math.ceil(left - box.left);
      else if (box.right > right) {
        area.scrollLeft += Math.ceil(Math.min(box.right - right, box.left - left));
      }
    }
    if (box.top < top) area.scrollTop -= Math.ceil(top - box.top);
    else if (box.bottom > bottom) {
      area.scrollTop += Math.ceil(Math.min(box.bottom - bottom, box.top - top));
    }
    // And the grid itself in the window.
    const after = element.getBoundingClientRect();
    if (after.bottom > window.innerHeight) window.scrollBy(0, after.bottom - window.innerHeight + 4);
    else if (after.top < 0) window.scrollBy(0, after.top - 4);
  }

  function highlightLines(element) {
    table()
      .querySelectorAll(".focus-line")
      .forEach((th) => th.classList.remove("focus-line"));
    const tr = element.closest("tr");
    const heading = tr && tr.querySelector("th.activity");
    if (heading) heading.classList.add("focus-line");
    if (element.tagName === "TD") {
      const column = codeCells(tr).indexOf(element);
      const th = table().querySelectorAll("thead th[data-role]")[column];
      if (th) th.classList.add("focus-line");
    }
  }

  function focusItem(element) {
    // Roving focus: only the focused cell (or row link) is in the Tab order.
    if (!element) return;
    table()
      .querySelectorAll('tbody [tabindex="0"]')
      .forEach((item) => item.setAttribute("tabindex", "-1"));
    element.setAttribute("tabindex", "0");
    element.focus({ preventScroll: true });
    ensureVisible(element);
  }

  // --- Rule feedback ---------------------------------------------------------------------

  function announce(text) {
    const region = document.getElementById("matrix-announce");
    if (!region) return;
    // Emptied first, so that the same sentence twice is heard twice.
    region.textContent = "";
    window.setTimeout(() => {
      region.textContent = text;
    }, 50);
  }

  function statusOf(tr) {
    const status = tr.querySelector("td.row-status");
    const invalid = Boolean(status) && status.dataset.invalid === "true";
    return { invalid: invalid, text: invalid ? status.textContent.trim() : "" };
  }

  function updateSummary() {
    // The counter and the list of rows that break the rules, together.
    const broken = rows().filter((tr) => statusOf(tr).invalid);
    const counter = document.getElementById("invalid-count");
    if (counter) {
      counter.textContent = String(broken.length);
      counter.classList.toggle("badge-risk", broken.length > 0);
    }
    const list = document.getElementById("invalid-list");
    if (list) {
      list.replaceChildren(
        ...broken.map((tr) => {
          const item = document.createElement("li");
          const link = document.createElement("a");
          link.href = "#" + tr.id;
          link.textContent = rowName(tr);
          const problems = document.createElement("small");
          problems.textContent = statusOf(tr).text;
          item.append(link, " ", problems);
          return item;
        }),
      );
    }
    rows().forEach((tr) => tr.classList.toggle("invalid", statusOf(tr).invalid));
  }

  function announceRule(tr, before) {
    const after = statusOf(tr);
    if (after.invalid && after.text !== before.text) {
      announce(format(table().dataset.brokenText, { name: rowName(tr), problems: after.text }));
    } else if (!after.invalid && before.invalid) {
      announce(format(table().dataset.fixedText, { name: rowName(tr) }));
    }
  }

  // --- Saving ----------------------------------------------------------------------------

  function save(td, code) {
    // One save per cell at a time: a second click would send a stale value.
    if (td.getAttribute("aria-busy") === "true") return;
    const tr = td.closest("tr");
    const column = codeCells(tr).indexOf(td);
    const hadFocus = document.activeElement === td;
    const before = statusOf(tr);
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
        announceRule(tr, before);
        if (hadFocus) focusItem(codeCells(tr)[column]);
        refreshHistory();
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

  function sayReadOnly(td) {
    // Why a click does nothing: whose row this is.
    const message = document.getElementById("matrix-message");
    if (!message) return;
    const tr = td.closest("tr");
    const paragraph = document.createElement("p");
    paragraph.className = "message";
    paragraph.textContent = format(table().dataset.readonlyText, {
      component: tr.dataset.component || "",
    });
    message.replaceChildren(paragraph);
  }

  // --- Moving ----------------------------------------------------------------------------

  function pageRows() {
    // How many rows fit in the grid's window, below the headings.
    const area = wrap();
    const sample = editableRows()[0];
    const rowHeight = sample ? sample.getBoundingClientRect().height : 30;
    const visible = area.getBoundingClientRect().bottom - stickyEdges().top;
    return Math.max(1, Math.floor(visible / rowHeight) - 1);
  }

  function targetOf(element, key, event) {
    // The cell (or row link) a key moves to from `element`, or null.
    const all = editableRows();
    const tr = element.closest("tr");
    const index = all.indexOf(tr);
    const onLink = element.tagName === "A";
    const cells = codeCells(tr);
    const column = onLink ? -1 : cells.indexOf(element);
    const at = (row, col) => {
      if (!row) return null;
      return col < 0 ? rowLink(row) || codeCells(row)[0] : codeCells(row)[col];
    };
    const ctrl = event.ctrlKey || event.metaKey;
    if (key === "Home") return ctrl ? at(all[0], 0) : cells[0];
    if (key === "End") {
      if (ctrl) {
        const last = all[all.length - 1];
        return at(last, codeCells(last).length - 1);
      }
      return cells[cells.length - 1];
    }
    if (key === "PageDown" || key === "PageUp") {
      const step = pageRows() * (key === "PageDown" ? 1 : -1);
      const target = Math.min(all.length - 1, Math.max(0, index + step));
      return at(all[target], column);
    }
    const [rowStep, columnStep] = MOVES[key];
    if (ctrl) {
      // Ctrl+arrow: to the edge of the grid in that direction.
      if (rowStep) return at(all[rowStep > 0 ? all.length - 1 : 0], column);
      return columnStep > 0 ? cells[cells.length - 1] : cells[0];
    }
    if (rowStep) return at(all[index + rowStep], column);
    if (onLink) return columnStep > 0 ? cells[0] : null;
    if (column + columnStep < 0) return rowLink(tr);
    return cells[column + columnStep] || null;
  }

  const NAVIGATION = new Set([...Object.keys(MOVES), "Home", "End", "PageUp", "PageDown"]);

  function rowLinkOf(target) {
    const link = target.closest && target.closest("th.activity a");
    return link && table() && table().contains(link) && link.closest("tr[data-editable]")
      ? link
      : null;
  }

  document.addEventListener("click", (event) => {
    const td = gridCell(event.target);
    if (!td) return;
    if (!td.closest("tr[data-editable]")) {
      sayReadOnly(td);
      return;
    }
    focusItem(td);
    cycle(td, event.shiftKey);
  });

  document.addEventListener("keydown", (event) => {
    const item = editableCell(event.target) || rowLinkOf(event.target);
    if (!item || event.altKey) return;
    const key = event.key;
    if (NAVIGATION.has(key)) {
      event.preventDefault();
      focusItem(targetOf(item, key, event));
      return;
    }
    if (item.tagName === "A" || event.ctrlKey || event.metaKey) return;
    if (key === "h" || key === "H") {
      event.preventDefault();
      openHistory();
    } else if (keyValues()[key.toLowerCase()]) {
      event.preventDefault();
      save(item, keyValues()[key.toLowerCase()]);
    } else if (key === "Delete" || key === "Backspace") {
      event.preventDefault();
      save(item, "");
    } else if (key === "Enter" || key === " ") {
      event.preventDefault();
      cycle(item, event.shiftKey);
    }
  });

  document.addEventListener("focusin", (event) => {
    if (!table() || !table().contains(event.target)) return;
    highlightLines(event.target);
    if (gridCell(event.target)) historyFollows(event.target);
  });

  // A link in the summary goes to its row: focused when editable, else in view.
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("#invalid-list a");
    if (!link || !table()) return;
    const tr = document.getElementById(link.getAttribute("href").slice(1));
    if (!tr) return;
    event.preventDefault();
    link.closest("details").open = false;
    if (tr.hasAttribute("data-editable")) {
      focusItem(codeCells(tr)[0]);
    } else {
      ensureVisible(tr.querySelector("th.activity"));
    }
  });

  // --- A cell's history, in the side panel ------------------------------------------------

  let historyCell = null;
  let historyTimer = null;

  function historyPanel() {
    return document.getElementById("cell-history");
  }

  function currentCell() {
    const active = gridCell(document.activeElement);
    return active || table().querySelector('tbody td[tabindex="0"]');
  }

  function loadHistory(td) {
    const panel = historyPanel();
    if (!panel || !td) return;
    historyCell = td;
    const tr = td.closest("tr");
    htmx.ajax("GET", table().dataset.historyUrl, {
      target: "#cell-history-content",
      swap: "innerHTML",
      values: {
        [table().dataset.rowParam]: tr.dataset.key,
        role: roleIds()[codeCells(tr).indexOf(td)],
      },
    });
  }

  function openHistory() {
    const panel = historyPanel();
    if (!panel) return;
    panel.hidden = false;
    document.getElementById("cell-history-button").setAttribute("aria-expanded", "true");
    fitGrid();
    loadHistory(currentCell());
  }

  function closeHistory() {
    const panel = historyPanel();
    panel.hidden = true;
    document.getElementById("cell-history-button").setAttribute("aria-expanded", "false");
    historyCell = null;
  }

  function historyFollows(td) {
    // An open panel follows the focus, after the arrow keys come to rest.
    const panel = historyPanel();
    if (!panel || panel.hidden || td === historyCell) return;
    window.clearTimeout(historyTimer);
    historyTimer = window.setTimeout(() => loadHistory(td), 300);
  }

  function refreshHistory() {
    const panel = historyPanel();
    if (panel && !panel.hidden) loadHistory(currentCell());
  }

  document.addEventListener("click", (event) => {
    if (event.target.closest("#cell-history-button")) {
      const panel = historyPanel();
      if (panel.hidden) openHistory();
      else closeHistory();
    } else if (event.target.closest("#cell-history-close")) {
      closeHistory();
      const cell = currentCell();
      if (cell) focusItem(cell);
    }
  });

  // --- The grid fills the window ------------------------------------------------------------

  function fitGrid() {
    // From the grid's top to the bottom of the window, so the page itself does
    // not scroll while working in the grid (at least 20rem on a small screen).
    if (!table()) return;
    const area = wrap();
    const top = area.getBoundingClientRect().top + window.scrollY;
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const height = Math.max(20 * rem, window.innerHeight - top - 0.75 * rem);
    area.style.maxHeight = height + "px";
    const panel = historyPanel();
    if (panel) panel.style.maxHeight = height + "px";
  }

  function start() {
    if (!table()) return;
    fitGrid();
    window.addEventListener("resize", fitGrid);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
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

// The print view's page numbers ("Pagina 2 van 5") take their words from the
// page: the stylesheet's margin box reads them from these custom properties.
(function () {
  "use strict";
  const words = document.querySelector("[data-page-word]");
  if (!words) return;
  const quoted = (text) => JSON.stringify(text);
  document.documentElement.style.setProperty("--print-page-word", quoted(words.dataset.pageWord));
  document.documentElement.style.setProperty("--print-of-word", quoted(words.dataset.ofWord));
})();
