// ChungTay outreach coverage: draws the monthly totals (already in the table) as a bar chart.
document.addEventListener("DOMContentLoaded", function () {
  var canvas = document.getElementById("outreach-months-chart");
  if (!canvas || typeof Chart === "undefined" || !canvas.dataset.chart) {
    return;
  }
  var data = JSON.parse(canvas.dataset.chart);
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: data.activitiesLabel, data: data.activities, backgroundColor: "#8b1a1a", yAxisID: "activities" },
        { label: data.peopleLabel, data: data.people, backgroundColor: "#f0ad4e", yAxisID: "people" }
      ]
    },
    options: {
      responsive: true,
      animation: false,
      aspectRatio: window.innerWidth < 576 ? 1.5 : 3,
      scales: {
        activities: { type: "linear", position: "left", beginAtZero: true, ticks: { precision: 0 } },
        people: { type: "linear", position: "right", beginAtZero: true, grid: { drawOnChartArea: false }, ticks: { precision: 0 } }
      }
    }
  });
});
