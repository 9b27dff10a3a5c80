// The article's audio player: speed buttons, skip buttons and the listener's
// place remembered between visits. Without this script the native <audio>
// controls still play, seek and download the narration.
(function () {
  "use strict";
  var RATE_KEY = "masthead:audio:rate";
  var PLACE_PREFIX = "masthead:audio:place:";

  function store(key, value) {
    try {
      if (value === null) { window.localStorage.removeItem(key); } else { window.localStorage.setItem(key, value); }
    } catch (e) { /* private mode or storage full: nothing to remember */ }
  }
  function recall(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function enhance(player) {
    var audio = player.querySelector("audio");
    var controls = player.querySelector("[data-audio-controls]");
    if (!audio || !controls) { return; }
    var placeKey = PLACE_PREFIX + player.getAttribute("data-audio-key");
    var rateButtons = controls.querySelectorAll("[data-rate]");
    var chosenRate = 1;

    function setRate(rate) {
      chosenRate = rate;
      audio.playbackRate = rate;
      audio.defaultPlaybackRate = rate;
      for (var i = 0; i < rateButtons.length; i++) {
        var pressed = parseFloat(rateButtons[i].getAttribute("data-rate")) === rate;
        rateButtons[i].setAttribute("aria-pressed", pressed ? "true" : "false");
      }
    }

    controls.hidden = false;
    controls.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) { return; }
      if (button.hasAttribute("data-rate")) {
        var rate = parseFloat(button.getAttribute("data-rate"));
        setRate(rate);
        store(RATE_KEY, String(rate));
      } else if (button.hasAttribute("data-skip")) {
        var target = audio.currentTime + parseFloat(button.getAttribute("data-skip"));
        audio.currentTime = Math.max(0, isFinite(audio.duration) ? Math.min(target, audio.duration) : target);
      }
    });

    var savedRate = parseFloat(recall(RATE_KEY));
    if (savedRate >= 0.5 && savedRate <= 3) { setRate(savedRate); }

    audio.addEventListener("loadedmetadata", function () {
      var place = parseFloat(recall(placeKey));
      if (place > 3 && isFinite(audio.duration) && place < audio.duration - 3) {
        audio.currentTime = place;
      }
      // Some browsers reset the rate when a source loads (iOS loads it on the
      // first play): keep the speed last chosen, on this page or before.
      audio.playbackRate = chosenRate;
    });
    var lastSaved = 0;
    audio.addEventListener("timeupdate", function () {
      var now = Date.now();
      if (now - lastSaved > 2000) {
        lastSaved = now;
        store(placeKey, String(Math.floor(audio.currentTime)));
      }
    });
    function savePlace() { store(placeKey, String(Math.floor(audio.currentTime))); }
    // A listener who pauses, or jumps to a place and leaves, comes back to it.
    audio.addEventListener("pause", savePlace);
    audio.addEventListener("seeked", savePlace);
    audio.addEventListener("ended", function () { store(placeKey, null); });
  }

  var players = document.querySelectorAll("[data-audio-player]");
  for (var i = 0; i < players.length; i++) { enhance(players[i]); }
})();
