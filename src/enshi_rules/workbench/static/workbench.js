// The workbench's only script. Every page works without it: it shows only the input panel chosen
// (form / paste / upload), opens the print dialog, and moves the focus to an error summary.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var radios = document.querySelectorAll('input[name="mode"]');
  function show() {
    var chosen = document.querySelector('input[name="mode"]:checked');
    var mode = chosen ? chosen.value : "form";
    document.querySelectorAll(".panel[data-mode]").forEach(function (p) {
      p.hidden = p.getAttribute("data-mode") !== mode;
    });
  }
  radios.forEach(function (r) { r.addEventListener("change", show); });
  if (radios.length) show();
  document.querySelectorAll('[data-action="print"]').forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();
