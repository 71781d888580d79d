/* The sheet maker (sheets/make.html): shows the sheet for the meeting chosen in the form.
 *
 * Python decides every sheet (generator/site/sheet_maker.py writes window.infointerviewSheetMaker
 * from tailor.build_sheet, and window.infointerviewSuits from tailor.suits). This script
 * looks the choice up in those tables (sheet-lookup.js), copies the questions Python rendered
 * into the sheet, and puts plain text into the sheet's marked slots with textContent. What
 * the student types stays in this page, and in localStorage only while "remember" is ticked.
 */
(function () {
  "use strict";

  var data = window.infointerviewSheetMaker;
  var suits = window.infointerviewSuits;
  var STORE = "infointerview.sheetMaker";
  var AXES = ["goal", "role", "format", "industry", "minutes"];
  var TYPED = ["name", "organisation", "date", "intro"];

  var lookup = window.infointerviewLookup && window.infointerviewLookup.lookup;
  var suiting = window.infointerviewLookup && window.infointerviewLookup.suiting;
  var form = document.querySelector("[data-ii-maker]");
  var article = document.querySelector(".ii-sheet");
  if (!data || !suits || !lookup || !form || !article) { return; }

  var parser = document.createElement("template");
  var parsed = {};
  // A question as Python rendered (and escaped) it with the printed sheet's template.
  function questionNode(n) {
    if (!parsed[n]) {
      parser.innerHTML = data.questions[n];
      parsed[n] = parser.content.firstElementChild;
    }
    return parsed[n].cloneNode(true);
  }

  function slots(name) { return article.querySelectorAll('[data-ii-slot="' + name + '"]'); }
  function slot(name) { return slots(name)[0]; }
  function setText(name, text) {
    slots(name).forEach(function (node) { node.textContent = text; });
  }
  function textItem(text) {
    var item = document.createElement("li");
    item.textContent = text;
    return item;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  var status = form.querySelector("[data-ii-maker-status]");
  var fit = form.querySelector("[data-ii-maker-fit]");
  var state = { choice: null, swaps: {}, own: [], remember: false };

  function readChoice() {
    var choice = {};
    AXES.forEach(function (axis) { choice[axis] = form.elements[axis].value; });
    return choice;
  }

  function choiceFromHash() {
    var params = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    var choice = readChoice();
    AXES.forEach(function (axis) {
      var value = params.get(axis);
      if (value === null) { return; }
      var select = form.elements[axis];
      var known = Array.prototype.some.call(select.options, function (option) {
        return option.value === value;
      });
      if (known) { select.value = value; choice[axis] = value; }
    });
    return choice;
  }

  function writeHash(choice) {
    var params = new URLSearchParams();
    AXES.forEach(function (axis) { if (choice[axis]) { params.set(axis, choice[axis]); } });
    var hash = "#" + params.toString();
    if (window.location.hash !== hash) { window.history.replaceState(null, "", hash); }
  }

  function swapButton(number, original) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "ii-maker__swap ii-screen-only";
    button.textContent = "Swap";
    button.setAttribute("aria-label", "Swap question " + number + " for another");
    button.addEventListener("click", function () { swap(original, number); });
    return button;
  }

  function ownItem(text, index) {
    var item = document.createElement("li");
    item.className = "ii-q ii-q--own";
    var span = document.createElement("span");
    span.className = "ii-q__text";
    span.textContent = text;
    var notes = document.createElement("span");
    notes.className = "ii-notes";
    notes.setAttribute("role", "presentation");
    var remove = document.createElement("button");
    remove.type = "button";
    remove.className = "ii-maker__swap ii-screen-only";
    remove.textContent = "Remove";
    remove.setAttribute("aria-label", "Remove your question: " + text);
    remove.addEventListener("click", function () {
      state.own.splice(index, 1);
      save();
      render(false);
      status.textContent = "Your question is removed.";
      form.querySelector("#ii-maker-own").focus();
    });
    item.appendChild(span);
    item.appendChild(notes);
    item.appendChild(remove);
    return item;
  }

  function shown(n) { return Object.prototype.hasOwnProperty.call(state.swaps, n) ? state.swaps[n] : n; }

  function fillList(list, numbers, withSwap, first) {
    clear(list);
    numbers.forEach(function (n, index) {
      var item = questionNode(shown(n));
      if (withSwap) { item.appendChild(swapButton(first + index, n)); }
      list.appendChild(item);
    });
  }

  function render(announce) {
    var sheet = lookup(state.choice);
    setText("goal", sheet.goal.title);
    setText("minutes", String(sheet.minutes));
    setText("role", sheet.role.lower);
    setText("format", sheet.format.title);
    setText("industry", sheet.industry ? " \u00b7 " + sheet.industry.title : "");
    setText("role-title", sheet.role.title);
    setText("format-title", sheet.format.title);
    setText("industry-title", sheet.industry ? sheet.industry.title : "");
    slot("industry-field").hidden = !sheet.industry;
    setText("opening-minutes", String(sheet.plan[0]));
    setText("question-minutes", String(sheet.plan[1]));
    setText("closing-minutes", String(sheet.plan[2]));
    // A short meeting's sheet keeps the meeting on page 1 (sheet.css); Python says which,
    // and how many questions page 1 holds (render.FIRST_PAGE_QUESTIONS).
    var room = sheet.plan[3];
    article.classList.toggle("ii-sheet--fit", room > 0);
    setText("topics", sheet.topics);
    setText("emphasis", sheet.goal.emphasis);

    var questions = slot("questions");
    fillList(questions, sheet.questions, true, 1);
    state.own.forEach(function (text, index) { questions.appendChild(ownItem(text, index)); });
    var prepared = sheet.questions.length + state.own.length;
    slot("extras-section").hidden = sheet.extras.length === 0;
    var extras = slot("extras");
    extras.setAttribute("start", String(prepared + 1));
    extras.style.counterReset = "list-item " + prepared;
    fillList(extras, sheet.extras, true, prepared + 1);
    // Each section's share of the page's free space is its number of questions (sheet.css).
    slot("questions").parentNode.style.setProperty("--ii-grow", String(prepared));
    slot("extras-section").style.setProperty("--ii-grow", String(sheet.extras.length));
    fit.textContent = room > 0 && prepared > room
      ? "Page 1 has room for " + room + " questions with space to write under each, and this " +
        "sheet has " + prepared + ". Remove " + (prepared - room) + " of your own questions, " +
        "or the closing will print on page 2."
      : "";

    var closing = slot("closing");
    clear(closing);
    sheet.closing.forEach(function (n) { closing.appendChild(questionNode(n)); });

    slot("reminders-section").hidden = sheet.reminders.length === 0;
    setText("format-lower", sheet.format.lower);
    var reminders = slot("reminders");
    clear(reminders);
    sheet.reminders.forEach(function (n) { reminders.appendChild(textItem(data.tips[n])); });
    var after = slot("after");
    clear(after);
    if (sheet.after.length) {
      sheet.after.forEach(function (n) { after.appendChild(textItem(data.tips[n])); });
    } else {
      Array.prototype.forEach.call(slot("after-default").children, function (item) {
        after.appendChild(item.cloneNode(true));
      });
    }
    fillTyped();
    if (announce) {
      var industry = sheet.industry ? " (" + sheet.industry.title + ")" : "";
      status.textContent = "Sheet for a " + sheet.minutes + "-minute " + sheet.format.meeting +
        " with " + sheet.role.lower + industry + ": " + prepared + " questions";
    }
  }

  function fillTyped() {
    TYPED.forEach(function (name) { setText(name, form.elements[name].value); });
  }

  // Another question that suits the same meeting and is not on the sheet: first from the
  // same category, then any other, in bank order after the one shown now.
  function swap(original, number) {
    var sheet = lookup(state.choice);
    var flags = suiting(sheet);
    var current = shown(original);
    var onSheet = {};
    sheet.questions.concat(sheet.extras).forEach(function (n) { onSheet[shown(n)] = true; });
    var total = suits.ids.length;
    var best = -1;
    for (var step = 1; step < total && best < 0; step += 1) {
      var n = (current + step) % total;
      if (flags[n] && !data.closing[n] && !onSheet[n] &&
          data.categories[n] === data.categories[current]) { best = n; }
    }
    for (step = 1; step < total && best < 0; step += 1) {
      n = (current + step) % total;
      if (flags[n] && !data.closing[n] && !onSheet[n]) { best = n; }
    }
    if (best < 0) {
      status.textContent = "No other question suits this meeting.";
      return;
    }
    state.swaps[original] = best;
    render(false);
    var button = article.querySelector('[aria-label="Swap question ' + number + ' for another"]');
    if (button) { button.focus(); }
    status.textContent = "Question " + number + " is now: " +
      button.parentNode.querySelector(".ii-q__text").textContent;
  }

  function storage() {
    try { return window.localStorage; } catch (error) { return null; }
  }

  function save() {
    var store = storage();
    if (!store) { return; }
    try {
      if (!state.remember) { store.removeItem(STORE); return; }
      var kept = { own: state.own };
      TYPED.forEach(function (name) { kept[name] = form.elements[name].value; });
      store.setItem(STORE, JSON.stringify(kept));
    } catch (error) { /* storage full or refused: the page still works without it */ }
  }

  function restore() {
    var store = storage();
    var text = null;
    try { text = store ? store.getItem(STORE) : null; } catch (error) { text = null; }
    if (!text) { return; }
    try {
      var kept = JSON.parse(text);
      TYPED.forEach(function (name) {
        if (typeof kept[name] === "string") { form.elements[name].value = kept[name]; }
      });
      state.own = (kept.own || []).filter(function (item) { return typeof item === "string"; });
      state.remember = true;
      form.elements.remember.checked = true;
    } catch (error) { /* a damaged entry is ignored */ }
  }

  function choose() {
    state.choice = choiceFromHash();
    state.swaps = {};
    writeHash(state.choice);
    render(true);
  }

  form.addEventListener("change", function (event) {
    var name = event.target.name;
    if (AXES.indexOf(name) !== -1) {
      state.choice = readChoice();
      state.swaps = {};
      writeHash(state.choice);
      render(true);
    } else if (name === "remember") {
      state.remember = event.target.checked;
      save();
      status.textContent = state.remember
        ? "What you type is now kept on this device."
        : "Nothing is kept on this device.";
    }
  });
  form.addEventListener("input", function (event) {
    if (TYPED.indexOf(event.target.name) !== -1) { fillTyped(); save(); }
  });
  // "Add my question" is the form's submit button, so Enter in the "question of your own"
  // field adds it too; Enter in another field does nothing.
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var field = document.activeElement;
    if (field === form.elements.own || field === event.submitter) { addOwn(); }
  });

  function addOwn() {
    var field = form.elements.own;
    var text = field.value.trim();
    if (!text) {
      status.textContent = "Type your question first.";
      field.focus();
      return;
    }
    state.own.push(text);
    field.value = "";
    save();
    render(false);
    status.textContent = "Your question is added to the sheet.";
  }
  form.querySelector("[data-ii-maker-forget]").addEventListener("click", function () {
    state.remember = false;
    form.elements.remember.checked = false;
    TYPED.concat(["own"]).forEach(function (name) { form.elements[name].value = ""; });
    state.own = [];
    save();
    render(false);
    status.textContent = "Forgotten. Nothing is kept on this device, and the fields are empty.";
  });
  window.addEventListener("hashchange", choose);

  restore();
  choose();
  form.hidden = false;
  article.hidden = false;
  var fallback = document.querySelector("[data-ii-maker-fallback]");
  if (fallback) { fallback.hidden = true; }
})();
