// Pyrometer's interactive SVG flame graph, in the manner of flamegraph.pl: click a frame to zoom into it, "Reset
// Zoom" (or Esc) to go back; "Search" (or Ctrl+F) highlights frames whose name matches a text or /regex/ and says
// what share of the samples they hold; hovering a frame shows its details at the bottom. ?s=TEXT searches on load.
// Everything is in this file: no fonts, scripts or styles are fetched.
(function () {
  "use strict";
  var svg = document.documentElement;
  var pad = +svg.getAttribute("data-pad");
  var usable = +svg.getAttribute("data-usable");
  var charWidth = +svg.getAttribute("data-char-width");
  var details = document.getElementById("details");
  var matched = document.getElementById("matched");
  var reset = document.getElementById("reset");
  var searchButton = document.getElementById("search");
  var highlight = "rgb(230,0,230)";
  var frames = [];
  var groups = document.querySelectorAll("g.f");
  for (var i = 0; i < groups.length; i++) {
    var g = groups[i];
    var r = g.querySelector("rect");
    frames.push({
      g: g, r: r, t: g.querySelector("text"),
      x: +r.getAttribute("x"), w: +r.getAttribute("width") + 0.5, y: +r.getAttribute("y"),
      fill: r.getAttribute("fill"), label: g.getAttribute("data-label"), tip: g.querySelector("title").textContent
    });
  }
  frames.forEach(function (f) {
    f.g.addEventListener("click", function () { zoom(f); });
    f.g.addEventListener("mouseover", function () { details.textContent = f.tip; });
    f.g.addEventListener("mouseout", function () { details.textContent = " "; });
  });
  reset.addEventListener("click", unzoom);
  searchButton.addEventListener("click", askSearch);
  window.addEventListener("keydown", function (e) {
    if ((e.ctrlKey || e.metaKey) && (e.key === "f" || e.key === "F")) {
      e.preventDefault();
      askSearch();
    } else if (e.key === "Escape") {
      unzoom();
    }
  });

  function fit(f, x, w) {
    f.r.setAttribute("x", x.toFixed(2));
    f.r.setAttribute("width", Math.max(0.1, w - 0.5).toFixed(2));
    var chars = Math.floor((w - 6) / charWidth);
    if (!f.t && chars >= 3) {
      f.t = document.createElementNS("http://www.w3.org/2000/svg", "text");
      f.t.setAttribute("y", (f.y + (+f.r.getAttribute("height")) - 3.5).toFixed(1));
      f.g.appendChild(f.t);
    }
    if (!f.t) return;
    f.t.setAttribute("x", (x + 3).toFixed(2));
    f.t.textContent = chars < 3 ? "" : f.label.length <= chars ? f.label : f.label.substring(0, chars - 2) + "..";
  }

  /** Shows a frame full width, what it called above it, and what called it (faded) below. */
  function zoom(target) {
    var scale = usable / target.w;
    var left = target.x, right = target.x + target.w;
    frames.forEach(function (f) {
      var inside = f.y < target.y && f.x >= left - 0.01 && f.x + f.w <= right + 0.01;
      var below = f.y >= target.y && f.x <= left + 0.01 && f.x + f.w >= right - 0.01;
      f.g.classList.toggle("hide", !inside && !below);
      f.g.classList.toggle("parent", below && f !== target);
      f.g.classList.toggle("zoomed", f === target);
      if (inside) fit(f, pad + (f.x - left) * scale, f.w * scale);
      else if (below) fit(f, pad, usable);
    });
    reset.style.display = "";
  }

  function unzoom() {
    frames.forEach(function (f) {
      f.g.classList.remove("hide", "parent", "zoomed");
      fit(f, f.x, f.w);
    });
    reset.style.display = "none";
  }

  function askSearch() {
    var term = window.prompt("Search for (text, or /regular expression/):", "");
    if (term === null) return;
    search(term);
  }

  /** Highlights matching frames; the share counts each sample once, however many matches it passes through. */
  function search(term) {
    var test = matcher(term);
    var spans = [];
    frames.forEach(function (f) {
      var hit = test !== null && test(f.label);
      f.r.setAttribute("fill", hit ? highlight : f.fill);
      f.g.classList.toggle("match", hit);
      if (hit) spans.push([f.x, f.x + f.w]);
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var covered = 0, end = -Infinity;
    spans.forEach(function (s) {
      if (s[0] >= end) { covered += s[1] - s[0]; end = s[1]; }
      else if (s[1] > end) { covered += s[1] - end; end = s[1]; }
    });
    matched.textContent = test === null ? " " : spans.length === 0 ? "No match for " + term
      : "Matched: " + (100 * covered / usable).toFixed(1) + "% (" + spans.length + " frames)";
    searchButton.textContent = test === null ? "Search" : "Search: " + term;
  }

  function matcher(term) {
    if (!term) return null;
    if (term.length > 2 && term[0] === "/" && term[term.length - 1] === "/") {
      try {
        var re = new RegExp(term.substring(1, term.length - 1), "i");
        return function (label) { return re.test(label); };
      } catch (e) { /* not a valid expression: search for the text itself */ }
    }
    var needle = term.toLowerCase();
    return function (label) { return label.toLowerCase().indexOf(needle) >= 0; };
  }

  var params = new URLSearchParams(window.location.search);
  if (params.get("s")) search(params.get("s"));
  window.pyrometer = { zoom: function (i) { zoom(frames[i]); }, unzoom: unzoom, search: search };
})();
