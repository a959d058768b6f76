/**
 * The bare Astro build the bench measures every build against: a tiny Astro project, written to
 * a temporary folder, that makes one page per paper and nothing else. A content collection read
 * by Astro's own `file()` loader from one JSON file, a zod schema, a layout, `getStaticPaths`; the
 * same papers as the catalogue (id, title, authors, abstract as the dump has it), the same Astro
 * (this project's `node_modules`, through a symlink), no integration. Its caches stay in its folder.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { parseDump } from "../src/lib/content/dump-parser.ts";

export interface BaselinePaper {
  id: string;
  title: string;
  authors: string[];
  abstract: string;
}

/** The papers of a content folder, read as plainly as a bare site would: the dump and papers.yaml. */
export function baselinePapers(content: string): BaselinePaper[] {
  const dump = join(content, "abstracts.txt");
  const { records } = parseDump(readFileSync(dump, "utf8"), dump);
  const extra = (parse(readFileSync(join(content, "papers.yaml"), "utf8")) ?? {}) as Record<
    string,
    { title?: string; authors?: string[] } | undefined
  >;
  return records.map((record) => ({
    id: record.id,
    title: extra[record.id]?.title ?? record.id,
    authors: extra[record.id]?.authors ?? [],
    abstract: record.abstract,
  }));
}

const FILES: Record<string, string> = {
  "package.json": `{ "name": "astro-baseline", "private": true, "type": "module" }\n`,
  "astro.config.mjs": `import { defineConfig } from "astro/config";
export default defineConfig({
  outDir: process.env.BASELINE_OUT,
  cacheDir: "./.cache/astro",
  build: { format: "directory" },
  vite: { cacheDir: "./.cache/vite" },
  devToolbar: { enabled: false },
});
`,
  "src/content.config.ts": `import { defineCollection, z } from "astro:content";
import { file } from "astro/loaders";

const papers = defineCollection({
  loader: file("papers.json"),
  schema: z.object({ title: z.string(), authors: z.array(z.string()), abstract: z.string() }),
});

export const collections = { papers };
`,
  "src/layouts/Layout.astro": `---
const { title } = Astro.props;
---
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>{title}</title>
  </head>
  <body>
    <main><slot /></main>
  </body>
</html>
`,
  "src/pages/papers/[id].astro": `---
import { getCollection } from "astro:content";
import Layout from "../../layouts/Layout.astro";

export async function getStaticPaths() {
  const papers = await getCollection("papers");
  return papers.map((paper) => ({ params: { id: paper.id }, props: { paper } }));
}

const { paper } = Astro.props;
---
<Layout title={paper.data.title}>
  <h1>{paper.data.title}</h1>
  <p>{paper.data.authors.join(", ")}</p>
  <p>{paper.data.abstract}</p>
  <p>arXiv:{paper.id}</p>
</Layout>
`,
};

/** Writes the baseline project for `papers` into the empty folder `dir`, using `nodeModules`. */
export function writeBaselineProject(dir: string, papers: readonly BaselinePaper[], nodeModules: string): void {
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  writeFileSync(join(dir, "papers.json"), JSON.stringify(papers));
  symlinkSync(resolve(nodeModules), join(dir, "node_modules"), "dir");
}
