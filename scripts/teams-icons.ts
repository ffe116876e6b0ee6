/**
 * Draws the Teams app icons from the SVGs below and writes them beside the manifest:
 * `color.png` (192×192, full colour) and `outline.png` (32×32, white on transparent), as Teams asks.
 * Run it after changing a drawing: `node --import tsx scripts/teams-icons.ts`; the PNGs are committed.
 * @see https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package#app-icons
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Resvg } from "@resvg/resvg-js";

export const ICON_DIR = new URL("../manifests/teams/", import.meta.url);

/** The mark: three rising bars (cost at volume) crossed by a flat line (the break-even). */
const bars = (unit: number) =>
  [
    [3, 9, 2, 4],
    [6.5, 6.5, 2, 6.5],
    [10, 4, 2, 9],
  ]
    .map(
      ([x, y, w, h]) =>
        `<rect x="${x! * unit}" y="${y! * unit}" width="${w! * unit}" height="${h! * unit}"/>`,
    )
    .join("");

/** 192×192: the mark in white on the app's accent colour, filling the square as Teams crops it. */
export const COLOR_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192" viewBox="0 0 192 192">
<rect width="192" height="192" fill="#4F46E5"/>
<g fill="#FFFFFF">${bars(12)}<rect x="24" y="84" width="144" height="12"/></g>
</svg>`;

/**
 * 32×32: the same mark, white on transparent, on whole pixels with anti-aliasing off, so that every
 * pixel is either opaque white or fully transparent (Teams tints the outline itself).
 */
export const OUTLINE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32" shape-rendering="crispEdges">
<g fill="#FFFFFF">${bars(2)}<rect x="4" y="14" width="24" height="2"/></g>
</svg>`;

export function renderIcon(svg: string): Buffer {
  // crispEdges: whole-pixel shapes, no anti-aliased fringe of half-transparent pixels.
  return new Resvg(svg, { shapeRendering: 1 }).render().asPng();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL("color.png", ICON_DIR), renderIcon(COLOR_SVG));
  writeFileSync(new URL("outline.png", ICON_DIR), renderIcon(OUTLINE_SVG));
  process.stdout.write(`wrote ${fileURLToPath(ICON_DIR)}color.png and outline.png\n`);
}
