// pds site search: every word of the query must begin a word of the page
// (or be part of its title). The index is search-index.js, loaded by a
// <script> tag, so it works from file:// where fetch() is blocked.
(function () {
  "use strict";
  var index = window.PDS_SEARCH || [];
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var out = document.getElementById("search-results");
  var count = document.getElementById("search-count");
  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 0; });
  }
  function search(query) {
    var terms = words(query);
    var hits = [];
    if (terms.length === 0) { return hits; }
    for (var i = 0; i < index.length; i++) {
      var doc = index[i];
      var title = doc.t.toLowerCase();
      var all = " " + doc.w;
      var score = 0;
      var ok = true;
      for (var j = 0; j < terms.length; j++) {
        var inTitle = title.indexOf(terms[j]) >= 0;
        if (inTitle) { score += 10; }
        else if (all.indexOf(" " + terms[j]) >= 0) { score += 1; }
        else { ok = false; break; }
      }
      if (ok) { hits.push({ doc: doc, score: score, order: i }); }
    }
    hits.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return hits;
  }
  function show(query) {
    while (out.firstChild) { out.removeChild(out.firstChild); }
    var hits = search(query);
    count.textContent = query.trim() === "" ? "" : (hits.length === 0 ? count.dataset.none : hits.length + " " + count.dataset.hits);
    hits.slice(0, 200).forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = hit.doc.u;
      a.textContent = hit.doc.t;
      li.appendChild(a);
      if (hit.doc.k) {
        var kind = document.createElement("span");
        kind.className = "status";
        kind.textContent = " · " + hit.doc.k;
        li.appendChild(kind);
      }
      out.appendChild(li);
    });
  }
  var params = new URLSearchParams(window.location.search);
  var q = params.get("q") || "";
  input.value = q;
  show(q);
  input.addEventListener("input", function () { show(input.value); });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    show(input.value);
    try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (err) { /* file:// may refuse */ }
  });
})();
