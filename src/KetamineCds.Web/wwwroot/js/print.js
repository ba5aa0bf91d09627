// The print page's "Print" button (no inline handlers: the CSP forbids them). It prints once the page's fonts have
// loaded: a face still loading when the print is laid out is not drawn (font-display: block), and the sheet would lack
// its text or its page footer.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("print-button");
    if (!button) { return; }
    button.addEventListener("click", function () {
      if (document.fonts && document.fonts.ready) {
        document.fonts.ready.then(function () { window.print(); }, function () { window.print(); });
      } else {
        window.print();
      }
    });
  });
})();
