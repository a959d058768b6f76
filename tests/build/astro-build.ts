/** Building the site from a test, as `npx astro build` would run from a shell. */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";

export interface BuildSettings {
  /** The content folder (`CATALOGUE_CONTENT`). */
  content: string;
  /** The output folder (`CATALOGUE_OUT`). */
  out: string;
  /** The base path (`CATALOGUE_BASE`), `/` when omitted. */
  base?: string;
  /** More environment for the build (`CATALOGUE_SEARCH_SHARD_BYTES`). */
  env?: Record<string, string>;
}

/**
 * The environment a build started from a test gets. Vitest puts Vite's own variables
 * (`BASE_URL=/`, `MODE`, `NODE_ENV=test`, ...) into `process.env`; passed on, Vite would take them
 * over the build's settings, so they are left out.
 */
export function buildEnv(): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(key)),
  );
}

/** Builds a site. */
export function astroBuild({ content, out, base = "/", env: extra = {} }: BuildSettings): SpawnSyncReturns<string> {
  return spawnSync("npx", ["astro", "build"], {
    encoding: "utf8",
    env: { ...buildEnv(), ...extra, CATALOGUE_CONTENT: content, CATALOGUE_OUT: out, CATALOGUE_BASE: base },
  });
}
