/* Starts a page's scripts after its first paint (site_overrides/main.html writes this file into
   every page whose front matter lists scripts, below the elements that name them, text.js
   first). Each script is added with async off, so they run in the listed order, as deferred
   scripts would; the page is parsed by then, and Material's bundle has run. */
(function () {
  "use strict";
  var started = false;
  function start() {
    if (started) { return; }
    started = true;
    var named = document.querySelectorAll("script[data-ii-after-paint]");
    named.forEach(function (element, index) {
      var script = document.createElement("script");
      script.src = element.getAttribute("data-ii-after-paint");
      script.async = false;
      if (index === named.length - 1) {
        // The last has run, so all have: `<html data-ii-after-paint="ran">` says so (tests wait for it).
        script.onload = function () { document.documentElement.setAttribute("data-ii-after-paint", "ran"); };
      }
      document.body.appendChild(script);
    });
  }
  function afterPaint() {
    // The frame after the load event has been painted; a tab opened in the background paints
    // no frame until it is shown, so a timer starts the scripts there too.
    window.requestAnimationFrame(function () { window.setTimeout(start, 0); });
    window.setTimeout(start, 1000);
  }
  if (document.readyState === "complete") { afterPaint(); } else { window.addEventListener("load", afterPaint); }
})();
