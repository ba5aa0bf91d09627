// Progressive enhancement for the screening form: sections marked data-show-when are visible by default (the form
// works without JavaScript) and hidden here until the answers make them relevant. A condition is one or more parts
// joined by ";", all of which must hold: "Input.Field=a,b" (one of these values), "Input.Field!=a" (anything but
// this value, not recorded included) or "Input.Field:12-55" (a number in this range). A hidden section's controls are
// disabled so that a stale answer is not submitted.
// "Not known" options marked data-hide-when are hidden while that condition holds (the question is then required),
// and the "(required)" marks of such questions (data-required-when) are shown while it holds.
// It also keeps the count of safety questions not yet recorded (server-rendered in #safety-count) live: every
// visible control marked data-safety that holds no answer ("Not known" included) is listed, linked to its control.
// Only the count's sentence (#safety-count-text) is a live region; it and the list are written only when they change,
// so that typing in a text box makes a screen reader announce nothing (QA113 F2).
(function () {
  "use strict";

  function currentValue(form, name) {
    var controls = form.querySelectorAll('[name="' + name + '"]');
    for (var i = 0; i < controls.length; i++) {
      var c = controls[i];
      if (c.disabled) { continue; }
      if (c.type === "radio" || c.type === "checkbox") {
        if (c.checked) { return c.value; }
      } else {
        return c.value;
      }
    }
    return "";
  }

  // A whole number as the server reads the form's (ScreeningFormReader): full-width digits, point and sign as ASCII
  // (QA157 F6: "４５" typed with a Chinese input method), a zero fraction (45.0, QA158) and an exponent (4.5e1 is 45,
  // as the API reads the JSON number); null for anything else. The exponent moves the decimal point in the digits as
  // written, so that no rounding makes 45.000001e0 whole.
  function wholeNumber(text) {
    var ascii = text.replace(/[\uFF10-\uFF19\uFF0B\uFF0E]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0xFEE0);
    }).replace(/\u3000/g, " ").trim();
    var m = ascii.match(/^\+?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?$/);
    if (!m || m[1] + (m[2] || "") === "") { return null; }
    var whole = m[1], fraction = m[2] || "", exponent = m[3] ? parseInt(m[3], 10) : 0;
    if (exponent > 0) {
      while (fraction.length < exponent) { fraction += "0"; }
      whole += fraction.slice(0, exponent);
      fraction = fraction.slice(exponent);
    } else if (exponent < 0) {
      while (whole.length < -exponent) { whole = "0" + whole; }
      fraction = whole.slice(whole.length + exponent) + fraction;
      whole = whole.slice(0, whole.length + exponent);
    }
    return /[1-9]/.test(fraction) ? null : parseInt(whole || "0", 10);
  }

  function holds(form, part) {
    var range = part.match(/^([^:=!]+):(\d+)-(\d+)$/);
    if (range) {
      var n = wholeNumber(currentValue(form, range[1]));
      if (n === null) { return false; }
      return n >= parseInt(range[2], 10) && n <= parseInt(range[3], 10);
    }
    var not = part.indexOf("!=");
    if (not !== -1) {
      return part.substring(not + 2).split(",").indexOf(currentValue(form, part.substring(0, not))) === -1;
    }
    var eq = part.indexOf("=");
    return part.substring(eq + 1).split(",").indexOf(currentValue(form, part.substring(0, eq))) !== -1;
  }

  // A whole condition: every part, joined by ";", holds.
  function allHold(form, condition) {
    var parts = condition.split(";");
    for (var p = 0; p < parts.length; p++) {
      if (!holds(form, parts[p])) { return false; }
    }
    return true;
  }

  function update(form, announce) {
    // Outer sections first, so that a nested section sees its parent's controls enabled or disabled.
    var sections = form.querySelectorAll("[data-show-when]");
    var nowAsked = [];
    var noLongerAsked = [];
    var nowKept = [];
    var notKnownCleared = [];
    for (var i = 0; i < sections.length; i++) {
      var section = sections[i];
      var wasShown = !section.classList.contains("is-hidden");
      var parentShown = section.parentElement.closest("[data-show-when].is-hidden") === null;
      var asked = parentShown && allHold(form, section.getAttribute("data-show-when"));
      // A yes that calls for more care (data-keep-yes: a pregnancy) stays shown, with a note to check it, when the other
      // answers stop asking the question: hidden, it would be dropped from the post without a word. The server then
      // takes it or names the contradiction at the field.
      var kept = !asked && parentShown && keepsYes(section);
      var show = asked || kept;
      var question = section.getAttribute("data-question");
      // A yes kept shown changes no question shown, so "no longer asked" would not say it: its note is said instead,
      // once, when the yes becomes kept (QA F1, 4.1.3), not again while it stays kept.
      if (question && kept && !section.classList.contains("conditional--kept")) {
        nowKept.push(question);
      } else if (question && show !== wasShown) {
        (show ? nowAsked : noLongerAsked).push(question);
      }
      section.classList.toggle("is-hidden", !show);
      section.classList.toggle("conditional--kept", kept);
      section.hidden = !show;
      keptNote(section, kept);
      var controls = section.querySelectorAll("input, select, textarea");
      for (var j = 0; j < controls.length; j++) { controls[j].disabled = !show; }
    }
    // An answer the server would refuse is not offered: "Not known" while other answers make the question required
    // (data-hide-when, the same conditions). Its radio is unticked and disabled while hidden.
    var options = form.querySelectorAll("[data-hide-when]");
    for (var k = 0; k < options.length; k++) {
      var option = options[k];
      var when = option.getAttribute("data-hide-when");
      if (!when) { continue; }
      var hide = allHold(form, when);
      option.hidden = hide;
      var radio = option.querySelector("input");
      // A "Not known" chosen and now taken away is said, with what to answer instead (QA F2): the choice goes from the
      // screen and the legend gains "(required)", out of a screen reader's hearing.
      if (hide && radio.checked && option.closest(".is-hidden") === null) { notKnownCleared.push(questionName(option)); }
      if (hide) { radio.checked = false; }
      radio.disabled = hide || option.closest(".is-hidden") !== null;
    }
    // A question required only while other answers hold (data-required-when, the same conditions) is marked
    // "(required)" while they hold, and its drop-down's empty option reads "Choose..." rather than "Not known".
    var marks = form.querySelectorAll("[data-required-when]");
    for (var m = 0; m < marks.length; m++) {
      var mark = marks[m];
      var condition = mark.getAttribute("data-required-when");
      if (!condition) { continue; }
      var required = allHold(form, condition);
      if (mark.hasAttribute("data-text-required")) {
        mark.textContent = mark.getAttribute(required ? "data-text-required" : "data-text-optional");
      } else {
        // Shown, the mark is part of the label's or legend's text and so of the control's accessible name: "required" is
        // said with it, once (no aria-required beside it, _Field.cshtml).
        mark.hidden = !required;
      }
    }
    updateSafetyCount(form);
    if (announce) { announceQuestions(form, nowAsked, noLongerAsked, nowKept, notKnownCleared); }
  }

  // A question's name as its legend shows it (its first words, before the "(required)" mark), else its section's.
  function questionName(option) {
    var legend = option.closest("fieldset") ? option.closest("fieldset").querySelector("legend") : null;
    var first = legend ? legend.firstChild : null;
    if (first && first.nodeType === Node.TEXT_NODE && first.textContent.trim() !== "") { return first.textContent.trim(); }
    var section = option.closest("[data-question]");
    return section ? section.getAttribute("data-question") : "";
  }

  // A question that an answer brings in or takes away is said in words (#questions-changed, a polite live region):
  // the new question appears below the answer that asks it, out of a screen reader's hearing (the bipolar diagnosis's
  // mood stabilizer, a woman's pregnancy status). Only after the clinician's own change, never when the page loads, and
  // only when the questions asked change, so that typing a number announces nothing more. A kept yes's note and a
  // "Not known" taken away are said here too (nowKept, notKnownCleared: the questions' names).
  function announceQuestions(form, nowAsked, noLongerAsked, nowKept, notKnownCleared) {
    var region = form.querySelector("#questions-changed");
    if (!region || (nowAsked.length + noLongerAsked.length + nowKept.length + notKnownCleared.length === 0)) { return; }
    var separator = region.getAttribute("data-list-separator") || ", ";
    var sentences = [];
    if (nowAsked.length > 0) { sentences.push(region.getAttribute("data-text-asked").replace("{0}", nowAsked.join(separator))); }
    if (noLongerAsked.length > 0) { sentences.push(region.getAttribute("data-text-not-asked").replace("{0}", noLongerAsked.join(separator))); }
    if (nowKept.length > 0 && region.getAttribute("data-text-kept")) { sentences.push(region.getAttribute("data-text-kept").replace("{0}", nowKept.join(separator))); }
    for (var i = 0; i < notKnownCleared.length; i++) {
      if (region.getAttribute("data-text-not-known-cleared")) { sentences.push(region.getAttribute("data-text-not-known-cleared").replace("{0}", notKnownCleared[i])); }
    }
    region.textContent = sentences.join(region.hasAttribute("data-sentence-gap") ? region.getAttribute("data-sentence-gap") : " ");
  }

  // Whether a section marked data-keep-yes holds its question's yes (ticked, also while disabled: hiding does not untick).
  // Only a mark with its note counts: an empty data-keep-yes kept the safety net's hidden yes shown, with no note, and
  // sent it (QA272 F3).
  function keepsYes(section) {
    if (!section.getAttribute("data-keep-yes")) { return false; }
    var yes = section.querySelector('input[type="radio"][value="true"]');
    return yes !== null && yes.checked;
  }

  // The note of a kept yes, in the page's language (data-keep-yes), shown while the section is kept.
  function keptNote(section, kept) {
    var note = section.querySelector(":scope > .field-note--kept");
    if (kept && note === null) {
      note = document.createElement("p");
      note.className = "field-note field-note--kept";
      note.setAttribute("role", "note");
      note.textContent = section.getAttribute("data-keep-yes");
      section.insertBefore(note, section.firstChild);
    }
    if (note !== null) { note.hidden = !kept; }
  }

  function answered(question) {
    var controls = question.querySelectorAll("input, select, textarea");
    for (var i = 0; i < controls.length; i++) {
      var c = controls[i];
      if (c.disabled) { return true; } // a hidden question is not asked
      if (c.type === "radio" || c.type === "checkbox") {
        if (c.checked && c.value !== "") { return true; }
      } else if (c.value.trim() !== "") {
        return true;
      }
    }
    return false;
  }

  // The words are the page's, in its language: templates on #safety-count (data-text-*), as NewModel.SafetyCountText
  // fills them on the server; {0} is the number not recorded, {1} the number that could block a pathway.
  function countText(box, unanswered, blocking) {
    var name = unanswered === 0 ? "none"
      : unanswered === 1 ? (blocking === 1 ? "one-blocking" : "one-care")
      : blocking > 0 ? "many-blocking" : "many-care";
    return box.getAttribute("data-text-" + name).replace("{0}", String(unanswered)).replace("{1}", String(blocking));
  }

  function updateSafetyCount(form) {
    var box = document.getElementById("safety-count");
    if (!box) { return; }
    var questions = form.querySelectorAll("[data-safety]:not([data-safety=\"\"])");
    var list = document.getElementById("safety-count-list");
    var text = document.getElementById("safety-count-text");
    var unanswered = 0;
    var blocking = 0;
    var items = document.createDocumentFragment();
    var signature = [];
    for (var i = 0; i < questions.length; i++) {
      var q = questions[i];
      if (q.closest("[data-show-when].is-hidden") !== null || answered(q)) { continue; }
      unanswered++;
      var canBlock = q.getAttribute("data-safety") === "can-block";
      if (canBlock) { blocking++; }
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "#" + q.getAttribute("data-safety-anchor");
      a.textContent = q.getAttribute("data-safety-label");
      li.appendChild(a);
      if (canBlock) { li.appendChild(document.createTextNode(box.getAttribute("data-text-could-block"))); }
      // A care item that must be known before the first dose (blood pressure, hepatic status): a pathway does not wait for
      // it, the dose does (QA148 F2).
      else if (q.getAttribute("data-safety") === "before-dose") { li.appendChild(document.createTextNode(box.getAttribute("data-text-before-dose"))); }
      items.appendChild(li);
      signature.push(a.getAttribute("href") + "|" + li.textContent);
    }
    var sentence = countText(box, unanswered, blocking);
    if (text.textContent.trim() !== sentence) {
      var strong = document.createElement("strong");
      strong.textContent = sentence;
      text.replaceChildren(strong);
    }
    var shown = [];
    var current = list.querySelectorAll(":scope > li");
    for (var j = 0; j < current.length; j++) {
      var link = current[j].querySelector("a");
      shown.push((link ? link.getAttribute("href") : "") + "|" + current[j].textContent);
    }
    if (shown.join("\n") !== signature.join("\n")) { list.replaceChildren(items); }
    box.classList.toggle("safety-count--done", unanswered === 0);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var forms = document.querySelectorAll("form.screening-form");
    for (var i = 0; i < forms.length; i++) {
      (function (form) {
        update(form, false);
        form.addEventListener("change", function () { update(form, true); });
        form.addEventListener("input", function () { update(form, true); });
      })(forms[i]);
    }
  });

  // The override form on the result page: a reason that only explains proceeding (marked data-only-to-proceed by the
  // server, from OverrideInputValidator.OnlyToProceed: the benefit outweighs the risk after review; the contraindication is
  // resolved or inaccurate) is neither shown nor choosable while "Do not proceed" is chosen, and one chosen before is
  // unchosen (QA272 F4). The server refuses that pair all the same, and says why, for a form sent without scripts.
  function offerReasons(reason, doNotProceed) {
    var options = reason.querySelectorAll("option[data-only-to-proceed]");
    for (var i = 0; i < options.length; i++) {
      var option = options[i];
      option.hidden = doNotProceed;
      option.disabled = doNotProceed;
      if (doNotProceed && option.selected) { reason.value = ""; }
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var reasons = document.querySelectorAll('select[name="Override.Reason"]');
    for (var i = 0; i < reasons.length; i++) {
      (function (reason) {
        var form = reason.form;
        var dont = form && form.querySelector('input[name="Override.Decision"][value="DoNotProceed"]');
        if (!dont) { return; }
        // On load too: a form sent back with a problem keeps its decision.
        offerReasons(reason, dont.checked);
        form.addEventListener("change", function (event) {
          if (event.target instanceof Element && event.target.getAttribute("name") === "Override.Decision") { offerReasons(reason, dont.checked); }
        });
      })(reasons[i]);
    }
  });

  // The count under a free-text box with a limit (Pages/Shared/_CharCount): the characters it holds of the most it may,
  // counted as the server counts them (FreeText.Length: Unicode code points, so an emoji is one; a line break is one, as
  // the box holds it). The boxes have no maxlength, which counts UTF-16 units (QA157 F7): this tells the clinician before
  // they send that the text is too long, and the server's field message still refuses it, the text kept.
  document.addEventListener("DOMContentLoaded", function () {
    var counts = document.querySelectorAll("[data-char-count-for]");
    for (var i = 0; i < counts.length; i++) {
      (function (count) {
        var box = document.getElementById(count.getAttribute("data-char-count-for"));
        var most = parseInt(count.getAttribute("data-max-chars"), 10);
        if (!box || !(most > 0)) { return; }
        var show = function () {
          var held = Array.from(box.value).length;
          count.textContent = count.getAttribute("data-text").replace("{0}", held.toLocaleString(document.documentElement.lang || undefined));
          count.classList.toggle("char-count--over", held > most);
        };
        show();
        count.hidden = false;
        box.addEventListener("input", show);
      })(counts[i]);
    }
  });

  // An error summary's link, and the links of the count of safety questions not recorded below the form, put the focus
  // on their field and bring the whole field into view: its label or legend, hint and error above the control. The
  // browser's own jump to the fragment left the control at the window's top edge, its label and the error message
  // scrolled out of sight (at 375 px only "Yes / No / Not known" showed, no question: QA session 48). Enter on a link is
  // a click too. The count's links still put their fragment in the address, as a jump would.
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest(".error-summary a[href^='#'], #safety-count-list a[href^='#']") : null;
    if (!link) { return; }
    var target = document.getElementById(decodeURIComponent(link.getAttribute("href").substring(1)));
    if (!target) { return; }
    event.preventDefault();
    if (link.closest("#safety-count-list") && window.location.hash !== link.getAttribute("href")) { history.pushState(null, "", link.getAttribute("href")); }
    // An audit filter's control is in view with its label and message above it too (QA F5: its summary links to it).
    var field = target.closest(".field, .audit-filter > div, .audit-filter fieldset") || target;
    field.scrollIntoView({ block: "start" });
    // A link to a whole part of the form (the correction's fieldset) takes the focus there too, not left on the link.
    if (target.tabIndex < 0 && !target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
    target.focus({ preventScroll: true });
    if (target.getBoundingClientRect().bottom > window.innerHeight) { target.scrollIntoView({ block: "nearest" }); }
  });

  // A page that comes back with errors (or a log that could not record), or with an override just recorded, puts the focus
  // on what says so. On load, not
  // before: a page opened at a fragment (the override form's #record-override) would otherwise lose the focus again.
  window.addEventListener("load", function () {
    var summary = document.getElementById("error-summary") || document.getElementById("not-recorded") || document.getElementById("override-recorded");
    if (summary) { summary.focus(); }
  });
})();
