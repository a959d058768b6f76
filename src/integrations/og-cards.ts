/**
 * Preview cards drawn off the main thread. In a build, the card route's `getStaticPaths` (through
 * `ogCardPaths`) hands every paper's card over instead of listing paths; a pool of worker threads
 * (`src/og-card-thread.ts`, bundled as a chunk of its own) draws the cards the cache lacks into
 * the cache while Astro renders the pages, and `astro:build:done`, once Astro is done with the
 * output folder, waits for the last and links each paper's image from the cache into it (a copy
 * where a link cannot be made). Under `astro dev` the route draws each card when asked.
 *
 * The pages' bundle and this integration, loaded by astro.config.mjs, are separate module
 * graphs in one process, so the hand-over is a global.
 */
import { availableParallelism } from "node:os";
import { copyFileSync, linkSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { AstroIntegration } from "astro";
import type { OgCard } from "../lib/sharing/og-card.ts";

/** Where drawn images are kept between builds: outside the build folder, so that a clean build reuses them. */
export const ogImageCacheDir = "node_modules/.cache/catalogue-og";

const MODULE = "virtual:catalogue/og-card-worker";
const RESOLVED = `\0${MODULE}`;
const HANDED_OVER = Symbol.for("research-catalogue.og-cards");

/** A card to draw, the output path its image goes to (`papers/2105.15082/og.png`), and its cache key. */
export interface CardJob {
  path: string;
  hash: string;
  card: OgCard;
}

type Store = Record<typeof HANDED_OVER, CardPool | undefined>;
const store = globalThis as unknown as Store;

/** Cards a worker is sent at once. */
const BATCH = 32;

/**
 * The worker threads: as many as the cores but one (the main thread renders the pages), at
 * least one, at most four (each holds its fonts and letter masks).
 */
export const ogCardWorkers = (): number => Math.max(1, Math.min(availableParallelism() - 1, 4));

export class CardPool {
  private readonly jobs: CardJob[] = [];
  private drawing: Promise<{ drawn: number; cached: number }> | null = null;
  private loaded: Promise<void> = Promise.resolve();

  private readonly cacheDir: string;

  constructor(cacheDir: string) {
    this.cacheDir = resolve(cacheDir);
  }

  /**
   * Starts drawing `jobs` on the bundled worker at `workerUrl`; a second hand-over is ignored.
   * Resolves once every worker has loaded its module: Astro deletes its server build, the
   * worker's chunk among it, as soon as the pages are written, and a card route that hands its
   * cards over renders no page to keep Astro waiting. It rejects if the pool fails first.
   */
  start(workerUrl: string, jobs: readonly CardJob[]): Promise<void> {
    if (this.drawing) return this.loaded;
    this.jobs.push(...jobs);
    const unique = [...new Map(jobs.map((job) => [job.hash, job])).values()];
    let loaded!: () => void;
    const workersLoaded = new Promise<void>((resolve) => (loaded = resolve));
    this.drawing = drawCards(new URL(workerUrl), this.cacheDir, unique, loaded);
    // A failure is reported by `finish`; until then it must not count as unhandled.
    this.drawing.catch(() => undefined);
    this.loaded = Promise.race([workersLoaded, this.drawing.then(() => undefined)]);
    return this.loaded;
  }

  /** Waits for every card, then links each image from the cache into `outDir`. */
  async finish(outDir: string): Promise<{ images: number; drawn: number; cached: number }> {
    if (!this.drawing) return { images: 0, drawn: 0, cached: 0 };
    const counts = await this.drawing;
    for (const job of this.jobs) {
      const target = join(outDir, job.path);
      mkdirSync(dirname(target), { recursive: true });
      rmSync(target, { force: true });
      const source = join(this.cacheDir, `${job.hash}.png`);
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target); // another file system, or links not allowed
      }
    }
    return { images: this.jobs.length, ...counts };
  }
}

/**
 * Draws `jobs` on a pool of workers, each pulling a batch when it is done with the last.
 * `loaded` is called once every worker has said `{ ready: true }`, its module loaded.
 */
