/**
 * The geometry of a horizontal bar chart, computed at build time so that the page draws it as
 * inline SVG with no script. Short labels sit left of their bars; when a label would take more
 * than `inlineLabelShare` of the width, every label goes above its bar instead, so that long
 * topic names stay readable on a phone. Units are CSS pixels at the chart's natural width.
 */
import type { Count } from "./paper-counts.ts";

export interface BarChartOptions {
  /** Natural width of the chart. */
  width?: number;
  /** Font size of labels and values. */
  fontSize?: number;
  /** Height of one bar. */
  barHeight?: number;
  /** The widest share of the width labels may take beside their bars. */
  inlineLabelShare?: number;
}

export interface Bar {
  /** The full label, for the text alternative. */
  label: string;
  /** The label as drawn: cut with "…" when it would not fit. */
  shownLabel: string;
  value: number;
  /** The bar's box; a value of 0 has width 0. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the label's text starts or ends (`labelAnchor`) and its baseline. */
  labelX: number;
  labelY: number;
  /** Where the value's text starts, and its baseline. */
  valueX: number;
  valueY: number;
}

export interface BarChart {
  width: number;
  height: number;
  fontSize: number;
  /** "inline": labels end just left of the bars; "stacked": labels start above them. */
  layout: "inline" | "stacked";
  labelAnchor: "start" | "end";
  /** The largest value: its bar spans the room left after labels and values. */
  max: number;
  bars: Bar[];
}

/** A glyph width of the system sans-serif fonts, as a share of the font size: their widest (DejaVu Sans digits, 0.64), so labels never overflow. */
const GLYPH = 0.66;
const PAD = 6;

const round = (n: number) => Math.round(n * 10) / 10;

/** Lays out one bar per count, in the order given. */
export function barChart(counts: Count[], options: BarChartOptions = {}): BarChart {
  const { width = 320, fontSize = 14, barHeight = 14, inlineLabelShare = 0.35 } = options;
  const glyph = fontSize * GLYPH;
  const max = Math.max(0, ...counts.map((c) => c.value));
  const valueWidth = Math.max(1, ...counts.map((c) => String(c.value).length)) * glyph + PAD;
  const labelWidth = Math.max(0, ...counts.map((c) => c.label.length)) * glyph + PAD;
  const layout = labelWidth <= width * inlineLabelShare ? "inline" : "stacked";
  const barX = layout === "inline" ? labelWidth : 0;
  const room = width - barX - valueWidth;
  const rowHeight = layout === "inline" ? Math.max(barHeight, fontSize) + 10 : fontSize + PAD + barHeight + 12;
  const maxChars = Math.floor((layout === "inline" ? labelWidth : width) / glyph);
  const bars = counts.map(({ label, value }, i): Bar => {
    const top = i * rowHeight;
    const y = layout === "inline" ? top + (rowHeight - barHeight) / 2 : top + fontSize + PAD;
    const barWidth = max > 0 ? (value / max) * room : 0;
    const middle = y + barHeight / 2 + fontSize * 0.35;
    return {
      label,
      shownLabel: label.length > maxChars ? `${label.slice(0, maxChars - 1).trimEnd()}…` : label,
      value,
      x: round(barX),
      y: round(y),
      width: round(barWidth),
      height: barHeight,
      labelX: round(layout === "inline" ? labelWidth - PAD : 0),
      labelY: round(layout === "inline" ? middle : top + fontSize),
      valueX: round(barX + barWidth + PAD / 2),
      valueY: round(middle),
    };
  });
  return {
    width,
    height: round(counts.length * rowHeight),
    fontSize,
    layout,
    labelAnchor: layout === "inline" ? "end" : "start",
    max,
    bars,
  };
}
