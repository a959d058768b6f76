// The worker thread a build makes the catalogue's heaviest derivations on (`lib/catalogue-derivations.ts`).
// Bundled as a chunk of its own by `integrations/derivations-worker.ts`.
import { parentPort } from "node:worker_threads";
import { serveDerivations } from "./lib/catalogue-derivations.ts";
import { urls } from "./urls.ts";

serveDerivations(parentPort!, urls.paper);
