/* The share address of the sheet maker as a QR code, made in this browser, to open the same
 * sheet on a phone. The encoder is qrcode-generator 2.0.4 from the npm registry, vendored in
 * vendor/ with its licence; this file only draws its modules as an SVG, black on white with
 * the quiet zone the standard asks for, whatever the page's colours, so any camera reads it.
 * The encoder is loaded from beside this script (so also from disk and under a sub-path) only
 * when the student asks for the code: most visits never need its 57 KB.
 */
(function () {
  "use strict";

  var QUIET = 4;
  // Our words, in the page's language (text.js; generator/site/script_text.py).
  var t = window.infointerviewT || String;
  var SVG = "http://www.w3.org/2000/svg";
  var box = document.querySelector("[data-ii-maker-qr]");
  var share = document.querySelector("#ii-maker-share");
  var button = document.querySelector("[data-ii-maker-qr-show]");
  var here = document.currentScript ? document.currentScript.src : "";
  var make = null;
  if (!box || !share || !button || !here) { return; }

  function withEncoder(then) {
    if (make) { then(); return; }
    var script = document.createElement("script");
    script.src = here.replace(/qr\.js(\?.*)?$/, "vendor/qrcode-generator.js");
    script.onload = function () {
      make = window.qrcode;
      // Addresses are ASCII (the page percent-encodes them), but read any text as UTF-8.
      make.stringToBytes = make.stringToBytesFuncs["UTF-8"];
      then();
    };
    document.head.appendChild(script);
  }

  function draw(text) {
    var code;
    try {
      code = make(0, "M");
      code.addData(text, "Byte");
      code.make();
    } catch (error) {
      box.textContent = t("qr.too-long");
      return;
    }
    var count = code.getModuleCount();
    var size = count + 2 * QUIET;
    var path = [];
    for (var row = 0; row < count; row += 1) {
      for (var col = 0; col < count; col += 1) {
        if (code.isDark(row, col)) { path.push("M" + (col + QUIET) + " " + (row + QUIET) + "h1v1h-1z"); }
      }
    }
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", t("qr.label"));
    svg.setAttribute("shape-rendering", "crispEdges");
    var back = document.createElementNS(SVG, "rect");
    back.setAttribute("width", String(size));
    back.setAttribute("height", String(size));
    back.setAttribute("fill", "#fff");
    var modules = document.createElementNS(SVG, "path");
    modules.setAttribute("d", path.join(""));
    modules.setAttribute("fill", "#000");
    svg.appendChild(back);
    svg.appendChild(modules);
    box.textContent = "";
    box.appendChild(svg);
    // Which address the code holds now (the code follows the address a moment later).
    box.setAttribute("data-ii-qr-text", text);
  }

  // Drawn a moment after the last change, not on every key: the sheet comes first.
  var timer = null;
  document.addEventListener("infointerview:share", function (event) {
    if (!make) { return; }  // not asked for yet
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { draw(event.detail); }, 150);
  });
  button.addEventListener("click", function () {
    withEncoder(function () {
      button.hidden = true;
      draw(share.value);
    });
  });
})();
