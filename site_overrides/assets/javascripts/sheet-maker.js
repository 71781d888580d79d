/* The sheet maker (sheets/make.html): shows the sheet for the meeting chosen in the form, as
 * the student changes it.
 *
 * Python decides every sheet (generator/site/sheet_maker.py writes window.infointerviewSheetMaker
 * from tailor.build_sheet; which questions suit a meeting, from tailor.suits, comes with the
 * question finder, question-finder.js, when it is first used). This script
 * looks the choice up in those tables (sheet-lookup.js), copies the questions Python rendered
 * into the sheet, and puts plain text into the sheet's marked slots with textContent. Then
 * the sheet is the student's: swap, reword, remove, reorder and add questions (sheet-edit.js
 * draws the buttons, sheet-actions.js makes the changes), with Undo. The address holds the choice and these changes, never the
 * typed details; keeping meetings on the device is my-meetings.js, through
 * window.infointerviewMakerApp below.
 */
(function () {
  "use strict";

  var data = window.infointerviewSheetMaker;
  var store = window.infointerviewMeetings;
  var edit = window.infointerviewSheetEdit;
  var makeActions = window.infointerviewSheetActions;
  var sheetPages = window.infointerviewSheetPages;
  var lookup = window.infointerviewLookup && window.infointerviewLookup.lookup;
  var suiting = window.infointerviewLookup && window.infointerviewLookup.suiting;
  var form = document.querySelector("[data-ii-maker]");
  var article = document.querySelector(".ii-sheet");
  if (!data || !store || !edit || !makeActions || !sheetPages || !lookup || !form || !article) { return; }
  var AXES = store.AXES;
  // Our words, in the page's language (text.js; generator/site/script_text.py).
  var t = window.infointerviewT || String;
  // The typed details that go on the printed sheet, by the name of their slot.
  var PRINTED = ["name", "organisation", "date", "connection", "intro"];

  var position = {};
  data.ids.forEach(function (id, n) { position[id] = n; });

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
  function questionText(n) { return questionNode(n).querySelector(".ii-q__text").textContent; }

  function slots(name) { return article.querySelectorAll('[data-ii-slot="' + name + '"]'); }
  function slot(name) { return slots(name)[0]; }
  function setText(name, text) { slots(name).forEach(function (node) { node.textContent = text; }); }
  function textItem(text) {
    var item = document.createElement("li");
    item.textContent = text;
    return item;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  var status = form.querySelector("[data-ii-maker-status]");
  var undoButton = form.querySelector("[data-ii-maker-undo]");
  // items: the prepared questions in the student's order, [{n, text?} or {own}]; custom: the
  // student changed them (otherwise they follow the choice); extras: swaps in "if time allows".
  var state = { id: store.newId(), choice: null, items: [], custom: false, extras: {} };
  var history = [];
  var listeners = [];
  var fit = form.querySelector("[data-ii-maker-fit]");

  function readChoice() {
    var choice = {};
    AXES.forEach(function (axis) { choice[axis] = form.elements[axis].value; });
    return choice;
  }

  function setChoice(choice) {
    AXES.forEach(function (axis) {
      var select = form.elements[axis];
      var known = Array.prototype.some.call(select.options, function (option) {
        return option.value === String(choice[axis]);
      });
      if (known && choice[axis] !== undefined) { select.value = String(choice[axis]); }
    });
    return readChoice();
  }

  function defaults(sheet) {
    return sheet.questions.map(function (n) { return { n: n }; });
  }

  // The state as it is kept and shared: question ids, not positions, so a later bank still reads it.
  function sheetState() {
    var extras = {};
    Object.keys(state.extras).forEach(function (n) { extras[data.ids[n]] = data.ids[state.extras[n]]; });
    return {
      choice: state.choice,
      items: state.custom ? state.items.map(function (item) {
        if (item.own !== undefined) { return { own: item.own }; }
        return item.text !== undefined ? { q: data.ids[item.n], text: item.text } : { q: data.ids[item.n] };
      }) : null,
      extras: extras
    };
  }

  // Reads a kept or shared sheet; says how many questions are no longer in the bank.
  function applySheet(kept) {
    state.choice = setChoice(kept.choice || {});
    var sheet = lookup(state.choice);
    var lost = 0;
    state.extras = {};
    Object.keys(kept.extras || {}).forEach(function (id) {
      if (id in position && kept.extras[id] in position) {
        state.extras[position[id]] = position[kept.extras[id]];
      } else { lost += 1; }
    });
    state.custom = Array.isArray(kept.items);
    state.items = state.custom ? kept.items.map(function (item) {
      if (item.own !== undefined) { return { own: item.own }; }
      if (!(item.q in position)) { lost += 1; return null; }
      return item.text !== undefined ? { n: position[item.q], text: item.text } : { n: position[item.q] };
    }).filter(function (item) { return item !== null; }) : defaults(sheet);
    return lost;
  }

  function snapshot() { return JSON.stringify(sheetState()); }

  // After every change: the address follows the sheet, and my-meetings.js may keep it.
  function changed() {
    writeHash();
    listeners.forEach(function (listener) { listener(); });
  }

  function writeHash() {
    var hash = "#" + edit.toAddress(sheetState(), null);
    if (window.location.hash !== hash) { window.history.replaceState(null, "", hash); }
  }

  function render(announce) {
    var sheet = lookup(state.choice);
    sheetPages.paginate(article, data.print, false); // one flow again, to be drawn afresh
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
    clear(questions);
    state.items.forEach(function (item, index) {
      var node = item.own !== undefined ? edit.ownNode(item.own) : questionNode(item.n);
      if (item.text !== undefined) {
        node.querySelector(".ii-q__text").textContent = item.text;
        // The bank's follow-up and "why ask this" were written for the original words.
        node.querySelectorAll(".ii-q__probe, .ii-q__why").forEach(function (n) { n.remove(); });
      }
      node.appendChild(edit.tools(index, state.items.length, item.own === undefined));
      questions.appendChild(node);
    });
    var prepared = state.items.length;
    slot("extras-section").hidden = sheet.extras.length === 0;
    var extras = slot("extras");
    extras.setAttribute("start", String(prepared + 1));
    extras.style.counterReset = "list-item " + prepared;
    clear(extras);
    sheet.extras.forEach(function (n, index) {
      var node = questionNode(shownExtra(n));
      node.appendChild(edit.swapButton(t("sheet-edit.swap-label", { number: prepared + index + 1 }),
        { extra: n }));
      extras.appendChild(node);
    });
    // Each section's share of the page's free space is its number of questions (sheet.css).
    slot("questions").parentNode.style.setProperty("--ii-grow", String(prepared));
    slot("extras-section").style.setProperty("--ii-grow", String(sheet.extras.length));
    fit.textContent = room > 0 && prepared > room
      ? t("sheet-maker.no-room", { room: room, count: prepared, excess: prepared - room })
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
      var said = { minutes: sheet.minutes, meeting: sheet.format.meeting, role: sheet.role.lower,
        count: prepared };
      if (sheet.industry) { said.industry = sheet.industry.title; }
      status.textContent = sheet.industry ? t("sheet-maker.status-industry", said) : t("sheet-maker.status", said);
    }
  }

  function shownExtra(n) { return Object.prototype.hasOwnProperty.call(state.extras, n) ? state.extras[n] : n; }

  // What the student typed, on the sheet: the contact's name with their job title, the date
  // and time in the student's own way of writing dates, how they are connected.
  function fillTyped() {
    var value = function (name) { return form.elements[name].value.trim(); };
    var title = value("title");
    setText("name", value("name") + (value("name") && title ? ", " + title : title));
    setText("organisation", value("organisation"));
    setText("date", edit.showDate(value("date")));
    setText("referred", value("connection"));
    setText("intro", form.elements.intro.value);
    // A long meeting's sheet turns the page where its words end up (sheet-pages.js); what
    // the student typed is part of them.
    sheetPages.paginate(article, data.print, !article.classList.contains("ii-sheet--fit"));
  }

  // One change to the sheet, kept for Undo; `say` is what the live region says after it.
  function act(change, say, focusLabel) {
    var before = snapshot();
    if (change() === false) { return; }
    history.push(before);
    if (history.length > 100) { history.shift(); }
    undoButton.disabled = false;
    render(false);
    changed();
    if (focusLabel) { edit.focus(article, focusLabel); }
    status.textContent = typeof say === "function" ? say() : say;
  }

  var actions = makeActions({
    state: state, data: data, total: data.ids.length, questionText: questionText, act: act,
    sheet: function () { return lookup(state.choice); },
    shownExtra: shownExtra, say: function (text) { status.textContent = text; },
    undoButton: undoButton
  });

  function undo() {
    var last = history.pop();
    undoButton.disabled = history.length === 0;
    if (!last) { return; }
    applySheet(JSON.parse(last));
    render(false);
    changed();
    status.textContent = t("sheet-maker.undone");
  }

  // A new choice: the questions follow it. The student's own questions stay; swaps,
  // rewordings and order were made for the old choice, and Undo brings them back.
  function choose(choice) {
    var before = snapshot();
    var hadChanges = state.custom || Object.keys(state.extras).length > 0;
    state.choice = choice;
    var own = state.items.filter(function (item) { return item.own !== undefined; });
    state.items = defaults(lookup(choice)).concat(own);
    state.custom = own.length > 0;
    state.extras = {};
    if (hadChanges) { history.push(before); undoButton.disabled = false; }
    render(true);
    if (hadChanges) {
      status.textContent = t("sheet-maker.old-changes", { status: status.textContent });
    }
    changed();
  }

  function fromAddress() {
    var shared = edit.fromAddress(window.location.hash, store);
    var lost = applySheet(shared);
    if (shared.contact) {
      store.CONTACT.forEach(function (name) { form.elements[name].value = shared.contact[name] || ""; });
    }
    render(true);
    if (lost) { status.textContent = t("sheet-maker.lost", { status: status.textContent, count: lost }); }
  }

  form.addEventListener("change", function (event) {
    if (AXES.indexOf(event.target.name) !== -1) { choose(readChoice()); }
  });
  form.addEventListener("input", function (event) {
    if (store.CONTACT.indexOf(event.target.name) !== -1) {
      if (PRINTED.indexOf(event.target.name) !== -1 || event.target.name === "title") { fillTyped(); }
      listeners.forEach(function (listener) { listener(); });
    }
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
      status.textContent = t("sheet-maker.type-first");
      field.focus();
      return;
    }
    field.value = "";
    actions.add({ own: text });
  }
  undoButton.addEventListener("click", undo);
  edit.listen(article, actions, function () { return state; }, questionText);
  window.addEventListener("hashchange", function () {
    if (window.location.hash !== "#" + edit.toAddress(sheetState(), null)) { fromAddress(); }
  });
  // Back from another page: the browser may bring back the page as it was, or the boxes'
  // text; either way the sheet is drawn again from the boxes, so both agree.
  window.addEventListener("pageshow", function (event) { if (event.persisted) { fillTyped(); } });

  window.infointerviewMakerApp = {
    current: function () {
      var kept = JSON.parse(snapshot());
      kept.id = state.id;
      kept.contact = {};
      store.CONTACT.forEach(function (name) { kept.contact[name] = form.elements[name].value; });
      return kept;
    },
    open: function (meeting) {
      state.id = meeting.id;
      history = [];
      undoButton.disabled = true;
      store.CONTACT.forEach(function (name) { form.elements[name].value = meeting.contact[name] || ""; });
      var lost = applySheet(meeting);
      render(false);
      writeHash();
      return lost;
    },
    fresh: function () { state.id = store.newId(); },
    address: function (withContact) {
      return edit.toAddress(sheetState(), withContact ? this.current().contact : null);
    },
    onChange: function (listener) { listeners.push(listener); },
    say: function (text) { status.textContent = text; },
    questionText: questionText,
    add: function (n) { actions.add({ n: n }); },
    // Once bank-suits.js has loaded (question-finder.js loads it).
    suitingNow: function () { return suiting(lookup(state.choice)); }
  };

  undoButton.disabled = true;
  fromAddress();
  form.hidden = false;
  article.hidden = false;
  var fallback = document.querySelector("[data-ii-maker-fallback]");
  if (fallback) { fallback.hidden = true; }
  document.dispatchEvent(new CustomEvent("infointerview:maker-ready"));
})();
