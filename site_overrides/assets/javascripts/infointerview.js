/* Small enhancements on every page; every page works without them. Scripts that only some
   pages use are listed in those pages' front matter (see site_overrides/main.html). */
(function () {
  "use strict";

  function setUpPrintButtons(root) {
    root.querySelectorAll("[data-ii-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  // Material wraps each code block's copy button in an unnamed <nav>. Two of them on one page
  // are landmarks a screen reader cannot tell apart (axe landmark-unique), so number them.
  function labelCodeNavs(root) {
    root.querySelectorAll(".md-code__nav").forEach(function (nav, index) {
      nav.setAttribute("aria-label", "Code block " + (index + 1) + " tools");
    });
  }

  // The language menu (partials/alternate.html) leads to the same page in another language;
  // the address after # goes along: the sheet maker's choices, or the section being read
  // (headings keep their English ids in every language).
  function keepPlaceAcrossLanguages(event) {
    var link = event.target.closest ? event.target.closest("a[data-ii-language]") : null;
    if (link && window.location.hash) {
      link.href = link.href.split("#")[0] + window.location.hash;
    }
  }
  document.addEventListener("click", keepPlaceAcrossLanguages);

  function init() {
    setUpPrintButtons(document);
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