export function drawCards(
  entry: URL,
  cacheDir: string,
  jobs: readonly CardJob[],
  loaded: () => void = () => undefined,
): Promise<{ drawn: number; cached: number }> {
  return new Promise((resolve, reject) => {
    const counts = { drawn: 0, cached: 0 };
    const workers: Worker[] = [];
    /** Workers stopped because no card was left for them: their exit is expected. */
    const retired = new Set<Worker>();
    let next = 0;
    let busy = 0;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      for (const worker of workers) void worker.terminate();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const feed = (worker: Worker) => {
      if (failed) return;
      if (next >= jobs.length) {
        retired.add(worker);
        void worker.terminate();
        if (busy === 0) {
          failed = true; // settled: later exits are expected
          resolve(counts);
        }
        return;
      }
      busy++;
      worker.postMessage(jobs.slice(next, next + BATCH).map(({ hash, card }) => ({ hash, card })));
      next += BATCH;
    };
    const count = Math.min(ogCardWorkers(), Math.ceil(jobs.length / BATCH));
    let ready = 0;
    if (count === 0) {
      loaded();
      resolve(counts);
      return;
    }
    for (let i = 0; i < count; i++) {
      // Each worker is given its first batch at once, the rest as it asks.
      const worker = new Worker(entry, { workerData: { cacheDir } });
      workers.push(worker);
      worker.on("message", (reply: { ready: true } | { drawn: number; cached: number }) => {
        if ("ready" in reply) {
          if (++ready === count) loaded();
          return;
        }
        busy--;
        counts.drawn += reply.drawn;
        counts.cached += reply.cached;
        feed(worker);
      });
      worker.on("error", (error) =>
        fail(new Error(`og-cards: a card worker failed: ${error.message}`, { cause: error })),
      );
      worker.on("exit", (code) => {
        if (!retired.has(worker))
          fail(new Error(`og-cards: a card worker exited (code ${code}) before its cards were drawn`));
      });
      feed(worker);
    }
  });
}

/**
 * The card route's static paths: under `astro dev`, `path` of every paper; in a build, none, the
 * cards being handed over to the pool (`workerUrl` is the bundled worker's).
 */
export async function ogCardPaths<Item, Path>(
  items: readonly Item[],
  path: (item: Item) => Path,
  job: (item: Item) => CardJob,
  workerUrl: string | null,
): Promise<Path[]> {
  if (workerUrl === null) return items.map(path);
  const pool = store[HANDED_OVER];
  if (pool === undefined) throw new Error("og-cards: the card route handed over its cards outside a build");
  await pool.start(workerUrl, items.map(job));
  return [];
}

export function ogCards(entry: URL, cacheDir = ogImageCacheDir): AstroIntegration {
  let outDir = "";
  return {
    name: "catalogue:og-cards",
    hooks: {
      "astro:config:setup": ({ command, updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: "catalogue:og-card-worker",
                resolveId: (id) => (id === MODULE ? RESOLVED : null),
                load(id) {
                  if (id !== RESOLVED) return null;
                  if (command !== "build") return "export default null;";
                  const chunk = this.emitFile({ type: "chunk", id: fileURLToPath(entry), name: "og-card-worker" });
                  return `export default import.meta.ROLLUP_FILE_URL_${chunk};`;
                },
              },
            ],
          },
        });
      },
      "astro:config:done": ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      "astro:build:start": () => {
        store[HANDED_OVER] = new CardPool(cacheDir);
      },
      "astro:build:done": async ({ logger }) => {
        const pool = store[HANDED_OVER];
        store[HANDED_OVER] = undefined;
        if (pool === undefined) return;
        const start = performance.now();
        const { images, drawn, cached } = await pool.finish(outDir);
        if (images > 0)
          logger.info(
            `${images} preview images (${drawn} drawn, ${cached} from the cache); the last ${Math.round(performance.now() - start)} ms after the pages`,
          );
      },
    },
  };
}
