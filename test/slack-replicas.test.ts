import { afterEach, describe, expect, it } from "vitest";
import { pgliteHarness, postgresHarness, type StoreHarness } from "../src/store/contract/harness.js";
import { type FakeSlack, startFakeSlack } from "./fakes/slack-api.js";
import { BOT_TOKEN, SIGNING_SECRET, startSlackReplica } from "./support/slack-app.js";
import { JSON_TYPE, readable, userTs } from "./support/slack-flows.js";
import { eventBody, sendSigned } from "./support/slack-requests.js";

/**
 * Several replicas behind a load balancer: Slack's redelivery of an event may reach another replica
 * than the first delivery did. Each replica has its own store on one database (PGlite; PostgreSQL
 * too when TEST_DATABASE_URL is set, each replica its own pool); the event is answered once.
 */

const url = process.env.TEST_DATABASE_URL;
const databases: Array<[string, () => Promise<StoreHarness>]> = [
  ["PGlite", pgliteHarness],
  ...(url ? [["PostgreSQL", () => postgresHarness(url)] as [string, () => Promise<StoreHarness>]] : []),
];

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

describe.each(databases)("replicas on %s", (_name, open) => {
  it("answer an event delivered to one replica and redelivered to another exactly once", async () => {
    const db = await open();
    cleanup.push(() => db.dispose());
    const fake: FakeSlack = await startFakeSlack({ botToken: BOT_TOKEN });
    cleanup.push(() => fake.close());
    const replicas = [];
    for (let i = 0; i < 3; i++) {
      const r = await startSlackReplica(await db.open(), fake);
      cleanup.push(() => r.close());
      replicas.push(r);
    }
    const ts = userTs();
    const mention = { type: "app_mention", channel: "C0GENERAL", user: "U0ALICE", ts, event_ts: ts };
    const question = { ...mention, text: "<@U0BOT> 500k requests a month on gpt-4o-mini" };
    // The first delivery and two retries arrive at different replicas at the same time.
    const sent = await Promise.all(
      replicas.map((r, i) =>
        sendSigned(
          r.eventsUrl,
          SIGNING_SECRET,
          eventBody(question, "EvONCE"),
          JSON_TYPE,
          i > 0 ? { retryNum: i } : {},
        ),
      ),
    );
    expect(sent.map((r) => r.status)).toEqual([200, 200, 200]);
    await fake.waitFor("chat.postMessage", (c) => c.args.thread_ts === ts);
    // Stopping a replica waits for its work in flight: after this every copy has been handled.
    for (const r of replicas) await r.close();
    const answers = fake.callsOf("chat.postMessage").filter((c) => c.args.thread_ts === ts);
    expect(answers).toHaveLength(1);
    expect(readable(answers[0]?.args ?? {})).toContain("Verdict:");
  });
});
