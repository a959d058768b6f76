/** The pages of a built site, as paths a browser visits. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { distFiles } from "../build/dist.ts";

export interface BuiltPage {
  /** Path under the site's base, e.g. `papers/2206.01958/` or `404.html`. */
  path: string;
  /** True for a page that only redirects elsewhere (meta refresh). */
  redirect: boolean;
}

export function builtPages(dir: string): BuiltPage[] {
  return distFiles(dir)
    .filter((file) => file.endsWith(".html"))
    .sort()
    .map((file) => ({
      path: file.endsWith("index.html") ? file.slice(0, -"index.html".length) : file,
      redirect: /<meta[^>]+http-equiv="refresh"/i.test(readFileSync(join(dir, file), "utf8")),
    }));
}
