/* The composer's live coaching.
 *
 * While the writer types, the draft is sent (debounced) to POST /compose/check, which runs
 * the organisation's policy on it and answers with the verdict in words, the findings with
 * their spans (in UTF-16 units, as JavaScript counts), messages, guidelines and fixes, and
 * the length against the network's limit. The spans are drawn in a mirror behind the
 * transparent textarea, so the words concerned light up where they are typed. Every text
 * shown here comes from the server (the catalogue, via data-t-* attributes, or the report)
 * and is set with textContent: nothing from a post is ever parsed as HTML.
 */
(function () {
  "use strict";

  var DEBOUNCE_MS = 200;

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("composer");
    if (!form) return;
    var ds = form.dataset;
    var area = document.getElementById("text");
    var mirror = document.getElementById("mirror");
    var counter = document.getElementById("counter");
    var verdict = document.getElementById("verdict");
    var box = document.getElementById("findings");
    var account = document.getElementById("account_id");
    var channel = document.getElementById("channel");
    var schedule = document.getElementById("scheduled_at");
    var device = document.getElementById("work_device");
    var announce = document.getElementById("announce");
    var csrfMeta = document.querySelector('meta[name="csrf-token"]');
    var csrf = csrfMeta ? csrfMeta.getAttribute("content") : "";
    var limits = {};
    try { limits = JSON.parse(ds.limits || "{}"); } catch (e) { limits = {}; }
    var fill = window.postwiseFill;
    var segmenter = (window.Intl && Intl.Segmenter) ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;

    var last = null;      // the latest answer, for the text it was about
    var timer = null;
    var sequence = 0;

    function graphemes(text) {
      if (!segmenter) return Array.from(text).length;
      var n = 0;
      var it = segmenter.segment(text)[Symbol.iterator]();
      while (!it.next().done) n++;
      return n;
    }

    function network() {
      var option = account && account.options[account.selectedIndex];
      return (option && option.dataset.network) || (channel ? channel.value : "");
    }

    function showCounter(length, limit) {
      if (limit === undefined || limit === null) limit = limits[network()];
      if (limit) {
        var over = length > limit;
        counter.textContent = fill(over ? ds.tCounterOver : ds.tCounter, {
          count: length, limit: limit, over: length - limit
        });
        counter.classList.toggle("over", over);
      } else {
        counter.textContent = fill(ds.tNoLimit, { count: length });
        counter.classList.remove("over");
      }
    }

    function syncAccount() {
      if (!account || !channel) return;
      var option = account.options[account.selectedIndex];
      var own = option && option.dataset.network;
      if (own) {
        if (Array.prototype.some.call(channel.options, function (o) { return o.value === own; })) {
          channel.value = own;
        }
        channel.disabled = true;
      } else {
        channel.disabled = false;
      }
    }

    function grow() {
      area.style.height = "auto";
      area.style.height = (area.scrollHeight + 4) + "px";
    }

    // The mirror: the same text as the textarea, with the findings' spans as <mark>s.
    function drawMirror(text, findings) {
      mirror.textContent = "";
      var spans = [];
      (findings || []).forEach(function (f, n) {
        if (f.start !== null && f.end !== null && f.start < f.end && f.end <= text.length) {
          spans.push({ start: f.start, end: f.end, n: n, rank: rank(f.severity), severity: f.severity });
        }
      });
      var cuts = [0, text.length];
      spans.forEach(function (s) { cuts.push(s.start, s.end); });
      cuts = cuts.filter(function (v, i, all) { return all.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
      for (var i = 0; i + 1 < cuts.length; i++) {
        var a = cuts[i], b = cuts[i + 1];
        var best = null;
        spans.forEach(function (s) {
          if (s.start <= a && b <= s.end && (!best || s.rank > best.rank)) best = s;
        });
        var piece = text.slice(a, b);
        if (best) {
          var mark = document.createElement("mark");
          mark.className = "sev-" + best.severity;
          mark.dataset.finding = String(best.n);
          mark.textContent = piece;
          mirror.appendChild(mark);
        } else {
          mirror.appendChild(document.createTextNode(piece));
        }
      }
      // A final newline needs something after it to take up its line, as in the textarea.
      mirror.appendChild(document.createTextNode("\u200b"));
    }

    function rank(severity) {
      return severity === "block" ? 2 : severity === "warn" ? 1 : 0;
    }

    function el(tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined && text !== null) node.textContent = text;
      return node;
    }

    function drawFindings(answer) {
      box.textContent = "";
      if (!answer.findings.length) {
        if (answer.verdict !== "empty") box.appendChild(el("p", "quiet-note", ds.tNone));
        return;
      }
      var list = el("ol", "findings");
      answer.findings.forEach(function (f, n) {
        var item = el("li", "finding sev-" + f.severity);
        item.id = "finding-" + n;
        var head = el("p", "finding-head");
        head.appendChild(el("span", "badge", f.severity_label));
        if (f.excerpt) {
          head.appendChild(document.createTextNode(" "));
          head.appendChild(el("q", null, f.excerpt));
        }
        if (f.start !== null && f.end !== null) {
          var show = el("button", "show", ds.tShow);
          show.type = "button";
          show.addEventListener("click", function () {
            area.focus();
            area.setSelectionRange(f.start, f.end);
          });
          head.appendChild(show);
        }
        item.appendChild(head);
        item.appendChild(el("p", "message", f.message));
        if (f.guideline) {
          var details = el("details", "guideline");
          details.appendChild(el("summary", null, ds.tGuideline));
          details.appendChild(el("p", null, f.guideline));
          item.appendChild(details);
        }
        if (f.fix) {
          var fix = el("button", "fix", f.fix.label);
          fix.type = "button";
          fix.dataset.kind = f.kind;
          fix.addEventListener("click", function () { applyFix(f.fix, answer.text); });
          item.appendChild(fix);
        }
        list.appendChild(item);
      });
      box.appendChild(list);
    }

    function applyFix(fix, checkedText) {
      if (area.value !== checkedText) { check(); return; }
      var value = area.value;
      area.value = value.slice(0, fix.start) + fix.text + value.slice(fix.end);
      var caret = fix.start + fix.text.length;
      area.focus();
      area.setSelectionRange(caret, caret);
      if (announce) announce.textContent = fill(ds.tApplied, { fix: fix.label });
      changed(true);
    }

    function show(answer) {
      verdict.textContent = answer.verdict_text;
      verdict.className = "verdict v-" + answer.verdict;
      showCounter(answer.length, answer.limit);
      drawMirror(answer.text, answer.findings);
      drawFindings(answer);
      form.dataset.verdict = answer.verdict;
    }

    function check() {
      window.clearTimeout(timer);
      var text = area.value;
      var mine = ++sequence;
      var started = window.performance.now();
      form.dataset.checking = "1";
      window.fetch(ds.checkUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "Content-Type": "application/json",
          "Accept": "application/json",
          "X-CSRF-Token": csrf
        },
        body: JSON.stringify({
          text: text,
          account_id: account && account.value ? parseInt(account.value, 10) : null,
          channel: network() || null,
          scheduled_at: schedule && schedule.value ? schedule.value : null,
          work_device: !!(device && device.checked),
          post_id: ds.postId ? parseInt(ds.postId, 10) : null
        })
      }).then(function (response) {
        if (response.redirected || response.status === 401 || response.status === 403) {
          throw new Error("signed-out");
        }
        return response.json();
      }).then(function (answer) {
        if (mine !== sequence) return;  // a newer check is on its way
        form.dataset.roundtrip = String(Math.round(window.performance.now() - started));
        delete form.dataset.checking;
        if (answer.error) {
          verdict.textContent = answer.message || ds.tOffline;
          verdict.className = "verdict";
          return;
        }
        answer.text = text;
        last = answer;
        if (area.value === text) show(answer);
      }).catch(function (error) {
        if (mine !== sequence) return;
        delete form.dataset.checking;
        verdict.textContent = String(error && error.message) === "signed-out" ? ds.tSignedOut : ds.tOffline;
        verdict.className = "verdict";
      });
    }

    function changed(now) {
      grow();
      var text = area.value;
      // Until the new answer comes, draw the text without marks so nothing points at the
      // wrong words.
      drawMirror(text, last && last.text === text ? last.findings : []);
      showCounter(graphemes(text));
      window.clearTimeout(timer);
      if (now) check();
      else timer = window.setTimeout(check, DEBOUNCE_MS);
    }

    area.addEventListener("input", function () { changed(false); });
    area.addEventListener("scroll", function () { mirror.scrollTop = area.scrollTop; });
    window.addEventListener("resize", grow);
    [account, channel, schedule, device].forEach(function (control) {
      if (control) control.addEventListener("change", function () { syncAccount(); changed(true); });
    });
    syncAccount();
    form.addEventListener("submit", function () { if (channel) channel.disabled = false; });
    form.dataset.ready = "1";
    changed(true);
  });
})();
