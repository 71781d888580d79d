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

  // Our words are in text.js (see site_overrides/main.html). This script's one text comes
  // with its own <script> element (data-ii-code-tools, in the build's language); a builder
  // without the plugin leaves it out, and then text.js is loaded from beside this script (so
  // also from disk and under a sub-path), once, on a page with a code block.
  var HERE = document.currentScript ? document.currentScript.src : "";
  var GIVEN = document.currentScript ? document.currentScript.getAttribute("data-ii-code-tools") : null;
  var loaded = false;
  var waiting = null;
  function withText(then) {
    if (GIVEN || window.infointerviewT || !HERE || loaded) { then(); return; }
    if (!waiting) {
      waiting = [];
      var script = document.createElement("script");
      script.src = HERE.replace(/infointerview\.js(\?.*)?$/, "text.js");
      script.onload = script.onerror = function () {
        loaded = true;
        waiting.splice(0).forEach(function (next) { next(); });
      };
      document.head.appendChild(script);
    }
    waiting.push(then);
  }

  // Material wraps each code block's copy button in an unnamed <nav>. Two of them on one page
  // are landmarks a screen reader cannot tell apart (axe landmark-unique), so number them.
  function labelCodeNavs(root) {
    var navs = root.querySelectorAll(".md-code__nav");
    if (navs.length === 0) { return; }
    withText(function () {
      var t = window.infointerviewT || String;
      navs.forEach(function (nav, index) {
        nav.setAttribute("aria-label", GIVEN ? GIVEN.replace("{number}", String(index + 1))
          : t("infointerview.code-tools", { number: index + 1 }));
      });
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
