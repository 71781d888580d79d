/* "Add a question from the bank" on the sheet maker page: a search over the bank's
 * questions, those that suit the meeting chosen (tailor.suits, through sheet-lookup.js) or
 * all of them, each with an "Add" button. Adding goes through the sheet maker's own action,
 * so it can be undone like any other change.
 *
 * Which questions suit a meeting (bank-suits.js, window.infointerviewSuits) is loaded when the
 * finder is first used (focus, typing, the "all questions" box), not with the page: most
 * visits never search, and a first visit is light (issue 25). The form gives its address,
 * relative to the page; a <script> added then loads from file:// too, where fetch() does not.
 */
(function () {
  "use strict";

  var data = window.infointerviewSheetMaker;
  // Our words, in the page's language (text.js; generator/site/script_text.py).
  var t = window.infointerviewT || String;
  var SHOWN = 8;

  function start(app) {
    var form = document.querySelector("[data-ii-maker]");
    var box = form.querySelector("#ii-maker-find");
    var all = form.querySelector("#ii-maker-find-all");
    var list = form.querySelector("[data-ii-maker-found]");
    var said = form.querySelector("[data-ii-maker-found-count]");
    if (!box || !all || !list || !said) { return; }
    var texts = null;
    var suitsUrl = box.getAttribute("data-ii-maker-suits");
    var waiting = null;  // what runs once bank-suits.js is in, while it loads

    // Runs `then` once the suits table is in, loading it the first time. Should it fail to
    // load, `then` runs all the same and the search looks through all questions.
    function withSuits(then) {
      if (window.infointerviewSuits || !suitsUrl) { then(); return; }
      if (waiting) {
        if (waiting.indexOf(then) < 0) { waiting.push(then); }
        return;
      }
      waiting = [then];
      var script = document.createElement("script");
      script.src = suitsUrl;
      script.onload = script.onerror = function () {
        var run = waiting;
        waiting = null;
        if (!window.infointerviewSuits) { suitsUrl = null; }  // not found: do not ask again
        run.forEach(function (next) { next(); });
      };
      document.head.appendChild(script);
    }

    function search() {
      while (list.firstChild) { list.removeChild(list.firstChild); }
      var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 0) { said.textContent = ""; return; }
      texts = texts || data.questions.map(function (html, n) { return app.questionText(n); });
      var flags = all.checked || !window.infointerviewSuits ? null : app.suitingNow();
      var found = [];
      texts.forEach(function (text, n) {
        if (data.closing[n] || (flags && !flags[n])) { return; }
        var lower = text.toLowerCase();
        if (words.every(function (word) { return lower.indexOf(word) >= 0; })) { found.push(n); }
      });
      found.slice(0, SHOWN).forEach(function (n) {
        var item = document.createElement("li");
        var text = document.createElement("span");
        text.textContent = texts[n] + " ";
        var add = document.createElement("button");
        add.type = "button";
        add.className = "ii-maker__swap";
        add.textContent = t("question-finder.add");
        add.setAttribute("aria-label", t("question-finder.add-label", { question: texts[n] }));
        add.addEventListener("click", function () { app.add(n); });
        item.appendChild(text);
        item.appendChild(add);
        list.appendChild(item);
      });
      said.textContent = found.length === 0 ? t("question-finder.none")
        : found.length > SHOWN ? t("question-finder.found-first", { count: found.length, shown: SHOWN })
          : t("question-finder.found", { count: found.length });
    }

    function searchWhenReady() { withSuits(search); }
    function nothing() {}
    box.addEventListener("focus", function () { withSuits(nothing); });
    box.addEventListener("input", searchWhenReady);
    all.addEventListener("change", searchWhenReady);
    // Enter in the search box searches; it must not add the "question of your own".
    box.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); searchWhenReady(); }
    });
  }

  function ready() { start(window.infointerviewMakerApp); }
  if (window.infointerviewMakerApp) { ready(); } else {
    document.addEventListener("infointerview:maker-ready", ready);
  }
})();
