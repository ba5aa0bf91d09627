// "Show" buttons beside password fields (OWASP ASVS V2.1.12): the person can check what they typed before sending
// it. Added only with JavaScript; without it the fields work as usual. The field goes back to hidden on submit so
// that the browser's password manager still sees a password field.
(function () {
  "use strict";

  // The words are the page's, in its language: data-text-show and data-text-hide on this script's tag.
  var script = document.currentScript;
  var showText = (script && script.getAttribute("data-text-show")) || "Show";
  var hideText = (script && script.getAttribute("data-text-hide")) || "Hide";

  var fields = document.querySelectorAll("input[type=password]");
  for (var i = 0; i < fields.length; i++) {
    (function (field) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button--secondary reveal";
      button.textContent = showText;
      button.setAttribute("aria-pressed", "false");
      if (field.id) {
        button.setAttribute("aria-controls", field.id);
      }
      button.addEventListener("click", function () {
        var show = field.type === "password";
        field.type = show ? "text" : "password";
        button.textContent = show ? hideText : showText;
        button.setAttribute("aria-pressed", show ? "true" : "false");
        field.focus();
      });
      var wrapper = document.createElement("span");
      wrapper.className = "reveal-field";
      field.parentNode.insertBefore(wrapper, field);
      wrapper.appendChild(field);
      wrapper.appendChild(button);
      if (field.form) {
        field.form.addEventListener("submit", function () { field.type = "password"; });
      }
    })(fields[i]);
  }
})();
