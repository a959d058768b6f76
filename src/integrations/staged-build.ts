/**
 * A build is made in a folder of its own and moved to `outDir` (`CATALOGUE_OUT`) whole when it
 * is done, so that the output folder only ever holds a finished build: an interrupted build
 * leaves the previous one in place, never pages without their search index or with the server
 * bundle Astro renders them from (`chunks/`, `pages/`, `manifest_*.mjs`, which name the
 * machine's paths). The folder is inside the project (`node_modules/.cache/catalogue-build/`),
 * where Astro writes its server bundle beside the pages, whichever `outDir` is: given one
 * outside the project, Astro would bundle into the project's `.astro/` instead, shared by every
 * build, and copy that folder, its generated schemas and modules included, into the output.
 *
 * It must be the last integration: `astro:build:done` hooks run in order, and the ones before
 * it (the sitemap, the files written in bulk) still write into the build's folder.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { spawn } from "node:child_process";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { AstroIntegration } from "astro";

/** What Astro writes into a static build's output for its own use, and removes before `astro:build:done`. */
const SERVER_BUILD =
  /^(chunks|pages|manifest_.*\.mjs|renderers\.mjs|entry\.mjs|content-.*\.mjs|collections|.*\.d\.ts)$/;

/** The build is not where it can be published from. */
export class StagedBuildError extends Error {
  override name = "StagedBuildError";
}

/** True when the process `pid` is running: it exists, and (where Linux says) has not ended unreaped. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return true;
  // The state follows the command's name, in parentheses: `Z` is a process that has ended.
  const line = readFileSync(stat, "utf8");
  const state = line.slice(line.lastIndexOf(")") + 1).trim()[0];
  return state !== "Z" && state !== "X";
}

/** Removes the folders of builds whose process has ended without finishing them. */
export function removeAbandoned(builds: string): void {
  if (!existsSync(builds)) return;
  for (const name of readdirSync(builds)) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && !running(pid)) rmSync(join(builds, name), { recursive: true, force: true });
  }
}

/** The files of Astro's server build left in a finished build's output (none, unless Astro has changed). */
export function serverBuildFiles(site: string): string[] {
  return readdirSync(site).filter((name) => SERVER_BUILD.test(name));
}

/**
 * Puts the finished build `site` at `target` in one step: it is first moved (from another
 * filesystem, copied) beside `target`, then the previous build is renamed aside, the new one
 * renamed in, and the previous one removed. With `inBackground`, a process of its own removes it
 * (`target-replaced-<pid>`) after this one has ended: removing a 10,000-paper build's 43,000
 * files takes 10 s, which the build need not wait for. A removal that never finished is finished
 * by the next publish.
 */
export function publish(site: string, target: string, options: { inBackground?: boolean } = {}): void {
  mkdirSync(dirname(target), { recursive: true });
  const ready = `${target}-ready-${process.pid}`;
  const replaced = `${target}-replaced-${process.pid}`;
  for (const folder of [ready, replaced, ...unfinishedRemovals(target)])
    rmSync(folder, { recursive: true, force: true });
  try {
    renameSync(site, ready);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    cpSync(site, ready, { recursive: true });
    rmSync(site, { recursive: true, force: true });
  }
  if (existsSync(target)) renameSync(target, replaced);
  renameSync(ready, target);
  if (!existsSync(replaced)) return;
  if (options.inBackground) removeInBackground(replaced);
  else rmSync(replaced, { recursive: true, force: true });
}

/** The folders beside `target` of replaced builds whose removal was left unfinished: the process named in each has ended. */
function unfinishedRemovals(target: string): string[] {
  const prefixes = ["replaced", "removing"].map((stage) => `${basename(target)}-${stage}-`);
  return readdirSync(dirname(target))
    .filter((name) => {
      const prefix = prefixes.find((start) => name.startsWith(start));
      const pid = prefix === undefined ? "" : name.slice(prefix.length);
      return /^\d+$/.test(pid) && !running(Number(pid));
    })
    .map((name) => join(dirname(target), name));
}

/**
 * Removes `folder` (`<target>-replaced-<pid>`) in a detached process that outlives this one. It
 * first renames the folder after itself (`<target>-removing-<its pid>`), so that a later build
 * leaves it alone while it runs and finishes it if it did not.
 */
function removeInBackground(folder: string): void {
  const removing = folder.replace(/-replaced-\d+$/, "-removing-");
  const removal = `const fs = require("node:fs");
const [folder, removing] = [${JSON.stringify(folder)}, ${JSON.stringify(removing)} + process.pid];
fs.renameSync(folder, removing);
fs.rmSync(removing, { recursive: true, force: true });`;
  spawn(process.execPath, ["-e", removal], { detached: true, stdio: "ignore" }).unref();
}

export function stagedBuild(): AstroIntegration {
  let target = "";
  let folder = "";
  return {
    name: "catalogue:staged-build",
    hooks: {
      "astro:config:setup": ({ command, config, updateConfig }) => {
        if (command !== "build") return;
        target = resolve(fileURLToPath(config.outDir));
        const root = fileURLToPath(config.root);
        // The previous build at `target` is replaced whole: never the project or a folder holding it.
        if (!relative(target, resolve(root)).startsWith("..")) {
          throw new StagedBuildError(
            `staged-build: outDir ${target} holds the project; build into a folder of its own (CATALOGUE_OUT=dist)`,
          );
        }
        const builds = join(root, "node_modules", ".cache", "catalogue-build");
        removeAbandoned(builds);
        folder = join(builds, `${process.pid}-${Date.now()}`);
        const site = pathToFileURL(join(folder, "site") + "/");
        updateConfig({ outDir: site, build: { client: new URL("client/", site), server: new URL("server/", site) } });
      },
      "astro:build:done": ({ dir, logger }) => {
        if (target === "") return;
        const site = resolve(fileURLToPath(dir));
        const left = serverBuildFiles(site);
        if (left.length > 0) {
          throw new StagedBuildError(
            `staged-build: Astro left files of its server build in the output (${left.join(", ")}); the build is not published (has Astro changed how it cleans its output? see "Upgrading Astro" in the README)`,
          );
        }
        publish(site, target, { inBackground: true });
        rmSync(folder, { recursive: true, force: true });
        const shown = relative(process.cwd(), target);
        logger.info(`published to ${shown.startsWith("..") ? target : shown}`);
      },
    },
  };
}
