/* Reader revenue: close the campaign banner for a while (remembered in this
   browser only), and solve the proof of work the donation and partner forms
   ask for when the newsroom has switched it on (the challenge comes from the
   newsletters' address, as for the signup box). Without this script the
   banner simply stays, and those forms are refused while proof of work is on. */
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

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
      return b.toString(16).padStart(2, "0");
    }).join("");
  }

  async function solve(challenge) {
    var encoder = new TextEncoder();
    for (var number = 0; number <= challenge.maxnumber; number++) {
      var digest = await crypto.subtle.digest("SHA-256", encoder.encode(challenge.salt + number));
      if (hex(digest) === challenge.challenge) {
        return btoa(JSON.stringify({
          algorithm: challenge.algorithm, challenge: challenge.challenge,
          number: number, salt: challenge.salt, signature: challenge.signature
        }));
      }
    }
    throw new Error("challenge not solved");
  }

  /* The work starts when the reader first touches the form, and sending waits for it. */
  function setUpProofOfWork(form) {
    if (!window.crypto || !crypto.subtle || !form.elements.altcha) return;
    var work = null;
    function begin() {
      if (!work) {
        work = fetch(form.dataset.revenueChallenge, { credentials: "omit" })
          .then(function (response) { return response.json(); })
          .then(solve)
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
