import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArxivApiError, arxivQueryUrl, queryArxivIds } from "../../../src/lib/content/arxiv-api-client.ts";
import { parseArxivAtom } from "../../../src/lib/content/import-arxiv-atom.ts";
import { serveRecordedArxiv, type RecordedArxiv } from "../recorded-arxiv-server.ts";

let server: RecordedArxiv;
beforeAll(async () => {
  server = await serveRecordedArxiv();
});
afterAll(() => server.close());

describe("queryArxivIds against recorded answers on 127.0.0.1", () => {
  it("asks in batches, one request at a time, pausing arXiv's three seconds between requests", async () => {
    const pauses: number[] = [];
    const answers = [];
    for await (const answer of queryArxivIds(["1605.08386", "astro-ph/0601001", "quant-ph/0201082v1"], {
      baseUrl: server.url,
      batchSize: 1,
      sleep: async (ms) => void pauses.push(ms),
    })) {
      answers.push(answer);
    }
    expect(server.requests.slice(-3)).toEqual(["1605.08386", "astro-ph/0601001", "quant-ph/0201082v1"]);
    expect(pauses).toEqual([3000, 3000]);
    expect(answers.flatMap((a) => parseArxivAtom(a.body, a.url).papers.map((p) => p.id))).toEqual([
      "1605.08386",
      "astro-ph/0601001",
      "quant-ph/0201082",
    ]);
  });

  it("puts a batch in one request, and reads arXiv's 400 answer as its error entry", async () => {
    expect(arxivQueryUrl("https://export.arxiv.org/api/query", ["0808.05394", "1707.08567"])).toBe(
      "https://export.arxiv.org/api/query?id_list=0808.05394%2C1707.08567&start=0&max_results=2",
    );
    const answers = [];
    for await (const answer of queryArxivIds(["abc"], { baseUrl: server.url })) answers.push(answer);
    expect(parseArxivAtom(answers[0]!.body, "abc").problems[0]!.message).toBe(
      "arXiv's API answered with an error: incorrect id format for abc",
    );
  });

  it("says clearly when arXiv cannot be reached or answers with an HTTP error", async () => {
    const gone = await serveRecordedArxiv();
    await gone.close();
    const closed = queryArxivIds(["1605.08386"], { baseUrl: gone.url });
    await expect(closed.next()).rejects.toThrow(
      `arXiv's API cannot be reached at ${new URL(gone.url).origin} (ECONNREFUSED). Check the network, or import a file saved from arXiv instead`,
    );
    const busy = queryArxivIds(["2206.01958"], { baseUrl: server.url });
    await expect(busy.next()).rejects.toBeInstanceOf(ArxivApiError);
    await expect(queryArxivIds(["2206.01958"], { baseUrl: server.url }).next()).rejects.toThrow(
      /answered 503 Service Unavailable/,
    );
  });
});
