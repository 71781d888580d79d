// Unit tests of sheet-lookup.js, the one place the sheet maker's and the bank filter's tables
// are decoded. The layouts are the ones generator/site/sheet_maker.py writes (its docstrings);
// the browser tests compare the lookup with build_sheet for every choice of a real bank.
"use strict";

const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const test = require("node:test");
const vm = require("node:vm");

const SCRIPT = fs.readFileSync(
  path.join(__dirname, "..", "..", "site_overrides", "assets", "javascripts", "sheet-lookup.js"),
  "utf8");

// Run the page's script in a window of its own holding the given tables. (Its arrays belong to
// that window, so they are spread into this one's before a strict comparison.)
function load(tables) {
  const window = { atob, ...tables };
  vm.runInNewContext(SCRIPT, { window });
  return window;
}

// Flags as Python's sheet_maker._bits writes them: bit n of a little-endian number, base64.
function encode(flags) {
  const bytes = Buffer.alloc(Math.ceil(flags.length / 8));
  flags.forEach((on, n) => { if (on) { bytes[n >> 3] |= 1 << (n & 7); } });
  return bytes.toString("base64");
}

const ids = (count, prefix) => Array.from({ length: count }, (_, n) => `${prefix}${n}`);

// Numbers as Python's sheet_maker._numbers writes them: base64 digits, `digits` each.
const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function numbers(values, digits) {
  return values.map((value) => Array.from({ length: digits }, (_, place) =>
    DIGITS[Math.floor(value / 64 ** (digits - 1 - place)) % 64]).join("")).join("");
}

test("numbers decode from base64 digits, one, two or three to a number", () => {
  const lookup = load({}).infointerviewLookup;
  assert.deepEqual([...lookup.numbers("ABEs", 2)], [1, 300]);
  assert.deepEqual([...lookup.numbers("", 2)], []);
  for (const digits of [1, 2, 3]) {
    const values = [0, 1, 63, 64 ** digits - 1, Math.floor(64 ** digits / 3)];
    assert.deepEqual([...lookup.numbers(numbers(values, digits), digits)], values, digits);
  }
});

test("a list written as changes is its base with the changes, the rest of the base kept", () => {
  const lookup = load({}).infointerviewLookup;
  const base = [10, 11, 12, 13, 14];
  assert.deepEqual([...lookup.patch(base, [])], base);
  // Keep 1, drop 0, add 7 8; keep 2, drop 1, add nothing; then the rest (14).
  assert.deepEqual([...lookup.patch(base, [1, 0, 2, 7, 8, 2, 1, 0])], [10, 7, 8, 11, 12, 14]);
  assert.deepEqual([...lookup.patch(base, [0, 5, 1, 9])], [9]);
  // A table of lists: strings in full, [i, changes] against list i.
  const written = [numbers([10, 11, 12], 2), [0, numbers([3, 0, 1, 13], 2)], numbers([5], 2)];
  assert.deepEqual([...lookup.lists(written, 2)].map((list) => [...list]),
                   [[10, 11, 12], [10, 11, 12, 13], [5]]);
});

test("a bit set decodes to the flags it was made from, across byte edges", () => {
  const questions = ids(19, "q");
  const patterns = [
    questions.map(() => false), questions.map(() => true),
    questions.map((_, n) => n % 3 === 0), questions.map((_, n) => n === 7 || n === 8 || n === 18),
  ];
  const suits = { ids: questions, goals: [], roles: [], industries: [],
                  sets: patterns.map(encode), index: [0, 1, 2, 3] };
  const lookup = load({ infointerviewSuits: suits }).infointerviewLookup;
  patterns.forEach((flags, key) => assert.deepEqual([...lookup.suitsFlags(suits, key)], flags));
});

