/* Reader revenue: close the campaign banner for a while (remembered in this
   browser only), and solve the proof of work the donation and partner forms
   ask for when the newsroom has switched it on (with proof-of-work.js; the
   challenge comes from the newsletters' address, as for the signup box).
   Without this script the banner simply stays, and those forms are refused
   while proof of work is on. */
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

  /* The work starts when the reader first touches the form, and sending waits for it. */
  function setUpProofOfWork(form) {
    if (!form.elements.altcha) return;
    var work = null;
    function begin() {
      if (!work) {
        /* Looked up now, not when this script ran: the campaign banner may
           have loaded this script before the form's proof-of-work.js. */
        var solve = window.mastheadProofOfWork || function () { return Promise.reject(); };
        work = solve(form.dataset.revenueChallenge)
          .then(function (payload) { form.elements.altcha.value = payload; })
          .catch(function () {});
      }
      return work;
    }
    form.addEventListener("focusin", begin);
    form.addEventListener("pointerdown", begin);
    form.addEventListener("submit", function (event) {
      if (form.elements.altcha.value) return;
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      if (button) button.disabled = true;
      begin().then(function () { form.submit(); });
    });
  }

  function start() {
    document.querySelectorAll("[data-revenue-banner]").forEach(setUpBanner);
    document.querySelectorAll("form[data-revenue-challenge]").forEach(setUpProofOfWork);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
