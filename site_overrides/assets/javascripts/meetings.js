/* A student's meetings, kept in this browser's localStorage only when the student asks.
 *
 * Why a file of its own: the sheet maker (sheet-maker.js) decides nothing about storage, and
 * the list of meetings (my-meetings.js) decides nothing about sheets; both go through the
 * functions here, so the stored format is read and written in one place.
 *
 * Stored format, version 2, under "infointerview.meetings":
 *   {"version": 2, "meetings": [meeting, ...]}
 * meeting: {id, updated, choice: {goal, role, format, industry, minutes},
 *           items: null (the sheet as chosen) or [{q: "question-id", text?: "reworded"} or
 *                  {own: "text"}, ...] in the student's order,
 *           extras: {"question-id": "question-id swapped in"},
 *           contact: {name, title, organisation, date, connection, notes, intro, sent,
 *                     replied, learned, suggested, next}}
 * Version 1 was the single entry "infointerview.sheetMaker" ({name, organisation, date,
 * intro, own}); it is read as one meeting. Anything else is reported, never thrown.
 */
(function () {
  "use strict";

  var KEY = "infointerview.meetings";
  var OLD_KEY = "infointerview.sheetMaker";
  var VERSION = 2;
  var AXES = ["goal", "role", "format", "industry", "minutes"];
  // Everything typed for one meeting: about the person, the first message, the debrief.
  var CONTACT = ["name", "title", "organisation", "date", "connection", "notes", "intro",
    "sent", "replied", "learned", "suggested", "next"];
  var FILE_KIND = "infointerview meetings";
  // Our words, in the page's language (text.js; generator/site/script_text.py).
  var t = window.infointerviewT || String;

  function storage() {
    try { return window.localStorage; } catch (error) { return null; }
  }

  function isText(value) { return typeof value === "string"; }

  function newId() {
    return "m" + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  }

  // A meeting as this version keeps it, or null when nothing of it can be read. Unknown
  // fields are dropped; wrong types become empty, so a damaged entry cannot break the page.
  function normalise(entry) {
    if (!entry || typeof entry !== "object" || Array.isArray(entry)) { return null; }
    var choice = {};
    var from = entry.choice && typeof entry.choice === "object" ? entry.choice : {};
    AXES.forEach(function (axis) {
      var value = from[axis];
      choice[axis] = isText(value) || typeof value === "number" ? String(value) : "";
    });
    var contact = {};
    var said = entry.contact && typeof entry.contact === "object" ? entry.contact : {};
    CONTACT.forEach(function (name) { contact[name] = isText(said[name]) ? said[name] : ""; });
    var items = null;
    if (Array.isArray(entry.items)) {
      items = entry.items.map(function (item) {
        if (item && isText(item.own)) { return { own: item.own }; }
        if (item && isText(item.q)) {
          return isText(item.text) ? { q: item.q, text: item.text } : { q: item.q };
        }
        return null;
      }).filter(function (item) { return item !== null; });
    }
    var extras = {};
    if (entry.extras && typeof entry.extras === "object") {
      Object.keys(entry.extras).forEach(function (key) {
        if (isText(entry.extras[key])) { extras[key] = entry.extras[key]; }
      });
    }
    return {
      id: isText(entry.id) && entry.id ? entry.id : newId(),
      updated: isText(entry.updated) ? entry.updated : "",
      choice: choice, items: items, extras: extras, contact: contact
    };
  }

  // Version 1: one sheet's typed text and own questions, without the meeting's choices.
  function fromVersion1(old) {
    if (!old || typeof old !== "object") { return null; }
    var contact = {};
    ["name", "organisation", "date", "intro"].forEach(function (name) {
      if (isText(old[name])) { contact[name] = old[name]; }
    });
    // The old date was free text ("3 May"); the date box now takes a date and time only,
    // so free text is kept in the notes instead of being lost.
    if (contact.date && !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/.test(contact.date)) {
      contact.notes = t("meetings.old-date", { date: contact.date });
      contact.date = "";
    }
    var own = Array.isArray(old.own) ? old.own.filter(isText) : [];
    return normalise({
      contact: contact, choice: {},
      items: own.length ? own.map(function (text) { return { own: text }; }) : null
    });
  }

  // {meetings, problem}: problem is a sentence for the student when something was not read.
  function parse(text, fromFile) {
    var document;
    try { document = JSON.parse(text); } catch (error) {
      return { meetings: [], problem: fromFile ? t("meetings.not-a-file") : t("meetings.damaged") };
    }
    if (!document || typeof document !== "object" || !Array.isArray(document.meetings)) {
      return { meetings: [], problem: fromFile ? t("meetings.no-meetings-in-file") : t("meetings.damaged") };
    }
    if (typeof document.version === "number" && document.version > VERSION) {
      return { meetings: [], problem: t("meetings.newer") };
    }
    var meetings = document.meetings.map(normalise).filter(function (m) { return m !== null; });
    var lost = document.meetings.length - meetings.length;
    return { meetings: meetings, problem: lost ? t("meetings.lost", { count: lost }) : "" };
  }

  function load() {
    var store = storage();
    if (!store) { return { meetings: [], problem: "" }; }
    var text = null;
    var old = null;
    try { text = store.getItem(KEY); old = store.getItem(OLD_KEY); } catch (error) { text = null; }
    if (text) { return parse(text, false); }
    if (!old) { return { meetings: [], problem: "" }; }
    var meeting = null;
    try { meeting = fromVersion1(JSON.parse(old)); } catch (error) { meeting = null; }
    return meeting ? { meetings: [meeting], problem: "" } : {
      meetings: [], problem: t("meetings.old-damaged")
    };
  }

  // True when written. Nothing is written for an empty list: the key is removed instead.
  function save(meetings) {
    var store = storage();
    if (!store) { return false; }
    try {
      store.removeItem(OLD_KEY);
      if (meetings.length === 0) { store.removeItem(KEY); return true; }
      store.setItem(KEY, JSON.stringify({ version: VERSION, meetings: meetings }));
      return true;
    } catch (error) { return false; }
  }

  function toFile(meetings) {
    return JSON.stringify({ kind: FILE_KIND, version: VERSION, meetings: meetings }, null, 1);
  }

  window.infointerviewMeetings = {
    AXES: AXES, CONTACT: CONTACT, VERSION: VERSION, KEY: KEY,
    load: load, save: save, normalise: normalise, newId: newId, toFile: toFile,
    fromFile: function (text) { return parse(text, true); }
  };
})();
