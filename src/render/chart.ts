import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { formatCount } from "../domain/format.js";
import type { AdviceJson } from "./json.js";

/**
 * The break-even chart: monthly cost against volume for the API and the self-hosted option, with
 * the break-even and the current volume marked. Drawn in-process (Vega-Lite → SVG → PNG with
 * resvg and a bundled font), so no chart service sees the data and every machine draws it alike.
 */
export interface ChartInput {
  title: string;
  apiLabel: string;
  selfHostedLabel: string;
  points: Array<{ requestsPerMonth: number; apiUsd: number; selfHostedUsd: number }>;
  breakEvenRequests: number | null;
  currentRequests: number;
  /** Footnote: prices' date and source. */
  caption: string;
}

/** The chart's data from an answer's contract, or null when there is no self-hosted option to compare. */
export function chartInputFromAdvice(a: AdviceJson): ChartInput | null {
  const be = a.breakEven;
  if (be.apiOptionId === null || be.selfHostedOptionId === null || be.curve.length === 0) return null;
  const all = [...a.options, ...a.excludedOptions];
  const api = all.find((o) => o.id === be.apiOptionId);
  const self = all.find((o) => o.id === be.selfHostedOptionId);
  return {
    title: "Monthly cost by volume",
    apiLabel: api ? `API: ${api.model}` : be.apiOptionId,
    selfHostedLabel: self ? `Self-hosted: ${self.model}` : be.selfHostedOptionId,
    points: be.curve,
    breakEvenRequests: be.requestsPerMonth,
    currentRequests: be.currentRequestsPerMonth,
    caption: `Break-even ${be.requestsPerMonth === null ? "none" : `${formatCount(be.requestsPerMonth)} requests a month`}; hosted prices as of ${a.pricesAsOf}`,
  };
}

/** The Vega-Lite spec: log volume axis, log cost axis, the API as a line, self-hosting as steps. */
export function chartSpec(input: ChartInput): TopLevelSpec {
  // A log axis cannot show zero: zero volumes and costs are left out rather than drawn at a false value.
  const values = input.points
    .flatMap((p) => [
      { v: p.requestsPerMonth, usd: p.apiUsd, series: input.apiLabel },
      { v: p.requestsPerMonth, usd: p.selfHostedUsd, series: input.selfHostedLabel },
    ])
    .filter((d) => d.v > 0 && d.usd > 0);
  const x = {
    field: "v",
    type: "quantitative" as const,
    scale: { type: "log" as const },
    title: "Requests a month",
  };
  const y = {
    field: "usd",
    type: "quantitative" as const,
    scale: { type: "log" as const },
    title: "USD a month",
  };
  const color = {
    field: "series",
    type: "nominal" as const,
    scale: { domain: [input.apiLabel, input.selfHostedLabel], range: ["#1f77b4", "#ff7f0e"] },
    legend: { title: null, orient: "top-left" as const, labelLimit: 400 },
  };
  const marker = (v: number, label: string, dash: number[], dy: number) => [
    {
      data: { values: [{ v }] },
      mark: { type: "rule" as const, strokeDash: dash, color: "#555" },
      encoding: { x: { field: "v", type: "quantitative" as const } },
    },
    {
      data: { values: [{ v, label }] },
      mark: {
        type: "text" as const,
        align: "left" as const,
        dx: 4,
        dy,
        color: "#333",
        fontSize: 11,
        y: 0,
        baseline: "top" as const,
      },
      encoding: { x: { field: "v", type: "quantitative" as const }, text: { field: "label" } },
    },
  ];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: 640,
    height: 360,
    title: { text: input.title, subtitle: input.caption },
    background: "white",
    config: { font: "DejaVu Sans" },
    layer: [
      {
        data: { values: values.filter((d) => d.series === input.apiLabel) },
        mark: { type: "line" },
        encoding: { x, y, color },
      },
      {
        data: { values: values.filter((d) => d.series === input.selfHostedLabel) },
        mark: { type: "line", interpolate: "step-after" },
        encoding: { x, y, color },
      },
      ...(input.breakEvenRequests !== null ? marker(input.breakEvenRequests, "break-even", [6, 4], -6) : []),
      ...marker(Math.max(1, input.currentRequests), "you", [2, 3], 8),
    ],
  } as TopLevelSpec;
}

const fontFile = createRequire(import.meta.url).resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");

export async function chartSvg(input: ChartInput): Promise<string> {
  const view = new vega.View(vega.parse(compile(chartSpec(input)).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as a PNG, ready to upload. */
export async function chartPng(input: ChartInput): Promise<Uint8Array> {
  const svg = await chartSvg(input);
  return new Resvg(svg, {
    font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
    background: "white",
  })
    .render()
    .asPng();
}
