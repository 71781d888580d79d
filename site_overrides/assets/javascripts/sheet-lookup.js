/* The tables' layout and decoding, written once: a choice of goal, role, format, industry and
 * minutes -> the sheet Python chose for it, and a goal, role and industry -> which questions
 * suit it. The tables come from generator/site/sheet_maker.py (tailor.build_sheet and
 * tailor.suits; its docstrings give the layouts); this file only decodes them, once as the page
 * loads (lists of numbers are strings of base64 digits, some written as changes to another
 * list), and does index arithmetic on them, and decides nothing. The sheet maker and the
 * question bank's filter (bank-filter.js) both read the tables through it; on the sheet maker
 * the suits table (bank-suits.js) comes later, when the question finder is first used, so
 * `suiting` reads it when asked. window.infointerviewMaker.lookup(choice) gives a sheet as question ids, for tests. The pure
 * functions are unit-tested with Node (tests/js/).
 */
(function (root) {
  "use strict";

  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  // sheet_maker._numbers: a string of base64 digits, `digits` per number, most significant first.
  function numbers(text, digits) {
    var values = [];
    for (var at = 0; at < text.length; at += digits) {
      var value = 0;
      for (var d = 0; d < digits; d += 1) { value = value * 64 + DIGITS.indexOf(text.charAt(at + d)); }
      values.push(value);
    }
    return values;
  }

  // sheet_maker._patch: runs of (keep, drop, add, the `add` numbers) applied to `base`: take the
  // next `keep` of base, pass over `drop`, add the numbers; then the rest of base.
  function patch(base, changes) {
    var list = [];
    var at = 0;
    for (var k = 0; k < changes.length; k += 3 + changes[k + 2]) {
      list = list.concat(base.slice(at, at + changes[k]), changes.slice(k + 3, k + 3 + changes[k + 2]));
      at += changes[k] + changes[k + 1];
    }
    return list.concat(base.slice(at));
  }

  // sheet_maker._lists: each a string of numbers, or [i, changes to list i].
  function lists(written, digits) {
    var decoded = [];
    written.forEach(function (item) {
      decoded.push(typeof item === "string" ? numbers(item, digits)
        : patch(decoded[item[0]], numbers(item[1], digits)));
    });
    return decoded;
  }

  // The sheet maker's tables as lists of numbers: sheets (selection indices), selections (five
  // lists each: questions, extras, closing, [topic], [alternatives]) and alternatives.
  function decode(data) {
    return {
      sheets: numbers(data.sheets, data.digits),
      selections: data.selections.map(function (selection) {
        return selection.split(" ").map(function (part) { return numbers(part, data.digits); });
      }),
      alternatives: lists(data.alternatives, data.digits)
    };
  }

  // sheet_maker.maker_data: sheets[((goal * roles + role) * (industries + 1) + industry) *
  // minutes + step]; industry 0 is "none", 1..n the industries in bank order.
  function sheetKey(data, g, r, i, m) {
    return ((g * data.roles.length + r) * (data.industries.length + 1) + i) *
      data.minutes.length + m;
  }

  // sheet_maker.suits_data: index[(goal * (roles + 1) + role) * (industries + 2) + industry];
  // goal == goals and role == roles are "any"; industry 0 is "none", n + 1 "any".
  function suitsKey(suits, g, r, i) {
    return (g * (suits.roles.length + 1) + r) * (suits.industries.length + 2) + i;
  }

  // The set at a key, as one boolean per question in bank order (bit n of byte n / 8).
  function suitsFlags(suits, key) {
    var bytes = root.atob(suits.sets[suits.index[key]]);
    var flags = [];
    for (var n = 0; n < suits.ids.length; n += 1) {
      flags.push((bytes.charCodeAt(n >> 3) >> (n & 7) & 1) === 1);
    }
    return flags;
  }

  function position(list, id) {
    for (var i = 0; i < list.length; i += 1) { if (list[i].id === id) { return i; } }
    return -1;
  }

  var exported = { sheetKey: sheetKey, suitsKey: suitsKey, suitsFlags: suitsFlags,
    numbers: numbers, patch: patch, lists: lists, decode: decode };
  root.infointerviewLookup = exported;
  var data = root.infointerviewSheetMaker;
  if (!data) { return; }  // the bank page: only the suits tables
  var tables = decode(data);

  // The sheet for a choice, from the tables alone; null when the choice is not offered.
  function lookup(choice) {
    var g = position(data.goals, choice.goal);
    var r = position(data.roles, choice.role);
    var f = position(data.formats, choice.format);
    var i = choice.industry ? position(data.industries, choice.industry) + 1 : 0;
    var m = data.minutes.indexOf(Number(choice.minutes));
    if (g < 0 || r < 0 || f < 0 || i < 0 || m < 0 || (choice.industry && i === 0)) { return null; }
    var selection = tables.selections[tables.sheets[sheetKey(data, g, r, i, m)]];
    var format = data.formats[f];
    return {
      goal: data.goals[g], role: data.roles[r], format: format,
      industry: i ? data.industries[i - 1] : null, minutes: data.minutes[m], plan: data.plans[m],
      questions: selection[0], extras: selection[1], closing: selection[2],
      topics: data.topics[selection[3][0]], alternatives: tables.alternatives[selection[4][0]],
      reminders: format.reminders, after: format.after,
      reminderIds: format.reminderIds, afterIds: format.afterIds,
      goalIndex: g, roleIndex: r, industryIndex: i
    };
  }

  // Which questions suit a sheet's goal, role and industry (tailor.suits), as booleans; the
  // suits table must have loaded (window.infointerviewSuits).
  function suiting(sheet) {
    var suits = root.infointerviewSuits;
    return suitsFlags(suits, suitsKey(suits, sheet.goalIndex, sheet.roleIndex,
                                      sheet.industryIndex));
  }

  function ids(list) { return list.map(function (n) { return data.ids[n]; }); }

  // For tests and benchmarks: the sheet of a choice as question ids, the way Python names them.
  function describe(choice) {
    var sheet = lookup(choice);
    if (!sheet) { return null; }
    return {
      questions: ids(sheet.questions), extras: ids(sheet.extras), closing: ids(sheet.closing),
      reminders: sheet.reminderIds, after: sheet.afterIds, topics: sheet.topics,
      alternatives: ids(sheet.alternatives),
      plan: [sheet.minutes].concat(sheet.plan.slice(0, 3))
    };
  }

  root.infointerviewMaker = { lookup: describe };
  exported.lookup = lookup;
  exported.suiting = suiting;
})(window);
