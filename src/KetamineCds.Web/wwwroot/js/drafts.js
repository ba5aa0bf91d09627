// Nothing typed is lost to a click (QA7 F15, QA8 F1, F2, F22). Leaving a page whose form holds unsent changes asks
// first (the browser's own "leave this page?" prompt). A form the server sent back after refusing a post (marked
// data-unsent=true) holds unsent answers too. Switching the language keeps a screening form's unsent answers (forms marked
// data-keep-draft, whose value names the signed-in user): they are kept in this tab's sessionStorage until that form
// is shown again to the same user, put back, and removed at once; the form then says so (#draft-restored). A page
// that is not the draft's form leaves the draft alone (the sign-in page, when the session had ended: the form comes
// back after signing in). Passwords, hidden fields and the anti-forgery token are never kept; a draft older than its
// lifetime (KeptDrafts.Lifetime, the pages' "within 2 hours") is dropped unread, and signing out drops it (and the
// signed-out page says so). The lifetime and the outcome names "sent" and "refused" (KeptDraftOutcomes) are the server's,
// written on this script's tag (KeptDrafts.Script): a rename or a new lifetime is one edit there, never here.
// Sending the form keeps its answers too, until a page says they were recorded (data-draft-recorded, on the screening's
// own page, for the same patient): a send that never reached the app or was refused whole (the database down: a 503 with no form; the network
// gone) loses nothing, and the form gives them back when it is opened again (QA96 F3). Such a draft is marked "sent":
// the form then says it may have been recorded, and to check before sending it again. When the page the send led to says
// the app refused it before reading it (data-draft-refused: the sign-in page after the session had ended or after a send
// with no session cookie, the error page of an expired or too large form), or that nothing was stored (the outage page,
// and the page of a post the database refused: helper 298), nothing was recorded: the draft is marked
// "refused" instead (with the page's reason, data-draft-refused-because, where it gives one), and the form says that it
// was not saved, and why, in the words that page used (helper 254). Given back so, they are kept so by a later switch, and
// the form says it again (helper 312). Only the page reached by that send itself says so
// (a fresh navigation, by the redirect for the sign-in page; not one gone back to, reloaded or typed, which may belong to
// an earlier send); anything else stays "may have been recorded". The sign-in page reached by that refused send says
// whether the answers come back (#draft-kept): only for a draft marked refused with the reason that page gives, so a new
// reason is the server's to write, never a list here. The sign-in page after a language switch refused for an ended session
// says the answers are kept only when this tab holds them for the page switched from: typed and not sent
// (#language-draft-kept), or from a send that may have been recorded or was not saved, and why (#language-draft-kept-…).
// Either sign-in page speaks only of a draft of the account the form was left as, sent or switched from (helper 317): a
// tab signed in as another account since keeps the first one's draft for its own form, and says nothing of it.
(function () {
  "use strict";
  var script = document.currentScript;
  function setting(name) { return script ? script.getAttribute(name) : null; }
  // Without its settings (a tag not written by KeptDrafts.Script) no draft is fresh enough to come back, and no note names
  // an outcome: nothing is said that the server did not write.
  var SENT = setting("data-outcome-sent");
  var REFUSED = setting("data-outcome-refused");
  var MAX_AGE = Number(setting("data-lifetime-ms")) || 0;
  var KEY = "ketaminecds.draft";
  // The account (data-keep-draft) the screening form was last left as in this tab, by sending it or by switching the
  // language from its page: the sign-in page that follows speaks of the kept draft only when it is that account's.
  var LEFT_AS = "ketaminecds.draft.leftAs";
  var SELECTOR = "main form[method=post]";
  var unsent = null; // the form holding changes not yet sent
  // What was known of the answers given back to this page's form (sent, refused), for a later switch to keep (helper 312):
  // switched again, they came back saying "nothing has been saved yet".
  var givenBack = null;

  // An address as drafts.js compares it: the path's %-escapes read as the characters they stand for (as the server
  // reads the path: /Screenings/N%65w is /Screenings/New) and written again one way, and the query's names and values
  // likewise; no fragment. The browser keeps an address as it was written, and the server sends back the one it read
  // (a return address, decoded once more by the sign-in page), so both sides are read this way before they are compared.
  function canonical(url) {
    var text = String(url || "");
    var hash = text.indexOf("#");
    if (hash !== -1) { text = text.slice(0, hash); }
    var query = text.indexOf("?");
    var path = query === -1 ? text : text.slice(0, query);
    var search = query === -1 ? "" : text.slice(query + 1);
    path = path.split("/").map(function (segment) {
      try { return encodeURIComponent(decodeURIComponent(segment)); } catch (e) { return segment; } // a stray "%": as written
    }).join("/");
    if (search) {
      try { search = new URLSearchParams(search).toString(); } catch (e) { /* as written */ }
    }
    return search ? path + "?" + search : path;
  }

  function sameAddress(a, b) { return canonical(a) === canonical(b); }

  function here() { return canonical(window.location.pathname + window.location.search); }

  function keeps(control) {
    return control.name && ["password", "hidden", "submit", "button", "file", "reset"].indexOf(control.type) === -1;
  }

  function drop() {
    try {
      window.sessionStorage.removeItem(KEY);
      window.sessionStorage.removeItem(LEFT_AS);
    } catch (e) { /* nothing kept */ }
  }

  // The form is left for a page that may be the sign-in page (sent, or the language switched from its page): whose
  // answers it held (its data-keep-draft), or, left from a page without one, nobody's.
  function leaving(form) {
    try {
      if (form) { window.sessionStorage.setItem(LEFT_AS, form.getAttribute("data-keep-draft")); }
      else { window.sessionStorage.removeItem(LEFT_AS); }
    } catch (e) { /* storage refused: nothing was kept either */ }
  }

  function leftAs() {
    try { return window.sessionStorage.getItem(LEFT_AS); } catch (e) { return null; }
  }

  function held() {
    try { return window.sessionStorage.getItem(KEY) !== null; } catch (e) { return false; }
  }

  function save(form, sent) {
    // Answers given back to this form with what was known of them (they may have been recorded; they were not saved, and
    // why) are kept so by a switch, edited or not: the form says it again when it gives them back. A send keeps none.
    var known = !sent && givenBack && givenBack.form === form ? givenBack : null;
    var fields = [];
    for (var i = 0; i < form.elements.length; i++) {
      var c = form.elements[i];
      if (!keeps(c) || c.disabled) { continue; }
      fields.push(c.type === "radio" || c.type === "checkbox" ? [c.name, c.value, c.checked] : [c.name, c.value]);
    }
    try {
      // A form the app sent back because the log failed during the commit (data-may-have-been-recorded=true) holds
      // answers that may have been recorded: kept as sent, they come back saying so, not "nothing has been saved yet".
      var draft = {
        url: here(), who: form.getAttribute("data-keep-draft"), at: Date.now(),
        sent: !!sent || form.getAttribute("data-may-have-been-recorded") === "true" || !!(known && known.sent), fields: fields
      };
      // One sent back saying it was NOT saved, and why (data-not-saved-because: the database could not be reached, or
      // refused it): kept by a switch, its answers come back with the notice the outage or refusal page would have
      // given them (#draft-restored-database-…), not "send the form: nothing has been saved yet". A send keeps none:
      // what becomes of the new send is not known yet.
      var because = form.getAttribute("data-not-saved-because") || (known && known.refused);
      if (!draft.sent && because) { draft.refused = because; }
      window.sessionStorage.setItem(KEY, JSON.stringify(draft));
    } catch (e) { /* storage refused: the browser's prompt below still asks */ }
  }

  // Whether this page answers a send just made: reached afresh (not by going back or reloading), and, for a page the
  // refused send was redirected to (data-draft-redirected: the sign-in page), by a redirect (not an address typed).
  function arrived(marker) {
    try {
      var entry = window.performance.getEntriesByType("navigation")[0];
      return !!entry && entry.type === "navigate" && (!marker.hasAttribute("data-draft-redirected") || entry.redirectCount > 0);
    } catch (e) { return false; }
  }

  // Why the page says the send was refused, where it says (data-draft-refused-because: "too-large", a form larger than
  // the server accepts; "not-signed-in", the sign-in page after a send that came with no session cookie), else true.
  function reasonOf(marker) { return marker.getAttribute("data-draft-refused-because") || true; }

  // The draft this tab holds for the form at url, when the form would give it back (fresh enough) to the account the
  // form was left as (restore gives a draft back to its own account only: helper 317), or null. The sign-in page does
  // not know who will sign in: a draft of another account (one signed in in this tab before, whose session ended) is
  // not this page's to speak of, and nothing of it is said.
  function keptFor(url) {
    try {
      var draft = JSON.parse(window.sessionStorage.getItem(KEY) || "null");
      return draft && sameAddress(draft.url, url) && draft.who && draft.who === leftAs() && typeof draft.at === "number"
        && Date.now() - draft.at <= MAX_AGE && Array.isArray(draft.fields) ? draft : null;
    } catch (e) { return null; } // unreadable: nothing will come back
  }

  // This page answers the send that kept the draft, and says the app refused it before recording anything.
  function noteRefused() {
    var marker = document.querySelector("[data-draft-refused]");
    if (!marker || !arrived(marker)) { return; }
    try {
      var draft = JSON.parse(window.sessionStorage.getItem(KEY) || "null");
      if (!draft || draft.sent !== true || !sameAddress(draft.url, marker.getAttribute("data-draft-refused") || here())) { return; }
      draft.sent = false;
      draft.refused = reasonOf(marker);
      window.sessionStorage.setItem(KEY, JSON.stringify(draft));
    } catch (e) { /* unreadable or refused: the draft stays "may have been recorded" */ }
  }

  // The sign-in page after a refused screening send (data-draft-kept): says the answers come back on the form only when
  // this tab holds them for that form (fresh enough to be given back), marked refused for the reason this page gives
  // (data-draft-refused-because, or none: the server decides it); with no draft for that form, it keeps saying they must
  // be entered again; any other draft (one that may have been recorded, an earlier send) lets the form say what is known.
  function noteKept() {
    var marker = document.querySelector("[data-draft-refused]");
    var kept = document.querySelector("[data-draft-kept]");
    var notKept = document.querySelector("[data-draft-not-kept]");
    if (!marker || !kept || !notKept) { return; }
    var draft = keptFor(marker.getAttribute("data-draft-refused"));
    if (!draft) { return; } // nothing will come back, and the page says to enter the answers again
    notKept.hidden = true;
    kept.hidden = draft.refused !== reasonOf(marker);
  }

  // The sign-in page's note for answers kept with an outcome (data-draft-kept-outcome: SENT, REFUSED or a refusing
  // page's reason), or null.
  function outcomeNote(outcome) {
    if (!outcome) { return null; }
    var notes = document.querySelectorAll("[data-draft-kept-outcome]");
    for (var i = 0; i < notes.length; i++) {
      if (notes[i].getAttribute("data-draft-kept-outcome") === outcome) { return notes[i]; }
    }
    return null;
  }

  // The sign-in page after a language switch refused because the session had ended (data-draft-kept-at: the page the
  // switch was made from): says the answers are kept only when this tab holds them for that page, to be given back after
  // signing in, and why, as the form will: typed and not sent (#language-draft-kept), or from a send that may have been
  // recorded or was not saved, and why not (helper 312: these stayed unsaid), in the note for the draft's outcome
  // (#language-draft-kept-…; a refusal whose reason has no note of its own, the general one). With nothing kept (scripts
  // off, nothing typed, storage refused) every note stays hidden, as the server wrote it.
  function noteKeptAfterSwitch() {
    var kept = document.querySelector("[data-draft-kept-at]");
    if (!kept) { return; }
    var draft = keptFor(kept.getAttribute("data-draft-kept-at"));
    if (!draft) { return; }
    var note = draft.sent === true ? outcomeNote(SENT)
      : draft.refused ? (typeof draft.refused === "string" && outcomeNote(draft.refused)) || outcomeNote(REFUSED)
        : kept;
    if (note) { note.hidden = false; }
  }

  // The form's notice over answers given back with an outcome (#draft-restored-…: SENT, REFUSED or a refusing page's
  // reason), or null.
  function restoredNotice(outcome) { return outcome ? document.getElementById("draft-restored-" + outcome) : null; }

  function restore() {
    var draft = null;
    try { draft = JSON.parse(window.sessionStorage.getItem(KEY) || "null"); } catch (e) { drop(); return; }
    if (!draft) { return; }
    if (typeof draft.at !== "number" || Date.now() - draft.at > MAX_AGE || !Array.isArray(draft.fields)) { drop(); return; }
    // The answers sent were recorded: nothing to give back, ever (a new screening's form must not open with them).
    var recorded = document.querySelector("[data-draft-recorded]");
    if (draft.sent && recorded && draft.fields.some(function (f) {
      return /PatientReference$/.test(f[0]) && f[1] === recorded.getAttribute("data-draft-recorded");
    })) { drop(); return; }
    var form = document.querySelector(SELECTOR + "[data-keep-draft]");
    // Not this draft's form (another page, the sign-in page, another user): keep it for its own form.
    if (!form || !sameAddress(draft.url, here()) || !draft.who || draft.who !== form.getAttribute("data-keep-draft")) { return; }
    drop();
    // The app answered the send with the form and what it holds (problems to fix, or not recorded): that is the truth.
    if (draft.sent && form.getAttribute("data-unsent") === "true") { return; }
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
    if (changed.length > 0) {
      unsent = form; // still not sent: a second switch keeps them again, leaving asks first
      givenBack = { form: form, sent: draft.sent === true, refused: draft.sent === true ? null : draft.refused || null };
      // Refused for a reason the refusing page gave, the form's notice for that reason (#draft-restored-too-large,
      // #draft-restored-not-signed-in) where it has one, else the general one.
      var notice = draft.sent ? restoredNotice(SENT)
        : draft.refused ? (typeof draft.refused === "string" && restoredNotice(draft.refused)) || restoredNotice(REFUSED)
        : document.getElementById("draft-restored");
      if (notice) { notice.hidden = false; }
    }
  }

  function mark(event) {
    var form = event.target && event.target.form;
    if (form && form.matches(SELECTOR) && keeps(event.target)) { unsent = form; }
  }

  // A form sent back by the server with its problems holds what was typed and not recorded.
  unsent = document.querySelector(SELECTOR + "[data-unsent=true]");
  noteRefused();
  noteKept();
  noteKeptAfterSwitch();
  restore();
  document.addEventListener("input", mark, true);
  document.addEventListener("change", mark, true);
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (/\/Account\/Logout$/i.test(form.getAttribute("action") || "")) {
      // Signing out: nothing typed stays behind in this tab (a shared computer). The signed-out page says answers were
      // cleared when a kept draft, or this page's screening form with unsent answers, is dropped.
      if (held() || (unsent && unsent.hasAttribute("data-keep-draft"))) {
        var cleared = document.createElement("input");
        cleared.type = "hidden";
        cleared.name = "answersCleared";
        cleared.value = "true";
        form.appendChild(cleared);
      }
      drop();
    }
    if (form.matches(SELECTOR)) { // being sent: kept until a page says it was recorded
      if (form.hasAttribute("data-keep-draft")) {
        save(form, true);
        leaving(form);
      }
      unsent = null;
      return;
    }
    if (form.classList.contains("language")) {
      leaving(document.querySelector(SELECTOR + "[data-keep-draft]"));
      if (unsent && unsent.hasAttribute("data-keep-draft")) {
        save(unsent);
        unsent = null;
      }
    }
  }, true);
  window.addEventListener("beforeunload", function (event) {
    if (unsent) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
