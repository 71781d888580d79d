// ESLint for the site's browser scripts and their Node unit tests (python3 tasks.py test runs it).
// The browser scripts are plain scripts, not modules: they must run from file:// as well.
"use strict";

const js = require("@eslint/js");

// What the pages' scripts may use without declaring it: the browser's own objects.
const browser = Object.fromEntries([
  "window", "document", "navigator", "location", "history", "localStorage", "sessionStorage",
  "URL", "URLSearchParams", "Blob", "FileReader", "TextEncoder", "TextDecoder", "setTimeout",
  "clearTimeout", "requestAnimationFrame", "console", "Event", "CustomEvent", "HTMLElement",
  "Node", "matchMedia", "alert", "confirm", "atob", "btoa", "encodeURIComponent",
  "decodeURIComponent", "self", "Intl", "Date", "Promise", "Map", "Set", "JSON", "Math",
  "Element", "HTMLInputElement", "HTMLScriptElement", "XMLHttpRequest", "EventTarget",
  "MessageEvent", "ErrorEvent",
].map((name) => [name, "readonly"]));
const node = Object.fromEntries(
  ["require", "module", "__dirname", "process", "globalThis", "console", "atob", "Buffer"]
    .map((name) => [name, "readonly"]));

module.exports = [
  { ignores: ["site_overrides/assets/javascripts/vendor/**", "node_modules/**"] },
  js.configs.recommended,
  {
    files: ["site_overrides/assets/javascripts/**/*.js"],
    languageOptions: { ecmaVersion: 2017, sourceType: "script", globals: browser },
    rules: {
      // ES2017 has no `catch {}` without a name, so an unused `catch (error)` is the idiom.
      "no-unused-vars": ["error", { caughtErrors: "none" }],
      // `var x = null; try { x = ... } catch (error) { x = null; }` says the fallback twice
      // on purpose, for the reader; harmless, so not an error.
      "no-useless-assignment": "off",
    },
  },
  {
    files: ["tests/js/**/*.js", "eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: node },
  },
];
