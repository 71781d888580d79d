// The scripts keep no text of their own (issue 21): every key a script asks for with t("...")
// is declared in generator/site/script_text.py (SCRIPT_TEXT), and t() itself (text-helper.js)
// fills in values, chooses plural words by the page's language and shows a missing key loudly.
// tests/test_script_text.py checks the other way: every key declared is asked for.
"use strict";

const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const test = require("node:test");
const vm = require("node:vm");

const ROOT = path.join(__dirname, "..", "..");
const SCRIPTS = path.join(ROOT, "site_overrides", "assets", "javascripts");
const HELPER = "text-helper.js";

// The keys of SCRIPT_TEXT, read from the Python file: one `"key": N_(` a line.
function declaredKeys() {
  const source = fs.readFileSync(path.join(ROOT, "generator", "site", "script_text.py"), "utf8");
  const keys = [...source.matchAll(/^\s*"([a-z0-9-]+\.[a-z0-9-]+)":\s*N_\(/gm)].map((m) => m[1]);
  assert.ok(keys.length > 50, "SCRIPT_TEXT's keys were not found in script_text.py");
  return new Set(keys);
}

function scripts() {
  return fs.readdirSync(SCRIPTS).filter((name) => name.endsWith(".js") && name !== HELPER)
    .map((name) => ({ name, source: fs.readFileSync(path.join(SCRIPTS, name), "utf8") }));
}

test("every key a script asks for is declared in SCRIPT_TEXT", () => {
  const declared = declaredKeys();
  const missing = [];
  let asked = 0;
  for (const { name, source } of scripts()) {
    for (const found of source.matchAll(/\bt\(\s*"([^"]*)"/g)) {
      asked += 1;
      if (!declared.has(found[1])) { missing.push(`${name}: ${found[1]}`); }
    }
  }
  assert.ok(asked > 50, "no t(\"...\") calls found in the scripts");
  assert.deepEqual(missing, []);
});

test("every t() call names its key as a plain string, so both tests can see it", () => {
  const computed = [];
  for (const { name, source } of scripts()) {
    for (const found of source.matchAll(/\bt\((?!\s*"[a-z0-9-]+\.[a-z0-9-]+"\s*[,)])[^)]*\)?/g)) {
      computed.push(`${name}: ${found[0]}`);
    }
  }
  assert.deepEqual(computed, []);
});

test("each script that asks for words reads t() from text.js, with the keys as fallback", () => {
  for (const { name, source } of scripts()) {
    if (/\bt\(\s*"/.test(source)) {
      assert.match(source, /window\.infointerviewT \|\| String/, name);
    }
  }
});

// text-helper.js in a window of its own, with the given catalogue and languages.
function helper(words, lang, browserLanguages) {
  const window = { infointerviewText: words };
  const document = { documentElement: { getAttribute: () => lang } };
  const navigator = { languages: browserLanguages || ["en-US"], language: "en-US" };
  vm.runInNewContext(fs.readFileSync(path.join(SCRIPTS, HELPER), "utf8"),
    { window, document, navigator, Intl });
  return window.infointerviewT;
}

test("t() fills in values, and a missing key shows the key, not English", () => {
  const t = helper({ "a.b": "Question {number} is now: {question}" }, "en");
  assert.equal(t("a.b", { number: 3, question: "Why?" }), "Question 3 is now: Why?");
  assert.equal(t("a.missing", { number: 3 }), "[missing text: a.missing]");
  // A value is put in as it is: braces a student typed are not read as a placeholder.
  assert.equal(t("a.b", { number: 1, question: "{number} {x|y|z}" }), "Question 1 is now: {number} {x|y|z}");
  // A placeholder without its value stays visible.
  assert.equal(t("a.b", {}), "Question {number} is now: {question}");
});

test("plural words follow the page's language: 0 is singular in French, plural in English", () => {
  const words = { "m.n": "{count} {count|meeting|meetings}" };
  const en = helper(words, "en");
  assert.deepEqual([0, 1, 2].map((count) => en("m.n", { count })),
    ["0 meetings", "1 meeting", "2 meetings"]);
  const fr = helper({ "m.n": "{count} {count|rencontre|rencontres}" }, "fr");
  assert.deepEqual([0, 1, 2].map((count) => fr("m.n", { count })),
    ["0 rencontre", "1 rencontre", "2 rencontres"]);
  assert.equal(fr.fill("{count|question|questions}", { count: 1 }), "question");
});

test("dates use the page's language, in the browser's own regional variant when it has one", () => {
  assert.equal(helper({}, "en", ["en-GB", "fr-FR"]).locale(), "en-GB");
  assert.equal(helper({}, "fr", ["en-GB", "fr-CA"]).locale(), "fr-CA");
  assert.equal(helper({}, "fr", ["en-US"]).locale(), "fr");
});
