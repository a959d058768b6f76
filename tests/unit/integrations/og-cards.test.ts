import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { CardPool, drawCards, type CardJob } from "../../../src/integrations/og-cards.ts";

const card = { siteName: "Catalogue", title: "A title", authors: ["An Yang"], year: 2018, id: "1806.03653" };
const jobs = (n: number): CardJob[] =>
  Array.from({ length: n }, (_, i) => ({ path: `papers/${i}/og.png`, hash: `h${i % 50}`, card }));

/** A worker script in a temporary folder: the pool runs it as it runs the bundled card worker. */
function worker(source: string): URL {
  const file = join(mkdtempSync(join(tmpdir(), "og-worker-")), "worker.mjs");
  writeFileSync(file, source);
  return pathToFileURL(file);
}

/** Writes each card's hash into the cache as its "image", as the real worker writes its PNG. */
const writing = worker(`
import { parentPort, workerData } from "node:worker_threads";
import { existsSync, writeFileSync } from "node:fs";
parentPort.on("message", (batch) => {
  let drawn = 0;
  for (const { hash } of batch) {
    const file = workerData.cacheDir + "/" + hash + ".png";
    if (existsSync(file)) continue;
    writeFileSync(file, hash);
    drawn++;
  }
  parentPort.postMessage({ drawn, cached: batch.length - drawn });
});
`);

describe("CardPool", () => {
  it("draws each distinct card once, then links every paper's image into the build", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "og-cache-"));
    const outDir = mkdtempSync(join(tmpdir(), "og-out-"));
    writeFileSync(join(cacheDir, "h0.png"), "h0"); // drawn by an earlier build
    const pool = new CardPool(cacheDir, writing);
    pool.start(jobs(120));
    expect(await pool.finish(outDir)).toEqual({ images: 120, drawn: 49, cached: 1, drawnWhileLoading: 0 });
    expect(readFileSync(join(outDir, "papers/77/og.png"), "utf8")).toBe("h27");
    // A link to the cached file, not a copy.
    expect(statSync(join(outDir, "papers/77/og.png")).ino).toBe(statSync(join(cacheDir, "h27.png")).ino);
  });

  it("draws the cards handed over while the content loads first, and the pages' pass draws only the rest", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "og-cache-"));
    const outDir = mkdtempSync(join(tmpdir(), "og-out-"));
    const pool = new CardPool(cacheDir, writing);
    // The loader's pass knows 30 of the 50 distinct cards (no paths yet); the route's knows them all.
    pool.prewarm(jobs(30).map(({ hash, card }) => ({ hash, card })));
    pool.start(jobs(120));
    expect(await pool.finish(outDir)).toEqual({ images: 120, drawn: 50, cached: 0, drawnWhileLoading: 30 });
    expect(readFileSync(join(outDir, "papers/119/og.png"), "utf8")).toBe("h19");
  });

  it("hands nothing into the build when no card was handed over", async () => {
    const outDir = mkdtempSync(join(tmpdir(), "og-out-"));
    expect(await new CardPool(mkdtempSync(join(tmpdir(), "og-cache-")), writing).finish(outDir)).toEqual({
      images: 0,
      drawn: 0,
      cached: 0,
      drawnWhileLoading: 0,
    });
    expect(existsSync(join(outDir, "papers"))).toBe(false);
  });

  it("reports a worker that dies in the first pass when the build finishes", async () => {
    const pool = new CardPool(mkdtempSync(join(tmpdir(), "og-cache-")), worker(`process.exit(4);`));
    pool.prewarm(jobs(3));
    pool.start(jobs(3));
    await expect(pool.finish(mkdtempSync(join(tmpdir(), "og-out-")))).rejects.toThrow(/exited \(code 4\)/);
  });
});

describe("drawCards", () => {
  it("fails, with its reason, when a worker throws", async () => {
    const throwing = worker(`
import { parentPort } from "node:worker_threads";
parentPort.on("message", () => { throw new Error("no fonts here"); });
`);
    await expect(drawCards(throwing, mkdtempSync(join(tmpdir(), "og-cache-")), jobs(3))).rejects.toThrow(
      /a card worker failed: no fonts here/,
    );
  });

  it("fails instead of waiting forever when a worker exits without replying", async () => {
    const exiting = worker(`process.exit(3);`);
    await expect(drawCards(exiting, mkdtempSync(join(tmpdir(), "og-cache-")), jobs(3))).rejects.toThrow(
      /exited \(code 3\) before its cards were drawn/,
    );
  });
});
