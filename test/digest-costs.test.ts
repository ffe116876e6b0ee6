import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { composeDigest } from "../src/digest/compose.js";
import { NOT_CONFIGURED } from "../src/digest/compose-for.js";
import { digestText } from "../src/digest/digest-view.js";
import { type ActualSpend, createOpenAiCostsSdk, OpenAiCosts } from "../src/digest/openai-costs.js";
import { spendWindow } from "../src/digest/periods.js";
import { buildCatalog } from "../src/domain/catalog/catalog.js";
import { type CostsFake, startCostsFake } from "./fakes/openai-costs.js";

/** OpenAI's organization costs API, reached through the real SDK on a loopback fake (STYLE 24). */

const WEEKLY = { cron: "0 9 * * 1", timezone: "Europe/Berlin" };
const MONDAY = new Date("2026-11-23T08:00:00Z");
// The week before Monday 2026-11-23: UTC days 2026-11-16 … 2026-11-22.
const WEEK = spendWindow(WEEKLY, MONDAY);

let fake: CostsFake;
const client = (key = fake.adminKey, url = `${fake.url}/v1`) =>
  new OpenAiCosts(createOpenAiCostsSdk({ adminKey: key, baseUrl: url, timeoutMs: 5000 }));

beforeAll(async () => {
  fake = await startCostsFake();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.received.length = 0;
  fake.pageSize = 180;
  fake.days = [
    { day: "2026-11-15", usd: 1000 }, // before the window: not counted
    { day: "2026-11-16", usd: 10.5 },
    { day: "2026-11-17", usd: 12.25 },
    { day: "2026-11-17", usd: 0.75 }, // a second result in the same bucket (another line item)
    { day: "2026-11-20", usd: "30.1" },
    { day: "2026-11-22", usd: 31.6 },
    { day: "2026-11-23", usd: 1000 }, // the run's own day: not counted
  ];
});

/** The digest a spend result gives: the spend line, or a note and no spend line. */
const digestWith = (spend: ActualSpend) =>
  digestText(
    composeDigest({
      subscriptionId: "sub-1",
      profile: {
        requestsPerMonth: 2_000_000,
        inputTokensPerRequest: 500,
        outputTokensPerRequest: 200,
        currentModel: "gpt-4o-mini",
      },
      catalog: buildCatalog({ pricesAt: MONDAY }),
      run: { at: MONDAY, periodKey: MONDAY.toISOString() },
      timezone: "Europe/Berlin",
      scheduleLabel: "every Monday at 09:00 (Europe/Berlin)",
      previous: null,
      spend,
    }).model,
  );

describe("OpenAI organization costs", () => {
  it("sums the previous period's daily buckets, following next_page across pages", async () => {
    fake.pageSize = 3;
    const spend = await client().spend(WEEK);
    // 10.50 + 12.25 + 0.75 + 30.10 + 31.60 = 85.20 over 7 daily buckets, read 3 a page.
    expect(spend).toEqual({
      ok: true,
      from: "2026-11-16",
      to: "2026-11-22",
      days: 7,
      amountUsd: 85.2,
      buckets: 7,
    });
    const queries = fake.queries();
    expect(queries.map((q) => q.get("page"))).toEqual([null, "page_3", "page_6"]);
    expect(queries[0]?.get("start_time")).toBe(String(Date.parse("2026-11-16T00:00:00Z") / 1000));
    expect(queries[0]?.get("end_time")).toBe(String(Date.parse("2026-11-23T00:00:00Z") / 1000));
    expect(queries[0]?.get("bucket_width")).toBe("1d");
    expect(queries[0]?.get("limit")).toBe("7");
    expect(fake.received[0]?.headers.authorization).toBe(`Bearer ${fake.adminKey}`);
    expect(digestWith(spend)).toContain("OpenAI spend 2026-11-16 to 2026-11-22 (7 days): $85.20 actual");
  });

  it("gives a digest without the spend and a note when no admin key is set", () => {
    const text = digestWith(NOT_CONFIGURED);
    expect(text).toContain("Actual spend is not shown: OPENAI_ADMIN_KEY is not set");
    expect(text).not.toContain("OpenAI spend 20");
  });

  it("turns a refused key (401) into a note, not a failure", async () => {
    const spend = await client("sk-admin-wrong-key-000000");
    expect(await spend.spend(WEEK)).toEqual({
      ok: false,
      code: "unauthorized",
      note: "OpenAI refused OPENAI_ADMIN_KEY (HTTP 401); it must be an organization admin key",
    });
    expect(digestWith(await spend.spend(WEEK))).toContain(
      "Actual spend is not shown: OpenAI refused OPENAI_ADMIN_KEY",
    );
  });

  it.each([
    ["a body of the wrong shape", '{"object":"page","data":"oops","has_more":false,"next_page":null}'],
    ["a body that is not JSON", "<html>502 Bad Gateway</html>"],
    [
      "an amount that is not a number",
      '{"object":"page","data":[{"object":"bucket","start_time":0,"end_time":1,"results":[{"amount":{"value":"lots","currency":"usd"}}]}],"has_more":false,"next_page":null}',
    ],
    ["more pages but no cursor", '{"object":"page","data":[],"has_more":true,"next_page":null}'],
  ])("turns %s into a note", async (_what, body) => {
    fake.queue({ kind: "text", text: body });
    const spend = await client().spend(WEEK);
    expect(spend).toMatchObject({ ok: false, code: "malformed" });
    expect(digestWith(spend)).toMatch(
      /Actual spend is not shown: OpenAI's costs API (returned a body I could not read|said there were more pages)/,
    );
  });

  it("notes server errors, missing data, other currencies and an unreachable API", async () => {
    fake.queue({ kind: "error", status: 500 }, { kind: "error", status: 500 });
    expect(await client().spend(WEEK)).toMatchObject({
      ok: false,
      code: "http-error",
      note: "OpenAI's costs API answered HTTP 500",
    });
    fake.queue({ kind: "text", text: '{"object":"page","data":[],"has_more":false,"next_page":null}' });
    expect(await client().spend(WEEK)).toMatchObject({ ok: false, code: "no-data" });
    fake.days = [{ day: "2026-11-16", usd: 3, currency: "eur" }];
    expect(await client().spend(WEEK)).toMatchObject({
      ok: false,
      code: "currency",
      note: "OpenAI reported costs in eur, not USD",
    });
    expect(await client(fake.adminKey, "http://127.0.0.1:1/v1").spend(WEEK)).toMatchObject({
      ok: false,
      code: "unreachable",
    });
  });

  it("reads a window longer than one page's 180 buckets", async () => {
    fake.days = [
      { day: "2026-01-05", usd: 1 },
      { day: "2026-08-20", usd: 2 },
    ];
    const year = {
      start: new Date("2026-01-01T00:00:00Z"),
      end: new Date("2026-12-01T00:00:00Z"),
      days: 334,
    };
    expect(await client().spend(year)).toMatchObject({ ok: true, amountUsd: 3, buckets: 334 });
    expect(fake.queries().map((q) => q.get("limit"))).toEqual(["180", "180"]);
  });
});
