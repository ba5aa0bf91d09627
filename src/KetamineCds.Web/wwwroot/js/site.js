// Progressive enhancement for the screening form: sections marked data-show-when="Input.Field=a,b" are visible
// by default (the form works without JavaScript) and hidden here until the answer makes them relevant. A hidden
// section's controls are disabled so that a stale answer is not submitted.
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

  function update(form) {
    // Outer sections first, so that a nested section sees its parent's controls enabled or disabled.
    var sections = form.querySelectorAll("[data-show-when]");
    for (var i = 0; i < sections.length; i++) {
      var section = sections[i];
      var rule = section.getAttribute("data-show-when").split("=");
      var values = rule[1].split(",");
      var parentHidden = section.parentElement.closest("[data-show-when].is-hidden") !== null;
      var show = !parentHidden && values.indexOf(currentValue(form, rule[0])) !== -1;
      section.classList.toggle("is-hidden", !show);
      section.hidden = !show;
      var controls = section.querySelectorAll("input, select, textarea");
      for (var j = 0; j < controls.length; j++) { controls[j].disabled = !show; }
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var forms = document.querySelectorAll("form.screening-form");
    for (var i = 0; i < forms.length; i++) {
      (function (form) {
        update(form);
        form.addEventListener("change", function () { update(form); });
        form.addEventListener("input", function () { update(form); });
      })(forms[i]);
    }

    var summary = document.getElementById("error-summary") || document.getElementById("not-recorded");
    if (summary) { summary.focus(); }
  });
})();
