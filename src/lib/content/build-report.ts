/**
 * What a build tells its owner: a short summary instead of a line per page (tens of thousands
 * at scale, burying the warnings), and a loud warning when the site's address was not given, so
 * that canonical links, feeds, the sitemap and robots.txt do not quietly point at localhost.
 */

/** The origin a build writes when `CATALOGUE_SITE` is unset. */
export const LOCAL_SITE = "http://localhost:4321";

/** The warning for a build with no `CATALOGUE_SITE`, framed to be seen; null when it is set. */
export function siteWarning(environment: Readonly<Record<string, string | undefined>>): string | null {
  if (environment["CATALOGUE_SITE"]) return null;
  const lines = [
    "CATALOGUE_SITE is not set: this build writes",
    `${LOCAL_SITE} into every canonical link, Open Graph tag,`,
    "feed, the sitemap and robots.txt. Fine to look at locally;",
    "before publishing, build with the site's address:",
    "  CATALOGUE_SITE=https://example.org npm run build",
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const rule = "!".repeat(width + 4);
  return [rule, ...lines.map((line) => `! ${line.padEnd(width)} !`), rule].join("\n");
}

/** What a build wrote, counted from its output folder. */
export interface BuildTally {
  /** HTML pages, redirect pages included. */
  pages: number;
  /** Every file. */
  files: number;
  bytes: number;
}

/** One line: how many pages and files, how large, where, how long, and how many warnings. */
export function buildSummary(
  tally: BuildTally,
  options: { outDir: string; seconds: number; warnings: number },
): string {
  const size =
    tally.bytes >= 1024 * 1024
      ? `${(tally.bytes / 1024 / 1024).toFixed(1)} MB`
      : `${Math.round(tally.bytes / 1024)} KB`;
  const warnings =
    options.warnings === 0
      ? "no warnings"
      : options.warnings === 1
        ? "1 warning, above"
        : `${options.warnings} warnings, above`;
  return (
    `Built ${tally.pages.toLocaleString("en")} pages (${tally.files.toLocaleString("en")} files, ${size}) ` +
    `into ${options.outDir} in ${options.seconds.toFixed(1)} s; ${warnings}.`
  );
}

/** The port and host asked for on the command line (`--port 8080`, `--port=8080`, `--host`). */
export function serveOptions(args: readonly string[]): { port: number; host: string | boolean } {
  let port = 4321;
  let host: string | boolean = false;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split("=", 2) as [string, string | undefined];
    if (flag === "--port") {
      const value = inline ?? args[++i];
      if (!value || !/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 65535)
        throw new Error(`--port wants a port number from 1 to 65535, not "${value ?? ""}"`);
      port = Number(value);
    } else if (flag === "--host") {
      const value = inline ?? (args[i + 1] && !args[i + 1]!.startsWith("--") ? args[++i] : undefined);
      host = value ?? true;
    } else throw new Error(`unknown option "${args[i]}": npm start takes --port <n> and --host [address]`);
  }
  return { port, host };
}
