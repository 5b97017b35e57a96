/*
 * Plays an injected script (XSS) for the /learn "storage" demo. It is a
 * same-origin static file, loaded by the page on request, so the demo runs
 * for real without weakening the Content-Security-Policy. It does what real
 * injected code does: read everything script can reach, and report it.
 * It sends nothing anywhere: the "report" is an event on this page.
 */
(function () {
  var stored = {};
  for (var i = 0; i < window.localStorage.length; i++) {
    var key = window.localStorage.key(i);
    stored[key] = window.localStorage.getItem(key);
  }
  window.dispatchEvent(
    new CustomEvent('revocation-lab:injected-report', {
      detail: { localStorage: stored, documentCookie: document.cookie },
    }),
  );
})();