test("every goal, role and industry choice of the filter has its own place, 'any' last", () => {
  const suits = { goals: ids(3, "g"), roles: ids(2, "r"), industries: ids(4, "i") };
  const lookup = load({}).infointerviewLookup;
  const seen = new Set();
  for (let g = 0; g <= 3; g += 1) {          // 3 is "any goal"
    for (let r = 0; r <= 2; r += 1) {        // 2 is "any role"
      for (let i = 0; i <= 5; i += 1) {      // 0 "none", 1..4 the industries, 5 "any"
        seen.add(lookup.suitsKey(suits, g, r, i));
      }
    }
  }
  assert.equal(seen.size, 4 * 3 * 6);
  assert.deepEqual([Math.min(...seen), Math.max(...seen)], [0, 4 * 3 * 6 - 1]);
  assert.equal(lookup.suitsKey(suits, 3, 2, 5), 4 * 3 * 6 - 1);
});

// Tiny sheet maker tables in which selection k is the sheet stored at key k, so a lookup shows
// which key it read; written as sheet_maker.maker_data writes them, with two digits a number.
function makerTables() {
  const goals = ids(2, "g").map((id) => ({ id }));
  const roles = ids(3, "r").map((id) => ({ id }));
  const industries = ids(2, "i").map((id) => ({ id }));
  const formats = ids(2, "f").map((id) => ({ id, reminders: [], after: [], reminderIds: [id],
                                             afterIds: [] }));
  const minutes = [15, 30];
  const count = goals.length * roles.length * (industries.length + 1) * minutes.length;
  const questions = ids(count, "q");
  return {
    infointerviewSheetMaker: {
      goals, roles, industries, formats, minutes, plans: [[1, 2, 3, 4], [5, 6, 7, 8]],
      ids: questions, digits: 2, topics: [["topic"]], alternatives: [""],
      sheets: numbers(Array.from({ length: count }, (_, k) => k), 2),
      selections: Array.from({ length: count },
                             (_, k) => [numbers([k], 2), "", "", numbers([0], 2), numbers([0], 2)].join(" ")),
    },
  };
}

test("each choice of the sheet maker reads its own sheet, and the sheet says what was chosen", () => {
  const window = load(makerTables());
  const data = window.infointerviewSheetMaker;
  const read = new Set();
  for (const goal of data.goals) {
    for (const role of data.roles) {
      for (const industry of [null, ...data.industries]) {
        for (const minutes of data.minutes) {
          const choice = { goal: goal.id, role: role.id, format: "f1",
                           industry: industry && industry.id, minutes: String(minutes) };
          const sheet = window.infointerviewLookup.lookup(choice);
          assert.equal(sheet.goal, goal);
          assert.equal(sheet.role, role);
          assert.equal(sheet.industry, industry);
          assert.equal(sheet.minutes, minutes);
          assert.deepEqual(sheet.reminderIds, ["f1"]);
          read.add(sheet.questions[0]);
        }
      }
    }
  }
  assert.equal(read.size, data.sheets.length / data.digits);
});

test("a choice the tables do not offer gives no sheet", () => {
  const window = load(makerTables());
  const choice = { goal: "g0", role: "r0", format: "f0", industry: "", minutes: "15" };
  assert.notEqual(window.infointerviewLookup.lookup(choice), null);
  for (const [key, value] of [["goal", "nope"], ["role", "nope"], ["format", "nope"],
                              ["industry", "nope"], ["minutes", "16"]]) {
    assert.equal(window.infointerviewLookup.lookup({ ...choice, [key]: value }), null, key);
  }
});

test("the tests' lookup names questions by id, as Python does", () => {
  const window = load(makerTables());
  const choice = { goal: "g1", role: "r2", format: "f0", industry: "i1", minutes: "30" };
  const sheet = window.infointerviewLookup.lookup(choice);
  const named = window.infointerviewMaker.lookup(choice);
  assert.deepEqual([...named.questions], [`q${sheet.questions[0]}`]);
  assert.deepEqual([...named.plan], [30, 5, 6, 7]);
  assert.equal(window.infointerviewMaker.lookup({ ...choice, goal: "nope" }), null);
});
