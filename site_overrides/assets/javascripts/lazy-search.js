/* Material's search, started when the reader first uses it (focus, typing, the search button
 * or a shortcut), not as every page loads: the index is most of a first visit's bytes. Holds
 * back (1) the bundle's request for search/search_index.json (http) or its script for
 * search/search_index.js (file://), and (2) Material's search worker, a stand-in until then.
 * A visit from a search result (`?h=`, search.highlight) counts as use. Why and how:
 * README.md, "Page weight". Written into <head> by main.html, after the iframe-worker shim;
 * so no Jinja brace pairs here. Tested in tests/browser/test_page_weight.py. */
(function () {
  "use strict";

  var INDEX = /(^|\/)search\/search_index\.json(\?|#|$)/;
  var INDEX_SCRIPT = /(^|\/)search\/search_index\.js(\?|#|$)/;
  var WORKER = /(^|\/)workers\/search\.[^/]*\.js(\?|#|$)/;
  var used = false;
  var waiting = [];

  function whenUsed(start) {
    if (used) { start(); } else { waiting.push(start); }
  }

  function use() {
    if (used) { return; }
    used = true;
    waiting.splice(0).forEach(function (start) { start(); });
  }

  if (new URLSearchParams(location.search).get("h")) { use(); }

  // Capturing listeners see the events before Material's own handlers, and also see events
  // that do not bubble. The search box is [data-md-component=search-query]; the search button
  // and the keyboard shortcuts turn on the checkbox #__search (with a click, so "change" fires).
  function isSearchBox(target) {
    return target instanceof Element && target.matches("[data-md-component=search-query]");
  }
  document.addEventListener("focusin", function (event) {
    if (isSearchBox(event.target)) { use(); }
  }, true);
  document.addEventListener("input", function (event) {
    if (isSearchBox(event.target)) { use(); }
  }, true);
  // A press on the search button (a phone's magnifier) starts search a tap's length earlier.
  document.addEventListener("pointerdown", function (event) {
    if (event.target instanceof Element && event.target.closest("label[for=__search]")) { use(); }
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target instanceof HTMLInputElement && event.target.id === "__search" &&
        event.target.checked) { use(); }
  }, true);

  // The index over http: send the bundle's request for it only once search is used.
  var held = new WeakSet();
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    if (INDEX.test(String(url))) { held.add(this); } else { held.delete(this); }
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!used && held.has(request)) {
      whenUsed(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(request, args);
  };

  // The index from file://: add the bundle's script for it to <head> only once search is used.
  var head = document.head;
  var append = head.appendChild;
  head.appendChild = function (node) {
    if (!used && node instanceof HTMLScriptElement && INDEX_SCRIPT.test(node.src)) {
      whenUsed(function () { append.call(head, node); });
      return node;
    }
    return append.call(head, node);
  };

  // The search worker: a stand-in until search is used. Material listens with
  // addEventListener("message") and talks with postMessage, which is all the stand-in offers.
  var Worker = window.Worker;
  if (typeof Worker !== "function") { return; }

  function LazyWorker(url, options) {
    var target = new EventTarget();
    var queue = [];
    var real = null;
    var ended = false;
    target.onmessage = null;
    target.onerror = null;

    function forward(type) {
      return function (event) {
        var copy = type === "message"
          ? new MessageEvent("message", { data: event.data })
          : new ErrorEvent("error", { message: event.message, error: event.error });
        target.dispatchEvent(copy);
        var handler = target["on" + type];
        if (typeof handler === "function") { handler.call(target, copy); }
      };
    }

    whenUsed(function () {
      if (ended) { return; }
      real = options === undefined ? new Worker(url) : new Worker(url, options);
      real.addEventListener("message", forward("message"));
      real.addEventListener("error", forward("error"));
      queue.splice(0).forEach(function (message) { real.postMessage(message); });
    });

    target.postMessage = function (message) {
      if (real) { real.postMessage(message); } else { queue.push(message); }
    };
    target.terminate = function () {
      ended = true;
      if (real) { real.terminate(); }
      queue = [];
    };
    return target;
  }

  window.Worker = function (url, options) {
    if (!WORKER.test(String(url))) {
      return options === undefined ? new Worker(url) : new Worker(url, options);
    }
    return new LazyWorker(url, options);
  };
  window.Worker.prototype = Worker.prototype;
})();
