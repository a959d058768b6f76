/**
 * Bundles `src/derivations-thread.ts` into the build as a chunk of its own, compiled like every
 * other module, and gives its URL to the pages' bundle as `virtual:catalogue/derivations-worker`.
 * Under `astro dev` there is no bundle to run on a thread, and the module gives `null`: the
 * derivations are then made in the dev server's own thread. A build in which no page started
 * the thread fails, rather than silently make them on the pages' thread.
 */
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { AstroIntegration } from "astro";

const STARTED = Symbol.for("research-catalogue.derivations-worker");
const global = globalThis as unknown as Record<typeof STARTED, number | undefined>;

/** Starts the derivations thread from its bundled chunk (the URL the virtual module gives). */
export function startDerivationsWorker(url: string): Worker {
  global[STARTED] = (global[STARTED] ?? 0) + 1;
  return new Worker(new URL(url));
}

const MODULE = "virtual:catalogue/derivations-worker";
const RESOLVED = `\0${MODULE}`;

export function derivationsWorker(entry: URL): AstroIntegration {
  return {
    name: "catalogue:derivations-worker",
    hooks: {
      "astro:build:start": () => {
        global[STARTED] = 0;
      },
      "astro:build:done": ({ logger }) => {
        const started = global[STARTED];
        global[STARTED] = undefined;
        if (!started) {
          throw new Error(
            'derivations-worker: no page started the derivations worker in this build (has Astro changed when it loads the pages\' bundle? see "Upgrading Astro" in the README)',
          );
        }
        logger.info("fonts, citations, related papers and the search index made on a worker thread");
      },
      "astro:config:setup": ({ command, updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: "catalogue:derivations-worker",
                resolveId: (id) => (id === MODULE ? RESOLVED : null),
                load(id) {
                  if (id !== RESOLVED) return null;
                  if (command !== "build") return "export default null;";
                  const chunk = this.emitFile({ type: "chunk", id: fileURLToPath(entry), name: "derivations-worker" });
                  return `export default import.meta.ROLLUP_FILE_URL_${chunk};`;
                },
              },
            ],
          },
        });
      },
    },
  };
}
