import { afterAll, beforeAll } from "vitest";
import { deliveriesContract } from "./contract/deliveries.js";
import { eventsContract } from "./contract/events.js";
import type { StoreHarness } from "./contract/harness.js";
import { leasesContract } from "./contract/leases.js";
import { referencesContract } from "./contract/references.js";
import { schemaContract } from "./contract/schema.js";
import { subscriptionsContract } from "./contract/subscriptions.js";
import { threadsContract } from "./contract/threads.js";

/**
 * The store's behaviour, written once and run against every implementation (pglite.test.ts,
 * postgres.test.ts). Call inside a describe: it opens the harness before and disposes it after.
 */
export function storeContract(makeHarness: () => Promise<StoreHarness>): void {
  let harness: StoreHarness | undefined;
  beforeAll(async () => {
    harness = await makeHarness();
  });
  afterAll(async () => {
    await harness?.dispose();
  });
  const h = (): StoreHarness => {
    if (!harness) throw new Error("the store harness is not open yet");
    return harness;
  };
  schemaContract(h);
  threadsContract(h);
  eventsContract(h);
  subscriptionsContract(h);
  deliveriesContract(h);
  leasesContract(h);
  referencesContract(h);
}
