/** A server on 127.0.0.1 that answers arXiv API queries with the recorded real answers in tests/fixtures/import/arxiv-api. */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

const DIR = "tests/fixtures/import/arxiv-api";

interface Recorded {
  file: string;
  url: string;
  status: number;
}

export interface RecordedArxiv {
  url: string;
  /** The `id_list` of every request, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Starts the server; a query no recording answers gets 503, as arXiv gives when it is busy. */
export async function serveRecordedArxiv(): Promise<RecordedArxiv> {
  const recorded = JSON.parse(readFileSync(`${DIR}/recorded.json`, "utf8")) as Recorded[];
  const byIds = new Map(recorded.map((r) => [new URL(r.url).searchParams.get("id_list"), r]));
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const ids = new URL(request.url ?? "/", "http://127.0.0.1").searchParams.get("id_list") ?? "";
    requests.push(ids);
    const answer = byIds.get(ids);
    if (!answer) {
      response.writeHead(503, { "content-type": "text/plain" }).end("Service Unavailable");
      return;
    }
    response
      .writeHead(answer.status, { "content-type": "application/atom+xml" })
      .end(readFileSync(`${DIR}/${answer.file}`));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/query`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
