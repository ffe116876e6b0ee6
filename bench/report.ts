import { Bench } from "tinybench";

/** One benchmarked task's figures, medians first: these machines are shared and noisy. */
export interface Row {
  group: string;
  name: string;
  medianUs: number;
  p99Us: number;
  opsPerSecond: number;
  samples: number;
  /** Median over the group's baseline median, measured in the same run. */
  ratioToBaseline: number | null;
}

/**
 * Runs tasks in one tinybench Bench so the baseline and the subject share the same machine state.
 * The first task of a group is its baseline.
 */
export async function measure(
  group: string,
  tasks: Array<[string, () => unknown]>,
  timeMs = 1500,
): Promise<Row[]> {
  const bench = new Bench({ time: timeMs, warmupTime: 300 });
  for (const [name, fn] of tasks) bench.add(name, fn);
  await bench.run();
  const rows: Row[] = [];
  let baseline: number | null = null;
  for (const t of bench.tasks) {
    const r = t.result;
    if (!("latency" in r)) throw new Error(`benchmark ${t.name} did not complete (${r.state})`);
    const median = r.latency.p50 * 1000;
    baseline ??= median;
    rows.push({
      group,
      name: t.name,
      medianUs: median,
      p99Us: r.latency.p99 * 1000,
      opsPerSecond: r.throughput.p50,
      samples: r.latency.samplesCount,
      ratioToBaseline: rows.length === 0 ? null : median / baseline,
    });
  }
  return rows;
}

const fmt = (n: number, digits = 1) => n.toLocaleString("en-US", { maximumFractionDigits: digits });

export function table(rows: readonly Row[]): string {
  const head =
    "| group | task | median µs | p99 µs | ops/s (median) | samples | × baseline |\n|---|---|---:|---:|---:|---:|---:|";
  const body = rows.map(
    (r) =>
      `| ${r.group} | ${r.name} | ${fmt(r.medianUs, 2)} | ${fmt(r.p99Us, 2)} | ${fmt(r.opsPerSecond, 0)} | ${r.samples} | ${r.ratioToBaseline === null ? "baseline" : fmt(r.ratioToBaseline, 2)} |`,
  );
  return [head, ...body].join("\n");
}
