import { type Dec, dec, type Numeric } from "../money.js";

/**
 * The shape of a self-hosted cost curve: fixed + instanceMonthly × max(minimumInstances, ceil(V / perInstance)).
 * A flat estimate is the case perInstance = null (one price whatever the volume).
 */
export interface SelfHostedCurve {
  fixedMonthlyUsd: Dec;
  instanceMonthlyUsd: Dec;
  minimumInstances: number;
  requestsPerInstancePerMonth: Dec | null;
}

export const flatCurve = (monthlyUsd: Numeric): SelfHostedCurve => ({
  fixedMonthlyUsd: dec(monthlyUsd),
  instanceMonthlyUsd: dec(0),
  minimumInstances: 0,
  requestsPerInstancePerMonth: null,
});

/**
 * The fewest instances whose capacity covers the volume: the smallest n with n × perInstance ≥ V.
 * Checked by multiplication, because V / perInstance can round a hair above a whole number.
 */
export function instancesFor(requestsPerMonth: Dec, perInstance: Dec): number {
  if (perInstance.isZero()) return 0;
  let n = requestsPerMonth.dividedBy(perInstance).ceil().toNumber();
  while (n > 0 && perInstance.times(n - 1).greaterThanOrEqualTo(requestsPerMonth)) n -= 1;
  return n;
}

export function selfHostedCostAt(curve: SelfHostedCurve, requestsPerMonth: Numeric): Dec {
  const v = dec(requestsPerMonth);
  const per = curve.requestsPerInstancePerMonth;
  const byLoad = per === null ? 0 : instancesFor(v, per);
  const instances = Math.max(curve.minimumInstances, byLoad);
  return curve.fixedMonthlyUsd.plus(curve.instanceMonthlyUsd.times(instances));
}

export type BreakEven =
  | {
      kind: "at";
      /** The exact volume where the API's cost line meets the self-hosted cost. */
      exactRequestsPerMonth: Dec;
      /** The first whole request count at which self-hosting costs no more than the API. */
      requestsPerMonth: number;
      monthlyCostUsd: Dec;
      /** Instances the self-hosted side runs at that volume. */
      instances: number;
    }
  | { kind: "never"; reason: "api-free" | "api-cheaper-per-instance" };

/**
 * Smallest volume at which self-hosting costs no more than the API, whose cost is apiPerRequest × V.
 * Closed form: on the step with n instances the API line meets the self-hosted cost at
 * V = (fixed + n × instance) / apiPerRequest, valid when V ≤ n × perInstance; the first such n is
 * n* = max(minimum, ceil(fixed / (apiPerRequest × perInstance − instance))).
 */
export function breakEven(apiPerRequestUsd: Numeric, curve: SelfHostedCurve): BreakEven {
  const k = dec(apiPerRequestUsd);
  if (k.lessThanOrEqualTo(0)) return { kind: "never", reason: "api-free" };
  const per = curve.requestsPerInstancePerMonth;
  let n = curve.minimumInstances;
  let widening = false;
  if (per !== null) {
    const marginPerInstance = k.times(per).minus(curve.instanceMonthlyUsd);
    if (marginPerInstance.lessThanOrEqualTo(0)) {
      // Each instance carries less API spend than it costs: the gap only widens with volume, so the
      // minimum deployment's own step is the only place the two can meet.
      widening = true;
      const atMinimum = curve.fixedMonthlyUsd.plus(curve.instanceMonthlyUsd.times(n)).dividedBy(k);
      if (atMinimum.ceil().greaterThan(per.times(n)))
        return { kind: "never", reason: "api-cheaper-per-instance" };
    } else {
      n = Math.max(n, curve.fixedMonthlyUsd.dividedBy(marginPerInstance).ceil().toNumber());
    }
  }
  let cost = curve.fixedMonthlyUsd.plus(curve.instanceMonthlyUsd.times(n));
  let exact = cost.dividedBy(k);
  // The whole request after the exact crossing can need one more instance; the crossing then moves
  // to the next step. That step's crossing lies inside it when an instance costs at least one
  // request's API price and carries at least one request, which every real deployment does (an
  // instance costs dollars and carries thousands); outside that, the continuous crossing stands.
  const realistic = per?.greaterThanOrEqualTo(1) === true && curve.instanceMonthlyUsd.greaterThanOrEqualTo(k);
  while (!widening && realistic && per !== null && exact.ceil().greaterThan(per.times(n))) {
    n += 1;
    cost = curve.fixedMonthlyUsd.plus(curve.instanceMonthlyUsd.times(n));
    exact = cost.dividedBy(k);
  }
  return {
    kind: "at",
    exactRequestsPerMonth: exact,
    requestsPerMonth: exact.ceil().toNumber(),
    monthlyCostUsd: cost,
    instances: n,
  };
}

/** Volumes for a cost chart: log-spaced around a centre volume, with the break-even added when there is one. */
/**
 * The volumes where a self-hosted cost curve steps up, inside [from, to]: for each instance count n,
 * the last whole request count n instances carry (floor(n × perInstance)) and the next one. A chart
 * sampling only log-spaced volumes would draw each step late, at the next sample; with these it
 * draws them where they are. Steps past the `maxSteps`-th add under 1/maxSteps of the cost each and
 * are left to the sampling.
 */
export function stepVolumes(curve: SelfHostedCurve, from: number, to: number, maxSteps = 50): number[] {
  const per = curve.requestsPerInstancePerMonth;
  if (per === null || per.lessThanOrEqualTo(0)) return [];
  const out: number[] = [];
  for (let n = Math.max(1, curve.minimumInstances); n <= maxSteps; n++) {
    const last = per.times(n).floor().toNumber();
    if (last > to) break;
    if (last >= from) out.push(last);
    if (last + 1 >= from && last + 1 <= to) out.push(last + 1);
  }
  return out;
}

export function curveVolumes(
  centreRequestsPerMonth: number,
  breakEvenRequests: number | null,
  points = 25,
): number[] {
  const centre = Math.max(centreRequestsPerMonth, 1000);
  const lo = Math.log10(centre / 100);
  const hi = Math.log10(centre * 100);
  const volumes = new Set<number>();
  for (let i = 0; i < points; i++) volumes.add(Math.round(10 ** (lo + ((hi - lo) * i) / (points - 1))));
  if (breakEvenRequests !== null) volumes.add(breakEvenRequests);
  volumes.add(Math.round(centreRequestsPerMonth));
  return [...volumes].sort((a, b) => a - b);
}
