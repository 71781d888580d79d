/* The changes a student makes to a sheet's questions: swap, remove, move, reword and add.
 *
 * Why a file of its own: sheet-maker.js keeps the state, draws the sheet and keeps Undo; this
 * file only says what each change does to the list of questions. `m` is what the sheet maker
 * lends it: its state, the sheet Python chose (m.sheet, with the questions a swap may bring in),
 * and m.act, which runs a change so that Undo can take it back.
 */
(function () {
  "use strict";

  // Our words, in the page's language (text.js; generator/site/script_text.py). The focus
  // labels are sheet-edit.js's button labels, by the same keys.
  var t = window.infointerviewT || String;

  window.infointerviewSheetActions = function (m) {
    var state = m.state;
    var data = m.data;

    function onSheet() {
      var sheet = m.sheet();
      var found = {};
      state.items.forEach(function (item) { if (item.n !== undefined) { found[item.n] = true; } });
      sheet.extras.forEach(function (n) { found[m.shownExtra(n)] = true; });
      sheet.closing.forEach(function (n) { found[n] = true; });
      return found;
    }

    // Another question for the same meeting. Python chose which questions may come in and in
    // what order (the sheet's alternatives: its recipe's kinds, best first, from tailor.py).
    // A swap changes the sheet here in the browser, so one rule is applied again in JS: never
    // two questions of one kind (tests/browser/test_sheet_maker.py tests it here). First
    // another question of the same kind, then one of a kind not on the sheet now.
    function nextSuiting(current) {
      var candidates = m.sheet().alternatives;
      var taken = onSheet();
      var kindsTaken = {};
      Object.keys(taken).forEach(function (n) { kindsTaken[data.kinds[n]] = true; });
      var start = candidates.indexOf(current);
      for (var pass = 0; pass < 2; pass += 1) {
        for (var step = 1; step <= candidates.length; step += 1) {
          var n = candidates[(start + step + candidates.length) % candidates.length];
          var fits = pass === 0 ? data.kinds[n] === data.kinds[current] : !kindsTaken[data.kinds[n]];
          if (!taken[n] && fits) { return n; }
        }
      }
      return -1;
    }

    var actions = {
      swap: function (target) {
        if (target.extra !== undefined) {
          var best = nextSuiting(m.shownExtra(target.extra));
          if (best < 0) { m.say(t("sheet-actions.no-other")); return; }
          var number = state.items.length + m.sheet().extras.indexOf(target.extra) + 1;
          m.act(function () { state.extras[target.extra] = best; },
            t("sheet-actions.swapped", { number: number, question: m.questionText(best) }),
            t("sheet-edit.swap-label", { number: number }));
          return;
        }
        var item = state.items[target.index];
        var found = nextSuiting(item.n);
        if (found < 0) { m.say(t("sheet-actions.no-other")); return; }
        m.act(function () { state.custom = true; state.items[target.index] = { n: found }; },
          t("sheet-actions.swapped", { number: target.index + 1, question: m.questionText(found) }),
          t("sheet-edit.swap-label", { number: target.index + 1 }));
      },
      remove: function (target) {
        var gone = state.items[target.index];
        m.act(function () { state.custom = true; state.items.splice(target.index, 1); },
          t("sheet-actions.removed", { number: target.index + 1, question: itemText(gone) }));
        m.undoButton.focus();
      },
      move: function (target) {
        var to = target.index + target.by;
        if (to < 0 || to >= state.items.length) { return; }
        m.act(function () {
          state.custom = true;
          var moved = state.items.splice(target.index, 1)[0];
          state.items.splice(to, 0, moved);
        }, t("sheet-actions.moved", { from: target.index + 1, to: to + 1 }),
        target.by < 0 ? t("sheet-edit.up-label", { number: to + 1 }) : t("sheet-edit.down-label", { number: to + 1 }));
      },
      reword: function (target) {
        m.act(function () {
          var item = state.items[target.index];
          if (target.text === itemText(item)) { return false; }
          state.custom = true;
          if (item.own !== undefined) { item.own = target.text; } else { item.text = target.text; }
        }, t("sheet-actions.reworded", { number: target.index + 1, question: target.text }),
        t("sheet-edit.reword-label", { number: target.index + 1 }));
      },
      add: function (target) {
        if (target.n !== undefined && onSheet()[target.n]) {
          m.say(t("sheet-actions.already"));
          return;
        }
        m.act(function () {
          state.custom = true;
          state.items.push(target.n !== undefined ? { n: target.n } : { own: target.own });
        }, t("sheet-actions.added", { number: state.items.length + 1 }));
      }
    };

    function itemText(item) {
      if (item.own !== undefined) { return item.own; }
      return item.text !== undefined ? item.text : m.questionText(item.n);
    }

    return actions;
  };
})();
