/* Proof of work for the public forms that ask for it when the newsroom has
   switched it on (newsletter signup, donations, partners):
   window.mastheadProofOfWork(url) fetches a challenge from url and resolves
   to the answer the form sends in its "altcha" field. Loaded before the
   scripts that use it; loading it twice does nothing more. */
(function () {
  "use strict";
  if (window.mastheadProofOfWork) return;

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

  window.mastheadProofOfWork = function (url) {
    if (!window.crypto || !crypto.subtle) return Promise.reject(new Error("no Web Crypto here"));
    return fetch(url, { credentials: "omit" })
      .then(function (response) { return response.json(); })
      .then(solve);
  };
})();
