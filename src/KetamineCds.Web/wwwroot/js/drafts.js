// Nothing typed is lost to a click (QA7 F15). Leaving a page whose form holds unsent changes asks first (the browser's
// own "leave this page?" prompt). Switching the language keeps a screening form's unsent answers (forms marked
// data-keep-draft): they are kept in this tab's sessionStorage across the reload only, put back, and removed at once;
// the form then says so (#draft-restored). Passwords, hidden fields and the anti-forgery token are never kept, and a
// draft older than ten minutes, or left by another page, is dropped unread.
(function () {
  "use strict";
  var KEY = "ketaminecds.draft";
  var MAX_AGE = 10 * 60 * 1000;
  var SELECTOR = "main form[method=post]";
  var unsent = null; // the form holding changes not yet sent

  function here() { return window.location.pathname + window.location.search; }

  function keeps(control) {
    return control.name && ["password", "hidden", "submit", "button", "file", "reset"].indexOf(control.type) === -1;
  }

  function save(form) {
    var fields = [];
    for (var i = 0; i < form.elements.length; i++) {
      var c = form.elements[i];
      if (!keeps(c) || c.disabled) { continue; }
      fields.push(c.type === "radio" || c.type === "checkbox" ? [c.name, c.value, c.checked] : [c.name, c.value]);
    }
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify({ url: here(), at: Date.now(), fields: fields }));
    } catch (e) { /* storage refused: the browser's prompt below still asks */ }
  }

  function restore() {
    var draft = null;
    try {
      draft = JSON.parse(window.sessionStorage.getItem(KEY) || "null");
      window.sessionStorage.removeItem(KEY);
    } catch (e) { return; }
    var form = document.querySelector(SELECTOR + "[data-keep-draft]");
    if (!draft || !form || draft.url !== here() || Date.now() - draft.at > MAX_AGE) { return; }
    var changed = [];
    draft.fields.forEach(function (f) {
      var controls = form.querySelectorAll('[name="' + f[0] + '"]');
      for (var i = 0; i < controls.length; i++) {
        var c = controls[i];
        if (!keeps(c)) { continue; }
        if (c.type === "radio" || c.type === "checkbox") {
          if (c.value === f[1] && c.checked !== f[2]) { c.checked = f[2]; changed.push(c); }
        } else if (c.value !== f[1]) {
          c.value = f[1];
          changed.push(c);
        }
      }
    });
    // The form's own script shows the sections and counts the questions the restored answers call for.
    changed.forEach(function (c) { c.dispatchEvent(new Event("change", { bubbles: true })); });
    var notice = document.getElementById("draft-restored");
    if (notice && changed.length > 0) { notice.hidden = false; }
  }

  function mark(event) {
    var form = event.target && event.target.form;
    if (form && form.matches(SELECTOR) && keeps(event.target)) { unsent = form; }
  }

  restore();
  document.addEventListener("input", mark, true);
  document.addEventListener("change", mark, true);
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches(SELECTOR)) { unsent = null; return; } // being sent: nothing to lose
    if (form.classList.contains("language") && unsent && unsent.hasAttribute("data-keep-draft")) {
      save(unsent);
      unsent = null;
    }
  }, true);
  window.addEventListener("beforeunload", function (event) {
    if (unsent) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
