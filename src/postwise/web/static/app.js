/* postwise: small things every page may use. No inline scripts anywhere (the CSP forbids
   them); texts come from data-t-* attributes the server fills from the catalogue. */
(function () {
  "use strict";

  function fill(template, params) {
    return String(template || "").replace(/\{([a-z_]+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole;
    });
  }
  window.postwiseFill = fill;

  // A cooling-off hold counting down; the page reloads once it is over, to show the new state.
  function countdown() {
    var el = document.getElementById("countdown");
    if (!el) return;
    var left = parseInt(el.dataset.seconds || "0", 10);
    if (!(left > 0)) {
      el.textContent = el.dataset.tDone;
      return;
    }
    var end = Date.now() + left * 1000;
    function tick() {
      var s = Math.max(0, Math.round((end - Date.now()) / 1000));
      if (s <= 0) {
        el.textContent = el.dataset.tDone;
        window.setTimeout(function () { window.location.reload(); }, 2500);
        return;
      }
      var secs = s % 60;
      el.textContent = fill(el.dataset.tRunning, {
        time: Math.floor(s / 60) + ":" + (secs < 10 ? "0" : "") + secs
      });
      window.setTimeout(tick, 1000);
    }
    tick();
  }

  document.addEventListener("DOMContentLoaded", countdown);
})();
