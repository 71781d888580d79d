/* "What to do next" on the sheet maker page: the guide's steps for every kept meeting and the
 * one open now, dated in the student's time zone, each with a calendar file (.ics).
 *
 * The steps and their numbers come from the page (generator/site/follow_ups.py writes them
 * into data-ii-follow-ups from the guide's rules); this file only counts days. Rules that live
 * here, tested in tests/browser/test_follow_ups.py: working days are Monday to Friday, and a
 * step is listed while its day is today or later, or past but less than 7 days ago.
 *
 * Calendar files follow RFC 5545: the meeting has its local time with a TZID and a VTIMEZONE
 * giving that zone's UTC offset on the day (from the browser's Intl data); the other steps are
 * whole days. Text is escaped as the RFC asks, and long lines are folded.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-ii-follow-ups]");
  var store = window.infointerviewMeetings;
  var edit = window.infointerviewSheetEdit;
  if (!root || !store || !edit) { return; }
  var STEPS = JSON.parse(root.getAttribute("data-ii-follow-ups"));
  var list = root.querySelector("[data-ii-follow-ups-list]");
  var empty = root.querySelector("[data-ii-follow-ups-empty]");
  var DAY_MS = 86400000;
  var KEEP_PAST_DAYS = 7;
  // Our words, in the page's language (text.js; generator/site/script_text.py).
  var t = window.infointerviewT || String;

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function day(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value || "");
    return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
  }
  function addDays(date, count, unit) {
    var result = new Date(date.getTime());
    if (unit !== "working-days") { result.setDate(result.getDate() + count); return result; }
    while (count > 0) {
      result.setDate(result.getDate() + 1);
      if (result.getDay() !== 0 && result.getDay() !== 6) { count -= 1; }
    }
    return result;
  }
  function ymd(date) { return date.getFullYear() + pad(date.getMonth() + 1) + pad(date.getDate()); }
  function isoDay(date) { return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()); }

  // The dated steps of one meeting.
  function stepsOf(meeting) {
    var c = meeting.contact;
    var values = {
      name: c.name || t("follow-ups.your-contact"),
      organisation: c.organisation || t("follow-ups.same-organisation")
    };
    var found = [];
    STEPS.forEach(function (step) {
      var from = day(c[step.after]);
      if (!from || (!step.when_replied && (c.replied || c.date))) { return; }
      var when = addDays(from, step.count, step.unit);
      found.push({ step: step, meeting: meeting, when: when,
        timed: step.id === "meeting" && c.date.length > 10,
        text: step.text.replace(/\{(\w+)\}/g, function (whole, name) { return values[name] || whole; }) });
    });
    return found;
  }

  // RFC 5545 text: backslash, semicolon, comma and line breaks escaped; lines folded at 75 octets.
  function text(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r?\n/g, "\\n");
  }
  function fold(line) {
    var out = [];
    var bytes = new TextEncoder();
    var current = "";
    Array.from(line).forEach(function (ch) {
      if (bytes.encode(current + ch).length > (out.length ? 74 : 75)) { out.push(current); current = ""; }
      current += ch;
    });
    out.push(current);
    return out.join("\r\n ");
  }
  function offset(minutes) {
    var sign = minutes >= 0 ? "+" : "-";
    var abs = Math.abs(minutes);
    return sign + pad(Math.floor(abs / 60)) + pad(abs % 60);
  }

  function calendar(item, now) {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    var c = item.meeting.contact;
    var stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//infointerview//sheet maker//EN",
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    var event = ["BEGIN:VEVENT", "UID:" + item.meeting.id + "-" + item.step.id + "@infointerview",
      "DTSTAMP:" + stamp];
    if (item.timed) {
      var start = new Date(c.date);
      var utcOffset = -start.getTimezoneOffset();
      lines.push("BEGIN:VTIMEZONE", "TZID:" + text(zone), "BEGIN:STANDARD", "DTSTART:19700101T000000",
        "TZOFFSETFROM:" + offset(utcOffset), "TZOFFSETTO:" + offset(utcOffset), "END:STANDARD",
        "END:VTIMEZONE");
      var local = ymd(start) + "T" + pad(start.getHours()) + pad(start.getMinutes()) + "00";
      event.push("DTSTART;TZID=" + text(zone) + ":" + local,
        "DURATION:PT" + (Number(item.meeting.choice.minutes) || 30) + "M");
    } else {
      event.push("DTSTART;VALUE=DATE:" + ymd(item.when),
        "DTEND;VALUE=DATE:" + ymd(addDays(item.when, 1, "days")));
    }
    event.push("SUMMARY:" + text(item.text));
    var about = [c.name, c.title, c.organisation].filter(Boolean).join(", ");
    if (about) { event.push("DESCRIPTION:" + text(t("follow-ups.calendar-description", { about: about }))); }
    event.push("END:VEVENT");
    return lines.concat(event, ["END:VCALENDAR"]).map(fold).join("\r\n") + "\r\n";
  }

  function download(item) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([calendar(item, new Date())], { type: "text/calendar" }));
    link.download = item.step.id + "-" + isoDay(item.when) + ".ics";
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function draw(app) {
    var meetings = store.load().meetings;
    var open = app.current();
    meetings = meetings.filter(function (m) { return m.id !== open.id; }).concat([store.normalise(open)]);
    var today = new Date();
    today = new Date(today.getFullYear(), today.getMonth(), today.getDate());
    var items = [];
    meetings.forEach(function (m) { items = items.concat(stepsOf(m)); });
    items = items.filter(function (item) { return (today - item.when) / DAY_MS < KEEP_PAST_DAYS; });
    items.sort(function (a, b) { return a.when - b.when; });
    while (list.firstChild) { list.removeChild(list.firstChild); }
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.setAttribute("data-ii-step", item.step.id);
      var when = document.createElement("strong");
      var date = { date: edit.showDate(item.timed ? item.meeting.contact.date : isoDay(item.when)) };
      when.textContent = item.when < today ? t("follow-ups.when-past", date) : t("follow-ups.when", date);
      li.appendChild(when);
      li.appendChild(document.createTextNode(item.text + " "));
      var b = document.createElement("button");
      b.type = "button";
      b.className = "ii-maker__swap";
      b.textContent = t("follow-ups.add-to-calendar");
      b.setAttribute("aria-label", t("follow-ups.add-to-calendar-label", { step: item.text }));
      b.addEventListener("click", function () { download(item); });
      li.appendChild(b);
      list.appendChild(li);
    });
    empty.hidden = items.length > 0;
  }

  function start(app) {
    // Drawn a moment after the last change (a kept meeting's change is also a share event).
    var timer = null;
    var redraw = function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { draw(app); }, 100);
    };
    app.onChange(redraw);
    document.addEventListener("infointerview:share", redraw);
    draw(app);
    root.hidden = false;
  }
  window.infointerviewFollowUps = { calendar: calendar, stepsOf: stepsOf };
  if (window.infointerviewMakerApp) { start(window.infointerviewMakerApp); } else {
    document.addEventListener("infointerview:maker-ready", function () { start(window.infointerviewMakerApp); });
  }
})();
