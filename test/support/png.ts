import { inflateSync } from "node:zlib";

/**
 * Just enough of PNG to check app icons: the IHDR header (size, colour type) and, for 8-bit RGBA
 * without interlacing (what resvg writes), the pixels after undoing each row's filter.
 * @see https://www.w3.org/TR/png-3/#11IHDR
 */
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** 6 = truecolour with alpha (RGBA). */
  colorType: number;
  interlace: number;
}

function chunks(png: Buffer): Array<{ type: string; data: Buffer }> {
  if (!SIGNATURE.every((b, i) => png[i] === b)) throw new Error("not a PNG file");
  const out: Array<{ type: string; data: Buffer }> = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    out.push({ type: png.toString("latin1", at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

export function pngHeader(png: Buffer): PngHeader {
  const ihdr = chunks(png)[0];
  if (ihdr?.type !== "IHDR") throw new Error("PNG does not start with IHDR");
  const d = ihdr.data;
  return {
    width: d.readUInt32BE(0),
    height: d.readUInt32BE(4),
    bitDepth: d[8] ?? 0,
    colorType: d[9] ?? 0,
    interlace: d[12] ?? 0,
  };
}

const paeth = (a: number, b: number, c: number) => {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** RGBA bytes, row by row. */
export function pngPixels(png: Buffer): Uint8Array {
  const h = pngHeader(png);
  if (h.bitDepth !== 8 || h.colorType !== 6 || h.interlace !== 0)
    throw new Error(`only 8-bit RGBA without interlacing is decoded here, not ${JSON.stringify(h)}`);
  const raw = inflateSync(
    Buffer.concat(
      chunks(png)
        .filter((c) => c.type === "IDAT")
        .map((c) => c.data),
    ),
  );
  const stride = h.width * 4;
  const out = new Uint8Array(stride * h.height);
  for (let y = 0; y < h.height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= 4 ? (out[y * stride + x - 4] ?? 0) : 0;
      const b = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= 4 && y > 0 ? (out[(y - 1) * stride + x - 4] ?? 0) : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter ?? 0] ?? 0;
      out[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  return out;
}
