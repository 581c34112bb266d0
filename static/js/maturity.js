// The maturity pages: the questionnaire's autosave, the invitation search, the
// reminder's copy button and the results' radar chart. Every page works without
// this file; it only makes them quicker and safer to use.

// --- The questionnaire: each answer is saved as it is given ---------------------
// Each statement (a fieldset) posts itself through htmx (hx-post, triggered by
// "save-answer") and shows its state: unsaved, saving, saved or failed. A failed
// save keeps the input on screen, says why in one banner and is tried again; a
// login page instead of the saved state (the session ended) counts as failed.
// The saves of a page go one at a time (hx-sync on the form, queued): they reach
// the server in the order given, and never write the same response at once.
(function () {
  "use strict";
  const form = document.querySelector("form[data-autosave]");
  if (!form || !window.htmx) return;
  const banner = document.getElementById("save-problem");
  const bannerText = banner.querySelector("[data-problem-text]");
  const UNSETTLED = ["unsaved", "saving", "failed"];
  const TYPING_PAUSE = 800; // ms after the last keystroke in a comment
  const timers = new WeakMap();
  const edits = new WeakMap(); // fieldset -> number of edits so far
  const sent = new WeakMap(); // fieldset -> edits included in the request under way
  let submitting = false;

  function csrfToken() {
    // Read at every request: logging in again (after a session ended) sets a new one.
    const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function statementOf(element) {
    return element && element.closest ? element.closest("fieldset.statement") : null;
  }

  function stateText(fieldset, text) {
    fieldset.querySelector(".save-state").textContent = text;
  }

  function statements() {
    return Array.from(form.querySelectorAll("fieldset.statement"));
  }

  function unsettled() {
    return statements().filter((fieldset) => UNSETTLED.includes(fieldset.dataset.state));
  }

  function save(fieldset) {
    clearTimeout(timers.get(fieldset));
    timers.delete(fieldset);
    htmx.trigger(fieldset, "save-answer");
  }

  function edited(fieldset, now) {
    edits.set(fieldset, (edits.get(fieldset) || 0) + 1);
    if (fieldset.dataset.state !== "failed") {
      fieldset.dataset.state = "unsaved";
      stateText(fieldset, form.dataset.textUnsaved);
    }
    clearTimeout(timers.get(fieldset));
    if (now) {
      save(fieldset);
    } else {
      timers.set(
        fieldset,
        setTimeout(() => save(fieldset), TYPING_PAUSE),
      );
    }
  }

  function showProblem(kind) {
    bannerText.textContent = form.dataset["text" + kind[0].toUpperCase() + kind.slice(1)];
    const wasHidden = banner.hidden;
    banner.hidden = false;
    if (wasHidden) banner.scrollIntoView({ block: "nearest" });
  }

  function clearProblemIfSettled() {
    if (!statements().some((fieldset) => fieldset.dataset.state === "failed")) {
      banner.hidden = true;
    }
  }

  function failureKind(detail, fieldset) {
    if (fieldset.dataset.failure) return fieldset.dataset.failure;
    const status = detail.xhr ? detail.xhr.status : 0;
    if (status === 0) return "offline";
    if (status === 403) return "refused";
    if (status === 422) return "invalid";
    return "server";
  }

  form.addEventListener("change", (event) => {
    const fieldset = statementOf(event.target);
    if (!fieldset) return;
    if (event.target.type !== "text") {
      edited(fieldset, true);
    } else if (timers.has(fieldset)) {
      save(fieldset); // leaving the comment saves what was typed since the last save
    }
  });
  form.addEventListener("input", (event) => {
    const fieldset = statementOf(event.target);
    if (fieldset && event.target.type === "text") edited(fieldset, false);
  });
  form.addEventListener("submit", () => {
    submitting = true; // the page's own save sends every answer
  });

  document.addEventListener("htmx:configRequest", (event) => {
    const fieldset = statementOf(event.detail.elt);
    if (!fieldset || !form.contains(fieldset)) return;
    event.detail.headers["X-CSRFToken"] = csrfToken();
    sent.set(fieldset, edits.get(fieldset) || 0);
    delete fieldset.dataset.failure;
    fieldset.dataset.state = "saving";
    stateText(fieldset, form.dataset.textSaving);
  });

  document.addEventListener("htmx:beforeSwap", (event) => {
    const fieldset = statementOf(event.detail.requestConfig && event.detail.requestConfig.elt);
    if (!fieldset || !form.contains(fieldset)) return;
    const xhr = event.detail.xhr;
    if (xhr.status === 422) {
      // The reason the server gave, at the statement.
      event.detail.shouldSwap = true;
      event.detail.isError = true;
      fieldset.dataset.failure = "invalid";
      return;
    }
    const saved = xhr.status === 200 && /data-saved-statement=/.test(xhr.responseText);
    if (xhr.status === 200 && !saved) {
      // Redirected to the login page: the session has ended. Nothing was saved.
      event.detail.shouldSwap = false;
      event.detail.isError = true;
      fieldset.dataset.failure = "session";
    }
  });

  document.addEventListener("htmx:afterRequest", (event) => {
    const fieldset = statementOf(event.detail.elt);
    if (!fieldset || !form.contains(fieldset)) return;
    if (event.detail.successful) {
      if ((edits.get(fieldset) || 0) === sent.get(fieldset)) {
        fieldset.dataset.state = "saved";
      } else {
        fieldset.dataset.state = "unsaved"; // changed meanwhile: its own save follows
        stateText(fieldset, form.dataset.textUnsaved);
      }
      clearProblemIfSettled();
      return;
    }
    const kind = failureKind(event.detail, fieldset);
    fieldset.dataset.state = "failed";
    if (kind !== "invalid") stateText(fieldset, form.dataset.textFailed);
    showProblem(kind);
  });

  banner.querySelector("[data-retry]").addEventListener("click", () => {
    unsettled().forEach(save);
  });
  window.addEventListener("online", () => {
    statements()
      .filter((fieldset) => fieldset.dataset.state === "failed")
      .forEach(save);
  });

  // Leaving with input that is not saved yet asks first (and only then).
  window.addEventListener("beforeunload", (event) => {
    if (submitting || !unsettled().length) return;
    event.preventDefault();
    event.returnValue = "";
  });
})();

// Coming back: the link to the first unanswered statement puts the focus on it.
// After the load, when the browser has scrolled to the fragment (which clears
// the focus when the target itself cannot take it).
(function () {
  "use strict";
  const match = /^#stelling-\d+$/.exec(window.location.hash);
  if (!match) return;
  window.addEventListener("load", () => {
    setTimeout(() => {
      const fieldset = document.querySelector(match[0]);
      const first = fieldset && fieldset.querySelector("input:not([disabled])");
      if (first) first.focus();
    }, 0);
  });
})();

// --- Inviting: find people by name as you type -------------------------------------
(function () {
  "use strict";
  const search = document.querySelector("[data-person-search]");
  if (!search) return;
  const list = document.getElementById(search.getAttribute("aria-controls"));
  const status = document.getElementById(search.dataset.status);
  function filter() {
    const wanted = search.value.trim().toLowerCase();
    let shown = 0;
    list.querySelectorAll("[data-department]").forEach((group) => {
      let inGroup = 0;
      group.querySelectorAll("[data-person]").forEach((person) => {
        const match = !wanted || person.dataset.person.includes(wanted);
        // A chosen person stays visible, so a choice is never hidden.
        const keep = match || person.querySelector("input").checked;
        person.hidden = !keep;
        if (keep) inGroup += 1;
      });
      group.hidden = inGroup === 0;
      shown += inGroup;
    });
    status.textContent = status.dataset.template.replace("%(count)s", String(shown));
  }
  search.addEventListener("input", filter);
  // The search button is for pages without this script; here the list follows typing.
  search.form.addEventListener("submit", (event) => {
    if (event.submitter && event.submitter.hasAttribute("data-search-button")) {
      event.preventDefault();
      filter();
    }
  });
})();

// --- Copying the reminder text --------------------------------------------------------
(function () {
  "use strict";
  document.querySelectorAll("[data-copy]").forEach((button) => {
    const source = document.getElementById(button.dataset.copy);
    const status = document.getElementById(button.dataset.status);
    button.hidden = false;
    button.addEventListener("click", () => {
      const done = () => {
        status.textContent = button.dataset.copied;
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(source.value).then(done, () => {
          source.select();
        });
      } else {
        source.select();
        document.execCommand("copy");
        done();
      }
    });
  });
})();

// --- The results: a radar chart of the levels per dimension ----------------------------
// With the previous round of the same department overlaid when there is one.
// Labels are at least 12 px and wrap onto lines of their own instead of being cut off.
(function () {
  "use strict";
  const canvas = document.getElementById("radar");
  if (!canvas || !window.Chart) return;

  function wrap(label, width) {
    const lines = [];
    label.split(" ").forEach((word) => {
      const last = lines[lines.length - 1];
      if (last && (last + " " + word).length <= width) {
        lines[lines.length - 1] = last + " " + word;
      } else {
        lines.push(word);
      }
    });
    return lines;
  }

  fetch(canvas.dataset.jsonUrl, { credentials: "same-origin" })
    .then((response) => response.json())
    .then((data) => {
      const labels = data.dimensions.map((d) => wrap(d.name, 16));
      const datasets = [
        {
          label: canvas.dataset.labelCurrent,
          data: data.dimensions.map((d) => d.level),
          borderColor: "#0f4c81",
          backgroundColor: "rgba(15, 76, 129, 0.2)",
          pointRadius: 4,
        },
      ];
      if (data.previous) {
        datasets.push({
          label: data.previous.name,
          data: data.dimensions.map((d) => data.previous.dimensions[d.key] || 1),
          borderColor: "#8a5300",
          backgroundColor: "rgba(138, 83, 0, 0.1)",
          borderDash: [6, 4],
          pointRadius: 3,
        });
      }
      const font = { size: 13 };
      canvas.chart = new window.Chart(canvas, {
        type: "radar",
        data: { labels, datasets },
        options: {
          maintainAspectRatio: false,
          layout: { padding: 8 },
          scales: {
            r: {
              min: 0,
              max: 5,
              ticks: { stepSize: 1, font: { size: 12 }, backdropPadding: 2 },
              pointLabels: { font, padding: 8 },
            },
          },
          plugins: { legend: { position: "bottom", labels: { font } } },
          animation: false,
        },
      });
      canvas.dataset.rendered = "true";
    });
})();
