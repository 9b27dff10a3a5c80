/* The newsletter signup box: send it without leaving the page, and solve the
   proof-of-work challenge (with proof-of-work.js) when the site asks for one.
   Without this script the form posts normally and the answer comes back as a
   whole page. */
(function () {
  "use strict";

  function enhance(box) {
    var form = box.querySelector("form.newsletter-form");
    if (!form) return;
    var work = Promise.resolve();
    if (form.dataset.challengeUrl && window.mastheadProofOfWork) {
      work = window.mastheadProofOfWork(form.dataset.challengeUrl)
        .then(function (payload) { form.elements.altcha.value = payload; })
        .catch(function () {});
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      work.then(function () {
        return fetch(form.action, {
          method: "POST", body: new FormData(form), credentials: "omit",
          headers: { "X-Newsletter-Box": "1" }
        });
      }).then(function (response) {
        return response.text();
      }).then(function (html) {
        var holder = document.createElement("div");
        holder.innerHTML = html;
        var fresh = holder.querySelector("[data-newsletter-box]");
        if (!fresh) { form.submit(); return; }
        box.replaceWith(fresh);
        enhance(fresh);
        var target = fresh.querySelector("[aria-invalid=true], .newsletter-box__thanks");
        if (target) target.focus();
      }).catch(function () {
        form.submit();
      });
    });
  }

  document.querySelectorAll("[data-newsletter-box]").forEach(enhance);
})();
