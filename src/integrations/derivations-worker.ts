/**
 * Bundles `src/derivations-worker.ts` into the build as a chunk of its own, compiled like every
 * other module, and gives its URL to the pages' bundle as `virtual:catalogue/derivations-worker`.
 * Under `astro dev` there is no bundle to run on a thread, and the module gives `null`: the
 * derivations are then made in the dev server's own thread.
 */
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

const MODULE = "virtual:catalogue/derivations-worker";
const RESOLVED = `\0${MODULE}`;

export function derivationsWorker(entry: URL): AstroIntegration {
  return {
    name: "catalogue:derivations-worker",
    hooks: {
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
