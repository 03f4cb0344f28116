// ChungTay: the campaign dashboard's charts, drawn from the figures the page carries in data-chart.
// The tables on the page show the same figures without JavaScript.
document.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("campaign-dashboard");
  if (!root || typeof Chart === "undefined") {
    return;
  }
  var data = JSON.parse(root.getAttribute("data-chart"));
  var money = new Intl.NumberFormat("vi-VN");
  var currency = function (value) {
    return money.format(value) + " \u20ab";
  };
  var moneyScale = { beginAtZero: true, ticks: { callback: currency } };

  var moneyCanvas = document.getElementById("chart-money");
  if (moneyCanvas) {
    new Chart(moneyCanvas, {
      type: "bar",
      data: {
        labels: data.money.labels,
        datasets: [{ data: data.money.values, backgroundColor: ["#6c757d", "#198754", "#0d6efd", "#fd7e14"] }]
      },
      options: {
        indexAxis: "y",
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: function (c) { return currency(c.raw); } } } },
        scales: { x: moneyScale }
      }
    });
  }

  var categoryCanvas = document.getElementById("chart-categories");
  if (categoryCanvas && data.categories.labels.length > 0) {
    new Chart(categoryCanvas, {
      type: "bar",
      data: {
        labels: data.categories.labels,
        datasets: [
          { label: data.categories.targetLabel, data: data.categories.target, backgroundColor: "#adb5bd" },
          { label: data.categories.deliveredLabel, data: data.categories.delivered, backgroundColor: "#198754" }
        ]
      },
      options: { scales: { y: { beginAtZero: true } } }
    });
  }

  var communeCanvas = document.getElementById("chart-communes");
  if (communeCanvas && data.communes.labels.length > 0) {
    new Chart(communeCanvas, {
      type: "bar",
      data: {
        labels: data.communes.labels,
        datasets: [
          { label: data.communes.allocatedLabel, data: data.communes.allocated, backgroundColor: "#0d6efd" },
          { label: data.communes.deliveredLabel, data: data.communes.delivered, backgroundColor: "#fd7e14" }
        ]
      },
      options: { scales: { y: moneyScale } }
    });
  }
});
