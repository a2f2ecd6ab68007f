// press search: vanilla JavaScript, no network requests. Reads window.PRESS_SEARCH, which
// search/index.js sets ({speakers, topics, locations, statements: [[title, yyyymmdd, slug,
// [speaker ids], [topic ids], location id or -1, summary]]}), and the ?q= of the page address.
(function () {
  "use strict";
  var data = window.PRESS_SEARCH;
  var form = document.querySelector(".search-form");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!data || !input || !status || !list) { return; }
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var LIMIT = 200;

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2018\u2019]/g, "'").toLowerCase();
  }
  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}']+/u).filter(function (w) { return w.length > 0; });
  }
  // One folded haystack per statement, built once.
  var haystacks = data.statements.map(function (s) {
    var parts = [s[0], s[6]];
    s[3].forEach(function (i) { parts.push(data.speakers[i]); });
    s[4].forEach(function (i) { parts.push(data.topics[i]); });
    if (s[5] >= 0) { parts.push(data.locations[s[5]]); }
    return " " + words(parts.join(" ")).join(" ");
  });

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
  function render(query) {
    list.textContent = "";
    var wanted = words(query);
    if (wanted.length === 0) {
      status.textContent = "Type words to search.";
      return;
    }
    var found = [];
    for (var i = 0; i < haystacks.length; i++) {
      var h = haystacks[i];
      if (wanted.every(function (w) { return h.indexOf(" " + w) >= 0; })) { found.push(i); }
    }
    status.textContent = found.length === 0 ? "No statements match." :
      found.length === 1 ? "1 statement matches." :
      found.length + " statements match" + (found.length > LIMIT ? "; the newest " + LIMIT + " are shown." : ".");
    found.slice(0, LIMIT).forEach(function (i) {
      var s = data.statements[i];
      var date = dateOf(s[1]);
      var item = el("li");
      var link = el("a", s[0]);
      link.href = "../statements/" + date.year + "/" + s[2] + "/index.html";
      item.appendChild(link);
      var meta = el("span", "", "meta");
      var time = el("time", date.text);
      time.setAttribute("datetime", date.iso);
      meta.appendChild(time);
      var who = s[3].map(function (j) { return data.speakers[j]; }).join(", ");
      var where = s[5] >= 0 ? data.locations[s[5]] : "";
      meta.appendChild(document.createTextNode([" ", who, where].filter(Boolean).join(" · ")));
      item.appendChild(meta);
      if (s[6]) { item.appendChild(el("p", s[6], "summary")); }
      list.appendChild(item);
    });
  }
  var params = new URLSearchParams(window.location.search);
  var initial = params.get("q") || "";
  input.value = initial;
  render(initial);
  input.addEventListener("input", function () { render(input.value); });
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var url = new URL(window.location.href);
      url.searchParams.set("q", input.value);
      try { window.history.replaceState(null, "", url.toString()); } catch (e) { /* file:// */ }
      render(input.value);
    });
  }
}());
