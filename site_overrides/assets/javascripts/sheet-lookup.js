/* The sheet maker's lookup: a choice of goal, role, format, industry and minutes -> the sheet
 * Python chose for it. The tables come from generator/site/sheet_maker.py (tailor.build_sheet and
 * tailor.suits); this file only does index arithmetic on them, and decides nothing.
 * window.infointerviewMaker.lookup(choice) gives a sheet as question ids, for tests.
 */
(function () {
  "use strict";

  var data = window.infointerviewSheetMaker;
  var suits = window.infointerviewSuits;
  if (!data || !suits) { return; }

  function position(list, id) {
    for (var i = 0; i < list.length; i += 1) { if (list[i].id === id) { return i; } }
    return -1;
  }

  // The sheet for a choice, from the tables alone; null when the choice is not offered.
  function lookup(choice) {
    var g = position(data.goals, choice.goal);
    var r = position(data.roles, choice.role);
    var f = position(data.formats, choice.format);
    var i = choice.industry ? position(data.industries, choice.industry) + 1 : 0;
    var m = data.minutes.indexOf(Number(choice.minutes));
    if (g < 0 || r < 0 || f < 0 || i < 0 || m < 0 || (choice.industry && i === 0)) { return null; }
    var key = ((g * data.roles.length + r) * (data.industries.length + 1) + i) *
      data.minutes.length + m;
    var selection = data.selections[data.sheets[key]];
    var format = data.formats[f];
    return {
      goal: data.goals[g], role: data.roles[r], format: format,
      industry: i ? data.industries[i - 1] : null, minutes: data.minutes[m], plan: data.plans[m],
      questions: selection[0], extras: selection[1], closing: selection[2],
      topics: data.topics[selection[3]], alternatives: data.alternatives[selection[4]], reminders: format.reminders, after: format.after,
      reminderIds: format.reminderIds, afterIds: format.afterIds,
      goalIndex: g, roleIndex: r, industryIndex: i
    };
  }

  // Which questions suit a goal, role and industry (tailor.suits), as an array of booleans.
  function suiting(sheet) {
    var industries = suits.industries.length;
    var key = (sheet.goalIndex * (suits.roles.length + 1) + sheet.roleIndex) * (industries + 2) +
      sheet.industryIndex;
    var bytes = window.atob(suits.sets[suits.index[key]]);
    var flags = [];
    for (var n = 0; n < suits.ids.length; n += 1) {
      flags.push((bytes.charCodeAt(n >> 3) >> (n & 7) & 1) === 1);
    }
    return flags;
  }

  function ids(list) { return list.map(function (n) { return suits.ids[n]; }); }

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

  window.infointerviewMaker = { lookup: describe };
  window.infointerviewLookup = { lookup: lookup, suiting: suiting };
})();
