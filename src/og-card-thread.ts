// A worker thread a build draws preview cards on (`integrations/og-cards.ts` bundles this file
// and starts a pool of them). Each message is a batch of cards; each card not in the cache yet is
// drawn into it. The reply says how many were drawn and how many found.
import { parentPort, workerData } from "node:worker_threads";
import type { OgCard } from "./lib/sharing/og-card.ts";
import { CardPainter, OgImageCache, interFonts } from "./lib/sharing/og-image.ts";

const painter = new CardPainter(interFonts());
const cache = new OgImageCache((workerData as { cacheDir: string }).cacheDir);

parentPort!.on("message", async (batch: { hash: string; card: OgCard }[]) => {
  let drawn = 0;
  for (const { hash, card } of batch) {
    if (cache.has(hash)) continue;
    cache.write(hash, await painter.paint(card));
    drawn++;
  }
  parentPort!.postMessage({ drawn, cached: batch.length - drawn });
});
