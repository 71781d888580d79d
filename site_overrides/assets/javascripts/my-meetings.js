/* "My meetings" on the sheet maker page: the meetings a student keeps on this device, the
 * share address, and saving to or reading from a file.
 *
 * Nothing is kept until the student ticks "Keep this meeting on this device"; then the whole
 * meeting (choices, changes to the sheet, typed details) is kept in localStorage through
 * meetings.js, and sessionStorage remembers which kept meeting this tab has open, so a reload
 * opens it again. Forgetting one meeting or all of them can be undone until the page closes.
 */
(function () {
  "use strict";

  var store = window.infointerviewMeetings;
  var edit = window.infointerviewSheetEdit;
  var data = window.infointerviewSheetMaker;
  var root = document.querySelector("[data-ii-meetings]");
  if (!store || !edit || !data || !root) { return; }
  var OPEN_KEY = "infointerview.openMeeting";
  var FILE_NAME = "my-meetings.json";
  // Our words, in the page's language (text.js; generator/site/script_text.py).
  var t = window.infointerviewT || String;

  function start(app) {
    var form = document.querySelector("[data-ii-maker]");
    var keep = form.elements.keep;
    function part(name) { return root.querySelector("[data-ii-meetings-" + name + "]"); }
    var list = part("list");
    var empty = part("empty");
    var problem = part("problem");
    var undoButton = part("undo");
    var share = document.querySelector("#ii-maker-share");
    var shareContact = document.querySelector("#ii-maker-share-contact");
    var loaded = store.load();
    var meetings = loaded.meetings;
    var undoTo = null;

    function session(id) {
      try {
        if (id === undefined) { return window.sessionStorage.getItem(OPEN_KEY); }
        if (id) { window.sessionStorage.setItem(OPEN_KEY, id); } else { window.sessionStorage.removeItem(OPEN_KEY); }
      } catch (error) { return null; }
      return null;
    }

    function indexOf(id) {
      for (var i = 0; i < meetings.length; i += 1) { if (meetings[i].id === id) { return i; } }
      return -1;
    }

    function tell(text, isProblem) {
      problem.textContent = isProblem ? text : "";
      problem.hidden = !isProblem;
      if (!isProblem) { app.say(text); }
    }

    function save() {
      if (!store.save(meetings) && meetings.length) {
        tell(t("my-meetings.storage-refused"), true);
      }
    }

    function title(meeting) {
      var c = meeting.contact;
      var goal = data.goals.filter(function (g) { return g.id === meeting.choice.goal; })[0];
      var parts = [c.name || t("my-meetings.unnamed")];
      if (c.organisation) { parts.push(c.organisation); }
      if (c.date) { parts.push(edit.showDate(c.date)); }
      if (goal) { parts.push(goal.title); }
      return parts.join(" \u00b7 ");
    }

    function draw() {
      while (list.firstChild) { list.removeChild(list.firstChild); }
      var current = app.current().id;
      meetings.forEach(function (meeting) {
        var item = document.createElement("li");
        var name = document.createElement("span");
        name.className = "ii-meetings__name";
                name.textContent = meeting.id === current && keep.checked
          ? t("my-meetings.open-now", { title: title(meeting) }) : title(meeting);
        item.appendChild(name);
        var said = { title: title(meeting) };
        [[t("my-meetings.open"), t("my-meetings.open-label", said), "open"],
          [t("my-meetings.forget"), t("my-meetings.forget-label", said), "forget"]].forEach(function (words) {
          var b = document.createElement("button");
          b.type = "button";
          b.className = "ii-maker__swap";
          b.textContent = words[0];
          b.setAttribute("aria-label", words[1]);
          b.setAttribute("data-ii-meeting", meeting.id);
          b.setAttribute("data-ii-do", words[2]);
          item.appendChild(document.createTextNode(" "));
          item.appendChild(b);
        });
        list.appendChild(item);
      });
      empty.hidden = meetings.length > 0;
      undoButton.hidden = undoTo === null;
      updateShare();
    }

    function updateShare() {
      var base = window.location.href.split("#")[0];
      share.value = base + "#" + app.address(shareContact.checked);
      document.dispatchEvent(new CustomEvent("infointerview:share", { detail: share.value }));
    }

    // Every change to the open meeting is kept at once when it is kept. The list is drawn
    // again only when its line for this meeting changes (50 kept meetings stay quick).
    function keepCurrent() {
      if (!keep.checked) { updateShare(); return; }
      var meeting = store.normalise(app.current());
      meeting.updated = new Date().toISOString();
      var at = indexOf(meeting.id);
      var same = at >= 0 && title(meetings[at]) === title(meeting);
      if (at < 0) { meetings.push(meeting); } else { meetings[at] = meeting; }
      save();
      session(meeting.id);
      if (same) { updateShare(); } else { draw(); }
    }

    function forget(ids, say) {
      undoTo = { meetings: meetings.slice(), keep: keep.checked, open: app.current() };
      meetings = meetings.filter(function (m) { return ids.indexOf(m.id) < 0; });
      if (ids.indexOf(app.current().id) >= 0) { keep.checked = false; session(""); }
      save();
      draw();
      tell(t("my-meetings.undo-brings-back", { said: say, count: ids.length }));
      undoButton.focus();
    }

    function open(id) {
      var meeting = meetings[indexOf(id)];
      var lost = app.open(meeting);
      keep.checked = true;
      session(id);
      draw();
      tell(lost ? t("my-meetings.opened-lost", { title: title(meeting), count: lost })
        : t("my-meetings.opened", { title: title(meeting) }));
    }

    app.onChange(keepCurrent);
    keep.addEventListener("change", function () {
      if (keep.checked) {
        keepCurrent();
        tell(t("my-meetings.kept"));
      } else {
        forget([app.current().id], t("my-meetings.no-longer-kept"));
      }
    });
    list.addEventListener("click", function (event) {
      var b = event.target.closest("[data-ii-do]");
      if (!b) { return; }
      var id = b.getAttribute("data-ii-meeting");
      if (b.getAttribute("data-ii-do") === "open") { open(id); } else {
        forget([id], t("my-meetings.forgotten", { title: title(meetings[indexOf(id)]) }));
      }
    });
    part("forget-all").addEventListener("click", function () {
      forget(meetings.map(function (m) { return m.id; }), t("my-meetings.all-forgotten"));
    });
    undoButton.addEventListener("click", function () {
      if (!undoTo) { return; }
      meetings = undoTo.meetings;
      save();
      if (undoTo.keep) { app.open(store.normalise(undoTo.open)); keep.checked = true; session(undoTo.open.id); }
      undoTo = null;
      draw();
      tell(t("my-meetings.undone"));
    });
    part("new").addEventListener("click", function () {
      keep.checked = false;
      session("");
      app.open(store.normalise({ choice: {}, contact: {} }));
      draw();
      tell(t("my-meetings.new"));
      form.elements.name.focus();
    });
    part("export").addEventListener("click", function () {
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([store.toFile(meetings)], { type: "application/json" }));
      link.download = FILE_NAME;
      document.body.appendChild(link);
      link.click();
      link.remove();
      tell(t("my-meetings.saved", { count: meetings.length, file: FILE_NAME }));
    });
    root.querySelector("#ii-maker-import").addEventListener("change", function (event) {
      var file = event.target.files[0];
      if (!file) { return; }
      file.text().then(function (text) {
        var read = store.fromFile(text);
        read.meetings.forEach(function (meeting) {
          var at = indexOf(meeting.id);
          if (at < 0) { meetings.push(meeting); } else { meetings[at] = meeting; }
        });
        save();
        draw();
        event.target.value = "";
        if (read.meetings.length === 0) { tell(read.problem || t("my-meetings.file-empty"), true); return; }
        var said = t("my-meetings.read", { count: read.meetings.length });
        tell(read.problem ? said + " " + read.problem : said);
      });
    });
    shareContact.addEventListener("change", updateShare);
    form.addEventListener("input", updateShare);

    if (loaded.problem) { tell(loaded.problem, true); }
    // A reload opens the kept meeting this tab had open, unless the address asks for another sheet.
    var reopen = session();
    var at = reopen ? indexOf(reopen) : -1;
    var hash = window.location.hash.replace(/^#/, "");
    if (at >= 0 && (hash === "" || hash === edit.toAddress(meetings[at], null))) { open(reopen); } else { draw(); }
    root.hidden = false;
  }

  function ready() { start(window.infointerviewMakerApp); }
  if (window.infointerviewMakerApp) { ready(); } else {
    document.addEventListener("infointerview:maker-ready", ready);
  }
})();
