// Checks pages of a pm-skills site in headless Chromium, for tests/browser/site.rs:
//   node check.js REQUEST.json
// where the request is {"root": "/abs/site", "pages": ["index.html", ...], "search": "index.html",
// "screenshots": {"index.html": "/abs/out.png"}}. For each page it prints what it found as JSON on
// stdout: axe-core's violations of WCAG 2.0, 2.1 and 2.2 A and AA, console messages and page
// errors, requests to anything but the site's own files, and whether the first Tab lands on a
// visible skip link with a focus outline. On the "search" page it types into the search box and
// runs axe again with the results showing. Chromium is $PM_SKILLS_CHROMIUM or /usr/bin/chromium;
// nothing is downloaded.
"use strict";

const fs = require("fs");
const path = require("path");
const { pathToFileURL } = require("url");
const puppeteer = require("puppeteer-core");

const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

async function axe(page) {
  // Evaluated through the DevTools protocol, which the page's script policy does not cover.
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) {
    await page.evaluate(AXE);
  }
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"], preload: false }),
    TAGS
  );
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ") + ": " + n.failureSummary),
  }));
}

async function open(browser, root, rel, screenshot) {
  // A context of its own, so no page shows links visited on another.
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1000, height: 1300 });
  const found = { page: rel, violations: [], console: [], external: [] };
  page.on("console", (m) => found.console.push(m.type() + ": " + m.text()));
  page.on("pageerror", (e) => found.console.push("error: " + e.message));
  page.on("requestfailed", (r) => found.console.push("failed: " + r.url()));
  page.on("request", (r) => {
    if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) {
      found.external.push(r.url());
    }
  });
  await page.goto(pathToFileURL(path.join(root, rel)).href, { waitUntil: "load" });
  if (screenshot) {
    await page.screenshot({ path: screenshot });
  }
  return { context, page, found };
}

async function main() {
  const request = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const browser = await puppeteer.launch({
    executablePath: process.env.PM_SKILLS_CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
  const results = [];
  try {
    for (const rel of request.pages) {
      const { context, page, found } = await open(browser, request.root, rel, (request.screenshots || {})[rel]);
      found.violations = await axe(page);
      // The first Tab reaches the skip link, which then shows, with a focus outline.
      await page.keyboard.press("Tab");
      found.skip = await page.evaluate(() => {
        const a = document.activeElement;
        const box = a.getBoundingClientRect();
        const style = getComputedStyle(a);
        return {
          text: a.textContent,
          href: a.getAttribute("href"),
          visible: box.left >= 0 && box.top >= 0 && box.width > 0,
          outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
        };
      });
      if (rel === request.search) {
        await page.focus("#search-box");
        await page.keyboard.type(request.query || "senior");
        await page.waitForSelector("#search-results li a", { timeout: 10000 });
        found.search = await page.evaluate(() => ({
          results: document.querySelectorAll("#search-results li a").length,
          status: document.getElementById("search-status").textContent,
          first: document.querySelector("#search-results li a").getAttribute("href"),
        }));
        found.violations = found.violations.concat(await axe(page));
        await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.keyboard.press("Enter")]);
        found.search.opened = path.relative(request.root, decodeURIComponent(new URL(page.url()).pathname));
      }
      results.push(found);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results, null, 1) + "\n");
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
