// Drives the explorer page in Debian's headless Chromium with playwright-core, as a user
// would: search, open a company, click a node on the canvas, read the evidence shown.
// Usage: node tests/explorer.mjs BASE_URL SCREENSHOT.png QUERY [SIMPLIFIED_QUERY]
// Prints one JSON line with what the page showed; tests/test_explorer.py judges it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [base, shot, query, simplified] = process.argv.slice(2);
if (!base || !shot || !query) {
  console.error("usage: node tests/explorer.mjs BASE_URL SCREENSHOT.png QUERY [SIMPLIFIED_QUERY]");
  process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), "esgkg-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
  viewport: { width: 1440, height: 860 },
  deviceScaleFactor: 1,
});
const out = { console: [], requests: [] };
try {
  const page = context.pages()[0] || await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") out.console.push(m.text()); });
  page.on("pageerror", (e) => out.console.push(String(e)));
  page.on("request", (r) => out.requests.push(`${r.method()} ${new URL(r.url()).origin === new URL(base).origin ? new URL(r.url()).pathname : r.url()}`));
  page.setDefaultTimeout(30000);

  await page.goto(new URL("/", base).toString(), { waitUntil: "load" });

  async function searchFor(text) {
    await page.fill("#search", text);
    await page.press("#search", "Enter");
    await page.waitForFunction((t) => document.querySelector("#results-hint").textContent.includes(t), text);
    return page.$$eval("#results li", (lis) => lis.map((li) => ({
      id: li.dataset.id, type: li.dataset.type, label: li.querySelector(".name").textContent })));
  }

  if (simplified) out.simplifiedResults = await searchFor(simplified);
  out.results = await searchFor(query);
  const company = out.results.find((r) => r.type === "Company" && r.label.includes(query));
  if (!company) throw new Error(`no company result for ${query}`);
  await page.click(`#results li[data-id="${company.id}"]`);
  await page.waitForFunction((id) => {
    const s = window.esgkgExplorer;
    return s && s.centre === id && s.cy.nodes().length > 1;
  }, company.id);
  out.centre = company.id;
  out.graph = await page.evaluate(() => {
    const cy = window.esgkgExplorer.cy;
    return {
      nodes: cy.nodes().map((n) => ({ id: n.id(), type: n.data("type"), label: n.data("label") })),
      edges: cy.edges().map((e) => ({ source: e.source().id(), target: e.target().id(), predicate: e.data("predicate"),
                                      evidence: (e.data("evidence") || []).length })),
    };
  });

  // a neighbour joined to the centre by a relation with evidence, preferring a committee
  const target = await page.evaluate(() => {
    const s = window.esgkgExplorer;
    const centre = s.cy.$id(s.centre);
    const candidates = centre.connectedEdges().filter((e) => (e.data("evidence") || []).length > 0)
      .map((e) => (e.source().id() === s.centre ? e.target() : e.source()));
    candidates.sort((a, b) => (a.data("type") === "Committee" ? 0 : 1) - (b.data("type") === "Committee" ? 0 : 1));
    const node = candidates[0];
    if (!node) return null;
    const box = s.cy.container().getBoundingClientRect();
    const p = node.renderedPosition();
    return { id: node.id(), type: node.data("type"), label: node.data("label"), x: box.left + p.x, y: box.top + p.y };
  });
  if (!target) throw new Error("no neighbour with evidence");
  await page.mouse.click(target.x, target.y);  // a real click on the canvas
  await page.waitForFunction((label) => {
    const h = document.querySelector("#details h3");
    return h && h.textContent === label && document.querySelector("#link-evidence");
  }, target.label);
  out.clicked = target;
  out.selected = await page.evaluate(() => window.esgkgExplorer.cy.$(":selected").map((n) => n.id()));
  out.details = await page.evaluate(() => ({
    title: document.querySelector("#details h3").textContent,
    type: document.querySelector("#details .badge").dataset.type,
    names: [...document.querySelectorAll("#details dd")].map((d) => d.textContent),
    reports: [...document.querySelectorAll("#details .reports li")].map((li) => li.textContent),
    evidence: [...document.querySelectorAll("#link-evidence .evidence li")].map((li) => ({
      relation: li.querySelector(".rel") ? li.querySelector(".rel").textContent : "",
      sentence: li.querySelector(".sentence").textContent,
      source: li.querySelector(".source").textContent })),
  }));
  await page.waitForTimeout(400); // let the status toast fade
  await page.screenshot({ path: shot });
  out.ok = true;
} catch (e) {
  out.ok = false;
  out.error = String(e && e.stack || e);
  try { await context.pages()[0].screenshot({ path: shot }); } catch (_) { /* keep the first error */ }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(out));
process.exit(out.ok ? 0 : 1);
