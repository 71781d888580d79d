/* Where a long meeting's sheet turns the page when the sheet maker prints it.
 *
 * The rule is generator/rendering/print_pages.py's, which cuts the PDFs' and the CLI's long
 * sheets (45-90 minutes): as few pages as hold the sheet, then the most room to write under
 * every question that still fits; each page is a column whose free space goes to the questions
 * on it (sheet.css, `ii-sheet--paged`). It must run here as well, because the student's own
 * questions, rewordings and introduction change the heights it packs: `plan` and `pack` are
 * print_pages.plan and _pack, line for line. The heights of sheet.css's fixed parts come
 * from Python in the page's data (print_pages.browser_metrics); lines of text are measured in
 * the print font at the printed width, where Python estimates them from the font's widths.
 * Tested in tests/browser/test_sheet_maker_print.py: `plan` against print_pages.plan for every
 * long sheet of the grid, and long sheets with a student's additions printed to PDF and measured.
 */
(function (root) {
  "use strict";

  var MM = 25.4 / 72; // millimetres in a point

  // Where pages 2.. of `count` begin (indexes into the prepared questions) when each question
  // takes `extra` mm more than its least height, or null if they do not fit.
  function pack(sizes, metrics, count, extra) {
    var cuts = [];
    var used = sizes.top + metrics.heading;
    for (var index = 0; index < sizes.questions.length; index += 1) {
      var height = sizes.questions[index];
      if (used + height + extra > metrics.limit) {
        if (cuts.length === count - 1) { return null; }
        cuts.push(index);
        used = 0;
      }
      used += height + extra;
    }
    var tail = sizes.tail + sizes.rows * extra;
    if (used + tail > metrics.limit) {
      if (cuts.length === count - 1 || tail > metrics.limit) { return null; }
      cuts.push(sizes.questions.length);
    }
    return cuts.length === count - 1 ? cuts : null;
  }

  // The pages, [{start, end, last}]: as few as hold the sheet, then the most room to write
  // under every question that still fits. sizes: print_pages.Sizes, {top, questions, tail, rows}.
  function plan(sizes, metrics) {
    var total = sizes.questions.length;
    var count = 1;
    while (count <= total && pack(sizes, metrics, count, 0) === null) { count += 1; }
    var low = 0;
    var high = metrics.limit;
    while (high - low > 0.25) {
      var middle = (low + high) / 2;
      if (pack(sizes, metrics, count, middle) === null) { high = middle; } else { low = middle; }
    }
    // More than fits on any number of pages: the tail on a page of its own.
    var cuts = pack(sizes, metrics, count, low) || new Array(count - 1).fill(total);
    var bounds = [0].concat(cuts, [total]);
    var pages = [];
    for (var page = 0; page < count; page += 1) {
      pages.push({ start: bounds[page], end: bounds[page + 1], last: page === count - 1 });
    }
    return pages;
  }

  // Lines of text in the print font (sheet.css prints in Liberation Sans or Arial, whose
  // widths match), measured by the browser in a hidden box of the printed width.
  function measurer(document) {
    var box = document.createElement("div");
    box.setAttribute("aria-hidden", "true");
    box.style.cssText = "position:absolute;left:-10000px;top:0;visibility:hidden;margin:0;" +
      "padding:0;border:0;line-height:1.15;letter-spacing:normal;word-spacing:normal;" +
      "font-family:'Liberation Sans',Arial,Helvetica,sans-serif;font-style:normal";
    document.body.appendChild(box);
    function set(text, size, bold) {
      box.style.fontSize = size + "pt";
      box.style.fontWeight = bold ? "700" : "400";
      box.textContent = text || "\u00a0";
    }
    return {
      lines: function (text, width, size, bold, indent, keepBreaks) {
        box.style.width = width + "mm";
        box.style.textIndent = (indent || 0) + "mm";
        box.style.whiteSpace = keepBreaks ? "pre-wrap" : "normal";
        set(text, size, bold);
        var lineHeight = size * 1.15 * 4 / 3; // px
        return Math.max(1, Math.round(box.getBoundingClientRect().height / lineHeight));
      },
      width: function (text, size, bold) {
        box.style.width = "auto";
        box.style.textIndent = "0";
        box.style.whiteSpace = "nowrap";
        set(text, size, bold);
        return box.getBoundingClientRect().width * 0.75 * MM; // px to mm
      },
      done: function () { box.remove(); }
    };
  }

  function texts(nodes, part) {
    return Array.prototype.map.call(nodes, function (node) {
      var found = part ? node.querySelector(part) : node;
      return found ? found.textContent : "";
    });
  }

  // What the printed sheet holds, in mm: as print_pages._question, _top and _tail, from the
  // sheet's own words in the page.
  function sizes(article, m) {
    var measure = measurer(article.ownerDocument);
    function slot(name) { return article.querySelector('[data-ii-slot="' + name + '"]'); }
    function question(node, width, room) {
      var height = measure.lines(node.querySelector(".ii-q__text").textContent, width, m.font,
        true, m.tick) * m.line;
      var probe = node.querySelector(".ii-q__probe");
      if (probe) { height += measure.lines(probe.textContent, width, m.probeSize) * m.probeLine; }
      return height + room + m.edge;
    }
    var width = m.width;
    var title = measure.width(article.querySelector(".ii-sheet__title").textContent, m.font * 1.35, true);
    var meta = measure.width(article.querySelector(".ii-sheet__meta").textContent, m.font, true);
    var top = m.header + (title + 4 + meta > width ? m.titleLine : 0);
    // The blank fields print in one row of four; what the student typed may take more lines.
    var field = (width - 3 * m.font * MM) / 4;
    var fields = ["name", "organisation", "date", "referred"].map(function (name) {
      return measure.lines(slot(name).textContent, field, m.font);
    });
    top += (Math.max.apply(null, fields) - 1) * m.line;
    var agenda = measure.lines(slot("topics").closest("li").textContent, width - m.agendaIndent, m.font);
    top += m.opening + Math.max(2, agenda) * m.line;
    // The introduction's box is two lines high until the student's words need more; the site
    // pads it by 0.2em above and below (infointerview.css).
    var intro = slot("intro").textContent;
    if (intro.trim()) {
      var introLines = measure.lines(intro, width - m.agendaIndent - 0.8 * m.font * MM, m.font,
        false, 0, true);
      top += Math.max(0, (introLines - 2) * m.line + 0.4 * m.font * MM);
    }
    if (article.querySelector(".ii-centre")) { top += m.centre; }

    var prepared = Array.prototype.map.call(slot("questions").children, function (node) {
      return question(node, width - m.listIndent, m.room);
    });
    var tail = 0;
    var rows = 0;
    var asks = slot("closing").children;
    if (asks.length) {
      var column = (width - (asks.length - 1) * m.closingGap) / asks.length;
      var tallest = Math.max.apply(null, texts(asks, ".ii-q__text").map(function (text) {
        return measure.lines(text, column, m.font, true, m.tick);
      }));
      tail += m.heading + tallest * m.line + m.room + m.edge + m.thanks;
      rows += 1;
    }
    var extras = slot("extras-section").hidden ? [] : slot("extras").children;
    if (extras.length) {
      tail += m.heading;
      Array.prototype.forEach.call(extras, function (node) {
        tail += question(node, width - m.extrasIndent - m.listIndent, m.roomExtra);
      });
      rows += extras.length;
    }
    var tipColumn = (width - m.closingGap) / 2 - m.tipSize * 1.2 * MM;
    function tipLines(nodes) {
      return texts(nodes).reduce(function (sum, text) {
        return sum + measure.lines(text, tipColumn, m.tipSize);
      }, 0);
    }
    var reminders = slot("reminders-section").hidden ? 0 : tipLines(slot("reminders").children);
    var after = tipLines(slot("after").children) || 2;
    tail += m.footer + Math.max(reminders, after) * m.tipLine;
    measure.done();
    return { top: top, questions: prepared, tail: tail, rows: rows };
  }

  function element(document, tag, className) {
    var node = document.createElement(tag);
    node.className = className;
    node.setAttribute("data-ii-page-part", "");
    return node;
  }

  // Back to one flow: the questions in one list, the closing after them on page 1.
  function unpage(article) {
    var questions = article.querySelector('[data-ii-slot="questions"]');
    article.querySelectorAll("[data-ii-page-part] > .ii-questions").forEach(function (list) {
      while (list.firstChild) { questions.appendChild(list.firstChild); }
    });
    article.querySelectorAll("[data-ii-page-part]").forEach(function (part) { part.remove(); });
    var main = questions.parentNode;
    main.parentNode.insertBefore(article.querySelector(".ii-sheet__closing"), main.nextSibling);
    main.style.setProperty("--ii-grow", String(questions.children.length));
    article.classList.remove("ii-sheet--paged");
  }

  // The pages as sheet_body.html.j2 writes them: page 1 (the opening and the first questions),
  // a column for each middle page, and the last page's questions before the closing.
  function layOut(article, pages) {
    var document = article.ownerDocument;
    var questions = article.querySelector('[data-ii-slot="questions"]');
    var items = Array.prototype.slice.call(questions.children);
    var rest = article.querySelector(".ii-sheet__rest");
    var last = null;
    questions.parentNode.style.setProperty("--ii-grow", String(pages[0].end));
    pages.slice(1).forEach(function (page) {
      var part = items.slice(page.start, page.end);
      var holder = null;
      if (!page.last) {
        holder = element(document, "div", "ii-sheet__page");
        rest.parentNode.insertBefore(holder, rest);
      }
      if (!part.length) { return; }
      var section = element(document, "div", "ii-sheet__section ii-sheet__main");
      section.style.setProperty("--ii-grow", String(part.length));
      var list = document.createElement("ol");
      list.className = "ii-questions";
      list.setAttribute("start", String(page.start + 1));
      list.style.counterReset = "list-item " + page.start;
      part.forEach(function (item) { list.appendChild(item); });
      section.appendChild(list);
      if (holder) { holder.appendChild(section); } else { rest.insertBefore(section, rest.firstChild); last = section; }
    });
    rest.insertBefore(article.querySelector(".ii-sheet__closing"), last ? last.nextSibling : rest.firstChild);
    article.classList.add("ii-sheet--paged");
  }

  // The maker's sheet cut into pages when its meeting is long (`long`), or one flow.
  function paginate(article, metrics, long) {
    unpage(article);
    if (!long) { return []; }
    var pages = plan(sizes(article, metrics), metrics);
    if (pages.length > 1) { layOut(article, pages); }
    return pages;
  }

  root.infointerviewSheetPages = { plan: plan, pack: pack, paginate: paginate };
})(window);
