/**
 * Preview cards drawn off the main thread. The card worker (`src/og-card-thread.ts`) is bundled
 * by esbuild when a build starts, into a folder of this integration's own (Astro deletes its own
 * server build, chunks and all, as soon as the pages are written). A pool of worker threads
 * draws the cards the cache lacks into the cache in two passes:
 *
 * - while the content loads: the papers loader hands every paper's card over as soon as it has
 *   read the catalogue (`prewarmCards`), when the main thread is busy reading it and Vite
 *   bundling, and the second core would be idle;
 * - while Astro renders the pages: the card route's `getStaticPaths` (through `ogCardPaths`)
 *   hands over every paper's card with its output path, instead of listing paths. Cards the
 *   first pass drew are found in the cache.
 *
 * `astro:build:done`, once Astro is done with the output folder, waits for the last card and
 * links each paper's image from the cache into it (a copy where a link cannot be made). Under
 * `astro dev` the route draws each card when asked.
 *
 * The pages' bundle, the loaders and this integration, loaded by astro.config.mjs, are separate
 * module graphs in one process, so the hand-over is a global.
 */
import { availableParallelism } from "node:os";
import { copyFileSync, linkSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { AstroIntegration } from "astro";
import { build } from "esbuild";
import type { OgCard } from "../lib/sharing/og-card.ts";

/** Whether builds draw a preview image per paper: unless `CATALOGUE_OG_IMAGES=0`. */
export const ogImagesWanted = (environment: Readonly<Record<string, string | undefined>>): boolean =>
  environment.CATALOGUE_OG_IMAGES !== "0";

/** Where drawn images are kept between builds: outside the build folder, so that a clean build reuses them. */
export const ogImageCacheDir = "node_modules/.cache/catalogue-og";

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
  private prewarming: Promise<{ drawn: number; cached: number }> | null = null;
  private readonly cacheDir: string;

  /** `worker` is the card worker's module; it must stay until the pool is finished. */
  constructor(
    cacheDir: string,
    private readonly worker: URL,
  ) {
    this.cacheDir = resolve(cacheDir);
  }

  /** The first pass: draws `cards` into the cache, before their paths are known; a second call is ignored. */
  prewarm(cards: readonly Omit<CardJob, "path">[]): void {
    if (this.prewarming || this.drawing) return;
    this.prewarming = drawCards(this.worker, this.cacheDir, unique(cards));
    // A failure is reported by `finish`; until then it must not count as unhandled.
    this.prewarming.catch(() => undefined);
  }

  /** The second pass: every card with its output path; once the first pass is done, draws those still missing. A second call is ignored. */
  start(jobs: readonly CardJob[]): void {
    if (this.drawing) return;
    this.jobs.push(...jobs);
    const first = this.prewarming ?? Promise.resolve({ drawn: 0, cached: 0 });
    this.drawing = first.then(() => drawCards(this.worker, this.cacheDir, unique(jobs)));
    this.drawing.catch(() => undefined);
  }

  /** Waits for every card, then links each image from the cache into `outDir`. */
  async finish(outDir: string): Promise<{ images: number; drawn: number; cached: number; drawnWhileLoading: number }> {
    const before = await (this.prewarming ?? { drawn: 0 });
    if (!this.drawing) return { images: 0, drawn: before.drawn, cached: 0, drawnWhileLoading: before.drawn };
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
    return {
      images: this.jobs.length,
      drawn: before.drawn + counts.drawn,
      cached: Math.max(0, counts.cached - before.drawn),
      drawnWhileLoading: before.drawn,
    };
  }
}

/** One job per distinct card. */
const unique = <Job extends { hash: string }>(jobs: readonly Job[]): Job[] => [
  ...new Map(jobs.map((job) => [job.hash, job])).values(),
];

/** Draws `jobs` on a pool of workers, each pulling a batch when it is done with the last. */
export function drawCards(
  entry: URL,
  cacheDir: string,
  jobs: readonly Omit<CardJob, "path">[],
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
    if (count === 0) {
      resolve(counts);
      return;
    }
    for (let i = 0; i < count; i++) {
      // Each worker is given its first batch at once, the rest as it asks.
      const worker = new Worker(entry, { workerData: { cacheDir } });
      workers.push(worker);
      worker.on("message", (reply: { drawn: number; cached: number }) => {
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
 * cards being handed over to the pool.
 */
export function ogCardPaths<Item, Path>(
  items: readonly Item[],
  path: (item: Item) => Path,
  job: (item: Item) => CardJob,
  dev: boolean,
): Path[] {
  if (dev) return items.map(path);
  const pool = store[HANDED_OVER];
  if (pool === undefined) throw new Error("og-cards: the card route handed over its cards outside a build");
  pool.start(items.map(job));
  return [];
}

/** The first pass (in a build with preview images): every paper's card, handed over by the papers loader as soon as it has them. */
export function prewarmCards(cards: () => readonly Omit<CardJob, "path">[]): void {
  store[HANDED_OVER]?.prewarm(cards());
}

/** Bundles the card worker into `file`, its packages left to be imported from node_modules. */
async function bundleWorker(entry: URL, file: string): Promise<void> {
  await build({
    entryPoints: [fileURLToPath(entry)],
    outfile: file,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
}

/**
 * `enabled`: whether builds draw preview images (`CATALOGUE_OG_IMAGES`); the worker is bundled
 * into `node_modules/.cache/catalogue-og-worker/<pid>.mjs`, removed when the build is done.
 */
export function ogCards(entry: URL, enabled: boolean, cacheDir = ogImageCacheDir): AstroIntegration {
  let outDir = "";
  let bundle = "";
  return {
    name: "catalogue:og-cards",
    hooks: {
      "astro:config:setup": async ({ command, config }) => {
        if (command !== "build" || !enabled) return;
        bundle = join(
          fileURLToPath(config.root),
          "node_modules",
          ".cache",
          "catalogue-og-worker",
          `${process.pid}.mjs`,
        );
        await bundleWorker(entry, bundle);
        store[HANDED_OVER] = new CardPool(cacheDir, pathToFileURL(bundle));
      },
      "astro:config:done": ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      "astro:build:done": async ({ logger }) => {
        const pool = store[HANDED_OVER];
        store[HANDED_OVER] = undefined;
        if (pool === undefined) return;
        const start = performance.now();
        try {
          const { images, drawn, cached, drawnWhileLoading } = await pool.finish(outDir);
          if (images > 0)
            logger.info(
              `${images} preview images (${drawn} drawn, ${drawnWhileLoading} of them while the content loaded; ${cached} from the cache); the last ${Math.round(performance.now() - start)} ms after the pages`,
            );
        } finally {
          rmSync(bundle, { force: true });
        }
      },
    },
  };
}
