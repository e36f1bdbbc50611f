// Draws the dashboard charts. Each chart is an element with data-chart naming the JSON block
// the page renders next to it ({kind, categories, series, unit, stack, horizontal, colours});
// no inline script (CSP). SVG rendering keeps the charts sharp on paper; before printing they
// are redrawn at the width of an A4 page.
(function () {
  "use strict";
  var PRINT_WIDTH = 680; // px: A4 portrait less 15 mm margins
  var drawn = [];
  var number = new Intl.NumberFormat(document.documentElement.lang || "vi", {
    maximumFractionDigits: 2
  });

  function suffix(unit) {
    if (!unit) { return ""; }
    return unit === "%" ? "%" : " " + unit;
  }

  function formatter(unit) {
    return function (value) {
      return value === null || value === undefined ? "–" : number.format(value) + suffix(unit);
    };
  }

  function axes(data) {
    var values = { type: "value", axisLabel: { formatter: formatter(data.unit) } };
    var categories = {
      type: "category", data: data.categories, inverse: Boolean(data.horizontal),
      axisLabel: { width: data.horizontal ? 180 : 120, overflow: "truncate", hideOverlap: true }
    };
    return data.horizontal ? { xAxis: values, yAxis: categories } : { xAxis: categories, yAxis: values };
  }

  function option(data) {
    var series = data.series.map(function (s) {
      return {
        name: s.name, type: data.kind, data: s.data, stack: data.stack ? "all" : undefined,
        connectNulls: true, symbolSize: 7, label: { show: data.horizontal, position: "right",
          formatter: function (p) { return formatter(data.unit)(p.value); } }
      };
    });
    var chosen = axes(data);
    var result = {
      animation: false,
      tooltip: { trigger: "axis", valueFormatter: formatter(data.unit) },
      legend: { show: series.length > 1, bottom: 0 },
      grid: { left: 16, right: data.horizontal ? 56 : 16, top: 16, bottom: series.length > 1 ? 64 : 16 },
      xAxis: chosen.xAxis, yAxis: chosen.yAxis, series: series
    };
    if (data.colours && data.colours.length) { result.color = data.colours; }
    return result;
  }

  function draw(target) {
    var source = document.getElementById(target.dataset.chart);
    if (!source || typeof echarts === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    if (!data.categories.length || !data.series.length) { target.hidden = true; return; }
    var chart = echarts.init(target, null, { renderer: "svg" });
    chart.setOption(option(data));
    drawn.push(chart);
    target.dataset.ready = "1";
  }

  function resize(size) {
    drawn.forEach(function (chart) { chart.resize(size); });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-chart]"), draw);
    window.addEventListener("resize", function () { resize(); });
    window.addEventListener("beforeprint", function () { resize({ width: PRINT_WIDTH }); });
    window.addEventListener("afterprint", function () { resize(); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else { start(); }
}());
