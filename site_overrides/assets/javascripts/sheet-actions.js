/* The changes a student makes to a sheet's questions: swap, remove, move, reword and add.
 *
 * Why a file of its own: sheet-maker.js keeps the state, draws the sheet and keeps Undo; this
 * file only says what each change does to the list of questions. `m` is what the sheet maker
 * lends it: its state, the sheet Python chose (m.sheet, with the questions a swap may bring in),
 * and m.act, which runs a change so that Undo can take it back.
 */
(function () {
  "use strict";

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
          if (best < 0) { m.say("No other question suits this meeting."); return; }
          var number = state.items.length + m.sheet().extras.indexOf(target.extra) + 1;
          m.act(function () { state.extras[target.extra] = best; },
            "Question " + number + " is now: " + m.questionText(best),
            "Swap question " + number + " for another");
          return;
        }
        var item = state.items[target.index];
        var found = nextSuiting(item.n);
        if (found < 0) { m.say("No other question suits this meeting."); return; }
        m.act(function () { state.custom = true; state.items[target.index] = { n: found }; },
          "Question " + (target.index + 1) + " is now: " + m.questionText(found),
          "Swap question " + (target.index + 1) + " for another");
      },
      remove: function (target) {
        var gone = state.items[target.index];
        m.act(function () { state.custom = true; state.items.splice(target.index, 1); },
          "Question " + (target.index + 1) + " is removed: " + itemText(gone) + ". Undo brings it back.");
        m.undoButton.focus();
      },
      move: function (target) {
        var to = target.index + target.by;
        if (to < 0 || to >= state.items.length) { return; }
        m.act(function () {
          state.custom = true;
          var moved = state.items.splice(target.index, 1)[0];
          state.items.splice(to, 0, moved);
        }, "Question " + (target.index + 1) + " is now question " + (to + 1) + ".",
        (target.by < 0 ? "Move question " + (to + 1) + " up" : "Move question " + (to + 1) + " down"));
      },
      reword: function (target) {
        m.act(function () {
          var item = state.items[target.index];
          if (target.text === itemText(item)) { return false; }
          state.custom = true;
          if (item.own !== undefined) { item.own = target.text; } else { item.text = target.text; }
        }, "Question " + (target.index + 1) + " now reads: " + target.text,
        "Reword question " + (target.index + 1));
      },
      add: function (target) {
        if (target.n !== undefined && onSheet()[target.n]) {
          m.say("That question is already on your sheet.");
          return;
        }
        m.act(function () {
          state.custom = true;
          state.items.push(target.n !== undefined ? { n: target.n } : { own: target.own });
        }, "Question " + (state.items.length + 1) + " is added to the sheet.");
      }
    };

    function itemText(item) {
      if (item.own !== undefined) { return item.own; }
      return item.text !== undefined ? item.text : m.questionText(item.n);
    }

    return actions;
  };
})();
