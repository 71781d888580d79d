/* The printable records (contact log, debrief) filled from the meetings kept on this device.
 *
 * Why here and not on the sheet maker page: a student who wants to print a log or a debrief
 * opens the record page the guide links to, so that page shows their own meetings. The kept
 * meetings are read through meetings.js only (the one reader of storage); nothing is written
 * and nothing is sent. With nothing kept, or with scripts off, the page is the blank record.
 *
 * Contact log: one filled entry for each kept meeting, then the blank entries for writing by
 * hand; a checkbox shows the log blank again. Debrief: the student picks one kept meeting and
 * its debrief ("After the meeting" on the sheet maker page) fills the matching boxes.
 */
(function () {
  "use strict";

  var store = window.infointerviewMeetings;
  var root = document.querySelector("[data-ii-records]");
  if (!store || !root) { return; }
  var loaded = store.load();
  var meetings = loaded.meetings;
  var note = root.querySelector("[data-ii-records-note]");
  // Our words, in the page's language (text.js; generator/site/script_text.py).
  var t = window.infointerviewT || String;

  // "2026-05-04T09:30" as the student's browser writes dates in the page's language;
  // anything else as typed.
  function showDate(value) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value || "");
    if (!parts) { return value || ""; }
    var date = new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]),
      Number(parts[4] || 0), Number(parts[5] || 0));
    var options = { year: "numeric", month: "long", day: "numeric" };
    if (parts[4] !== undefined) { options.hour = "numeric"; options.minute = "2-digit"; }
    return isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(t.locale ? t.locale() : undefined, options).format(date);
  }

  // What each field of a record shows for one meeting (text only: it lands via textContent).
  function values(meeting, formats) {
    var c = meeting.contact;
    return {
      name: c.name, title: c.title, organisation: c.organisation, connection: c.connection,
      sent: showDate(c.sent), replied: c.replied === "yes" ? t("records.replied-yes") : "", date: showDate(c.date),
      format: formats[meeting.choice.format] || "", thanks: "", next: c.next,
      learned: c.learned, suggested: c.suggested
    };
  }

  function fill(container, shown) {
    container.querySelectorAll("[data-ii-field]").forEach(function (node) {
      var text = shown ? shown[node.getAttribute("data-ii-field")] || "" : "";
      node.textContent = text;
      // A filled answer box is text to read, not a drawn box (records_body.html.j2).
      if (node.classList.contains("ii-box")) {
        if (text) { node.removeAttribute("role"); } else { node.setAttribute("role", "presentation"); }
      }
    });
  }

  function contactLog() {
    var formats = JSON.parse(root.getAttribute("data-ii-formats") || "{}") || {};
    var blanks = document.querySelectorAll("[data-ii-record-blank]");
    var first = blanks[0];
    var filled = meetings.map(function (meeting, index) {
      var entry = first.cloneNode(true);
      entry.removeAttribute("data-ii-record-blank");
      entry.setAttribute("data-ii-record-kept", meeting.id);
      entry.setAttribute("aria-label", t("records.contact-named",
        { number: index + 1, name: meeting.contact.name || t("records.not-named") }));
      fill(entry, values(meeting, formats));
      first.parentNode.insertBefore(entry, first);
      return entry;
    });
    // The blank entries after the kept ones are numbered on from them.
    blanks.forEach(function (entry, index) {
      entry.setAttribute("aria-label", t("records.contact", { number: filled.length + index + 1 }));
    });
    note.textContent = t("records.filled", { count: meetings.length });
    root.querySelector("[data-ii-records-blank]").addEventListener("change", function (event) {
      filled.forEach(function (entry) { entry.hidden = event.target.checked; });
    });
  }

  function debrief() {
    var select = root.querySelector("[data-ii-records-meeting]");
    var record = document.querySelector(".ii-record");
    meetings.forEach(function (meeting) {
      var option = document.createElement("option");
      option.value = meeting.id;
      var c = meeting.contact;
      option.textContent = [c.name || t("records.unnamed"), c.organisation, showDate(c.date)]
        .filter(Boolean).join(" \u00b7 ");
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      var meeting = meetings.filter(function (m) { return m.id === select.value; })[0];
      fill(record, meeting ? values(meeting, {}) : null);
    });
  }

  if (meetings.length === 0) {
    // Damaged or newer storage: said plainly (meetings.js words it), and the record stays blank.
    if (loaded.problem) {
      root.querySelectorAll("p:not([data-ii-records-note])").forEach(function (p) { p.hidden = true; });
      note.textContent = t("records.blank", { problem: loaded.problem });
      root.hidden = false;
    }
    return;
  }
  if (root.hasAttribute("data-ii-formats")) { contactLog(); } else { debrief(); }
  root.hidden = false;
})();
