/**
 * Asking arXiv's API for papers by id, as its terms of use ask of a client
 * (https://info.arxiv.org/help/api/tou.html): one request at a time, no more than one every
 * three seconds, ids in batches (`id_list`) rather than a request per paper. The base URL is
 * an option so that tests replay recorded answers from a server on 127.0.0.1.
 */

export const ARXIV_API_URL = "https://export.arxiv.org/api/query";
/** The pause arXiv asks for between two requests. */
export const ARXIV_API_DELAY_MS = 3000;
/** Ids per request: well under arXiv's limits on results and on the length of a URL. */
export const ARXIV_API_BATCH = 50;

export interface ArxivApiOptions {
  baseUrl?: string;
  delayMs?: number;
  batchSize?: number;
  fetch?: typeof fetch;
  /** Waits between requests; tests pass one that records the pauses instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
}

/** One answer: the URL asked and the Atom text arXiv gave. */
export interface ArxivApiAnswer {
  url: string;
  ids: string[];
  body: string;
}

/** arXiv's API could not be reached, or answered with an HTTP error: the message says which and what to do. */
export class ArxivApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArxivApiError";
  }
}

/** The request URL for a batch of ids. */
export function arxivQueryUrl(baseUrl: string, ids: readonly string[]): string {
  const url = new URL(baseUrl);
  url.searchParams.set("id_list", ids.join(","));
  url.searchParams.set("start", "0");
  url.searchParams.set("max_results", String(ids.length));
  return url.toString();
}

/** Asks for the ids in batches, pausing between requests; yields each answer as it comes. */
export async function* queryArxivIds(ids: readonly string[], options: ArxivApiOptions = {}): AsyncGenerator<ArxivApiAnswer> {
  const baseUrl = options.baseUrl ?? ARXIV_API_URL;
  const delayMs = options.delayMs ?? ARXIV_API_DELAY_MS;
  const batchSize = options.batchSize ?? ARXIV_API_BATCH;
  const get = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let start = 0; start < ids.length; start += batchSize) {
    if (start > 0) await sleep(delayMs);
    const batch = ids.slice(start, start + batchSize);
    const url = arxivQueryUrl(baseUrl, batch);
    let response: Response;
    try {
      response = await get(url, { headers: { accept: "application/atom+xml" } });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new ArxivApiError(
        `arXiv's API cannot be reached at ${new URL(baseUrl).origin} (${cause?.code ?? cause?.message ?? (error as Error).message}). Check the network, or import a file saved from arXiv instead (see "Adding papers" in the README)`,
      );
    }
    const body = await response.text();
    // arXiv answers a malformed id with HTTP 400 and an Atom error entry, which the feed reader reports.
    if (!response.ok && !(response.status === 400 && body.includes("<feed"))) {
      throw new ArxivApiError(
        `arXiv's API answered ${response.status} ${response.statusText} to ${url}; try again later (arXiv asks clients to wait between requests)`,
      );
    }
    yield { url, ids: batch, body };
  }
}
