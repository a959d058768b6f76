/**
 * The catalogue's heaviest derivations, each made once per build from every paper: the KaTeX
 * fonts cut to the catalogue's math, every paper's citation, each paper's related papers, and
 * the search index files.
 * At 10,000 papers they took the worker 14 s under the profiler. A build makes them on a thread, so
 * that Astro renders the first pages (the author pages need none of them) on the main thread
 * meanwhile; each result is a promise that the pages needing it await. Without a worker (`astro
 * dev`), they are made in the calling thread, in the same order.
 */
import { katexFontsFor, mathCharacters, type SubsetFont } from "../text/katex-fonts.ts";
import type { Paper } from "../content/paper.ts";
import { citePapers, type Citation } from "../citing/citation.ts";
import { findRelatedPapers, packRelatedPapers, type PackedRelatedPapers } from "../browsing/related-papers.ts";
import { buildSearchIndexFiles, type SearchIndexFiles, type SearchIndexSplit } from "./search-index-files.ts";

/** What the derivations are made from: plain data, so that it can be sent to a thread. */
export interface DerivationInput {
  papers: Paper[];
  /** Each topic's name, by slug. */
  topicNames: Record<string, string>;
  split: SearchIndexSplit;
}

export interface Derivations {
  /** KaTeX's fonts cut to the characters of the catalogue's math; none when no paper has math. */
  fonts: SubsetFont[];
  /** Every paper's citation (BibTeX key and entry, APA reference), by paper id: keys are unique across the catalogue. */
  citations: Map<string, Citation>;
  /** The nearest papers to each paper, by slug. */
  related: PackedRelatedPapers;
  /** The search index: `/search-index.json`, and for a large catalogue the parts it is split into. */
  search: SearchIndexFiles;
}

type Name = keyof Derivations;

/** The order they are made in: the order in which a build's routes first need them. */
export const DERIVATION_ORDER: readonly Name[] = ["fonts", "citations", "related", "search"];

/** Each derivation as a promise. */
export type DerivationPromises = { [K in Name]: Promise<Derivations[K]> };

/**
 * A paper as the derivations read it, the rest emptied: the abstract's raw TeX, the HTML and
 * the comments (the fonts need only the characters of the math, which the paper carries; the
 * BibTeX entry, the title's TeX). Sending the catalogue to the worker thread then copies less
 * (2,000 generated papers: 6.3 MB serialized with the title's TeX, 6.1 without, 17.2 MB whole).
 */
export function derivationPaper(paper: Paper): Paper {
  return {
    ...paper,
    comments: null,
    title: { ...paper.title, html: "" },
    abstract: { ...paper.abstract, raw: "", html: "" },
  };
}

/** Makes one derivation. `paperUrl` gives a paper's page from its slug (`urls.paper`). */
export function derive<K extends Name>(
  name: K,
  input: DerivationInput,
  paperUrl: (slug: string) => string,
): Promise<Derivations[K]> {
  const { papers, topicNames, split } = input;
  const made: { [N in Name]: () => Derivations[N] | Promise<Derivations[N]> } = {
    fonts: () => katexFontsFor(mathCharacters(papers.flatMap((paper) => [paper.title, paper.abstract]))),
    citations: () => citePapers(papers),
    related: () => packRelatedPapers(findRelatedPapers(papers)),
    search: () =>
      buildSearchIndexFiles(
        papers,
        { paperUrl, topicsOf: (paper) => paper.topics.map((slug) => topicNames[slug]!) },
        split,
      ),
  };
  return Promise.resolve().then(made[name]);
}

/** Makes every derivation in the calling thread, one after another. */
export function deriveHere(input: DerivationInput, paperUrl: (slug: string) => string): DerivationPromises {
  let previous: Promise<unknown> = Promise.resolve();
  const promises = Object.fromEntries(
    DERIVATION_ORDER.map((name) => {
      const promise = previous.then(() => derive(name, input, paperUrl));
      previous = promise;
      return [name, promise];
    }),
  );
  return promises as DerivationPromises;
}

/** The part of a `Worker` that the hand-over uses: its replies, its failure, and its end. */
export interface Port {
  postMessage(message: unknown): void;
  on(event: "message" | "error" | "exit", listener: (value: unknown) => void): unknown;
}

/** The derivations thread ended before replying with every derivation. */
export class DerivationsWorkerExit extends Error {
  override name = "DerivationsWorkerExit";
}

/** What a thread sends back: a derivation, or why it failed. */
type Reply = { name: Name; value: unknown } | { name: Name; error: unknown };

/**
 * Sends the input over `port` (to a thread that runs `serveDerivations`) and gives each
 * derivation as a promise settled when its reply arrives. `done` is called after the last. A
 * thread that fails rejects every derivation still pending with its error; one that exits
 * without a reason rejects them with a `DerivationsWorkerExit` naming its exit code.
 */
export function deriveOver(port: Port, input: DerivationInput, done: () => void): DerivationPromises {
  const settle = new Map<Name, { resolve: (value: never) => void; reject: (error: unknown) => void }>();
  const promises = Object.fromEntries(
    DERIVATION_ORDER.map((name) => [name, new Promise((resolve, reject) => settle.set(name, { resolve, reject }))]),
  ) as DerivationPromises;
  const finish = () => {
    if (settle.size === 0) done();
  };
  port.on("message", (message) => {
    const reply = message as Reply;
    const pending = settle.get(reply.name);
    settle.delete(reply.name);
    if ("error" in reply) pending?.reject(reply.error);
    else pending?.resolve(reply.value as never);
    finish();
  });
  const fail = (error: unknown) => {
    if (settle.size === 0) return;
    for (const pending of settle.values()) pending.reject(error);
    settle.clear();
    finish();
  };
  port.on("error", fail);
  port.on("exit", (code) =>
    fail(
      new DerivationsWorkerExit(
        `the derivations worker exited (code ${String(code)}) before making ${[...settle.keys()].join(", ")}`,
      ),
    ),
  );
  port.postMessage(input);
  return promises;
}

/** The thread's side: makes the derivations of the input it receives, in order, replying with each. */
export function serveDerivations(
  port: Pick<Port, "postMessage"> & { once(event: "message", listener: (input: DerivationInput) => void): unknown },
  paperUrl: (slug: string) => string,
): void {
  port.once("message", async (input) => {
    for (const name of DERIVATION_ORDER) {
      try {
        port.postMessage({ name, value: await derive(name, input, paperUrl) } satisfies Reply);
      } catch (error) {
        port.postMessage({ name, error } satisfies Reply);
      }
    }
  });
}
