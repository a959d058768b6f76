/**
 * Every built page, in real Chromium: no axe-core violation (WCAG 2.1 A and AA) in light and in
 * dark colour scheme, no console error, no request to another origin, no horizontal scroll at 375 px,
 * and no script but the site's own: the hostile build (tests/fixtures/hostile) runs nothing it carries.
 */
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distDir } from "../build/dist.ts";
import { launchBrowser } from "./browser.ts";
import { builtPages } from "./site-pages.ts";
import { serveStatic, type StaticSite } from "./static-server.ts";

const axeSource = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
/**
 * The hostile build has 300 author pages made from one template with plain names: the first one
 * stands for the rest, so the browser visits the pages whose content differs.
 */
const sites = [
  { name: "the seed catalogue", dir: distDir, papers: 10, skip: (_path: string) => false },
  {
    name: "the hostile catalogue",
    dir: "dist-hostile",
    papers: 3,
    skip: (path: string) => /^authors\/author-number(?!001-)/.test(path),
  },
];

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a page and records what must not happen on it. */
async function visit(path: string, options: { colorScheme: "light" | "dark"; width: number }) {
  const context = await browser.newContext({
    colorScheme: options.colorScheme,
    viewport: { width: options.width, height: 800 },
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const origin = new URL(site.url).origin;
  page.on("console", (message) => message.type() === "error" && problems.push(`console error: ${message.text()}`));
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "data:" && url.origin !== origin) problems.push(`request to another origin: ${request.url()}`);
  });
  const response = await page.goto(site.url + path, { waitUntil: "load" });
  if (!path.endsWith("404.html") && response?.status() !== 200) problems.push(`status ${response?.status()}`);
  const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
  if (pwned !== undefined) problems.push(`injected script ran: __pwned = ${String(pwned)}`);
  return { page, problems, close: () => context.close() };
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations;
  });
  return violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe.each(sites)("every page of $name", ({ dir, papers, skip }) => {
  const pages = builtPages(dir).filter((page) => !page.redirect && !skip(page.path));

  beforeAll(async () => {
    site = await serveStatic(dir);
  });
  afterAll(async () => {
    await site?.close();
  });

  it("includes the home page and a page per paper", () => {
    const paths = pages.map((p) => p.path);
    expect(paths).toContain("");
    expect(paths.filter((p) => /^papers\/[^/]+\/$/.test(p))).toHaveLength(papers);
  });

  // Pages are independent, each in its own browser contexts: three at a time keep both cores busy.
  it.concurrent.for(pages.map((p) => p.path))(
    "/%s is accessible, quiet and local, light and dark, wide and narrow",
    async (path, { expect }) => {
      const wide = await visit(path, { colorScheme: "light", width: 1280 });
      const lightViolations = await axeViolations(wide.page);
      const wideOverflow = await horizontalOverflow(wide.page);
      await wide.close();

      const narrow = await visit(path, { colorScheme: "dark", width: 375 });
      const darkViolations = await axeViolations(narrow.page);
      const narrowOverflow = await horizontalOverflow(narrow.page);
      await narrow.close();

      expect(lightViolations, "axe violations in light mode at 1280 px").toEqual([]);
      expect(darkViolations, "axe violations in dark mode at 375 px").toEqual([]);
      expect([...wide.problems, ...narrow.problems]).toEqual([]);
      expect(wideOverflow, "horizontal scroll at 1280 px").toBeLessThanOrEqual(0);
      expect(narrowOverflow, "horizontal scroll at 375 px").toBeLessThanOrEqual(0);
    },
  );
});
