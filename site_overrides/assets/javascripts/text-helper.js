/* How our scripts ask for their words. The build writes this file after the catalogue
 * (window.infointerviewText, from generator/site/script_text.py) into assets/javascripts/text.js,
 * so a page has both with one request (the sheet maker page adds its own scripts' words with
 * text-sheet-maker.js, before them); this copy is only the source (linted, unit-tested in
 * tests/js/script-text.test.js) and is not linked from any page.
 *
 * window.infointerviewT(key, values): the text of `key` in the page's language, with
 * "{name}" replaced by values.name and "{count|one|other}" by the word for that number (the
 * first when the page's language calls the number singular, Intl.PluralRules' "one"). A key
 * the catalogue lacks shows as "[missing text: key]", never as English. Each script reads
 *   var t = window.infointerviewT || String;
 * so a page that lacks text.js shows keys too, and keeps working.
 * window.infointerviewT.fill(text, values) fills in any such text (the composer's checks).
 * window.infointerviewT.locale() is the locale for dates: the page's language, in the
 * student's own regional variant when the browser says one (en-GB on an English page).
 */
(function () {
  "use strict";

  var lang = document.documentElement.getAttribute("lang") || "en";
  var plurals = null;

  function isOne(number) {
    if (!plurals) {
      try { plurals = new Intl.PluralRules(lang); } catch (error) { plurals = new Intl.PluralRules("en"); }
    }
    return plurals.select(Number(number)) === "one";
  }

  function fill(text, values) {
    values = values || {};
    return String(text).replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, function (whole, name, one, other) {
      if (!Object.prototype.hasOwnProperty.call(values, name)) { return whole; }
      if (one === undefined) { return String(values[name]); }
      return isOne(values[name]) ? one : other;
    });
  }

  // Read when asked: the sheet maker page adds its words (text-sheet-maker.js) after this.
  function t(key, values) {
    var words = window.infointerviewText || {};
    if (!Object.prototype.hasOwnProperty.call(words, key)) { return "[missing text: " + key + "]"; }
    return fill(words[key], values);
  }

  function locale() {
    var base = lang.toLowerCase().split("-")[0];
    var own = (navigator.languages || [navigator.language]).filter(function (tag) {
      return tag && tag.toLowerCase().split("-")[0] === base;
    })[0];
    return own || lang;
  }

  t.fill = fill;
  t.locale = locale;
  window.infointerviewT = t;
})();
