// The radar chart of a maturity assessment's dimension levels, with the
// previous round of the same department overlaid when there is one.
(function () {
  "use strict";
  const canvas = document.getElementById("radar");
  if (!canvas || !window.Chart) return;
  fetch(canvas.dataset.jsonUrl, { credentials: "same-origin" })
    .then((response) => response.json())
    .then((data) => {
      const labels = data.dimensions.map((d) => d.name);
      const datasets = [
        {
          label: canvas.dataset.labelCurrent,
          data: data.dimensions.map((d) => d.level),
          borderColor: "#0f4c81",
          backgroundColor: "rgba(15, 76, 129, 0.2)",
        },
      ];
      if (data.previous) {
        datasets.push({
          label: data.previous.name,
          data: data.dimensions.map((d) => data.previous.dimensions[d.key] || 1),
          borderColor: "#8a5300",
          backgroundColor: "rgba(138, 83, 0, 0.1)",
          borderDash: [6, 4],
        });
      }
      canvas.chart = new window.Chart(canvas, {
        type: "radar",
        data: { labels, datasets },
        options: { scales: { r: { min: 0, max: 5, ticks: { stepSize: 1 } } }, animation: false },
      });
      canvas.dataset.rendered = "true";
    });
})();
