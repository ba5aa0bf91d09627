// The auditor's workspace. Verification and impact analysis read the whole log and may take a while: say so and
// prevent a second submission. External file because the Content-Security-Policy forbids inline scripts.
(function () {
  "use strict";

  document.querySelectorAll("form[data-audit-busy]").forEach(function (form) {
    // The busy words are said in a polite live region beside the form, there (empty) from the start so that what is
    // written into it on submit is heard (QA F3, 4.1.3): the button's own new words are not announced.
    var said = document.createElement("div");
    said.className = "visually-hidden";
    said.setAttribute("role", "status");
    said.setAttribute("data-audit-busy-status", "");
    form.appendChild(said);
    var button = form.querySelector('button[type="submit"]');
    var words = button ? button.textContent : "";
    var sent = false;
    form.addEventListener("submit", function (event) {
      if (sent) {
        event.preventDefault();
        return;
      }
      sent = true;
      var busy = form.getAttribute("data-audit-busy");
      if (button) {
        // Not disabled: a disabled button loses the focus to the page's body (QA F3, 2.4.3). aria-disabled says it cannot
        // be used again, and a second submission is stopped above.
        button.setAttribute("aria-disabled", "true");
        button.textContent = busy;
      }
      said.textContent = busy;
    });
    // Back to this page from the next (the browser's page cache): the form can be sent again.
    window.addEventListener("pageshow", function (event) {
      if (!event.persisted) { return; }
      sent = false;
      said.textContent = "";
      if (button) {
        button.removeAttribute("aria-disabled");
        button.textContent = words;
      }
    });
  });

  // A page that comes back with the outcome of the auditor's action (data-audit-outcome: Verify's result, a checkpoint
  // written or not, a copy checked) puts the focus on it, as a refused form's page puts it on its error summary (site.js):
  // the page's title says the outcome too. On load, not before, as site.js does.
  window.addEventListener("load", function () {
    var outcome = document.querySelector("[data-audit-outcome]");
    if (outcome && !document.getElementById("error-summary")) { outcome.focus(); }
  });
})();
