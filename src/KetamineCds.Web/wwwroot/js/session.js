// Keeps what a clinician types from being lost to the idle sign-out (Security/SessionKeepAlive.cs).
// The page says how many seconds its session has left (#session-notice data-seconds-left). While the clinician types in
// a form, the session is renewed through the keep-alive: typing is activity although it sends nothing. It is renewed at
// most every 30 seconds and at most 30 seconds after a keystroke, so the session ends between 15 minutes and 15 minutes
// 30 seconds after the last keystroke (QA11 F10). Two minutes before an idle session ends, the notice offers "Stay
// signed in". Once it has ended, a page holding something typed and not sent says so and leaves the form as it is, so
// that the clinician can sign in again in another tab and send it; a page with nothing typed (a result, a list) hides
// its content at once and goes to the sign-in page, as a reload would, so that no patient's data is left on an
// unattended screen (QA11 F13). Tabs share the session's end through localStorage (a time, never anything typed).
(function () {
  "use strict";

  var notice = document.getElementById("session-notice");
  if (!notice || !window.fetch) { return; }

  var WARN_BEFORE = 120 * 1000;    // the warning shows this long before the end
  var RENEW_AFTER = 30 * 1000;     // typing renews the session at most this often, and at most this long after a keystroke
  var KEY = "ketaminecds.session-ends";
  var text = notice.querySelector(".session-notice__text");
  var stay = notice.querySelector(".session-notice__stay");
  var signIn = notice.querySelector(".session-notice__signin");
  var ends = Date.now() + Number(notice.getAttribute("data-seconds-left")) * 1000;
  var renewedAt = Date.now();
  var typedSince = false;
  var state = "quiet";
  var asking = false;
  var backSince = 0;
  var due = null; // the renewal a keystroke is waiting for

  function shared() {
    try { return Number(window.localStorage.getItem(KEY)) || 0; } catch (e) { return 0; }
  }

  // A later end is shared with the other tabs; an end the server confirmed (ended: true) replaces what they had.
  function share(time, ended) {
    ends = time;
    try {
      if (ended || shared() < time) { window.localStorage.setItem(KEY, String(time)); }
    } catch (e) { /* storage refused: this tab still knows */ }
  }

  // Whether a form on the page holds something typed and not sent: a field changed from what the page came with (typed,
  // or put back from a kept draft), or a form the server sent back unsent (data-unsent=true). A page with nothing typed
  // has nothing to lose when it goes.
  function holdsTyping() {
    var forms = document.querySelectorAll("main form[method=post]");
    for (var f = 0; f < forms.length; f++) {
      if (forms[f].getAttribute("data-unsent") === "true") { return true; }
      var controls = forms[f].elements;
      for (var i = 0; i < controls.length; i++) {
        var c = controls[i];
        if (!c.name || ["hidden", "submit", "button", "reset", "password"].indexOf(c.type) !== -1) { continue; }
        if (c.type === "radio" || c.type === "checkbox") {
          if (c.checked !== c.defaultChecked) { return true; }
        } else if (c.options) {
          // A list with no option marked selected starts at its first option (defaultSelected is false for every one).
          var marked = false;
          for (var o = 0; o < c.options.length; o++) { marked = marked || c.options[o].defaultSelected; }
          for (o = 0; o < c.options.length; o++) {
            var from = marked || c.multiple ? c.options[o].defaultSelected : o === 0;
            if (c.options[o].selected !== from) { return true; }
          }
        } else if (c.value !== c.defaultValue) {
          return true;
        }
      }
    }
    return false;
  }

  // The session has ended and the page holds nothing typed: its content is hidden at once (this works offline), and the
  // page is asked for again, which the server answers with the sign-in page ("your session has ended", and back here
  // after signing in) or, if the session is live again after all, with the page itself.
  function leave() {
    document.documentElement.classList.add("session-ended");
    window.location.replace(window.location.href);
  }

  // The warning's minutes follow the clock while it shows.
  function warn() {
    var minutes = Math.max(1, Math.ceil((ends - Date.now()) / 60000));
    var words = minutes === 1 ? notice.getAttribute("data-text-warning-one")
      : notice.getAttribute("data-text-warning").replace("{0}", String(minutes));
    show("warning");
    // The notice is a live region from the page's start (role="status" in the markup, empty and flat while quiet), and
    // shows before its words are written: a screen reader announces a change to a region it already knows (QA10a A2).
    if (text.textContent !== words) { text.textContent = words; keepInView(); } // announce changes only
  }

  function show(next) {
    if (state === next) { return; }
    state = next;
    notice.className = "session-notice" + (next === "quiet" ? " session-notice--quiet" : next === "ended" ? " session-notice--ended" : "");
    notice.setAttribute("role", next === "ended" ? "alert" : "status");
    stay.hidden = next !== "warning";
    signIn.hidden = next !== "ended";
    if (next === "ended") {
      var typed = holdsTyping();
      text.textContent = notice.getAttribute(typed ? "data-text-ended" : "data-text-ended-plain");
      if (!typed) { leave(); }
    } else if (next === "back") {
      text.textContent = notice.getAttribute("data-text-back");
    } else if (next === "quiet") {
      text.textContent = "";
    }
    keepInView();
  }

  // While the notice shows, it stays at the top of the window (sticky); the page scrolls a control that takes focus to
  // below it, never under it (WCAG 2.4.11, QA10a A1). Its height follows its words and the window's width.
  function keepInView() {
    document.documentElement.style.scrollPaddingTop = state === "quiet" ? "" : (notice.offsetHeight + 8) + "px";
  }

  // Renews the session; or, with check, only asks whether it is still live (past this page's reckoning of its end: a
  // request this tab did not see, such as a download, may have renewed it). 401: it has ended.
  function renew(check) {
    if (!check) {
      renewedAt = Date.now();
      typedSince = false;
    }
    asking = true;
    return window.fetch(notice.getAttribute("data-keepalive") + (check ? "?check=true" : ""), {
      credentials: "same-origin", cache: "no-store", redirect: "manual", headers: { "Accept": "application/json" }
    }).then(function (response) {
      if (response.status === 401) {
        share(Date.now(), true);
        show("ended");
        return;
      }
      if (!response.ok) { return; }
      return response.json().then(function (body) {
        share(Date.now() + Math.max(1, body.secondsLeft) * 1000);
      });
    }).catch(function () {
      if (ends <= Date.now()) { show("ended"); } // cannot ask, and the end has passed
    }).then(function () {
      asking = false;
      if (typedSince) { schedule(); } // typed while this renewal was on its way
      tick();
    });
  }

  function tick() {
    if (asking) { return; }
    var now = Date.now();
    var later = shared();
    if (later > ends) { ends = later; } // another tab renewed the session, or signed in again
    var left = ends - now;
    if (left <= 0) {
      if (state !== "ended") { renew(true); }
    } else if (state === "ended") {
      backSince = now;
      show("back");
    } else if (state === "back" && now - backSince < 60000 && !typedSince) {
      // "signed in again" stays a minute, or until the clinician types
    } else if (typedSince && now - renewedAt >= RENEW_AFTER) {
      renew();
    } else if (left <= WARN_BEFORE) {
      if (typedSince) { renew(); } else { warn(); }
    } else {
      show("quiet");
    }
  }

  // A keystroke renews the session at once when the last renewal is RENEW_AFTER old, otherwise as soon as it is.
  function schedule() {
    if (due === null) {
      due = window.setTimeout(function () { due = null; tick(); }, Math.max(0, renewedAt + RENEW_AFTER - Date.now()));
    }
  }

  function typed() {
    typedSince = true;
    if (state === "warning") { tick(); } else { schedule(); }
  }

  document.addEventListener("input", typed);
  document.addEventListener("change", typed);
  stay.addEventListener("click", function () { renew(); });
  window.addEventListener("storage", function (event) { if (event.key === KEY) { tick(); } });
  window.addEventListener("resize", keepInView);
  share(ends);
  window.setInterval(tick, 5000);
})();
