// press search: vanilla JavaScript, no network requests beyond the site's own files, loaded
// with <script src> so it works from file:// too. search/index.js sets window.PRESS_SEARCH
// (shared tables and the list of word shards); word shards (search/terms/HEX.js) and statement
// shards (search/docs/N.js) are loaded on demand and call pressSearch.terms / pressSearch.docs.
(function () {
  "use strict";
  var meta = window.PRESS_SEARCH;
  var form = document.querySelector(".search-form");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  if (!meta || !input || !status || !list) { return; }
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var PAGE = 50;
  var SPECIAL = { "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d",
    "þ": "th", "ı": "i", "\u2018": "'", "\u2019": "'" };
  var termShards = {};   // hex -> {word: [delta ids]}
  var docShards = {};    // n -> [statement rows]
  var waiting = {};      // script src -> [callbacks]
  var available = {};
  meta.terms.forEach(function (name) { available[name] = true; });

  window.pressSearch = {
    terms: function (name, words) { termShards[name] = words; },
    docs: function (n, rows) { docShards[n] = rows; }
  };

  function load(src, done) {
    if (waiting[src]) { waiting[src].push(done); return; }
    waiting[src] = [done];
    var script = document.createElement("script");
    script.src = src;
    script.onload = script.onerror = function () {
      var callbacks = waiting[src];
      waiting[src] = [];
      callbacks.forEach(function (f) { f(); });
    };
    document.head.appendChild(script);
  }
  function loadAll(srcs, done) {
    var left = srcs.length;
    if (left === 0) { done(); return; }
    srcs.forEach(function (src) { load(src, function () { left -= 1; if (left === 0) { done(); } }); });
  }
  function fold(text) {
    return String(text).toLowerCase().replace(/[\u00df\u00e6\u00f8\u0153\u0142\u0111\u00f0\u00fe\u0131\u2018\u2019]/g,
      function (c) { return SPECIAL[c]; }).normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}']+/u).map(function (w) { return w.replace(/^'+|'+$/g, ""); })
      .filter(function (w) { return w.length > 0; });
  }
  // Shards hold the words that start with the same two characters (hex code points).
  function shardOf(word) {
    return Array.from(word).slice(0, 2).map(function (c) { return c.codePointAt(0).toString(16); }).join("-");
  }
  // The shards a query word needs: its own, or for a one-character word every shard it starts.
  function shardsFor(word) {
    var key = shardOf(word);
    if (Array.from(word).length > 1) { return available[key] ? [key] : []; }
    return meta.terms.filter(function (name) { return name === key || name.lastIndexOf(key + "-", 0) === 0; });
  }

  // Ids of statements with a word starting with `prefix`, ascending (newest first).
  function idsFor(prefix) {
    var found = {};
    shardsFor(prefix).forEach(function (name) {
      var shard = termShards[name] || {};
      Object.keys(shard).forEach(function (word) {
        if (word.lastIndexOf(prefix, 0) === 0) {
          var id = 0;
          shard[word].forEach(function (delta) { id += delta; found[id] = true; });
        }
      });
    });
    return Object.keys(found).map(Number).sort(function (a, b) { return a - b; });
  }
  function intersect(a, b) {
    var set = {};
    b.forEach(function (id) { set[id] = true; });
    return a.filter(function (id) { return set[id]; });
  }
  function dateOf(n) {
    var y = Math.floor(n / 10000), m = Math.floor(n / 100) % 100, d = n % 100;
    return { iso: y + "-" + String(m).padStart(2, "0") + "-" + String(d).padStart(2, "0"),
      text: d + " " + MONTHS[m - 1] + " " + y, year: y };
  }
  function el(name, text, cls) {
    var e = document.createElement(name);
    if (text) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function row(id) {
    var shard = docShards[Math.floor(id / meta.docsPerShard)];
    return shard ? shard[id % meta.docsPerShard] : null;
  }
  function show(ids, from) {
    var shown = ids.slice(from, from + PAGE);
    var needed = {};
    shown.forEach(function (id) { needed["docs/" + Math.floor(id / meta.docsPerShard) + ".js"] = true; });
    loadAll(Object.keys(needed), function () {
      shown.forEach(function (id) {
        var s = row(id);
        if (!s) { return; }
        var date = dateOf(s[1]);
        var item = el("li");
        var link = el("a", s[0]);
        link.dir = "auto";
        link.href = "../statements/" + date.year + "/" + s[2] + "/index.html";
        item.appendChild(link);
        var info = el("span", "", "meta");
        var time = el("time", date.text);
        time.setAttribute("datetime", date.iso);
        info.appendChild(time);
        var who = s[3].map(function (j) { return meta.speakers[j]; }).join(", ");
        var where = s[5] >= 0 ? meta.locations[s[5]] : "";
        info.appendChild(document.createTextNode([" ", who, where].filter(Boolean).join(" · ")));
        if (s[7]) {
          link.lang = s[7];
          info.appendChild(document.createTextNode(" · "));
          var language = el("span", s[8], "lang");
          language.lang = s[7];
          info.appendChild(language);
        }
        item.appendChild(info);
        if (s[6]) {
          var summary = el("p", s[6], "summary");
          summary.dir = "auto";
          item.appendChild(summary);
        }
        list.appendChild(item);
      });
      if (more) {
        more.hidden = from + PAGE >= ids.length;
        more.onclick = function () { show(ids, from + PAGE); };
      }
    });
  }
  var generation = 0;
  function search(query) {
    generation += 1;
    var mine = generation;
    list.textContent = "";
    if (more) { more.hidden = true; }
    var wanted = words(query);
    if (wanted.length === 0) {
      status.textContent = "Type words to search " + meta.count +
        (meta.count === 1 ? " statement." : " statements.");
      return;
    }
    var shards = {};
    wanted.forEach(function (w) {
      shardsFor(w).forEach(function (name) {
        if (!termShards[name]) { shards["terms/" + name + ".js"] = true; }
      });
    });
    status.textContent = "Searching…";
    loadAll(Object.keys(shards), function () {
      if (mine !== generation) { return; }
      var ids = null;
      wanted.forEach(function (w) { ids = ids === null ? idsFor(w) : intersect(ids, idsFor(w)); });
      status.textContent = ids.length === 0 ? "No statements match." :
        ids.length === 1 ? "1 statement matches." : ids.length + " statements match, newest first.";
      show(ids, 0);
    });
  }
  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  search(initial);
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 150);
  });
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      try {
        var url = new URL(window.location.href);
        url.searchParams.set("q", input.value);
        window.history.replaceState(null, "", url.toString());
      } catch (e) { /* some browsers refuse history changes on file:// pages */ }
      search(input.value);
    });
  }
}());
