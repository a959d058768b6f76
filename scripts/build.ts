/**
 * `npm run build`: builds the site with Astro, printing every warning and one summary line
 * instead of a line per page. `npm start` (`--serve`) then serves it: `npm start -- --port 8080`.
 * A build for publishing without `CATALOGUE_SITE` says so loudly; `npm start` serves on this
 * machine, where the local address is right, and does not.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { build, preview } from "astro";
import { buildSummary, serveOptions, siteWarning, type BuildTally } from "../src/lib/content/build-report.ts";

const args = process.argv.slice(2);
const serve = args[0] === "--serve";
let options: ReturnType<typeof serveOptions>;
try {
  options = serveOptions(serve ? args.slice(1) : args);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const outDir = process.env["CATALOGUE_OUT"] || "dist";

/** Astro's warnings, counted as they are printed (it writes each as a line with `[WARN]`). */
let warnings = 0;
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    // eslint-disable-next-line no-control-regex
    const text = String(chunk).replace(/\u001b\[[0-9;]*m/g, "");
    warnings += (text.match(/\[WARN\]/g) ?? []).length;
    return write(chunk, ...rest);
  }) as typeof stream.write;
}

const warning = serve ? null : siteWarning(process.env);
if (warning) console.warn(`${warning}\n`);

const started = performance.now();
await build({ logLevel: "warn" });
console.log(buildSummary(tally(outDir), { outDir, seconds: (performance.now() - started) / 1000, warnings }));
if (warning) console.warn(`\n${warning}`);

if (serve) {
  const server = await preview({ server: { port: options.port, host: options.host }, logLevel: "info" });
  console.log(`Serving ${outDir} at http://localhost:${server.port}/ (Ctrl+C stops).`);
}

function tally(dir: string): BuildTally {
  const result: BuildTally = { pages: 0, files: 0, bytes: 0 };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    result.files++;
    result.bytes += statSync(join(entry.parentPath, entry.name)).size;
    if (entry.name.endsWith(".html")) result.pages++;
  }
  return result;
}
