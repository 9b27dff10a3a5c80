/* Reader revenue: close the campaign banner for a while (remembered in this
   browser only). Without this script the banner simply stays. */
(function () {
  "use strict";
  if (window.mastheadRevenue) return;
  window.mastheadRevenue = true;

  var PREFIX = "masthead:campaign-banner-closed:";
  var DAY = 24 * 60 * 60 * 1000;

  function closedUntil(id) {
    try { return Number(window.localStorage.getItem(PREFIX + id)) || 0; } catch (error) { return 0; }
  }

  function setUpBanner(banner) {
    var id = banner.dataset.revenueBanner;
    if (closedUntil(id) > Date.now()) { banner.hidden = true; return; }
    var button = banner.querySelector("[data-revenue-dismiss]");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var days = Number(banner.dataset.dismissDays) || 7;
      try { window.localStorage.setItem(PREFIX + id, String(Date.now() + days * DAY)); } catch (error) { /* private mode */ }
      banner.hidden = true;
    });
  }

  function start() {
    document.querySelectorAll("[data-revenue-banner]").forEach(setUpBanner);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
