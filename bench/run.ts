import { readdir } from "node:fs/promises";
import { type Row, table } from "./report.js";

/**
 * `npm run bench`: every bench/*.bench.ts module, each exporting `bench(): Promise<Row[]>` that
 * measures its subject beside a baseline in the same run. An argument filters by file name.
 */
const filter = process.argv[2];
const files = (await readdir(new URL(".", import.meta.url)))
  .filter((f) => f.endsWith(".bench.ts") && (!filter || f.includes(filter)))
  .sort();
const rows: Row[] = [];
for (const f of files) {
  const mod = (await import(`./${f}`)) as { bench: () => Promise<Row[]> };
  rows.push(...(await mod.bench()));
}
process.stdout.write(`${table(rows)}\n\nNode ${process.version}, ${new Date().toISOString()}\n`);
