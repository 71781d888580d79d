/* The message composer (guide/messages.html) and a Copy button on every message template.

   The message texts, the fields, which checks each message gets and the words of every check
   come from the page's data-ii-composer attribute, which generator/site/composer.py writes from the
   question bank. This script only fills in blanks, measures the text and shows those words.
   Nothing is sent or stored: the text lives in this page until it is closed. Text typed by the
   reader only ever reaches the page through textContent and form values, never as HTML. */
(function () {
  "use strict";

  var SENTENCE_END = /[.?!]["'\u201d\u2019)]*(\s|$)/;
  // Our words, in the page's language (text.js; generator/site/script_text.py).
  var t = window.infointerviewT || String;

  function words(text) {
    return text.split(/\s+/).filter(function (word) { return /[0-9A-Za-z\u00c0-\uffff]/.test(word); });
  }

  function countOf(list, text) {
    var wanted = {};
    list.forEach(function (word) { wanted[word] = true; });
    return (text.toLowerCase().match(/[a-z\u00c0-\uffff]+/g) || []).filter(function (word) {
      return wanted[word] === true;
    });
  }

  // "{count}" is a value; "{count|word|words}" is the singular or plural for that value, as
  // the page's language counts (text-helper.js; the checks' words are written the same way).
  var fill = t.fill || function (template) { return template; };

  function compiled(list) {
    return list.map(function (source) { return new RegExp(source, "i"); });
  }

  function firstMatch(patterns, text) {
    for (var i = 0; i < patterns.length; i += 1) {
      var found = patterns[i].exec(text);
      if (found) { return found[0]; }
    }
    return null;
  }

  // A typed value as it goes into a sentence: one line, without the full stop the template adds.
  function clean(value) {
    return value.replace(/\s+/g, " ").trim().replace(/[\s.,;:!?]+$/, "");
  }

  function escapeForRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function fillBlanks(text, fields, values) {
    fields.forEach(function (field) {
      var value = values[field.id];
      if (!value) { return; }
      // A function, so "$&" or "$1" typed by the reader stays literal text.
      text = text.replace(new RegExp(escapeForRegExp(field.blank), "gi"), function () { return value; });
    });
    return text;
  }

  // The body without its greeting ("Dear ...," alone on the first paragraph).
  function withoutGreeting(body) {
    var paragraphs = body.trim().split(/\n\s*\n/);
    if (paragraphs.length > 1 && !/\n/.test(paragraphs[0]) && /,\s*$/.test(paragraphs[0])) {
      paragraphs.shift();
    }
    return paragraphs.join("\n\n");
  }

  // The body without its sign-off: from a last-paragraph line ending in a comma ("Thank you,").
  function withoutSignOff(body) {
    var paragraphs = body.trim().split(/\n\s*\n/);
    var lines = paragraphs[paragraphs.length - 1].split("\n");
    for (var i = 0; i < lines.length; i += 1) {
      if (/,\s*$/.test(lines[i])) {
        lines = lines.slice(0, i);
        break;
      }
    }
    paragraphs[paragraphs.length - 1] = lines.join("\n");
    return paragraphs.join("\n\n").trim();
  }

  // The first sentence of the body, after its greeting: a "Dear ...," paragraph, or a
  // "Hello Ms Okafor," before the first words on the same line.
  function firstSentence(body) {
    var text = withoutGreeting(body).trim();
    var end = SENTENCE_END.exec(text);
    return end ? text.slice(0, end.index + 1) : text;
  }

  // Each measure returns [state, values for the check's words]; state is "pass", "warn" or
  // "fail". Limits and phrases come from the page's data (generator/site/composer_rules.py).
  var MEASURES = {
    words: function (m, data, message) {
      var count = words(m.body).length;
      return [count < message.words ? "pass" : "fail", {
        count: count, excess: count - message.words + 1, limit: message.words, called: message.called
      }];
    },
    characters: function (m, data) {
      var count = m.body.trim().length;
      var limits = data.characters;
      var state = count <= limits.free ? "pass" : (count <= limits.premium ? "warn" : "fail");
      return [state, { count: count, excess: count - (state === "warn" ? limits.free : limits.premium) }];
    },
    blanks: function (m) {
      var blank = (m.subject + "\n" + m.body).match(/\[[^\]\n]+\]/);
      return [blank === null ? "pass" : "fail", { blank: blank ? blank[0] : "" }];
    },
    jobs: function (m, data) {
      var found = firstMatch(data.jobPatterns, (m.subject + "\n" + m.body).replace(/\s+/g, " "));
      return [found === null ? "pass" : "fail", { word: found || "" }];
    },
    // The first sentence, as written now (typed in the box or in the message itself), names
    // the connection from the box or uses one of the guide's ways of saying it.
    connection: function (m, data) {
      var sentence = firstSentence(m.body).replace(/\s+/g, " ");
      if (/\[[^\]\n]+\]/.test(sentence)) { return ["fail", {}]; }
      var typed = m.values.connection;
      var named = typed && sentence.toLowerCase().indexOf(typed.toLowerCase()) >= 0;
      return [named || firstMatch(data.connectionPatterns, sentence) !== null ? "pass" : "fail", {}];
    },
    question: function (m) {
      return [/\?["'\u201d\u2019)]*$/.test(withoutSignOff(m.body)) ? "pass" : "fail", {}];
    },
    "about-them": function (m, data) {
      var you = countOf(data.youWords, m.body).length;
      var me = countOf(data.meWords, m.body).length;
      return [you > me ? "pass" : "fail", { you: you, me: me }];
    }
  };

  function compose(data, message, values) {
    return {
      subject: fillBlanks(message.subject, data.fields, values),
      body: fillBlanks(message.body, data.fields, values),
      values: values
    };
  }

  function runChecks(data, message, composed) {
    return message.checks.map(function (id) {
      var result = MEASURES[id](composed, data, message);
      return { id: id, state: result[0], text: fill(data.checks[id][result[0]], result[1]) };
    });
  }

  // One address, or nothing: "a@b.org?cc=x" or two addresses cannot slip in a header.
  var ADDRESS = /^[^\s@,;?&%<>"]+@[^\s@,;?&%<>"]+$/;

  function mailLink(to, subject, body) {
    // RFC 6068: every reserved character percent-encoded (the "@" of the address may stay),
    // line breaks as CR LF.
    var crlf = body.replace(/\r?\n/g, "\r\n");
    var address = ADDRESS.test(to) ? encodeURIComponent(to).replace(/%40/g, "@") : "";
    return "mailto:" + address + "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(crlf);
  }

  function copyText(text, fallbackField) {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
      return navigator.clipboard.writeText(text).catch(function () { return copyBySelection(fallbackField, text); });
    }
    return copyBySelection(fallbackField, text);
  }

  // Older browsers, and pages opened from disk where the clipboard API is refused.
  function copyBySelection(field, text) {
    var area = field;
    if (!area) {
      area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "ii-visually-hidden";
      document.body.appendChild(area);
    }
    area.focus();
    area.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    if (area !== field) { document.body.removeChild(area); }
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  // The sheet maker's kept meetings are read through meetings.js, the one reader of that
  // storage, loaded from beside this script (so also from disk and under a sub-path).
  var HERE = document.currentScript ? document.currentScript.src : "";

  // Loaded only when something is kept: most visits have nothing to fill from, and the page
  // stays lighter (the two keys are meetings.js's, read here only to ask whether to load it).
  function somethingKept() {
    try {
      return localStorage.getItem("infointerview.meetings") !== null ||
        localStorage.getItem("infointerview.sheetMaker") !== null;
    } catch (error) {
      return false;
    }
  }

  function withMeetings(then) {
    if (window.infointerviewMeetings) { then(window.infointerviewMeetings); return; }
    if (!HERE || !somethingKept()) { return; }
    var script = document.createElement("script");
    script.src = HERE.replace(/composer\.js(\?.*)?$/, "meetings.js");
    script.onload = function () { if (window.infointerviewMeetings) { then(window.infointerviewMeetings); } };
    document.head.appendChild(script);
  }

  // A kept meeting's details -> the composer's boxes (field id -> the meeting's field).
  var FROM_MEETING = { "their-name": "name", connection: "connection", learned: "learned", next: "next" };

  function offerMeetings(form, fill) {
    var row = form.querySelector("[data-ii-composer-meetings]");
    var select = form.querySelector("#ii-composer-meeting");
    if (!row || !select) { return; }
    withMeetings(function (store) {
      var meetings = store.load().meetings.filter(function (m) { return m.contact.name; });
      meetings.forEach(function (meeting) {
        var option = document.createElement("option");
        option.value = meeting.id;
        option.textContent = meeting.contact.organisation
          ? t("composer.meeting-option", { name: meeting.contact.name, organisation: meeting.contact.organisation })
          : meeting.contact.name;
        select.appendChild(option);
      });
      row.hidden = meetings.length === 0;
      select.addEventListener("change", function () {
        var meeting = meetings.filter(function (m) { return m.id === select.value; })[0];
        if (!meeting) { return; }
        Object.keys(FROM_MEETING).forEach(function (field) {
          form.elements[field].value = meeting.contact[FROM_MEETING[field]] || "";
        });
        fill();
      });
    });
  }

  function setUpComposer(root) {
    var form = root.querySelector("[data-ii-composer-form]");
    if (!form) { return; }
    var data = JSON.parse(root.getAttribute("data-ii-composer"));
    data.jobPatterns = compiled(data.jobPhrases);
    data.connectionPatterns = compiled(data.connectionPhrases);
    var recipient = form.querySelector("#ii-composer-to");
    var recipientNote = form.querySelector("[data-ii-composer-to-note]");
    var byId = {};
    data.messages.forEach(function (message) { byId[message.id] = message; });
    var subjectRow = form.querySelector("[data-ii-composer-subject-row]");
    var subject = form.querySelector("#ii-composer-subject");
    var text = form.querySelector("#ii-composer-text");
    var mail = form.querySelector("[data-ii-composer-mail]");
    var description = form.querySelector("[data-ii-composer-description]");
    var list = form.querySelector("[data-ii-composer-checks]");
    var summary = form.querySelector("[data-ii-composer-summary]");
    var status = form.querySelector("[data-ii-composer-status]");

    function values() {
      var found = {};
      data.fields.forEach(function (field) { found[field.id] = clean(form.elements[field.id].value); });
      return found;
    }

    var edited = form.querySelector("[data-ii-composer-edited]");

    function current() {
      return byId[form.elements.message.value] || data.messages[0];
    }

    // Fill the message in from the template and the boxes, replacing any edits.
    function regenerate() {
      var message = current();
      var composed = compose(data, message, values());
      description.textContent = message.description;
      subjectRow.hidden = message.subject === "";
      mail.hidden = message.subject === "";
      subject.value = composed.subject;
      text.value = composed.body.replace(/\n+$/, "");
      edited.hidden = true;
      refresh();
    }

    // Show the whole message without a scroll bar of its own.
    function fitHeight() {
      text.style.height = "auto";
      text.style.height = (text.scrollHeight + 4) + "px";
    }

    // Check what the message says now, typed over or not.
    function refresh() {
      var message = current();
      fitHeight();
      var to = recipient.value.trim();
      mail.setAttribute("href", mailLink(to, subject.value, text.value));
      recipientNote.hidden = to === "" || ADDRESS.test(to);
      var shown = { subject: subject.value, body: text.value, values: values() };
      var results = runChecks(data, message, shown);
      list.textContent = "";
      results.forEach(function (result) {
        var item = document.createElement("li");
        item.className = "ii-check ii-check--" + result.state;
        item.setAttribute("data-ii-check", result.id);
        var mark = document.createElement("span");
        mark.className = "ii-check__mark";
        mark.textContent = {
          pass: t("composer.mark-pass"), warn: t("composer.mark-warn"), fail: t("composer.mark-fail")
        }[result.state];
        var words = document.createElement("span");
        words.className = "ii-check__text";
        words.textContent = result.text;
        item.appendChild(mark);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(words);
        list.appendChild(item);
      });
      // A note (a LinkedIn note that needs Premium) is allowed, so it counts as passed.
      var passed = results.filter(function (result) { return result.state !== "fail"; }).length;
      var said = t("composer.summary", { passed: passed, total: results.length });
      // A live region: screen readers hear it when the count changes, not on every key.
      if (summary.textContent !== said) { summary.textContent = said; }
      status.textContent = "";
    }

    function changed(event) {
      var target = event.target;
      if (target === recipient) {
        refresh();
      } else if (target === text || target === subject) {
        edited.hidden = false;
        refresh();
      } else if (target.name === "message" || edited.hidden) {
        regenerate();
      } else {
        refresh();
      }
    }

    form.hidden = false;
    window.addEventListener("resize", fitHeight);
    var note = root.querySelector("[data-ii-composer-nojs]");
    if (note) { note.hidden = true; }
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector("[data-ii-composer-copy]").addEventListener("click", function () {
      copyText(text.value, text).then(
        function () { status.textContent = t("composer.copied-message"); },
        function () { status.textContent = t("composer.copy-failed-message"); }
      );
    });
    form.querySelector("[data-ii-composer-reset]").addEventListener("click", function () {
      regenerate();
      text.focus();
    });
    offerMeetings(form, regenerate);
    regenerate();
  }

  // A Copy button after each template in the guide (the composer page's plain copies too).
  function setUpTemplateButtons(root) {
    root.querySelectorAll("[data-ii-template]").forEach(function (block) {
      var title = block.getAttribute("data-ii-template");
      var row = document.createElement("p");
      row.className = "ii-template__actions";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = t("composer.copy-template");
      button.setAttribute("aria-describedby", "ii-template-status-" + title);
      var said = document.createElement("span");
      said.id = "ii-template-status-" + title;
      said.setAttribute("role", "status");
      button.addEventListener("click", function () {
        copyText(block.textContent, null).then(
          function () { said.textContent = t("composer.copied-template"); },
          function () { said.textContent = t("composer.copy-failed-template"); }
        );
      });
      row.appendChild(button);
      row.appendChild(document.createTextNode(" "));
      row.appendChild(said);
      block.parentNode.insertBefore(row, block.nextSibling);
    });
  }

  function init() {
    document.querySelectorAll("[data-ii-composer]").forEach(setUpComposer);
    setUpTemplateButtons(document);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
