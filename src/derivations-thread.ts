// The worker thread a build makes the catalogue's heaviest derivations on (`lib/search/catalogue-derivations.ts`).
// Bundled as a chunk of its own by `integrations/derivations-worker.ts`.
import { parentPort } from "node:worker_threads";
import { serveDerivations } from "./lib/search/catalogue-derivations.ts";
import { urls } from "./site-urls.ts";

serveDerivations(parentPort!, urls.paper);
