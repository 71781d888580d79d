/* Small enhancements; every page works without them. */
(function () {
  "use strict";

  function setUpPrintButtons(root) {
    root.querySelectorAll("[data-ii-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function setUpFilter(root) {
    var form = root.querySelector("[data-ii-filter]");
    if (!form) { return; }
    var items = Array.prototype.slice.call(root.querySelectorAll(".ii-bank__item"));
    var count = form.querySelector("[data-ii-filter-count]");
    var names = ["goal", "role", "industry"];

    // A question suits a choice when it names it or suits "all". For industries this keeps the
    // general questions in view next to the ones written for the chosen industry.
    function matches(item, name, value) {
      if (!value) { return true; }
      var suits = (item.getAttribute("data-" + name) || "all").split(" ");
      return suits.indexOf("all") !== -1 || suits.indexOf(value) !== -1;
    }

    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        var visible = names.every(function (name) {
          return matches(item, name, form.elements[name].value);
        });
        item.hidden = !visible;
        if (visible) { shown += 1; }
      });
      // Hide a category heading and its text when none of its questions is shown.
      root.querySelectorAll(".ii-bank").forEach(function (list) {
        var any = list.querySelector(".ii-bank__item:not([hidden])") !== null;
        var node = list.previousElementSibling;
        while (node && node.tagName !== "H2") { node.hidden = !any; node = node.previousElementSibling; }
        if (node) { node.hidden = !any; }
        list.hidden = !any;
      });
      count.textContent = "Showing " + shown + " of " + items.length + " questions.";
    }

    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  // Material wraps each code block's copy button in an unnamed <nav>. Two of them on one page
  // are landmarks a screen reader cannot tell apart (axe landmark-unique), so number them.
  function labelCodeNavs(root) {
    root.querySelectorAll(".md-code__nav").forEach(function (nav, index) {
      nav.setAttribute("aria-label", "Code block " + (index + 1) + " tools");
    });
  }

  function init() {
    setUpPrintButtons(document);
    setUpFilter(document);
    labelCodeNavs(document);
  }

  // Material announces each rendered page on document$ (after it has added its code block
  // buttons); without Material's bundle, plain DOMContentLoaded does.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { labelCodeNavs(document); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
