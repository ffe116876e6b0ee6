import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import express, { type Application } from "express";
import type { Logger } from "../logging.js";
import type { Metrics } from "../metrics.js";

/** What /readyz reports: each dependency's state; ready when all are. */
export interface Readiness {
  ready: boolean;
  checks: Record<string, "ok" | string>;
}

export interface HttpDeps {
  metrics: Metrics;
  logger: Logger;
  /** Store reachable, migrations done, every surface started, not shutting down (see readiness.ts). */
  readiness: () => Promise<Readiness>;
  /** False when METRICS_PORT serves /metrics apart from the public port. */
  metricsRoute?: boolean;
}

/**
 * The process's one HTTP app: health, readiness and metrics here; Slack (/slack/events) and Teams
 * (/api/messages) mount their routes on the same app, so one PORT serves every surface.
 */
export function createHttpApp(deps: HttpDeps): Application {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    try {
      const r = await deps.readiness();
      res.status(r.ready ? 200 : 503).json(r);
    } catch (error) {
      deps.logger.warn({ err: error }, "readiness check failed");
      res.status(503).json({ ready: false, checks: { readiness: "check failed" } });
    }
  });
  if (deps.metricsRoute !== false) serveMetrics(app, deps.metrics);
  return app;
}

/** /metrics alone, for METRICS_PORT: scraped from inside the network, never through the public ingress. */
export function createMetricsApp(metrics: Metrics): Application {
  const app = express();
  app.disable("x-powered-by");
  serveMetrics(app, metrics);
  return app;
}

function serveMetrics(app: Application, metrics: Metrics): void {
  app.get("/metrics", async (_req, res) => {
    res.set("Content-Type", metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}

export interface RunningServer {
  server: Server;
  port: number;
  /** Stops accepting connections, lets requests in flight finish within `graceMs`, then closes the rest. */
  close(graceMs: number): Promise<void>;
}

export async function listen(app: Application, port: number, host = "0.0.0.0"): Promise<RunningServer> {
  const server = app.listen(port, host);
  const sockets = new Set<Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await once(server, "listening");
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: async (graceMs) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => {
        for (const s of sockets) s.destroy();
      }, graceMs);
      await closed;
      clearTimeout(timer);
    },
  };
}
