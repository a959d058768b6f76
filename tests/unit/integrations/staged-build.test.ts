import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { publish, removeAbandoned, serverBuildFiles } from "../../../src/integrations/staged-build.ts";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function scratch(): string {
  const folder = mkdtempSync(join(tmpdir(), "staged-build-"));
  folders.push(folder);
  return folder;
}

function write(path: string, body: string): void {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, body);
}

describe("publish", () => {
  it("replaces the previous build whole, leaving nothing of it or of the move beside it", () => {
    const root = scratch();
    write(join(root, "stage/site/index.html"), "new");
    write(join(root, "dist/index.html"), "old");
    write(join(root, "dist/gone.html"), "old");
    publish(join(root, "stage/site"), join(root, "dist"));
    expect(readFileSync(join(root, "dist/index.html"), "utf8")).toBe("new");
    expect(existsSync(join(root, "dist/gone.html"))).toBe(false);
    expect(existsSync(join(root, "stage/site"))).toBe(false);
    expect(spawnSync("ls", [root], { encoding: "utf8" }).stdout.split("\n").filter(Boolean)).toEqual(["dist", "stage"]);
  });

  it("can leave the previous build to a process of its own to remove, which finishes after this one", async () => {
    const root = scratch();
    write(join(root, "site/index.html"), "new");
    for (let i = 0; i < 200; i++) write(join(root, `dist/old/${i}.html`), "old");
    publish(join(root, "site"), join(root, "dist"), { inBackground: true });
    expect(readFileSync(join(root, "dist/index.html"), "utf8")).toBe("new");
    expect(existsSync(join(root, "dist/old"))).toBe(false);
    const left = () => readdirSync(root).filter((name) => name !== "dist");
    for (let wait = 0; wait < 100 && left().length > 0; wait++) await new Promise((done) => setTimeout(done, 100));
    expect(left()).toEqual([]);
  });

  it("finishes a removal that a process left unfinished when it ended", () => {
    const root = scratch();
    const ended = spawnSync("true").pid;
    write(join(root, `dist-removing-${ended}/a.html`), "old");
    write(join(root, `dist-removing-${process.ppid}/a.html`), "being removed by a running process");
    write(join(root, "site/index.html"), "new");
    publish(join(root, "site"), join(root, "dist"));
    expect(readdirSync(root).sort()).toEqual(["dist", `dist-removing-${process.ppid}`]);
  });

  it("makes the folders above a first build", () => {
    const root = scratch();
    write(join(root, "site/a.txt"), "a");
    publish(join(root, "site"), join(root, "out/here"));
    expect(readFileSync(join(root, "out/here/a.txt"), "utf8")).toBe("a");
  });
});

describe("removeAbandoned", () => {
  it("removes the folders of builds whose process has ended, and keeps those of running ones", () => {
    const builds = scratch();
    const ended = spawnSync("true").pid;
    mkdirSync(join(builds, `${ended}-1`));
    mkdirSync(join(builds, `${process.pid}-2`));
    removeAbandoned(builds);
    expect(existsSync(join(builds, `${ended}-1`))).toBe(false);
    expect(existsSync(join(builds, `${process.pid}-2`))).toBe(true);
  });
});

describe("serverBuildFiles", () => {
  it("finds what Astro's server build leaves in an output, and nothing of the site", () => {
    const site = scratch();
    for (const name of ["chunks/a.mjs", "pages/index.astro.mjs", "manifest_x1.mjs", "collections/papers.schema.json"]) {
      write(join(site, name), "");
    }
    for (const name of ["index.html", "papers/x/index.html", "_astro/a.js", "search-index.json"])
      write(join(site, name), "");
    expect(serverBuildFiles(site).sort()).toEqual(["chunks", "collections", "manifest_x1.mjs", "pages"]);
  });
});
