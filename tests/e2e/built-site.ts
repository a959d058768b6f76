/** The built site served on 127.0.0.1 and a Chromium to visit it, for the tests of one file. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { distDir } from "../build/dist.ts";
import { launchBrowser } from "./browser.ts";
import { serveStatic, type StaticSite } from "./static-server.ts";

export interface BuiltSite {
  browser: Browser;
  site: StaticSite;
}

/** Serves `dist/` (or `CATALOGUE_OUT`) and opens Chromium before the file's tests; closes both after them. */
export function useBuiltSite(): BuiltSite {
  const built = {} as BuiltSite;
  beforeAll(async () => {
    built.site = await serveStatic(distDir);
    built.browser = await launchBrowser();
  });
  afterAll(async () => {
    await built.browser?.close();
    await built.site?.close();
  });
  return built;
}
