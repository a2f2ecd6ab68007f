// Runs axe-core in headless Chromium (puppeteer-core, driving the machine's chromium) on pages of
// an exported site, in light and dark colour schemes, and saves screenshots.
// Usage: node axe.js CHROMIUM SITE_DIR SCREENSHOT_DIR PAGE...
// Prints one JSON line per page and scheme: {page, scheme, violations: [{id, impact, nodes}]}.
"use strict";
const path = require("path");
const fs = require("fs");
const puppeteer = require("puppeteer-core");

const [chromium, site, shots, ...pages] = process.argv.slice(2);
const axeSource = require.resolve("axe-core/axe.min.js");

(async () => {
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"],
  });
  try {
    fs.mkdirSync(shots, { recursive: true });
    for (const pagePath of pages) {
      for (const scheme of ["light", "dark"]) {
        const page = await browser.newPage();
        await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
        await page.setViewport({ width: 1280, height: 900 });
        const url = "file://" + path.resolve(site, pagePath) + (pagePath.startsWith("search/") ? "?q=interpol" : "");
        await page.goto(url, { waitUntil: "load" });
        await new Promise((resolve) => setTimeout(resolve, 300));
        await page.addScriptTag({ path: axeSource });
        const result = await page.evaluate(async () => {
          // eslint-disable-next-line no-undef
          const r = await axe.run(document, {
            runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
          });
          return r.violations.map((v) => ({
            id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
          }));
        });
        console.log(JSON.stringify({ page: pagePath, scheme, violations: result }));
        const name = pagePath === "index.html" ? "home"
          : pagePath.replace(/\/index\.html$/, "").replace(/[^a-z0-9]+/gi, "-");
        for (const width of [390, 1280]) {
          await page.setViewport({ width, height: 900 });
          await page.screenshot({ path: path.join(shots, `${name}-${scheme}-${width}.png`), fullPage: true });
        }
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
})().catch((err) => { console.error(err); process.exit(1); });
