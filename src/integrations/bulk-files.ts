/**
 * Files a build writes in bulk rather than one route each: the redirect pages of other link
 * shapes, each paper's BibTeX file, the parts of a split search index, the author feeds. Astro
 * spends about half a millisecond of its own on each file a route writes (a request, a render
 * context, a response); at 10,000 papers these are 43,666 small files, 26 s of the build.
 *
 * The routes stay, and `astro dev` answers them per request as usual. In a build, their
 * `getStaticPaths` (through `bulkPaths`) hands the files over instead of listing paths. Their
 * bodies are made in small batches between the pages Astro renders, and a writer thread writes
 * them meanwhile, on the core the page rendering leaves idle, into a folder beside Astro's
 * output: Astro removes empty folders from its output while it finishes, and a file written
 * into one of them then would fail the build. `astro:build:done`, when Astro is done with its
 * output, waits for the last file and moves them all in (as Starlight's Pagefind integration
 * writes its files then). The pages' bundle and this integration, loaded by astro.config.mjs,
 * are separate module graphs in one process, so the hand-over is a global.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { AstroIntegration } from "astro";

/** A file to write, by its path in the build (`abs/2105.15082/index.html`). */
export type BulkFile = readonly [path: string, body: string];

const HANDED_OVER = Symbol.for("research-catalogue.bulk-files");

type Store = Record<typeof HANDED_OVER, BulkWriter | undefined>;
const store = globalThis as unknown as Store;

/**
 * A route's static paths: under `astro dev`, `paths` of every item; in a build, none, the items'
 * files being handed over to be written in bulk.
 */
export function bulkPaths<Item, Path>(
  route: string,
  items: readonly Item[],
  path: (item: Item) => Path,
  file: (item: Item) => BulkFile,
  dev: boolean,
): Path[] {
  if (dev) return items.map(path);
  const writer = store[HANDED_OVER];
  if (writer === undefined) throw new Error(`bulk-files: route "${route}" handed over its files outside a build`);
  writer.add(route, function* () {
    for (const item of items) yield file(item);
  });
  return [];
}

/** The writer thread: writes each batch it is sent, folders first, then says how many it wrote; a path written twice is an error. */
const WRITER = `
const { parentPort, workerData } = require("node:worker_threads");
const { mkdirSync, writeFileSync } = require("node:fs");
const { dirname, join } = require("node:path");
const folders = new Set();
parentPort.on("message", (files) => {
  for (const [path, body] of files) {
    const target = join(workerData.root, path);
    const folder = dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(target, body, { flag: "wx" });
  }
  parentPort.postMessage(files.length);
});
`;

/** About how many bytes of bodies go to the writer at once, and how many batches it may hold. */
const BATCH_BYTES = 256 * 1024;
const BATCHES_AHEAD = 2;

/**
 * Makes the handed-over files a batch at a time, each in its own turn of the event loop so
 * that page rendering goes on in between, and keeps the writer thread a few batches ahead.
 */
class BulkWriter {
  private readonly worker: Worker;
  private readonly routes = new Set<string>();
  /** How many routes handed their files over. */
  get routeCount(): number {
    return this.routes.size;
  }
  private readonly queue: Iterator<BulkFile>[] = [];
  private written = 0;
  private ahead = 0;
  private making = false;
  private failure: unknown = null;
  private settle: (() => void) | null = null;

  constructor(root: string) {
    this.worker = new Worker(WRITER, { eval: true, workerData: { root } });
    this.worker.on("message", (count: number) => {
      this.written += count;
      this.ahead--;
      this.next();
    });
    this.worker.on("error", (error) => {
      this.failure = error;
      this.settle?.();
    });
  }

  /** A route's files; a route asked twice for its paths hands them over once. */
  add(route: string, files: () => Iterable<BulkFile>): void {
    if (this.routes.has(route)) return;
    this.routes.add(route);
    this.queue.push(files()[Symbol.iterator]());
    this.next();
  }

  /** Waits for every file handed over to be written, stops the thread, and says how many there were. */
  async finish(): Promise<number> {
    if (!this.done()) await new Promise<void>((resolve) => (this.settle = resolve));
    await this.worker.terminate();
    if (this.failure !== null) throw this.failure;
    return this.written;
  }

  private done(): boolean {
    return this.failure !== null || (this.queue.length === 0 && this.ahead === 0 && !this.making);
  }

  /** Makes and sends the next batch in a later turn, unless the writer is far enough ahead. */
  private next(): void {
    if (this.done()) {
      this.settle?.();
      return;
    }
    if (this.making || this.ahead >= BATCHES_AHEAD || this.queue.length === 0) return;
    this.making = true;
    setImmediate(() => {
      this.making = false;
      try {
        const batch = this.batch();
        if (batch.length > 0) {
          this.ahead++;
          this.worker.postMessage(batch);
        }
      } catch (error) {
        this.failure = error;
      }
      this.next();
    });
  }

  private batch(): BulkFile[] {
    const batch: BulkFile[] = [];
    let bytes = 0;
    while (bytes < BATCH_BYTES && this.queue.length > 0) {
      const result = this.queue[0]!.next();
      if (result.done) {
        this.queue.shift();
        continue;
      }
      batch.push(result.value);
      bytes += result.value[1].length;
    }
    return batch;
  }
}

/** A file Astro wrote has the path of one handed over to be written in bulk. */
export class BulkFileCollision extends Error {
  override name = "BulkFileCollision";
}

/**
 * Moves every file under `from` to the same path under `to`, a folder at a time where `to` has
 * none of that name, and removes `from`. A file that `to` already has is a `BulkFileCollision`.
 * Gives how many folders and files were moved.
 */
export function moveInto(from: string, to: string): number {
  let moved = 0;
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (!existsSync(target)) {
      renameSync(source, target);
      moved++;
    } else if (entry.isDirectory() && statSync(target).isDirectory()) {
      moved += moveInto(source, target);
    } else {
      throw new BulkFileCollision(`bulk-files: ${target} was written by Astro and handed over to be written in bulk`);
    }
  }
  rmdirSync(from);
  return moved;
}

export function bulkFiles(): AstroIntegration {
  let stage = "";
  return {
    name: "catalogue:bulk-files",
    hooks: {
      "astro:config:done": ({ config }) => {
        stage = `${fileURLToPath(config.outDir).replace(/[/\\]+$/, "")}-bulk-files`;
      },
      "astro:build:start": () => {
        rmSync(stage, { recursive: true, force: true });
        store[HANDED_OVER] = new BulkWriter(stage);
      },
      "astro:build:done": async ({ dir, logger }) => {
        const writer = store[HANDED_OVER];
        store[HANDED_OVER] = undefined;
        if (writer === undefined) return;
        const start = performance.now();
        const written = await writer.finish();
        const wrote = Math.round(performance.now() - start);
        const moved = existsSync(stage) ? moveInto(stage, fileURLToPath(dir)) : 0;
        logger.info(
          `${written} files written in bulk from ${writer.routeCount} routes, the last ${wrote} ms after the pages; moved into the output in ${moved} renames`,
        );
      },
    },
  };
}
