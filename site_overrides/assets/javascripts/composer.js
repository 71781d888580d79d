/* The message composer (guide/messages.html) and a Copy button on every message template.

   The message texts, the fields, which checks each message gets and the words of every check
   come from the page's data-ii-composer attribute, which generator/site/composer.py writes from the
   question bank. This script only fills in blanks, measures the text and shows those words.
   Nothing is sent or stored: the text lives in this page until it is closed. Text typed by the
   reader only ever reaches the page through textContent and form values, never as HTML. */
(function () {
  "use strict";

  var SENTENCE_END = /[.?!]["'\u201d\u2019)]*(\s|$)/;

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

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
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

  // Each measure returns [passed, values for the check's words].
  var MEASURES = {
    words: function (m, data) {
      var count = words(m.body).length;
      return [count < data.limits.words, { count: count, excess: count - data.limits.words + 1 }];
    },
    characters: function (m, data) {
      var count = m.body.trim().length;
      return [count <= data.limits.characters, { count: count, excess: count - data.limits.characters }];
    },
    length: function (m) {
      return [true, { count: words(m.body).length }];
    },
    blanks: function (m) {
      var blank = (m.subject + "\n" + m.body).match(/\[[^\]\n]+\]/);
      return [blank === null, { blank: blank ? blank[0] : "" }];
    },
    jobs: function (m, data) {
      var found = countOf(data.jobWords, m.subject + " " + m.body);
      return [found.length === 0, { word: found[0] || "" }];
    },
    connection: function (m) {
      var connection = m.values.connection;
      if (!connection) { return [false, {}]; }
      var text = withoutGreeting(m.body);
      var at = text.toLowerCase().indexOf(connection.toLowerCase());
      if (at < 0) { return [false, {}]; }
      // Before the connection there may be a greeting with their name, but no full sentence.
      var before = text.slice(0, at);
      if (m.values["their-name"]) { before = before.split(m.values["their-name"]).join(""); }
      return [!SENTENCE_END.test(before), {}];
    },
    question: function (m) {
      return [/\?["'\u201d\u2019)]*$/.test(withoutSignOff(m.body)), {}];
    },
    "about-them": function (m, data) {
      var you = countOf(data.youWords, m.body).length;
      var me = countOf(data.meWords, m.body).length;
      return [you > me, { you: you, me: me }];
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
      var result = MEASURES[id](composed, data);
      var words = data.checks[id];
      return { id: id, passed: result[0], text: fill(result[0] ? words.pass : words.fail, result[1]) };
    });
  }

  function mailLink(subject, body) {
    // RFC 6068: every reserved character percent-encoded, line breaks as CR LF.
    var crlf = body.replace(/\r?\n/g, "\r\n");
    return "mailto:?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(crlf);
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

  function setUpComposer(root) {
    var form = root.querySelector("[data-ii-composer-form]");
    if (!form) { return; }
    var data = JSON.parse(root.getAttribute("data-ii-composer"));
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
      mail.setAttribute("href", mailLink(subject.value, text.value));
      var shown = { subject: subject.value, body: text.value, values: values() };
      var results = runChecks(data, message, shown);
      list.textContent = "";
      results.forEach(function (result) {
        var item = document.createElement("li");
        item.className = "ii-check ii-check--" + (result.passed ? "pass" : "fail");
        item.setAttribute("data-ii-check", result.id);
        var mark = document.createElement("span");
        mark.className = "ii-check__mark";
        mark.textContent = result.passed ? "OK" : "To do";
        var words = document.createElement("span");
        words.className = "ii-check__text";
        words.textContent = result.text;
        item.appendChild(mark);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(words);
        list.appendChild(item);
      });
      var passed = results.filter(function (result) { return result.passed; }).length;
      var said = passed + " of " + results.length + " checks passed.";
      // A live region: screen readers hear it when the count changes, not on every key.
      if (summary.textContent !== said) { summary.textContent = said; }
      status.textContent = "";
    }

    function changed(event) {
      var target = event.target;
      if (target === text || target === subject) {
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
        function () { status.textContent = "Copied. Paste it into your message."; },
        function () { status.textContent = "Copying did not work. Select the message and copy it with your keyboard."; }
      );
    });
    form.querySelector("[data-ii-composer-reset]").addEventListener("click", function () {
      regenerate();
      text.focus();
    });
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
      button.textContent = "Copy this template";
      button.setAttribute("aria-describedby", "ii-template-status-" + title);
      var said = document.createElement("span");
      said.id = "ii-template-status-" + title;
      said.setAttribute("role", "status");
      button.addEventListener("click", function () {
        copyText(block.textContent, null).then(
          function () { said.textContent = "Copied."; },
          function () { said.textContent = "Copying did not work. Select the text and copy it with your keyboard."; }
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
