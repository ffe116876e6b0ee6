import type { Readiness } from "./server.js";

/** A surface as readiness sees it: its name, and its own report when it can tell (e.g. a dropped socket). */
export interface ReadySurface {
  readonly name: string;
  /** "ok", or why the surface cannot take messages right now; optional on the Surface port. */
  ready?(): "ok" | string;
}

export interface ReadinessTracker {
  /** The surface's start() resolved: it takes messages from now on (unless its own ready() says otherwise). */
  started(name: string): void;
  /** Shutdown began: from now on /readyz answers 503, so load balancers send new work elsewhere. */
  stopping(): void;
  check(): Promise<Readiness>;
}

/**
 * What /readyz reports: the store answers, every surface has started and says it is ready, and
 * the process is not shutting down. Each failing check is named, e.g. `{ slack: "starting" }`.
 */
export function trackReadiness(deps: {
  ping: () => Promise<void>;
  surfaces: readonly ReadySurface[];
}): ReadinessTracker {
  const started = new Set<string>();
  let stopping = false;
  return {
    started: (name) => {
      started.add(name);
    },
    stopping: () => {
      stopping = true;
    },
    async check() {
      const checks: Record<string, string> = {};
      try {
        await deps.ping();
        checks.store = "ok";
      } catch {
        checks.store = "unreachable";
      }
      for (const s of deps.surfaces)
        checks[s.name] = started.has(s.name) ? (s.ready?.() ?? "ok") : "starting";
      if (stopping) checks.process = "stopping";
      return { ready: Object.values(checks).every((c) => c === "ok"), checks };
    },
  };
}
