// Keeps what a clinician types from being lost to the idle sign-out (Security/SessionKeepAlive.cs).
// The page says how many seconds its session has left (#session-notice data-seconds-left). While the clinician types in
// a form, the session is renewed through the keep-alive at most every few minutes: typing is activity although it
// sends nothing. Two minutes before an idle session ends, the notice offers "Stay signed in"; once it has ended, the
// notice says so and leaves the form as it is, so that the clinician can sign in again in another tab and send it.
// Tabs share the session's end through localStorage (a time, never anything typed).
(function () {
  "use strict";

  var notice = document.getElementById("session-notice");
  if (!notice || !window.fetch) { return; }

  var WARN_BEFORE = 120 * 1000;    // the warning shows this long before the end
  var RENEW_AFTER = 4 * 60 * 1000; // typing renews the session at most this often
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

  // A page with a form the clinician can type into keeps what was typed; other pages have nothing to lose.
  function holdsTyping() {
    return !!document.querySelector("main form[method=post] textarea, main form[method=post] select, " +
      "main form[method=post] input:not([type=hidden]):not([type=submit]):not([type=button])");
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
      text.textContent = notice.getAttribute(holdsTyping() ? "data-text-ended" : "data-text-ended-plain");
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

  document.addEventListener("input", function () { typedSince = true; if (state === "warning") { tick(); } });
  document.addEventListener("change", function () { typedSince = true; if (state === "warning") { tick(); } });
  stay.addEventListener("click", function () { renew(); });
  window.addEventListener("storage", function (event) { if (event.key === KEY) { tick(); } });
  window.addEventListener("resize", keepInView);
  share(ends);
  window.setInterval(tick, 5000);
})();
