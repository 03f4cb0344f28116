// The completeness dashboard's bar chart (on time / late / not yet), drawn from the canvas's data-chart JSON.
document.addEventListener("DOMContentLoaded", function () {
  var canvas = document.getElementById("report-dashboard-chart");
  if (!canvas || typeof Chart === "undefined") {
    return;
  }
  var data = JSON.parse(canvas.getAttribute("data-chart"));
  new Chart(canvas, {
    type: "bar",
    data: { labels: data.labels, datasets: data.datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: data.labels.length > 8 ? "y" : "x",
      scales: {
        x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }
      }
    }
  });
});
