/* The sheet maker's editing tools: the buttons by each question (swap, reword, move up and
 * down, remove), rewording in place, finding a question in the bank, and the sheet as an
 * address. sheet-maker.js owns the state and decides nothing here is stored; this file only
 * draws controls and turns the student's clicks into actions for it.
 *
 * Why by buttons and not by dragging: every change works from the keyboard and is announced,
 * and each button says which question it acts on ("Move question 3 up").
 */
(function () {
  "use strict";

  var CONTACT_IN_ADDRESS = ["name", "title", "organisation", "date", "connection", "intro"];
  // Our words, in the page's language (text.js; generator/site/script_text.py).
  var t = window.infointerviewT || String;

  function button(text, label, action, extra) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "ii-maker__swap";
    element.textContent = text;
    element.setAttribute("aria-label", label);
    element.setAttribute("data-ii-action", action);
    Object.keys(extra).forEach(function (key) { element.setAttribute("data-ii-" + key, extra[key]); });
    return element;
  }

  // The tools under a prepared question; screen only, so they never print.
  function tools(index, count, fromBank) {
    var number = index + 1;
    var bar = document.createElement("span");
    bar.className = "ii-maker__tools ii-screen-only";
    var at = { index: String(index) };
    var said = { number: number };
    if (fromBank) { bar.appendChild(button(t("sheet-edit.swap"), t("sheet-edit.swap-label", said), "swap", at)); }
    bar.appendChild(button(t("sheet-edit.reword"), t("sheet-edit.reword-label", said), "reword", at));
    if (index > 0) { bar.appendChild(button(t("sheet-edit.up"), t("sheet-edit.up-label", said), "up", at)); }
    if (index < count - 1) {
      bar.appendChild(button(t("sheet-edit.down"), t("sheet-edit.down-label", said), "down", at));
    }
    bar.appendChild(button(t("sheet-edit.remove"), t("sheet-edit.remove-label", said), "remove", at));
    return bar;
  }

  function swapButton(label, target) {
    var bar = document.createElement("span");
    bar.className = "ii-maker__tools ii-screen-only";
    bar.appendChild(button(t("sheet-edit.swap"), label, "swap", { extra: String(target.extra) }));
    return bar;
  }

  function ownNode(text) {
    var item = document.createElement("li");
    item.className = "ii-q ii-q--own";
    var span = document.createElement("span");
    span.className = "ii-q__text";
    span.textContent = text;
    var notes = document.createElement("span");
    notes.className = "ii-notes";
    notes.setAttribute("role", "presentation");
    item.appendChild(span);
    item.appendChild(notes);
    return item;
  }

  function focus(root, label) {
    var found = Array.prototype.filter.call(root.querySelectorAll("button[aria-label]"), function (b) {
      return b.getAttribute("aria-label") === label;
    })[0];
    if (found) { found.focus(); }
  }

  // Rewording in place: a box with the question's words, "Keep" (or Enter) and "Cancel" (or Escape).
  function reword(item, index, actions) {
    var text = item.querySelector(".ii-q__text");
    var bar = item.querySelector(".ii-maker__tools");
    var box = document.createElement("span");
    box.className = "ii-maker__reword ii-screen-only";
    var input = document.createElement("input");
    input.type = "text";
    input.value = text.textContent;
    input.setAttribute("autocomplete", "off");
    input.setAttribute("aria-label", t("sheet-edit.reword-box", { number: index + 1 }));
    var keep = button(t("sheet-edit.keep"), t("sheet-edit.keep-label"), "keep", {});
    var cancel = button(t("sheet-edit.cancel"), t("sheet-edit.cancel-label"), "cancel", {});
    function done(save) {
      var words = input.value.trim();
      box.remove();
      text.hidden = false;
      bar.hidden = false;
      if (save && words) { actions.reword({ index: index, text: words }); } else {
        focus(item, t("sheet-edit.reword-label", { number: index + 1 }));
      }
    }
    keep.addEventListener("click", function (event) { event.stopPropagation(); done(true); });
    cancel.addEventListener("click", function (event) { event.stopPropagation(); done(false); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); done(true); }
      if (event.key === "Escape") { event.preventDefault(); done(false); }
    });
    box.appendChild(input);
    box.appendChild(keep);
    box.appendChild(cancel);
    text.hidden = true;
    bar.hidden = true;
    item.insertBefore(box, text);
    input.focus();
  }

  function listen(article, actions) {
    article.addEventListener("click", function (event) {
      var target = event.target.closest("[data-ii-action]");
      if (!target || !article.contains(target)) { return; }
      var index = Number(target.getAttribute("data-ii-index"));
      var action = target.getAttribute("data-ii-action");
      if (action === "swap" && target.hasAttribute("data-ii-extra")) {
        actions.swap({ extra: Number(target.getAttribute("data-ii-extra")) });
      } else if (action === "swap") { actions.swap({ index: index }); }
      else if (action === "up" || action === "down") {
        actions.move({ index: index, by: action === "up" ? -1 : 1 });
      } else if (action === "remove") { actions.remove({ index: index }); }
      else if (action === "reword") { reword(target.closest("li"), index, actions); }
    });
  }

  // A date and time from the form ("2026-05-03T14:00") as the student's browser writes dates
  // in the page's language (text-helper.js: en-GB on an English page for a British browser).
  var DAY = { weekday: "long", year: "numeric", month: "long", day: "numeric" };
  var formats = {};
  function showDate(value) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
    if (!parts) { return value; }
    // Read as a local date and time: "2026-05-06" alone would be read as midnight UTC.
    var date = new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]),
      Number(parts[4] || 0), Number(parts[5] || 0));
    if (isNaN(date.getTime())) { return value; }
    var timed = parts[4] !== undefined;
    if (!formats[timed]) {
      formats[timed] = new Intl.DateTimeFormat(t.locale ? t.locale() : undefined, timed
        ? { weekday: DAY.weekday, year: DAY.year, month: DAY.month, day: DAY.day, hour: "numeric", minute: "2-digit" }
        : DAY);
    }
    return formats[timed].format(date);
  }

  // The sheet as an address: the choice, then "q" for each prepared question in order ("id",
  // "id:reworded words" or "+own words"), "x" for each swap in "if time allows" ("id:id"),
  // and the typed details only when `contact` is given.
  function toAddress(sheet, contact) {
    var params = new URLSearchParams();
    Object.keys(sheet.choice).forEach(function (axis) {
      if (sheet.choice[axis]) { params.set(axis, sheet.choice[axis]); }
    });
    if (sheet.items) {
      if (sheet.items.length === 0) { params.append("q", ""); }
      sheet.items.forEach(function (item) {
        if (item.own !== undefined) { params.append("q", "+" + item.own); }
        else { params.append("q", item.text !== undefined ? item.q + ":" + item.text : item.q); }
      });
    }
    Object.keys(sheet.extras).forEach(function (id) { params.append("x", id + ":" + sheet.extras[id]); });
    if (contact) {
      CONTACT_IN_ADDRESS.forEach(function (name) { if (contact[name]) { params.set(name, contact[name]); } });
    }
    return params.toString();
  }

  function fromAddress(hash, store) {
    var params = new URLSearchParams(hash.replace(/^#/, ""));
    var choice = {};
    store.AXES.forEach(function (axis) { if (params.get(axis) !== null) { choice[axis] = params.get(axis); } });
    var items = params.has("q") ? params.getAll("q").filter(Boolean).map(function (value) {
      if (value.charAt(0) === "+") { return { own: value.slice(1) }; }
      var colon = value.indexOf(":");
      return colon < 0 ? { q: value } : { q: value.slice(0, colon), text: value.slice(colon + 1) };
    }) : null;
    var extras = {};
    params.getAll("x").forEach(function (value) {
      var pair = value.split(":");
      if (pair.length === 2) { extras[pair[0]] = pair[1]; }
    });
    var contact = null;
    CONTACT_IN_ADDRESS.forEach(function (name) {
      if (params.get(name) !== null) { contact = contact || {}; contact[name] = params.get(name); }
    });
    return { choice: choice, items: items, extras: extras, contact: contact };
  }

  window.infointerviewSheetEdit = {
    tools: tools, swapButton: swapButton, ownNode: ownNode, focus: focus, listen: listen,
    showDate: showDate, toAddress: toAddress, fromAddress: fromAddress
  };
})();
