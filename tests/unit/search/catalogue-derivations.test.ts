import { MessageChannel, Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import {
  derivationPaper,
  deriveHere,
  deriveOver,
  DerivationsWorkerExit,
  serveDerivations,
  type DerivationInput,
  type DerivationPromises,
} from "../../../src/lib/search/catalogue-derivations.ts";
import { katexFontsFor, mathCharacters } from "../../../src/lib/text/katex-fonts.ts";
import { findRelatedPapers, packRelatedPapers } from "../../../src/lib/browsing/related-papers.ts";
import { buildSearchIndexFiles } from "../../../src/lib/search/search-index-files.ts";
import { citePapers } from "../../../src/lib/citing/citation.ts";
import { buildCatalogue } from "../../../src/lib/content/catalogue.ts";
import { readCatalogueInput } from "../../../src/loaders/catalogue-loaders.ts";
import { seed } from "../seed.ts";

const papers = seed.papers.map((paper, i) => ({ ...paper, topics: i % 2 === 0 ? ["nlp"] : ["nlp", "vision"] }));
const topicNames = { nlp: "Natural language", vision: "Vision" };
const split = { shardBytes: 2_000, oneFileBytes: 0, documentsPerPart: 3 }; // split, to carry the parts' Map
const input: DerivationInput = { papers, topicNames, split };
const paperUrl = (slug: string) => `/papers/${slug}/`;

const settled = async (promises: DerivationPromises) => ({
  fonts: await promises.fonts,
  citations: await promises.citations,
  related: await promises.related,
  search: await promises.search,
});

const open: MessageChannel[] = [];
afterEach(() => {
  for (const channel of open.splice(0)) channel.port1.close();
});

/** A thread's two ends, without the thread: a real channel, so every message is cloned as between threads. */
function channel() {
  const opened = new MessageChannel();
  open.push(opened);
  return { here: opened.port1, there: opened.port2 };
}

// Each derivation of the seed takes about a second (the fonts are cut by HarfBuzz): room for a slow machine.
describe("deriveHere", { timeout: 30_000 }, () => {
  it("makes the fonts, citations, related papers and search index as their own modules do", async () => {
    const made = await settled(deriveHere(input, paperUrl));
    expect(made.citations).toEqual(citePapers(papers));
    expect(made.citations.size).toBe(papers.length);
    expect(made.related).toEqual(packRelatedPapers(findRelatedPapers(papers)));
    expect(made.fonts).toEqual(await katexFontsFor(mathCharacters(papers.flatMap((p) => [p.title, p.abstract]))));
    expect(made.fonts.length).toBeGreaterThan(0); // the seed has math
    const search = buildSearchIndexFiles(
      papers,
      { paperUrl, topicsOf: (p) => p.topics.map((t) => topicNames[t as "nlp"]) },
      split,
    );
    expect(made.search).toEqual(search);
    expect(made.search.parts.size).toBeGreaterThan(1);
    expect([...made.search.parts.values()].some((part) => part.includes('"Natural language"'))).toBe(true);
  });
});

describe("derivationPaper", { timeout: 30_000 }, () => {
  it("keeps what the derivations read: they make the same from it", async () => {
    const hostile = buildCatalogue(readCatalogueInput("tests/fixtures/hostile")).papers;
    for (const catalogue of [papers, hostile]) {
      const full = { papers: catalogue, topicNames, split };
      const slim = { papers: catalogue.map(derivationPaper), topicNames, split };
      expect(await settled(deriveHere(slim, paperUrl))).toEqual(await settled(deriveHere(full, paperUrl)));
    }
    expect(derivationPaper(papers[0]!).abstract.raw).toBe("");
    expect(derivationPaper(papers[0]!).title.raw).toBe(papers[0]!.title.raw); // the BibTeX entry's title
  });
});

describe("deriveOver and serveDerivations", { timeout: 30_000 }, () => {
  it("give, across a channel, what the calling thread makes, and say when the last has come", async () => {
    const { here, there } = channel();
    serveDerivations(there, paperUrl);
    let done = 0;
    const made = await settled(deriveOver(here, input, () => done++));
    expect(done).toBe(1);
    expect(made).toEqual(await settled(deriveHere(input, paperUrl)));
    expect(made.search.parts).toBeInstanceOf(Map);
    expect(made.fonts[0]!.bytes).toBeInstanceOf(Uint8Array);
  });

  it("rejects the derivation that failed, with its error, and still gives the others", async () => {
    const { here, there } = channel();
    serveDerivations(there, () => {
      throw new Error("no URL for this paper");
    });
    const promises = deriveOver(here, input, () => undefined);
    await expect(promises.search).rejects.toThrow("no URL for this paper");
    expect((await promises.related).size).toBe(papers.length);
  });

  it("rejects every derivation still awaited when the thread fails", async () => {
    const listeners = new Map<string, (value: unknown) => void>();
    const port = {
      postMessage: () => undefined,
      on: (event: string, listener: (value: unknown) => void) => listeners.set(event, listener),
    };
    let done = 0;
    const promises = deriveOver(port, input, () => done++);
    listeners.get("error")!(new Error("worker crashed"));
    for (const promise of Object.values(promises)) await expect(promise).rejects.toThrow("worker crashed");
    expect(done).toBe(1);
  });
});

describe("deriveOver with a real thread", { timeout: 30_000 }, () => {
  it("rejects every derivation, naming the exit code, when the thread exits without replying", async () => {
    const worker = new Worker(`require("node:worker_threads").parentPort.once("message", () => process.exit(7));`, {
      eval: true,
    });
    const promises = deriveOver(worker, input, () => void worker.terminate());
    for (const promise of Object.values(promises)) {
      await expect(promise).rejects.toThrow(
        new DerivationsWorkerExit(
          "the derivations worker exited (code 7) before making fonts, citations, related, search",
        ),
      );
    }
  });
});
