import { describe, expect, it } from "vitest";
import { barChart } from "../../../src/lib/browsing/bar-chart.ts";
import { papersPerTopic, papersPerYear } from "../../../src/lib/browsing/paper-counts.ts";
import type { Paper } from "../../../src/lib/content/paper.ts";
import { buildTopicIndex } from "../../../src/lib/browsing/topic-index.ts";
import { seed } from "../seed.ts";

describe("papersPerYear", () => {
  it("counts the seed papers per year, newest year first", () => {
    expect(papersPerYear(seed.papers)).toEqual([
      { label: "2022", value: 2 },
      { label: "2021", value: 5 },
      { label: "2020", value: 1 },
      { label: "2019", value: 1 },
      { label: "2018", value: 1 },
    ]);
  });

  it("shows a year without papers between the first and the last as 0", () => {
    const paper = (year: number): Paper => ({ ...seed.papers[0]!, year });
    expect(papersPerYear([paper(2020), paper(2017), paper(2020)])).toEqual([
      { label: "2020", value: 2 },
      { label: "2019", value: 0 },
      { label: "2018", value: 0 },
      { label: "2017", value: 1 },
    ]);
    expect(papersPerYear([])).toEqual([]);
  });
});

describe("papersPerTopic", () => {
  it("counts the seed papers per topic, in the topics' order", () => {
    const counts = papersPerTopic(buildTopicIndex(seed.topics, seed.papers));
    expect(counts.slice(0, 4)).toEqual([
      { label: "Multimodal pretraining", value: 4 },
      { label: "Cross-modal retrieval", value: 2 },
      { label: "Large-scale training", value: 3 },
      { label: "Mixture-of-experts", value: 2 },
    ]);
    expect(counts).toHaveLength(seed.topics.length);
  });

  it("adds Other when a paper is in no topic", () => {
    const papers = seed.papers.map((p, i) => (i === 0 ? { ...p, topics: [] } : p));
    const counts = papersPerTopic(buildTopicIndex(seed.topics, papers));
    expect(counts.at(-1)).toEqual({ label: "Other", value: 1 });
  });
});

describe("barChart", () => {
  it("puts short labels left of their bars, the longest bar spanning the room left", () => {
    const chart = barChart(
      [
        { label: "2022", value: 2 },
        { label: "2021", value: 4 },
        { label: "2020", value: 0 },
      ],
      { width: 300, fontSize: 10, barHeight: 10 },
    );
    // Glyphs 6.6 wide: labels 4 x 6.6 + 6 = 32.4, values 1 x 6.6 + 6 = 12.6, room 300 - 32.4 - 12.6 = 255. Rows 20 high.
    expect(chart).toMatchObject({ width: 300, height: 60, layout: "inline", labelAnchor: "end", max: 4 });
    expect(
      chart.bars.map(({ x, y, width, labelX, labelY, valueX }) => ({ x, y, width, labelX, labelY, valueX })),
    ).toEqual([
      { x: 32.4, y: 5, width: 127.5, labelX: 26.4, labelY: 13.5, valueX: 162.9 },
      { x: 32.4, y: 25, width: 255, labelX: 26.4, labelY: 33.5, valueX: 290.4 },
      { x: 32.4, y: 45, width: 0, labelX: 26.4, labelY: 53.5, valueX: 35.4 },
    ]);
  });

  it("puts long labels above their bars, and cuts one that is wider than the chart", () => {
    const long = "A topic name far too long to fit on one line of a narrow chart";
    const chart = barChart(
      [
        { label: "Machine reading comprehension", value: 1 },
        { label: long, value: 2 },
      ],
      { width: 320, fontSize: 14 },
    );
    expect(chart.layout).toBe("stacked");
    expect(chart.labelAnchor).toBe("start");
    expect(chart.bars[0]).toMatchObject({
      shownLabel: "Machine reading comprehension",
      x: 0,
      labelX: 0,
      labelY: 14,
      y: 20,
    });
    expect(chart.bars[1]!.label).toBe(long);
    expect(chart.bars[1]!.shownLabel).toBe("A topic name far too long to fit…");
    expect(chart.bars[1]!.shownLabel.length).toBeLessThanOrEqual(Math.floor(320 / (14 * 0.66)));
  });

  it("draws no bar for a chart of zeros, and nothing for no data", () => {
    expect(barChart([{ label: "x", value: 0 }]).bars[0]!.width).toBe(0);
    expect(barChart([])).toMatchObject({ height: 0, bars: [], max: 0 });
  });
});
