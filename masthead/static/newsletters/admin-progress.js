// The newsletter progress panel in the admin: while an issue sends (or waits
// for its scheduled time) the figures refresh from the panel's JSON endpoint
// without reloading the page. Screen readers hear a short summary in a polite
// live region when the status changes and at every tenth of the way, not at
// every refresh. Without this script the panel shows the figures of the
// moment the page was loaded.
(function () {
  "use strict";

  var SENDING_EVERY_MS = 2000;
  var WAITING_EVERY_MS = 15000; // a scheduled issue: only its start matters
  var MOST_EVERY_MS = 60000;

  function watch(panel) {
    var url = panel.getAttribute("data-progress-url");
    var announcer = panel.querySelector("[data-progress-announcer]");
    var bar = panel.querySelector("[data-progress-bar]");
    var lastStatus = null;
    var lastTenth = null;
    var delay = SENDING_EVERY_MS;
    var timer = null;

    function show(state) {
      var counts = state.counts;
      Object.keys(counts).forEach(function (name) {
        panel.querySelectorAll('[data-count="' + name + '"]').forEach(function (element) {
          element.textContent = String(counts[name]);
        });
        panel.querySelectorAll('[data-shown-if="' + name + '"]').forEach(function (element) {
          element.hidden = !counts[name];
        });
      });
      panel.querySelector('[data-field="status_text"]').textContent = state.status_text;
      var error = panel.querySelector('[data-field="last_error"]');
      if (error) {
        error.hidden = !state.last_error;
        error.querySelector('[data-field="last_error_text"]').textContent = state.last_error;
      }
      if (bar) {
        bar.value = counts.percent;
        bar.textContent = counts.percent + "%";
      }
      // Controls that fit one status only (e.g. "Pause sending").
      document.querySelectorAll("[data-shown-while]").forEach(function (element) {
        element.hidden = element.getAttribute("data-shown-while") !== state.status;
      });
      var tenth = Math.floor(counts.percent / 10);
      if (lastStatus !== null && (state.status !== lastStatus || tenth !== lastTenth)) {
        announcer.textContent = state.announcement;
      }
      lastStatus = state.status;
      lastTenth = tenth;
    }

    function schedule(ms) {
      clearTimeout(timer);
      timer = setTimeout(poll, ms);
    }

    function poll() {
      if (document.hidden) return; // resumed by visibilitychange
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (state) {
          show(state);
          delay = state.status === "sending" ? SENDING_EVERY_MS : WAITING_EVERY_MS;
          if (state.live) schedule(delay);
          else timer = null;
        })
        .catch(function () {
          delay = Math.min(delay * 2, MOST_EVERY_MS); // the server is busy or gone: ask less often
          schedule(delay);
        });
    }

    document.addEventListener("visibilitychange", function () {
      if (!document.hidden && timer !== null) schedule(0);
    });
    // The first answer only sets the baseline (lastStatus is null): nothing is announced for it.
    if (panel.getAttribute("data-live") === "true") schedule(0);
  }

  function start() {
    document.querySelectorAll("[data-newsletter-progress]").forEach(watch);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
