import { loadPhrasingConfig } from "../../src/config/phrasing.js";
import { Conversation } from "../../src/conversation/conversation.js";
import { buildCatalog } from "../../src/domain/catalog/catalog.js";
import { silentLogger } from "../../src/logging.js";
import { createMetrics, type Metrics } from "../../src/metrics.js";
import { createPhrasingService } from "../../src/phrasing/index.js";
import { createPgliteStore, type Store } from "../../src/store/index.js";

export const TODAY = "2026-11-21";

/** A real conversation on an in-memory PGlite store and the template phraser (no network). */
export async function testConversation(
  env: Record<string, string> = {},
): Promise<{ conversation: Conversation; store: Store; metrics: Metrics }> {
  const store = await createPgliteStore({ dataDir: "memory://" });
  const metrics = createMetrics(false);
  const phrasingConfig = loadPhrasingConfig(env);
  if (!phrasingConfig.ok) throw new Error(phrasingConfig.problems.join("; "));
  const logger = silentLogger();
  const conversation = new Conversation({
    store,
    catalog: buildCatalog({ pricesAt: new Date(`${TODAY}T12:00:00Z`) }),
    phrasing: createPhrasingService(phrasingConfig.value, { logger, metrics }),
    extraction: false,
    today: () => TODAY,
    logger,
    metrics,
    now: () => new Date(`${TODAY}T12:00:00Z`),
  });
  return { conversation, store, metrics };
}
