// Runs the exported site's search.js in Node with a minimal stand-in for the DOM, the way the
// search page loads it (<script src>), and prints the results for a query as JSON lines.
// Usage: node search.js SITE_DIR QUERY
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [site, query] = process.argv.slice(2);
const searchDir = path.join(site, "search");

class Element {
  constructor(tag, id) {
    this.tagName = tag;
    this.id = id || "";
    this.children = [];
    this.text = "";
    this.className = "";
    this.hidden = false;
    this.attributes = {};
    this.href = "";
    this.src = "";
  }
  get textContent() {
    return this.text + this.children.map((c) => c.textContent).join("");
  }
  set textContent(value) {
    this.text = String(value);
    this.children = [];
  }
  setAttribute(name, value) { this.attributes[name] = String(value); }
  addEventListener() {}
  appendChild(child) {
    this.children.push(child);
    if (this === head && child.tagName === "script") { loadScript(child); }
    return child;
  }
}
const head = new Element("head");
const byId = {
  q: new Element("input", "q"),
  "search-status": new Element("p", "search-status"),
  "search-results": new Element("ol", "search-results"),
  "search-more": new Element("button", "search-more"),
};
const form = new Element("form");
const document = {
  head,
  getElementById: (id) => byId[id] || null,
  querySelector: (selector) => (selector === ".search-form" ? form : null),
  createElement: (tag) => new Element(tag),
  createTextNode: (text) => { const e = new Element("#text"); e.text = String(text); return e; },
};
const window = {
  location: { search: "?q=" + encodeURIComponent(query), href: "file:///search/index.html?q=" },
  history: { replaceState() {} },
};
const context = vm.createContext({ window, document, URLSearchParams, URL, setTimeout, clearTimeout, console });
window.pressSearch = undefined;
Object.defineProperty(context, "pressSearch", { get: () => window.pressSearch });

function run(file) {
  vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
}
function loadScript(script) {
  setTimeout(() => {
    const file = path.join(searchDir, script.src);
    if (fs.existsSync(file)) {
      run(file);
      script.onload();
    } else {
      script.onerror();
    }
  }, 0);
}

run(path.join(searchDir, "index.js"));
run(path.join(site, "search.js"));
setTimeout(() => {
  console.log(JSON.stringify({ status: byId["search-status"].textContent }));
  for (const item of byId["search-results"].children) {
    const link = item.children[0];
    console.log(JSON.stringify({ title: link.textContent, href: link.href }));
  }
}, 200);
