/* The policy editor: a problem's "line 12, column 5" link puts the cursor there in the YAML. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var area = document.getElementById("policy-yaml");
    if (!area) return;
    document.querySelectorAll("a[data-line]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var line = parseInt(link.dataset.line, 10);
        var column = parseInt(link.dataset.column || "1", 10);
        var lines = area.value.split("\n");
        var start = 0;
        for (var i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
        var here = lines[line - 1] || "";
        var pos = start + Math.min(Math.max(column - 1, 0), here.length);
        area.focus();
        area.setSelectionRange(pos, start + here.length);
        var lineHeight = parseFloat(window.getComputedStyle(area).lineHeight) || 20;
        area.scrollTop = Math.max(0, (line - 3) * lineHeight);
      });
    });
  });
})();
