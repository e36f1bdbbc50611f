// Draws the fund-flow Sankey from the JSON block the page renders (no inline script: CSP).
(function () {
  "use strict";
  function draw() {
    var target = document.getElementById("sankey");
    var source = document.getElementById("sankey-data");
    if (!target || !source || typeof echarts === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    if (!data.links.length) { target.hidden = true; return; }
    var chart = echarts.init(target);
    var money = new Intl.NumberFormat(document.documentElement.lang || "vi");
    chart.setOption({
      tooltip: {
        trigger: "item",
        formatter: function (p) {
          var label = p.dataType === "edge" ? p.data.source + " → " + p.data.target : p.name;
          return label + ": " + money.format(p.value) + " đ";
        }
      },
      series: [{
        type: "sankey", data: data.nodes, links: data.links, emphasis: { focus: "adjacency" },
        nodeAlign: "left", lineStyle: { color: "gradient", curveness: 0.5 }
      }]
    });
    window.addEventListener("resize", function () { chart.resize(); });
    target.dataset.ready = "1";
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else { draw(); }
}());
