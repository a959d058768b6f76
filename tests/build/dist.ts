/** Reading the built site in `dist/` (or `CATALOGUE_OUT`) for tests. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { load, type CheerioAPI } from "cheerio";

export const distDir = process.env.CATALOGUE_OUT || "dist";

export function readDist(path: string): string {
  const file = join(distDir, path);
  if (!existsSync(file)) throw new Error(`${file} was not built (run npm run build first)`);
  return readFileSync(file, "utf8");
}

export function page(path: string): CheerioAPI {
  return load(readDist(path));
}

/** Every file under the build folder, as paths relative to it. */
export function distFiles(dir = distDir): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}
