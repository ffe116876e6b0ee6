import type { Application } from "express";
import type { Conversation } from "../conversation/conversation.js";
import type { Catalog } from "../domain/catalog/catalog.js";
import type { Logger } from "../logging.js";
import type { Metrics } from "../metrics.js";
import type { Store } from "../store/index.js";

/** What every chat surface gets from the composition root (src/main.ts). */
export interface SurfaceDeps {
  conversation: Conversation;
  store: Store;
  catalog: Catalog;
  logger: Logger;
  metrics: Metrics;
  now: () => Date;
  /** The time zone of digest schedules that name none, when the platform knows none for the user (UTC if unset). */
  digestTimezone?: string;
}

/** A chat surface as main.ts starts and stops it. */
export interface Surface {
  readonly name: "slack" | "teams" | "console";
  /** Adds the surface's HTTP routes to the process's one app (src/http/server.ts), when it receives over HTTP. */
  mount?(app: Application): void;
  start(): Promise<void>;
  /** Stops taking new work; resolves when work in flight is done or the grace period is over. */
  stop(graceMs: number): Promise<void>;
}
