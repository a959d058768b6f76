/**
 * A synthetic catalogue (`scripts/synthetic-catalogue.ts`) written to `content` and built into
 * `out`, for e2e tests of what only a larger catalogue shows; throws with the build's output when
 * it fails. `files` changes a content file before the build (`topics.yaml`, say).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { syntheticCatalogue } from "../../scripts/synthetic-catalogue.ts";
import { astroBuild } from "../build/astro-build.ts";

export function buildSyntheticSite({
  papers,
  content,
  out,
  base,
  env,
  files = (generated) => generated,
}: {
  papers: number;
  content: string;
  out: string;
  base: string;
  env: Record<string, string>;
  files?: (generated: Record<string, string>) => Record<string, string>;
}): void {
  const generated = syntheticCatalogue(papers);
  mkdirSync(content, { recursive: true });
  const written = files({
    "abstracts.txt": generated.abstracts,
    "papers.yaml": generated.papers,
    "topics.yaml": generated.topics,
    "site.yaml": generated.site,
  });
  for (const [file, text] of Object.entries(written)) writeFileSync(join(content, file), text);
  const build = astroBuild({ content, out, base, env });
  if (build.status !== 0) throw new Error(`building ${out} failed:\n${build.stdout}\n${build.stderr}`);
}
