import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import type { LoaderContext } from "astro/loaders";
import { afterEach, describe, expect, it } from "vitest";
import {
  builtCollection,
  contentStore,
  storeEntries,
  type StoredEntry,
} from "../../../src/integrations/content-store.ts";

type Hooks = Required<AstroIntegration["hooks"]>;
const hooks = contentStore().hooks as Hooks;
const messages: string[] = [];
const logger = { info: (message: string) => messages.push(message) } as unknown as AstroIntegrationLogger;

const setup = (command: string) => (hooks["astro:config:setup"] as (options: unknown) => void)({ command, logger });
const done = () => (hooks["astro:build:done"] as (options: unknown) => void)({ logger });

/** A loader's context whose Astro store records what it is given. */
function context(collection: string) {
  const astro: StoredEntry[] = [];
  let cleared = 0;
  const store = { clear: () => void cleared++, set: (entry: StoredEntry) => (astro.push(entry), true) };
  return { context: { collection, store } as unknown as LoaderContext, astro, cleared: () => cleared };
}

const entries: StoredEntry[] = [
  { id: "b", data: { n: 2 }, filePath: "content/x.txt" },
  { id: "a", data: { n: 1 } },
];

afterEach(() => {
  done();
  messages.length = 0;
});

describe("the content store", () => {
  it("keeps a build's entries in the build, Astro's store emptied, and gives their data back in the loader's order", () => {
    setup("build");
    const papers = context("papers");
    storeEntries(papers.context, entries);
    expect(papers.astro).toEqual([]);
    expect(papers.cleared()).toBe(1);
    expect(builtCollection("papers")).toEqual([{ n: 2 }, { n: 1 }]);
    done();
    expect(messages).toEqual(["entries read from this build's own store: 2 papers"]);
  });

  it("leaves Astro's store to astro dev", () => {
    setup("dev");
    const papers = context("papers");
    storeEntries(papers.context, entries);
    expect(papers.astro).toEqual(entries);
  });

  it("names the collection whose loader did not store its entries in the build", () => {
    setup("build");
    expect(() => builtCollection("topics")).toThrow(
      'content-store: the loader of the "topics" collection did not run in this build\'s process',
    );
  });

  it("says what is missing when the build has no store of its own", () => {
    expect(() => builtCollection("papers")).toThrow(
      "content-store: this build has no content store of its own; add contentStore() to the integrations in astro.config.mjs",
    );
  });
});
