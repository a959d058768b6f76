import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** The pipeline's stages, in order: each imports only from itself and the stages before it. */
const stages = ["text", "content", "citing", "browsing", "sharing", "search"];
const lib = "src/lib";

/** Every file below a folder, as paths from the project's root. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesBelow(full) : [full];
  });
}

/** The relative import specifiers of a module: static imports, re-exports and dynamic imports. */
function relativeImports(source: string): string[] {
  const found = source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["'](\.{1,2}\/[^"']+)["']/g);
  return [...found].map((match) => match[1]!);
}

describe("src/lib's layout", () => {
  it("holds only the stage folders, and modules only inside them", () => {
    const entries = readdirSync(lib, { withFileTypes: true });
    expect(entries.filter((e) => !e.isDirectory()).map((e) => e.name)).toEqual([]);
    expect(entries.map((e) => e.name).sort()).toEqual([...stages].sort());
  });

  it("imports only from the same stage or the stages before it", () => {
    const backwards: string[] = [];
    for (const file of filesBelow(lib).filter((f) => f.endsWith(".ts"))) {
      const stage = stages.indexOf(path.basename(path.dirname(file)));
      for (const spec of relativeImports(readFileSync(file, "utf8"))) {
        const target = path.normalize(path.join(path.dirname(file), spec));
        const targetStage = stages.indexOf(path.relative(lib, target).split(path.sep)[0]!);
        if (targetStage === -1) backwards.push(`${file} imports ${spec}, outside src/lib`);
        else if (targetStage > stage) backwards.push(`${file} imports ${spec}, a later stage`);
      }
    }
    expect(backwards).toEqual([]);
  });

  it("is pure TypeScript: no module imports Astro", () => {
    const astro = filesBelow(lib)
      .filter((file) => file.endsWith(".ts"))
      .filter((file) => /from\s+["']astro[:/"']/.test(readFileSync(file, "utf8")));
    expect(astro).toEqual([]);
  });

  it("has one module per name across src/", () => {
    const byName = new Map<string, string[]>();
    // Data a module reads (`arxiv-taxonomy.json` beside `arxiv-taxonomy.ts`) is not a module.
    for (const file of filesBelow("src").filter((f) => /\.(ts|astro|mjs|js)$/.test(f))) {
      const name = path.basename(file).replace(/\.[^.]+$/, "");
      if (file.startsWith(path.join("src", "pages"))) continue; // routes are named by their URL
      byName.set(name, [...(byName.get(name) ?? []), file]);
    }
    expect([...byName.values()].filter((files) => files.length > 1)).toEqual([]);
  });

  it("keeps a test folder for each stage, as src/lib has", () => {
    const testFolders = readdirSync("tests/unit", { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(stages.every((stage) => testFolders.some((folder) => folder.name === stage))).toBe(true);
  });
});
