// A live character count under the News Feed's text box in the admin. The
// visible count changes as the editor types; screen readers hear it once the
// typing pauses, so it does not talk over every keystroke.
(function () {
  "use strict";
  function attach(box) {
    if (box.hasAttribute("data-counter-attached")) return;
    box.setAttribute("data-counter-attached", "");
    var limit = parseInt(box.getAttribute("data-counter-limit"), 10);
    // The browser's own limit cuts pasted text off without a word; with the
    // counter showing the excess, the editor can trim it where they choose.
    box.removeAttribute("maxlength");
    var visible = document.createElement("p");
    visible.className = "char-counter";
    visible.setAttribute("aria-hidden", "true");
    var spoken = document.createElement("p");
    spoken.className = "w-sr-only";
    spoken.setAttribute("aria-live", "polite");
    box.after(visible, spoken);
    var timer = null;

    function message() {
      var left = limit - box.value.length;
      var template = box.getAttribute(left < 0 ? "data-counter-over" : "data-counter-left");
      return { text: template.replace("%(count)s", Math.abs(left)), over: left < 0, low: left < 20 };
    }

    function update() {
      var state = message();
      visible.textContent = state.text;
      visible.classList.toggle("char-counter--low", state.low && !state.over);
      visible.classList.toggle("char-counter--over", state.over);
      box.setAttribute("aria-invalid", state.over ? "true" : "false");
      clearTimeout(timer);
      timer = setTimeout(function () { spoken.textContent = message().text; }, 800);
    }

    box.addEventListener("input", update);
    update();
    spoken.textContent = "";
  }

  function attachAll() {
    document.querySelectorAll("textarea[data-counter-limit]").forEach(attach);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", attachAll);
  else attachAll();
})();
