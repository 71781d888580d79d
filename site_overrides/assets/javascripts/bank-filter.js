/* The question bank page's filter (questions/index.html only: its front matter lists this
   script after bank-suits.js, which sets window.infointerviewSuits, and sheet-lookup.js, where
   the tables' layout is written). The page works without it:
   it arrives showing every question. */
(function () {
  "use strict";

  // Our words, in the page's language (text.js; generator/site/script_text.py).
  var t = window.infointerviewT || String;

  // The bank page's filter. Which questions suit a choice is not decided here: the build
  // writes it (window.infointerviewSuits, from tailor.suits, the rule the sheets use) as one
  // bit set per goal, role and industry choice, "any" included; this only looks it up.
  function setUpFilter(root) {
    var form = root.querySelector("[data-ii-filter]");
    var suits = window.infointerviewSuits;
    var tables = window.infointerviewLookup;
    if (!form || !suits || !tables) { return; }
    var items = Array.prototype.slice.call(root.querySelectorAll(".ii-bank__item"));
    var byId = {};
    items.forEach(function (item) { byId[item.getAttribute("data-ii-question")] = item; });
    var count = form.querySelector("[data-ii-filter-count]");

    // "" is "any"; for the industry, the form names the value for "no particular industry"
    // (model.NO_INDUSTRY, which no industry id may take).
    var noIndustry = form.getAttribute("data-ii-no-industry");
    function choiceIndex() {
      var goal = form.elements.goal.value;
      var role = form.elements.role.value;
      var industry = form.elements.industry.value;
      var g = goal ? suits.goals.indexOf(goal) : suits.goals.length;
      var r = role ? suits.roles.indexOf(role) : suits.roles.length;
      var i = industry === "" ? suits.industries.length + 1
        : industry === noIndustry ? 0 : suits.industries.indexOf(industry) + 1;
      return tables.suitsKey(suits, g, r, i);
    }

    function apply() {
      var flags = tables.suitsFlags(suits, choiceIndex());
      var shown = 0;
      suits.ids.forEach(function (id, n) {
        var item = byId[id];
        if (!item) { return; }
        var visible = flags[n];
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
      count.textContent = t("bank-filter.showing", { shown: shown, total: items.length });
    }

    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    // The page arrives showing every question, as "any" shows; only a choice the browser kept
    // from an earlier visit needs a pass over the list (which is main-thread work on load).
    if (form.elements.goal.value || form.elements.role.value || form.elements.industry.value) {
      apply();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setUpFilter(document); });
  } else {
    setUpFilter(document);
  }
})();
