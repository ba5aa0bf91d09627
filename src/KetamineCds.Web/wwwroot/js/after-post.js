// A page drawn by a refused form's post (the form shown again with what to fix) replaces its own entry in the tab's
// history with the page's address, less the form's handler: Back to it from a later page then asks for the page again,
// instead of showing the browser's "Confirm form resubmission" page and offering to send the form, passwords and all,
// a second time (QA169 F12). The page's own address stays as it was, so a reload shows the empty form.
(function () {
  "use strict";
  if (!window.history || !window.history.replaceState) { return; }
  var url = new URL(window.location.href);
  url.searchParams.delete("handler");
  window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
})();
