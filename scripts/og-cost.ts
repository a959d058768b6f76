/**
 * What one preview card costs, step by step (`src/lib/sharing/og-image.ts`): layout, drawing the pixels,
 * PNG encoding, in CPU milliseconds (median over a sample of the catalogue's own cards, one
 * thread, after the letters' masks are drawn), then the whole card as a build paints it (the
 * mean: collections included), and the PNG's size. `npm run bench` prints these;
 * `npx tsx scripts/og-cost.ts <content folder>` prints them alone.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { type OgCard } from "../src/lib/sharing/og-card.ts";
import { CardPainter, interFonts } from "../src/lib/sharing/og-image.ts";
import { baselinePapers } from "./astro-baseline.ts";

export interface CardCost {
  cards: number;
  layoutMs: number;
  drawMs: number;
  encodeMs: number;
  /** CPU milliseconds a card as a build paints it (`CardPainter.paint`), the mean over the sample. */
  paintMs: number;
  bytes: number;
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/** Times the card of up to `sample` papers of the content folder, spread over the catalogue. */
export async function cardCost(content: string, sample = 200): Promise<CardCost> {
  const papers = baselinePapers(content);
  const site = (parse(readFileSync(join(content, "site.yaml"), "utf8")) ?? {}) as { title?: string };
  const step = Math.max(1, Math.floor(papers.length / sample));
  const cards: OgCard[] = papers
    .filter((_, i) => i % step === 0)
    .slice(0, sample)
    .map((paper) => ({
      siteName: site.title ?? "Research Catalogue",
      title: paper.title,
      authors: paper.authors,
      year: 2000 + Number(paper.id.slice(0, 2)),
      id: paper.id,
    }));
  const painter = new CardPainter(interFonts());
  for (const card of cards) await painter.paint(card); // every letter's mask drawn once
  const layout: number[] = [];
  const draw: number[] = [];
  const encode: number[] = [];
  let bytes = 0;
  for (const card of cards) {
    let start = cpuMs();
    const laidOut = painter.layOut(card);
    layout.push(cpuMs() - start);
    start = cpuMs();
    const pixels = await painter.draw(laidOut);
    draw.push(cpuMs() - start);
    start = cpuMs();
    bytes += painter.encode(pixels).length;
    encode.push(cpuMs() - start);
  }
  const start = cpuMs();
  for (const card of cards) await painter.paint(card);
  const paintMs = (cpuMs() - start) / cards.length;
  return {
    cards: cards.length,
    paintMs,
    layoutMs: median(layout),
    drawMs: median(draw),
    encodeMs: median(encode),
    bytes: bytes / cards.length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await cardCost(process.argv[2] ?? "content"));
