/**
 * Keyboard use: a skip link first, a visible focus indicator on every control, and a tab order
 * that follows the page's reading order.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "./built-site.ts";

const built = useBuiltSite();

interface Stop {
  /** Position of the element among all elements of the document. */
  domIndex: number;
  label: string;
  visible: boolean;
  indicator: boolean;
}

/** Tabs through the whole page once, recording each stop. */
async function tabThrough(page: Page): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < 500; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      return {
        domIndex: [...document.querySelectorAll("*")].indexOf(el),
        label: `${el.tagName.toLowerCase()} "${(el.textContent ?? el.getAttribute("aria-label") ?? "").trim().slice(0, 40)}"`,
        visible: rect.width > 1 && rect.height > 1,
        indicator: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none",
      };
    });
    if (!stop || stops.some((s) => s.domIndex === stop.domIndex)) break;
    stops.push(stop);
  }
  return stops;
}

describe.each([
  ["home page", ""],
  ["a paper page", "papers/2105.15082/"],
])("keyboard on the %s", (_name, path) => {
  it("offers a skip link first, which moves focus to the main content", async () => {
    const page = await built.browser.newPage();
    await page.goto(built.site.url + path);
    await page.keyboard.press("Tab");
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLAnchorElement;
      const rect = el.getBoundingClientRect();
      return { text: el.textContent?.trim(), href: el.getAttribute("href"), onScreen: rect.width > 1 && rect.top >= 0 };
    });
    expect(skip).toEqual({ text: "Skip to main content", href: "#main", onScreen: true });
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    const inMain = await page.evaluate(() => document.querySelector("main")?.contains(document.activeElement));
    expect(inMain).toBe(true);
    await page.close();
  });

  it("shows a visible focus indicator on every control, in reading order", async () => {
    const page = await built.browser.newPage();
    await page.goto(built.site.url + path);
    const stops = await tabThrough(page);
    expect(stops.length).toBeGreaterThan(5);
    expect(stops.filter((s) => !s.visible || !s.indicator).map((s) => s.label)).toEqual([]);
    const order = stops.map((s) => s.domIndex);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const positive = await page.evaluate(
      () => [...document.querySelectorAll("[tabindex]")].filter((el) => (el as HTMLElement).tabIndex > 0).length,
    );
    expect(positive).toBe(0);
    await page.close();
  });
});
