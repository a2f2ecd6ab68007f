// Lays out pages of an exported site in headless Chromium (puppeteer-core, driving the machine's
// chromium) and reports which way they read, with a screenshot of each.
// Usage: node direction.js CHROMIUM SITE_DIR SCREENSHOT_DIR PAGE...
// Prints one JSON line per page: {page, lang, dir (the computed direction of <html>), width (of
// the viewport), main: [left, right] of <main>'s content box, title: [left, right] of the
// title's text, also: [left, right] of the "Also in" list's text}.
"use strict";
const path = require("path");
const fs = require("fs");
const puppeteer = require("puppeteer-core");

const [chromium, site, shots, ...pages] = process.argv.slice(2);

(async () => {
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"],
  });
  try {
    fs.mkdirSync(shots, { recursive: true });
    for (const pagePath of pages) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto("file://" + path.resolve(site, pagePath), { waitUntil: "load" });
      const found = await page.evaluate(() => {
        const textBox = (element) => {
          if (!element) { return null; }
          const range = document.createRange();
          range.selectNodeContents(element);
          const box = range.getBoundingClientRect();
          return [Math.round(box.left), Math.round(box.right)];
        };
        const main = document.querySelector("main");
        const style = getComputedStyle(main);
        const box = main.getBoundingClientRect();
        return {
          lang: document.documentElement.lang,
          dir: getComputedStyle(document.documentElement).direction,
          width: window.innerWidth,
          main: [
            Math.round(box.left + parseFloat(style.paddingLeft)),
            Math.round(box.right - parseFloat(style.paddingRight)),
          ],
          title: textBox(document.querySelector("h1")),
          also: textBox(document.querySelector(".also-in p")),
        };
      });
      console.log(JSON.stringify({ page: pagePath, ...found }));
      const name = pagePath.replace(/\/index\.html$/, "").replace(/[^a-z0-9]+/gi, "-");
      await page.screenshot({ path: path.join(shots, `${name}-direction.png`) });
      await page.close();
    }
  } finally {
    await browser.close();
  }
})().catch((err) => { console.error(err); process.exit(1); });
