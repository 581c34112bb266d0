// Charts of the KPI pages: a KPI's trend with its target line, and the channel
// mix as stacked bars with the share of digital contacts. The data is in the
// page (json_script); each chart has a table with the same figures beside it.
(function () {
  "use strict";
  if (!window.Chart) return;

  function data(id) {
    const element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  const trend = document.getElementById("trend");
  const trendData = data("trend-data");
  if (trend && trendData) {
    const datasets = [
      {
        label: trend.dataset.labelValues,
        data: trendData.values,
        borderColor: "#0f4c81",
        backgroundColor: "#0f4c81",
        tension: 0.2,
      },
    ];
    if (trendData.target !== null) {
      datasets.push({
        label: trend.dataset.labelTarget,
        data: trendData.labels.map(() => trendData.target),
        borderColor: "#b3261e",
        borderDash: [6, 4],
        pointRadius: 0,
      });
    }
    trend.chart = new window.Chart(trend, {
      type: "line",
      data: { labels: trendData.labels, datasets },
      options: { animation: false, scales: { y: { title: { display: !!trendData.unit, text: trendData.unit } } } },
    });
    trend.dataset.rendered = "true";
  }

  const mix = document.getElementById("mix");
  const mixData = data("mix-data");
  if (mix && mixData) {
    const datasets = mixData.channels.map((channel) => ({
      type: "bar",
      label: channel.name,
      data: channel.values,
      backgroundColor: channel.colour,
      stack: "contacts",
      yAxisID: "y",
    }));
    datasets.push({
      type: "line",
      label: mix.dataset.labelShare,
      data: mixData.digital_share,
      borderColor: "#1d2733",
      backgroundColor: "#1d2733",
      yAxisID: "share",
    });
    mix.chart = new window.Chart(mix, {
      data: { labels: mixData.labels, datasets },
      options: {
        animation: false,
        scales: {
          x: { stacked: true },
          y: { stacked: true, beginAtZero: true },
          share: { position: "right", min: 0, max: 100, grid: { drawOnChartArea: false } },
        },
      },
    });
    mix.dataset.rendered = "true";
  }
})();
