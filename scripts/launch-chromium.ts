/**
 * Debian's Chromium driven by playwright-core (Playwright's own browser download cannot run
 * here). Fails, never skips, when no browser is found.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export function chromiumPath(): string {
  const candidates = [
    process.env.CHROME_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found)
    throw new Error("No Chromium found: install Debian's chromium (apt-get install -y chromium) or set CHROME_PATH.");
  return found;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
